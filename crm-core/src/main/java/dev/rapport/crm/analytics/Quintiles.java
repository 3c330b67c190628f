package dev.rapport.crm.analytics;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * RFM scores by quintile of rank: a value's score is {@code 1 + floor(5 × w / n)}, {@code w} the
 * number of values strictly below it (higher is better), so equal values share a score. Stateless.
 */
final class Quintiles {
  private Quintiles() {}

  static int[] scores(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = values.length;
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = score(below(sorted, values[i]), n);
    }
    return scores;
  }

  static int[] scores(BigDecimal[] values) {
    BigDecimal[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = values.length;
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid].compareTo(values[i]) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      scores[i] = score(lo, n);
    }
    return scores;
  }

  /** How many of the sorted values are strictly below {@code v}. */
  static int below(long[] sorted, long v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static int score(long worse, int n) {
    return 1 + (int) (5 * worse / n);
  }
}
