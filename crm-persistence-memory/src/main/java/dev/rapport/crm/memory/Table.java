package dev.rapport.crm.memory;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The committed records of one kind for one tenant, with their secondary indexes: a hash map by
 * id (O(1) lookups), the ids in order (keyset paging), and per index a map from key to the sorted
 * ids filed under it. Not thread-safe: guarded by the tenant's lock.
 */
final class Table<I extends Comparable<I>, R> {
  final Kind<I, R> kind;
  private final Map<I, R> rows = new HashMap<>();
  private final NavigableSet<I> order = new TreeSet<>();
  private final Map<String, Map<Object, NavigableSet<I>>> indexes = new HashMap<>();

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

  Table(Kind<I, R> kind) {
    this(kind, (old, record) -> { });
  }

  /** @param onPut told of every record put (after it is filed), with the one it replaces or null */
  Table(Kind<I, R> kind, java.util.function.BiConsumer<R, R> onPut) {
    this.kind = kind;
    this.onPut = onPut;
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

  /** All ids, in order; a read-only view. */
  NavigableSet<I> ids() {
    return Collections.unmodifiableNavigableSet(order);
  }

  /** The ids filed under {@code key} in the index, in order; a read-only view (maybe empty). */
  NavigableSet<I> ids(String index, Object key) {
    NavigableSet<I> set = indexes.get(index).get(key);
    return set == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(set);
  }

  /**
   * Removes the record with this id, if any, from the rows, the order and every index. The side
   * index told by {@code onPut} is not told: only tables without one delete.
   */
  void remove(I id) {
    R old = rows.remove(id);
    if (old == null) {
      return;
    }
    order.remove(id);
    for (Kind.IndexDef<R> def : kind.indexes()) {
      Map<Object, NavigableSet<I>> index = indexes.get(def.name());
      for (Object key : def.keys().apply(old)) {
        NavigableSet<I> set = index.get(key);
        if (set != null) {
          set.remove(id);
          if (set.isEmpty()) {
            index.remove(key);
          }
        }
      }
    }
  }

  /** Stores a record (new or replacing the one with its id) and refiles it in every index. */
  void put(R record) {
    I id = kind.id().apply(record);
    R old = rows.put(id, record);
    order.add(id);
    for (Kind.IndexDef<R> def : kind.indexes()) {
      Map<Object, NavigableSet<I>> index = indexes.get(def.name());
      if (old != null) {
        for (Object key : def.keys().apply(old)) {
          NavigableSet<I> set = index.get(key);
          if (set != null) {
            set.remove(id);
            if (set.isEmpty()) {
              index.remove(key);
            }
          }
        }
      }
      for (Object key : def.keys().apply(record)) {
        index.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
      }
    }
    onPut.accept(old, record);
  }
}
