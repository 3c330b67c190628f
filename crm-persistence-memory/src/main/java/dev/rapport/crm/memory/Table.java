package dev.rapport.crm.memory;

import java.util.HashMap;
import java.util.Map;

/**
 * The committed records of one kind for one tenant, with their secondary indexes: a hash map by
 * id (O(1) lookups), the ids in order (keyset paging), and per index a map from key to the sorted
 * ids filed under it. Not thread-safe: guarded by the tenant's lock.
 */
final class Table<I extends Comparable<I>, R> {
  final Kind<I, R> kind;
  private final Map<I, R> rows = new HashMap<>();
  private final SortedIds<I> order = new SortedIds<>();
  /**
   * Per index, per key: the one id filed under it (most keys of an address or a subject hold one
   * record), or a {@link SortedIds} of two or more. Ids are never {@code SortedIds} themselves.
   */
  private final Map<String, Map<Object, Object>> indexes = new HashMap<>();
  /** What {@link #ids(String, Object)} returns for a key without ids; never written. */
  private final SortedIds<I> none = new SortedIds<>();

  /** The read-only view units that only read share, made on first use (a benign race). */
  private volatile Buffer<I, R> readView;

  /** The one read-only buffer over this table, for units that only read. */
  Buffer<I, R> readView(dev.rapport.crm.common.TenantId tenant, java.util.concurrent.locks.Lock readLock) {
    Buffer<I, R> v = readView;
    if (v == null) {
      v = new Buffer<>(this, tenant, readLock, true);
      readView = v;
    }
    return v;
  }

  /** Told of every record put, with the record it replaces (or null): a side index kept on commit. */
  private final java.util.function.BiConsumer<R, R> onPut;

  /** Told that a record was removed. */
  private final Runnable onRemove;

  Table(Kind<I, R> kind) {
    this(kind, (old, record) -> { });
  }

  /** @param onRemove told when a record is removed (after {@code onPut} told of it) */
  Table(Kind<I, R> kind, java.util.function.BiConsumer<R, R> onPut, Runnable onRemove) {
    this.kind = kind;
    this.onPut = onPut;
    this.onRemove = onRemove;
    for (Kind.IndexDef<R> def : kind.indexes()) {
      indexes.put(def.name(), new HashMap<>());
    }
  }

  /** @param onPut told of every record put (after it is filed), with the one it replaces or null */
  Table(Kind<I, R> kind, java.util.function.BiConsumer<R, R> onPut) {
    this.kind = kind;
    this.onPut = onPut;
    this.onRemove = () -> { };
    for (Kind.IndexDef<R> def : kind.indexes()) {
      indexes.put(def.name(), new HashMap<>());
    }
  }

  R get(I id) {
    return rows.get(id);
  }

  int size() {
    return rows.size();
  }

  /** All ids, in order; the table's own set, for reading only. */
  SortedIds<I> ids() {
    return order;
  }

  /** The ids filed under {@code key} in the index, in order (maybe none); for reading only. */
  @SuppressWarnings("unchecked")
  SortedIds<I> ids(String index, Object key) {
    Object filed = indexes.get(index).get(key);
    if (filed == null) {
      return none;
    }
    if (filed instanceof SortedIds<?> set) {
      return (SortedIds<I>) set;
    }
    SortedIds<I> one = new SortedIds<>();
    one.add((I) filed);
    return one;
  }

  /**
   * Removes the record with this id, if any, from the rows, the order and every index. The side
   * index told by {@code onPut} is told by {@code onRemove} (sales and payments: it gives up and
   * the adapter answers from the records).
   */
  void remove(I id) {
    R old = rows.remove(id);
    if (old == null) {
      return;
    }
    onRemove.run();
    order.remove(id);
    for (Kind.IndexDef<R> def : kind.indexes()) {
      Map<Object, Object> index = indexes.get(def.name());
      for (Object key : def.keys().apply(old)) {
        unfile(index, key, id);
      }
    }
  }

  /** Stores a record (new or replacing the one with its id) and refiles it in every index. */
  void put(R record) {
    I id = kind.id().apply(record);
    R old = rows.put(id, record);
    order.add(id);
    for (Kind.IndexDef<R> def : kind.indexes()) {
      Map<Object, Object> index = indexes.get(def.name());
      if (old != null) {
        for (Object key : def.keys().apply(old)) {
          unfile(index, key, id);
        }
      }
      for (Object key : def.keys().apply(record)) {
        file(index, key, id);
      }
    }
    onPut.accept(old, record);
  }

  /** Files the id under the key: alone while it is the key's only id, else in a set. */
  @SuppressWarnings("unchecked")
  private void file(Map<Object, Object> index, Object key, I id) {
    Object filed = index.putIfAbsent(key, id);
    if (filed == null || filed.equals(id)) {
      return;
    }
    if (filed instanceof SortedIds<?> set) {
      ((SortedIds<I>) set).add(id);
      return;
    }
    SortedIds<I> set = new SortedIds<>();
    set.add((I) filed);
    set.add(id);
    index.put(key, set);
  }

  /** Takes the id from under the key; the key goes when no id is left. */
  @SuppressWarnings("unchecked")
  private void unfile(Map<Object, Object> index, Object key, I id) {
    Object filed = index.get(key);
    if (filed instanceof SortedIds<?> set) {
      SortedIds<I> ids = (SortedIds<I>) set;
      ids.remove(id);
      if (ids.size() == 1) {
        index.put(key, ids.iterator().next());
      }
    } else if (id.equals(filed)) {
      index.remove(key);
    }
  }
}
