package dev.rapport.crm.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trigrams as PostgreSQL's {@code pg_trgm} forms them, over folded text (lower-case letters,
 * digits, single spaces): each word padded with two spaces before and one after, every run of
 * three characters. Word similarity is the greatest similarity between the query's set of
 * trigrams and any run of consecutive trigrams of the text: shared / (query's + run's - shared),
 * in single precision as {@code pg_trgm} computes it, so that the memory store, H2, MariaDB and
 * PostgreSQL rank alike.
 */
final class Trigrams {
  private Trigrams() {}

  /** The trigrams of folded text, in order, repeats kept. */
  static int[] ordered(String folded) {
    int n = folded.length();
    int[] out = new int[n * 2 + 2];
    int size = 0;
    int start = 0;
    while (start < n) {
      while (start < n && folded.charAt(start) == ' ') {
        start++;
      }
      int end = start;
      while (end < n && folded.charAt(end) != ' ') {
        end++;
      }
      if (end > start) {
        char a = ' ';
        char b = ' ';
        for (int i = start; i <= end; i++) {
          char c = i < end ? folded.charAt(i) : ' ';
          out[size++] = code(a, b, c);
          a = b;
          b = c;
        }
      }
      start = end;
    }
    return Arrays.copyOf(out, size);
  }

  /** The distinct trigrams of folded text, in the order they first occur. */
  static List<String> distinct(String folded) {
    Set<String> seen = new LinkedHashSet<>();
    for (int code : ordered(folded)) {
      seen.add(text(code));
    }
    return List.copyOf(seen);
  }

  static int code(char a, char b, char c) {
    return (a << 16) | (b << 8) | c;
  }

  static String text(int code) {
    return new String(new char[] {(char) (code >>> 16), (char) ((code >>> 8) & 0xff), (char) (code & 0xff)});
  }

  /**
   * The word similarity of the query (its distinct trigrams) to the text (its trigrams in order):
   * 0 when they share none. Equal, float for float, to PostgreSQL's {@code word_similarity}
   * ({@code SearchSimilarityTest} compares them on generated text).
   */
  static float wordSimilarity(int[] query, int[] text) {
    if (query.length == 0 || text.length == 0) {
      return 0f;
    }
    // dense numbers for the text's distinct trigrams, and which of them the query holds
    int[] ids = new int[text.length];
    int distinct = dense(text, ids);
    boolean[] inQuery = new boolean[distinct];
    boolean any = false;
    int[] firstAt = new int[distinct];
    for (int i = text.length - 1; i >= 0; i--) {
      firstAt[ids[i]] = i;
    }
    for (int id = 0; id < distinct; id++) {
      int code = text[firstAt[id]];
      for (int q : query) {
        if (q == code) {
          inQuery[id] = true;
          any = true;
          break;
        }
      }
    }
    if (!any) {
      return 0f;
    }
    // pg_trgm's walk, so that every store finds what PostgreSQL finds: the run grows to each
    // trigram the query holds; its start then moves forward to where the similarity is greatest
    // and never back (on rare texts this is below the best of all runs, as in PostgreSQL)
    int q = query.length;
    int[] last = new int[distinct];
    Arrays.fill(last, -1);
    int lower = -1;
    int shared = 0;
    int size = 0;
    float best = 0f;
    for (int i = 0; i < text.length; i++) {
      int id = ids[i];
      if (lower >= 0 || inQuery[id]) {
        if (last[id] < 0) {
          size++;
          if (inQuery[id]) {
            shared++;
          }
        }
        last[id] = i;
      }
      if (!inQuery[id]) {
        continue;
      }
      if (lower == -1) {
        lower = i;
        size = 1;
      }
      float current = ratio(shared, q, size);
      int runShared = shared;
      int runSize = size;
      int previousLower = lower;
      for (int start = lower; start <= i; start++) {
        float s = ratio(runShared, q, runSize);
        if (s > current) {
          current = s;
          size = runSize;
          lower = start;
          shared = runShared;
        }
        int sid = ids[start];
        if (last[sid] == start) {
          runSize--;
          if (inQuery[sid]) {
            runShared--;
          }
        }
      }
      best = Math.max(best, current);
      for (int start = previousLower; start < lower; start++) {
        int sid = ids[start];
        if (last[sid] == start) {
          last[sid] = -1;
        }
      }
    }
    return best;
  }

  /**
   * Numbers the distinct codes of {@code text} 0, 1, ... in order of first occurrence, writing each
   * position's number to {@code ids}; returns how many there are. Without boxing: a field's text is
   * short, so a look back over the codes seen is cheaper than a hash map; long text is sorted.
   */
  private static int dense(int[] text, int[] ids) {
    int n = text.length;
    if (n <= 96) {
      int[] seen = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        int id = -1;
        for (int j = 0; j < count; j++) {
          if (seen[j] == text[i]) {
            id = j;
            break;
          }
        }
        if (id < 0) {
          seen[count] = text[i];
          id = count++;
        }
        ids[i] = id;
      }
      return count;
    }
    long[] keyed = new long[n];
    for (int i = 0; i < n; i++) {
      keyed[i] = ((long) text[i] << 32) | i;
    }
    Arrays.sort(keyed);
    // number each run of equal codes by the position it first occurs at, then renumber densely in that order
    int[] firstOf = new int[n];
    int runStart = 0;
    for (int k = 1; k <= n; k++) {
      if (k == n || (keyed[k] >>> 32) != (keyed[runStart] >>> 32)) {
        int first = (int) keyed[runStart];
        for (int r = runStart; r < k; r++) {
          firstOf[(int) keyed[r]] = first;
        }
        runStart = k;
      }
    }
    int[] number = new int[n];
    Arrays.fill(number, -1);
    int count = 0;
    for (int i = 0; i < n; i++) {
      int f = firstOf[i];
      if (number[f] < 0) {
        number[f] = count++;
      }
      ids[i] = number[f];
    }
    return count;
  }

  private static float ratio(int shared, int query, int run) {
    return (float) shared / (float) (query + run - shared);
  }

  /** The distinct codes of folded text, for a query. */
  static int[] distinctCodes(String folded) {
    return Arrays.stream(ordered(folded)).distinct().toArray();
  }
}
