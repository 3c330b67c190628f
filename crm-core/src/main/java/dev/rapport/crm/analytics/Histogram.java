package dev.rapport.crm.analytics;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whole-day durations counted by value, as the store groups them: enough for an exact median and
 * percentile without the rows. Not thread-safe.
 */
final class Histogram {
  private final TreeMap<Long, Long> counts = new TreeMap<>();
  private long total;

  void add(long days, long n) {
    if (n > 0) {
      counts.merge(days, n, Long::sum);
      total += n;
    }
  }

  void addAll(Histogram other) {
    other.counts.forEach(this::add);
  }

  long total() {
    return total;
  }

  /** The median: the middle value, or the mean of the two middle values; empty when empty. */
  Optional<Double> median() {
    if (total == 0) {
      return Optional.empty();
    }
    long lower = nth((total + 1) / 2);
    long upper = nth(total / 2 + 1);
    return Optional.of((lower + upper) / 2.0);
  }

  /** The nearest-rank percentile: the {@code ceil(p × n)}-th smallest value; empty when empty. */
  Optional<Double> percentile(int p) {
    if (total == 0) {
      return Optional.empty();
    }
    long rank = Math.max(1, (total * p + 99) / 100);
    return Optional.of((double) nth(rank));
  }

  /** The {@code rank}-th smallest value, counting from 1. */
  private long nth(long rank) {
    long seen = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + total);
  }
}
