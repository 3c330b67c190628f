package dev.rapport.crm.memory;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Predicate;

/**
 * One unit of work's view of one kind of record: the committed table, seen through the writes the
 * unit has buffered (read-your-writes). Reads take the tenant's read lock for one call; writes
 * touch only the buffer until {@link #validate()} and {@link #apply()} run under the write lock.
 * Not thread-safe (a unit of work belongs to one thread).
 */
final class Buffer<I extends Comparable<I>, R> {
  /** The expected stored version of a record that the unit inserts: none. */
  private static final long ABSENT = -1;

  private final boolean readOnly;
  private final Table<I, R> table;
  private final Kind<I, R> kind;
  private final TenantId tenant;
  private final Lock readLock;
  /*
   * The three maps below are empty and immutable until the unit's first write (see writable()):
   * most units only read, and a read should cost a read, not three maps.
   */
  /** The latest state of every record the unit wrote, with its new version. */
  private Map<I, R> writes = Collections.emptyMap();
  /** Per record written: the stored version the unit read it at, or {@link #ABSENT}. */
  private Map<I, Long> expected = Collections.emptyMap();
  /**
   * Per unique key held by a record in {@link #writes} (in its latest state): that record's id. At
   * most one record of the unit holds a key, since every write is checked against this map.
   */
  private Map<Object, I> uniqueKeys = Collections.emptyMap();
  /** Per committed record the unit deletes: the stored version it was read at. */
  private Map<I, Long> deletes = Collections.emptyMap();

  Buffer(Table<I, R> table, TenantId tenant, Lock readLock) {
    this(table, tenant, readLock, false);
  }

  /**
   * @param readOnly a view for units that only read: it never writes, so it holds no state of its
   *     own and one instance serves every such unit of the tenant, on any thread
   */
  Buffer(Table<I, R> table, TenantId tenant, Lock readLock, boolean readOnly) {
    this.readOnly = readOnly;
    this.table = table;
    this.kind = table.kind;
    this.tenant = tenant;
    this.readLock = readLock;
  }

  /** The table this buffer writes to. */
  Table<I, R> table() {
    return table;
  }

  Optional<R> find(I id) {
    Objects.requireNonNull(id, "id");
    R written = writes.get(id);
    if (written != null) {
      return Optional.of(written);
    }
    if (deletes.containsKey(id)) {
      return Optional.empty();
    }
    readLock.lock();
    try {
      return Optional.ofNullable(table.get(id));
    } finally {
      readLock.unlock();
    }
  }

  /**
   * The records with these ids, in id order, each once; unknown ids are skipped. One read lock for
   * all of them, not one per id.
   */
  List<R> findAll(Collection<I> ids) {
    Objects.requireNonNull(ids, "ids");
    List<I> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    List<R> found = new ArrayList<>(sorted.size());
    readLock.lock();
    try {
      I previous = null;
      for (I id : sorted) {
        if (id.equals(previous)) {
          continue;
        }
        previous = id;
        R r = writes.get(id);
        if (r == null && !deletes.containsKey(id)) {
          r = table.get(id);
        }
        if (r != null) {
          found.add(r);
        }
      }
    } finally {
      readLock.unlock();
    }
    return found;
  }

  /** The records filed under {@code key} in the index, in id order, as this unit sees them. */
  List<R> lookup(String index, Object key) {
    Objects.requireNonNull(key, "key");
    if (writes.isEmpty() && deletes.isEmpty()) { // nothing of the unit's own to merge: the index is already in id order
      readLock.lock();
      try {
        SortedIds<I> ids = table.ids(index, key);
        List<R> result = new ArrayList<>(ids.size());
        for (I id : ids) {
          result.add(table.get(id));
        }
        return Collections.unmodifiableList(result);
      } finally {
        readLock.unlock();
      }
    }
    Kind.IndexDef<R> def = kind.index(index);
    TreeMap<I, R> result = new TreeMap<>();
    readLock.lock();
    try {
      for (I id : table.ids(index, key)) {
        if (!hidden(id)) {
          result.put(id, table.get(id));
        }
      }
    } finally {
      readLock.unlock();
    }
    for (R r : writes.values()) {
      if (def.keys().apply(r).contains(key)) {
        result.put(kind.id().apply(r), r);
      }
    }
    return List.copyOf(result.values());
  }

  /**
   * The ids of the records filed under at least {@code least} of the keys, as this unit sees them;
   * unordered. A record under {@code least} of {@code n} keys is under one of the {@code n - least
   * + 1} keys with the fewest records: those are walked, and each id found is looked up in the
   * other keys' sets (a binary search each). One read lock for all.
   */
  List<I> filedUnderAtLeast(String index, List<?> keys, int least) {
    Objects.requireNonNull(keys, "keys");
    List<I> out = new ArrayList<>();
    if (least < 1 || least > keys.size()) {
      return out;
    }
    readLock.lock();
    try {
      List<SortedIds<I>> sets = new ArrayList<>(keys.size());
      for (Object key : keys) {
        sets.add(table.ids(index, key));
      }
      sets.sort(java.util.Comparator.comparingInt(SortedIds::size));
      int walked = keys.size() - least + 1;
      for (int w = 0; w < walked; w++) {
        // the set's ids ascend, so a finger into each other set moves forward only
        List<SortedIds<I>.Finger> fingers = new ArrayList<>(sets.size());
        for (SortedIds<I> set : sets) {
          fingers.add(set.finger());
        }
        for (I id : sets.get(w)) {
          if (hidden(id)) {
            continue;
          }
          boolean seen = false; // found walking an earlier set
          for (int e = 0; e < w && !seen; e++) {
            seen = fingers.get(e).holds(id);
          }
          if (seen) {
            continue;
          }
          int count = 1; // sets before w do not hold it
          for (int o = w + 1; o < sets.size() && count < least && count + sets.size() - o >= least; o++) {
            if (fingers.get(o).holds(id)) {
              count++;
            }
          }
          if (count >= least) {
            out.add(id);
          }
        }
      }
    } finally {
      readLock.unlock();
    }
    if (!writes.isEmpty()) {
      Kind.IndexDef<R> def = kind.index(index);
      for (R r : writes.values()) {
        Collection<?> filed = def.keys().apply(r);
        int n = 0;
        for (Object key : keys) {
          if (filed.contains(key)) {
            n++;
          }
        }
        if (n >= least) {
          out.add(kind.id().apply(r));
        }
      }
    }
    return out;
  }

  /** How many records are filed under {@code key} in the index, as this unit sees them. */
  int count(String index, Object key) {
    Objects.requireNonNull(key, "key");
    if (writes.isEmpty() && deletes.isEmpty()) { // the committed index's size: no records to walk
      readLock.lock();
      try {
        return table.ids(index, key).size();
      } finally {
        readLock.unlock();
      }
    }
    return lookup(index, key).size();
  }

  /**
   * A page of the records matching {@code filter}, in id order after the request's cursor.
   *
   * @param candidates alternative ways to narrow the committed records: each is a list of
   *     (index, key) pairs whose union holds every committed match; the smallest is walked, or all
   *     records when there is none
   * @param filter the full criterion, applied to every candidate
   */
  Page<R> page(List<List<IndexKey>> candidates, Predicate<R> filter, PageRequest request) {
    return page(candidates, filter, request, kind.parseId(), I::toString);
  }

  /**
   * Like {@link #page(List, Predicate, PageRequest)}, with the cursor read by {@code parseCursor}
   * and written by {@code cursorOf} (for keys whose text is not a page cursor).
   */
  Page<R> page(List<List<IndexKey>> candidates, Predicate<R> filter, PageRequest request,
      java.util.function.Function<String, I> parseCursor, java.util.function.Function<I, String> cursorOf) {
    Objects.requireNonNull(request, "page");
    Optional<I> after = request.after().map(parseCursor);
    int wanted = request.size() + 1;
    TreeMap<I, R> pending = new TreeMap<>();
    for (Map.Entry<I, R> w : writes.entrySet()) {
      if ((after.isEmpty() || w.getKey().compareTo(after.get()) > 0) && filter.test(w.getValue())) {
        pending.put(w.getKey(), w.getValue());
      }
    }
    List<R> found = new ArrayList<>(wanted);
    readLock.lock();
    try {
      Iterator<I> committed = committedCandidates(candidates, after);
      Iterator<Map.Entry<I, R>> own = pending.entrySet().iterator();
      I nextCommitted = nextMatch(committed, filter);
      Map.Entry<I, R> nextOwn = own.hasNext() ? own.next() : null;
      while (found.size() < wanted && (nextCommitted != null || nextOwn != null)) {
        if (nextOwn == null || (nextCommitted != null && nextCommitted.compareTo(nextOwn.getKey()) < 0)) {
          found.add(table.get(nextCommitted));
          nextCommitted = nextMatch(committed, filter);
        } else {
          found.add(nextOwn.getValue());
          nextOwn = own.hasNext() ? own.next() : null;
        }
      }
    } finally {
      readLock.unlock();
    }
    if (found.size() > request.size()) {
      List<R> items = found.subList(0, request.size());
      return new Page<>(items, Optional.of(cursorOf.apply(kind.id().apply(items.get(items.size() - 1)))));
    }
    return new Page<>(found, Optional.empty());
  }

  /**
   * How many records this unit sees match {@code filter}: as many as walking every
   * {@link #page(List, Predicate, PageRequest) page} with the same arguments returns.
   */
  long count(List<List<IndexKey>> candidates, Predicate<R> filter) {
    long n = 0;
    readLock.lock();
    try {
      Iterator<I> committed = committedCandidates(candidates, Optional.empty());
      while (committed.hasNext()) {
        I id = committed.next();
        if (!hidden(id) && filter.test(table.get(id))) {
          n++;
        }
      }
    } finally {
      readLock.unlock();
    }
    for (R r : writes.values()) {
      if (filter.test(r)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Visits every record this unit sees that matches {@code filter}, each once: the committed ones
   * filed under any of the candidates' keys (all records when there are none), then the unit's
   * own writes. For aggregates over a kind (counts, sums), without paging.
   */
  void forEach(List<IndexKey> candidates, Predicate<R> filter, java.util.function.Consumer<R> visitor) {
    readLock.lock();
    try {
      Iterator<I> committed = committedCandidates(candidates.isEmpty() ? List.of() : List.of(candidates), Optional.empty());
      while (committed.hasNext()) {
        I id = committed.next();
        R r = table.get(id);
        if (!hidden(id) && filter.test(r)) {
          visitor.accept(r);
        }
      }
    } finally {
      readLock.unlock();
    }
    for (R r : writes.values()) {
      if (filter.test(r)) {
        visitor.accept(r);
      }
    }
  }

  /** The next committed id that the unit has not rewritten and that matches; null at the end. */
  private I nextMatch(Iterator<I> ids, Predicate<R> filter) {
    while (ids.hasNext()) {
      I id = ids.next();
      if (!hidden(id) && filter.test(table.get(id))) {
        return id;
      }
    }
    return null;
  }

  private Iterator<I> committedCandidates(List<List<IndexKey>> candidates, Optional<I> after) {
    List<SortedIds<I>> best = null;
    long bestSize = table.size();
    for (List<IndexKey> alternative : candidates) {
      if (alternative.isEmpty()) {
        continue; // no way to narrow by this criterion
      }
      List<SortedIds<I>> sets = new ArrayList<>(alternative.size());
      long size = 0;
      for (IndexKey ik : alternative) {
        SortedIds<I> set = table.ids(ik.index(), ik.key());
        sets.add(set);
        size += set.size();
      }
      if (size < bestSize) {
        best = sets;
        bestSize = size;
      }
    }
    if (best == null) {
      best = List.of(table.ids());
    }
    List<Iterator<I>> iterators = new ArrayList<>(best.size());
    for (SortedIds<I> set : best) {
      iterators.add(set.ascendingAfter(after.orElse(null)));
    }
    return iterators.size() == 1 ? iterators.get(0) : new MergingIterator<>(iterators);
  }

  /**
   * Up to {@code limit} records filed under any of the keys of the index, in descending id order,
   * before {@code before} (exclusive) if given, as this unit sees them: for pages newest first.
   * Reads at most {@code limit} committed ids per key.
   */
  List<R> descending(String index, Collection<?> keys, Optional<I> before, int limit) {
    if (writes.isEmpty() && deletes.isEmpty() && keys.size() == 1) { // the usual page: one index walked backwards, nothing to merge
      List<R> result = new ArrayList<>(Math.max(0, Math.min(limit, 64)));
      readLock.lock();
      try {
        Iterator<I> it = table.ids(index, keys.iterator().next()).descendingBefore(before.orElse(null));
        while (result.size() < limit && it.hasNext()) {
          result.add(table.get(it.next()));
        }
      } finally {
        readLock.unlock();
      }
      return result;
    }
    Kind.IndexDef<R> def = kind.index(index);
    TreeMap<I, R> found = new TreeMap<>(Comparator.reverseOrder());
    for (Map.Entry<I, R> w : writes.entrySet()) {
      if ((before.isEmpty() || w.getKey().compareTo(before.get()) < 0)
          && def.keys().apply(w.getValue()).stream().anyMatch(keys::contains)) {
        found.put(w.getKey(), w.getValue());
      }
    }
    readLock.lock();
    try {
      for (Object key : keys) {
        Iterator<I> it = table.ids(index, key).descendingBefore(before.orElse(null));
        for (int n = 0; n < limit && it.hasNext(); ) {
          I id = it.next();
          if (!hidden(id)) {
            found.put(id, table.get(id));
            n++;
          }
        }
      }
    } finally {
      readLock.unlock();
    }
    List<R> result = new ArrayList<>(Math.min(limit, found.size()));
    for (R r : found.values()) {
      if (result.size() == limit) {
        break;
      }
      result.add(r);
    }
    return result;
  }

  R insert(R record) {
    requireWritable();
    Objects.requireNonNull(record, kind.name());
    checkTenant(record);
    long version = kind.version().applyAsLong(record);
    if (version != 0) {
      throw new IllegalArgumentException(
          "a new " + kind.name() + " must have version 0, not " + version);
    }
    I id = kind.id().apply(record);
    if (find(id).isPresent()) {
      throw new DuplicateException(kind.name(), "id", id);
    }
    checkUniqueNow(record);
    R stored = kind.withVersion().apply(record, 1L);
    writable();
    fileUniqueKeys(id, writes.put(id, stored), stored);
    expected.put(id, ABSENT);
    return stored;
  }

  R update(R record) {
    requireWritable();
    Objects.requireNonNull(record, kind.name());
    checkTenant(record);
    I id = kind.id().apply(record);
    long version = kind.version().applyAsLong(record);
    R current = find(id).orElseThrow(() -> new NotFoundException(kind.name(), id));
    if (kind.version().applyAsLong(current) != version) {
      throw new ConcurrentUpdateException(kind.name(), id, version, kind.version().applyAsLong(current));
    }
    checkUniqueNow(record);
    R stored = kind.withVersion().apply(record, version + 1);
    writable();
    fileUniqueKeys(id, writes.put(id, stored), stored);
    expected.putIfAbsent(id, version);
    return stored;
  }

  /**
   * Deletes a committed record at its version (checked now and again at commit). A record the unit
   * inserted itself is simply dropped.
   */
  void delete(R record) {
    requireWritable();
    Objects.requireNonNull(record, kind.name());
    checkTenant(record);
    I id = kind.id().apply(record);
    long version = kind.version().applyAsLong(record);
    R current = find(id).orElseThrow(() -> new NotFoundException(kind.name(), id));
    if (kind.version().applyAsLong(current) != version) {
      throw new ConcurrentUpdateException(kind.name(), id, version, kind.version().applyAsLong(current));
    }
    writable();
    R previous = writes.remove(id);
    Long read = expected.remove(id);
    if (previous != null) {
      fileUniqueKeys(id, previous, null);
    }
    if (read != null && read == ABSENT) {
      return; // inserted by this unit: nothing committed to delete
    }
    if (deletes.isEmpty()) {
      deletes = new LinkedHashMap<>();
    }
    deletes.put(id, read != null ? read : version);
  }

  /** Whether the unit's own state replaces (a write) or removes (a delete) the committed record. */
  private boolean hidden(I id) {
    return writes.containsKey(id) || deletes.containsKey(id);
  }

  private void requireWritable() {
    if (readOnly) {
      throw new IllegalStateException("a unit of work that only reads does not write");
    }
  }

  /** Makes the write maps on the unit's first write. */
  private void writable() {
    if (writes.isEmpty() && !(writes instanceof LinkedHashMap)) {
      writes = new LinkedHashMap<>();
      expected = new HashMap<>();
      uniqueKeys = new HashMap<>();
    }
  }

  private void checkTenant(R record) {
    TenantId of = kind.tenant().apply(record);
    if (!tenant.equals(of)) {
      throw new IllegalArgumentException("the " + kind.name() + " belongs to tenant " + of
          + ", not to this unit of work's tenant " + tenant);
    }
  }

  /**
   * Fails fast when a unique key of the record is held by another record this unit sees: one of
   * the unit's writes (a look-up in {@link #uniqueKeys}), or a committed record that the unit has not
   * rewritten. Costs the record's keys times the committed holders of each (at most one), not the
   * unit's size.
   */
  private void checkUniqueNow(R record) {
    if (kind.unique().isEmpty()) {
      return;
    }
    Kind.Unique unique = kind.unique().get();
    I id = kind.id().apply(record);
    readLock.lock();
    try {
      for (Object key : kind.index(unique.index()).keys().apply(record)) {
        I own = uniqueKeys.get(key);
        if (own != null && !own.equals(id)) {
          throw new DuplicateException(kind.name(), unique.field(), key);
        }
        for (I holder : table.ids(unique.index(), key)) {
          // a committed holder the unit rewrote holds the key only if its write does: uniqueKeys
          if (!holder.equals(id) && !hidden(holder)) {
            throw new DuplicateException(kind.name(), unique.field(), key);
          }
        }
      }
    } finally {
      readLock.unlock();
    }
  }

  /** Refiles the unique keys of a record the unit wrote: those of its previous write out, its own in. */
  private void fileUniqueKeys(I id, R previous, R stored) {
    if (kind.unique().isEmpty()) {
      return;
    }
    Kind.IndexDef<R> def = kind.index(kind.unique().get().index());
    if (previous != null) {
      for (Object key : def.keys().apply(previous)) {
        uniqueKeys.remove(key, id);
      }
    }
    if (stored != null) {
      for (Object key : def.keys().apply(stored)) {
        uniqueKeys.put(key, id);
      }
    }
  }

  /**
   * Checks, under the write lock, that every record the unit updates is still at the version it
   * was read at, that every id it inserts is still free, and that unique keys stay unique.
   */
  void validate() {
    for (Map.Entry<I, Long> e : deletes.entrySet()) {
      R stored = table.get(e.getKey());
      if (stored == null) {
        throw new NotFoundException(kind.name(), e.getKey());
      }
      if (kind.version().applyAsLong(stored) != e.getValue()) {
        throw new ConcurrentUpdateException(kind.name(), e.getKey(), e.getValue(), kind.version().applyAsLong(stored));
      }
    }
    for (Map.Entry<I, Long> e : expected.entrySet()) {
      R stored = table.get(e.getKey());
      long want = e.getValue();
      if (want == ABSENT) {
        if (stored != null) {
          throw new DuplicateException(kind.name(), "id", e.getKey());
        }
      } else if (stored == null) {
        throw new NotFoundException(kind.name(), e.getKey());
      } else if (kind.version().applyAsLong(stored) != want) {
        throw new ConcurrentUpdateException(kind.name(), e.getKey(), want, kind.version().applyAsLong(stored));
      }
    }
    if (kind.unique().isPresent()) {
      Kind.Unique unique = kind.unique().get();
      Kind.IndexDef<R> def = kind.index(unique.index());
      Map<Object, I> claimed = new HashMap<>();
      for (R r : writes.values()) {
        I id = kind.id().apply(r);
        for (Object key : def.keys().apply(r)) {
          I other = claimed.putIfAbsent(key, id);
          if (other != null && !other.equals(id)) {
            throw new DuplicateException(kind.name(), unique.field(), key);
          }
          for (I holder : table.ids(unique.index(), key)) {
            R rewritten = writes.get(holder);
            boolean stillHolds = rewritten == null ? !deletes.containsKey(holder)
                : def.keys().apply(rewritten).contains(key);
            if (!holder.equals(id) && stillHolds) {
              throw new DuplicateException(kind.name(), unique.field(), key);
            }
          }
        }
      }
    }
  }

  /** Whether the unit wrote nothing of this kind. */
  boolean isEmpty() {
    return writes.isEmpty() && deletes.isEmpty();
  }

  /** Applies the writes and deletes to the table; the caller holds the write lock and has validated. */
  void apply() {
    for (I id : deletes.keySet()) {
      table.remove(id);
    }
    for (R r : writes.values()) {
      table.put(r);
    }
  }
  /** The keys of one index for each of the values: the candidates of a query, any of which may match. */
  static List<IndexKey> keys(String index, Collection<?> values) {
    List<IndexKey> keys = new ArrayList<>(values.size());
    for (Object v : values) {
      keys.add(new IndexKey(index, v));
    }
    return keys;
  }


  /** An index and a key in it. */
  record IndexKey(String index, Object key) {}

  /** Walks several sorted iterators as one, in order, without repeats. */
  private static final class MergingIterator<I extends Comparable<I>> implements Iterator<I> {
    private final PriorityQueue<Head<I>> heads = new PriorityQueue<>(Comparator.comparing(Head::value));
    private I last;

    MergingIterator(Collection<Iterator<I>> iterators) {
      for (Iterator<I> it : iterators) {
        if (it.hasNext()) {
          heads.add(new Head<>(it.next(), it));
        }
      }
      skipRepeats();
    }

    private void skipRepeats() {
      while (!heads.isEmpty() && last != null && heads.peek().value().compareTo(last) <= 0) {
        advance(heads.poll());
      }
    }

    private void advance(Head<I> head) {
      if (head.rest().hasNext()) {
        heads.add(new Head<>(head.rest().next(), head.rest()));
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public I next() {
      if (heads.isEmpty()) {
        throw new NoSuchElementException();
      }
      Head<I> head = heads.poll();
      last = head.value();
      advance(head);
      skipRepeats();
      return last;
    }

    private record Head<I extends Comparable<I>>(I value, Iterator<I> rest) {}
  }
}
