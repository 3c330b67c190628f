package dev.rapport.crm.memory;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A sorted set of ids without repeats, for the tables' id order and index entries: a list of
 * sorted chunks of at most {@value #CHUNK} ids. Ids the stores make are time-ordered, so nearly
 * every insert is an append, one comparison with the last id and no search; others cost two binary
 * searches and a shift within one chunk. A set of one id (an e-mail key) is two small objects, not
 * a tree. Not thread-safe: guarded by the tenant's lock, like its table.
 */
final class SortedIds<I extends Comparable<I>> implements Iterable<I> {
  /** The most ids a chunk holds before it splits: shifts stay within a few cache lines' reach. */
  static final int CHUNK = 256;

  /** The chunks, in order; only the first {@code chunkCount} are used. */
  private Object[][] chunks = new Object[1][];
  /** How many ids each chunk holds. */
  private int[] counts = new int[1];
  private int chunkCount;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  @SuppressWarnings("unchecked")
  private I at(int chunk, int index) {
    return (I) chunks[chunk][index];
  }

  /** Adds the id; false when it is already there. */
  boolean add(I id) {
    if (chunkCount == 0) {
      chunks[0] = new Object[] {id};
      counts[0] = 1;
      chunkCount = 1;
      size = 1;
      return true;
    }
    int last = chunkCount - 1;
    int c = id.compareTo(at(last, counts[last] - 1));
    if (c > 0) { // the usual case: a new time-ordered id
      insertAt(last, counts[last], id);
      return true;
    }
    if (c == 0) {
      return false;
    }
    int chunk = chunkOf(id);
    int index = search(chunk, id);
    if (index >= 0) {
      return false;
    }
    insertAt(chunk, -index - 1, id);
    return true;
  }

  /** Removes the id; false when it is not there. */
  boolean remove(I id) {
    if (size == 0) {
      return false;
    }
    int chunk = chunkOf(id);
    int index = search(chunk, id);
    if (index < 0) {
      return false;
    }
    Object[] items = chunks[chunk];
    int n = counts[chunk];
    System.arraycopy(items, index + 1, items, index, n - index - 1);
    items[n - 1] = null;
    counts[chunk] = n - 1;
    size--;
    if (n == 1) { // the chunk is empty: drop it
      System.arraycopy(chunks, chunk + 1, chunks, chunk, chunkCount - chunk - 1);
      System.arraycopy(counts, chunk + 1, counts, chunk, chunkCount - chunk - 1);
      chunkCount--;
      chunks[chunkCount] = null;
    }
    return true;
  }

  boolean contains(I id) {
    return size > 0 && search(chunkOf(id), id) >= 0;
  }

  /** A forward-only finger into the set, for looking up ascending ids one after another. */
  Finger finger() {
    return new Finger();
  }

  /**
   * Looks up ids given in ascending order: each look-up starts where the last one ended and
   * gallops forward (a run of close ids costs a few comparisons each, not a search from the start).
   * Not valid once the set changes.
   */
  final class Finger {
    private int chunk;
    private int index;

    /** Whether the set holds {@code id}; {@code id} must not be below the one asked before. */
    boolean holds(I id) {
      while (chunk < chunkCount && at(chunk, counts[chunk] - 1).compareTo(id) < 0) {
        chunk++;
        index = 0;
      }
      if (chunk >= chunkCount) {
        return false;
      }
      int n = counts[chunk];
      // gallop from the finger to a position whose id is at least the one looked up (the chunk's
      // last is), then search between: every position before lo holds a smaller id
      int lo = index;
      int hi = index;
      int step = 1;
      while (at(chunk, hi).compareTo(id) < 0) {
        lo = hi + 1;
        hi = Math.min(n - 1, hi + step);
        step <<= 1;
      }
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (at(chunk, mid).compareTo(id) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      index = lo;
      return at(chunk, lo).compareTo(id) == 0;
    }
  }

  /** The last chunk whose first id is at most {@code id}, or the first chunk. */
  private int chunkOf(I id) {
    int lo = 0;
    int hi = chunkCount - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (at(mid, 0).compareTo(id) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The id's index in the chunk, or {@code -(insertion point) - 1}. */
  private int search(int chunk, I id) {
    int lo = 0;
    int hi = counts[chunk] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = at(chunk, mid).compareTo(id);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private void insertAt(int chunk, int index, I id) {
    int n = counts[chunk];
    if (n == CHUNK) { // full: split in two, or start a new chunk when appending at the end
      if (index == CHUNK && chunk == chunkCount - 1) {
        openChunk(chunk + 1, new Object[8], 0);
        insertAt(chunk + 1, 0, id);
        return;
      }
      int half = CHUNK / 2;
      Object[] upper = Arrays.copyOfRange(chunks[chunk], half, half + CHUNK);
      Arrays.fill(chunks[chunk], half, CHUNK, null);
      counts[chunk] = half;
      openChunk(chunk + 1, upper, CHUNK - half);
      if (index > half) {
        insertAt(chunk + 1, index - half, id);
      } else {
        insertAt(chunk, index, id);
      }
      return;
    }
    Object[] items = chunks[chunk];
    if (n == items.length) {
      items = Arrays.copyOf(items, Math.min(CHUNK, Math.max(4, n * 2)));
      chunks[chunk] = items;
    }
    System.arraycopy(items, index, items, index + 1, n - index);
    items[index] = id;
    counts[chunk] = n + 1;
    size++;
  }

  private void openChunk(int at, Object[] items, int count) {
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunkCount * 2);
      counts = Arrays.copyOf(counts, chunkCount * 2);
    }
    System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
    System.arraycopy(counts, at, counts, at + 1, chunkCount - at);
    chunks[at] = items;
    counts[at] = count;
    chunkCount++;
  }

  /** The ids in ascending order. */
  @Override
  public Iterator<I> iterator() {
    return new Ascending(0, 0);
  }

  /** The ids after {@code after} (exclusive), ascending; all of them when it is null. */
  Iterator<I> ascendingAfter(I after) {
    if (after == null || size == 0) {
      return iterator();
    }
    int chunk = chunkOf(after);
    int index = search(chunk, after);
    return new Ascending(chunk, index >= 0 ? index + 1 : -index - 1);
  }

  /** The ids before {@code before} (exclusive), descending; all of them when it is null. */
  Iterator<I> descendingBefore(I before) {
    if (size == 0) {
      return new Descending(-1, -1);
    }
    if (before == null) {
      return new Descending(chunkCount - 1, counts[chunkCount - 1] - 1);
    }
    int chunk = chunkOf(before);
    int index = search(chunk, before);
    return new Descending(chunk, (index >= 0 ? index : -index - 1) - 1);
  }

  /** Walks forward from a position; the set must not change while it walks. */
  private final class Ascending implements Iterator<I> {
    private int chunk;
    private int index;

    Ascending(int chunk, int index) {
      this.chunk = chunk;
      this.index = index;
      settle();
    }

    private void settle() {
      while (chunk < chunkCount && index >= counts[chunk]) {
        chunk++;
        index = 0;
      }
    }

    @Override
    public boolean hasNext() {
      return chunk < chunkCount;
    }

    @Override
    public I next() {
      if (chunk >= chunkCount) {
        throw new NoSuchElementException();
      }
      I id = at(chunk, index++);
      settle();
      return id;
    }
  }

  /** Walks backward from a position (inclusive); the set must not change while it walks. */
  private final class Descending implements Iterator<I> {
    private int chunk;
    private int index;

    Descending(int chunk, int index) {
      this.chunk = chunk;
      this.index = index;
      settle();
    }

    private void settle() {
      while (chunk >= 0 && index < 0) {
        chunk--;
        index = chunk >= 0 ? counts[chunk] - 1 : -1;
      }
    }

    @Override
    public boolean hasNext() {
      return chunk >= 0;
    }

    @Override
    public I next() {
      if (chunk < 0) {
        throw new NoSuchElementException();
      }
      I id = at(chunk, index--);
      settle();
      return id;
    }
  }
}
