package dev.rapport.crm.memory;

import dev.rapport.crm.common.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How the store handles one kind of record: how to read its id, version and tenant, how to give it
 * another version, and which secondary indexes it has. Immutable; shared by every tenant's table.
 *
 * @param name the kind as exceptions name it, e.g. {@code "lead"}
 * @param id the record's id
 * @param version the record's version
 * @param withVersion the record with another version
 * @param tenant the record's tenant
 * @param parseId parses a paging cursor back into an id
 * @param indexes the secondary indexes
 * @param unique the index whose keys are unique within a tenant, if any, and the field it guards
 */
record Kind<I extends Comparable<I>, R>(
    String name,
    Function<R, I> id,
    ToLongFunction<R> version,
    BiFunction<R, Long, R> withVersion,
    Function<R, TenantId> tenant,
    Function<String, I> parseId,
    List<IndexDef<R>> indexes,
    Optional<Unique> unique) {

  /**
   * A secondary index: the keys a record is filed under (none, one, or several, as for the
   * e-mail addresses of a contact).
   */
  record IndexDef<R>(String name, Function<R, Collection<?>> keys) {}

  /** A uniqueness rule on an index. */
  record Unique(String index, String field) {}

  Kind {
    indexes = List.copyOf(indexes);
  }

  IndexDef<R> index(String indexName) {
    for (IndexDef<R> def : indexes) {
      if (def.name().equals(indexName)) {
        return def;
      }
    }
    throw new IllegalArgumentException("no index " + indexName + " on " + name);
  }
}
