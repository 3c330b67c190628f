package dev.rapport.crm.jpa;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rows of one kind of aggregate that one unit of work has seen, and the version it reports
 * for each: the stored version, or one more per update not yet flushed. Every repository of the
 * adapter keeps its aggregate's rows in one of these; the unit of work asks all of them when a
 * flush fails, to name the record in the exception. Every query it runs names the tenant.
 * Not thread-safe.
 *
 * @param <D> the domain record
 * @param <E> its entity
 */
final class Rows<D, E> {
  /** Rebuilds a domain record from its entity at the version the unit reports. */
  interface ToDomain<D, E> {
    D apply(E entity, long version);
  }

  final Kind<D, E> kind;
  private final JpaUnitOfWork uow;
  private final ToDomain<D, E> toDomain;
  final Map<UUID, E> loaded = new HashMap<>();
  private final Map<UUID, Long> versions = new HashMap<>();
  private final Set<UUID> updated = new HashSet<>();
  final Set<UUID> inserted = new LinkedHashSet<>();
  /** Written since the last explicit flush: another update must flush first. */
  private final Set<UUID> unflushed = new HashSet<>();

  Rows(JpaUnitOfWork uow, Kind<D, E> kind, ToDomain<D, E> toDomain) {
    this.uow = uow;
    this.kind = kind;
    this.toDomain = toDomain;
    uow.register(this);
  }

  /** The ids of the records this unit inserted or updated, inserts first. */
  Set<UUID> written() {
    Set<UUID> all = new LinkedHashSet<>(inserted);
    all.addAll(updated);
    return all;
  }

  /** Forgets a record the unit deleted: it is neither loaded nor written any more. */
  void forget(UUID id) {
    loaded.remove(id);
    versions.remove(id);
    unflushed.remove(id);
    inserted.remove(id);
    updated.remove(id);
  }

  void flushed() {
    unflushed.clear();
  }

  private long reported(E e) {
    return versions.getOrDefault(kind.entityId().apply(e), kind.entityVersion().applyAsLong(e));
  }

  /** Keeps a queried entity; the unit's own instance wins (the provider returns it anyway). */
  E track(E e) {
    UUID id = kind.entityId().apply(e);
    E known = loaded.putIfAbsent(id, e);
    return known == null ? e : known;
  }

  D toDomain(E e) {
    return toDomain.apply(e, reported(e));
  }

  Optional<E> load(UUID id) {
    E e = loaded.get(id);
    if (e != null) {
      return Optional.of(e);
    }
    List<E> found = uow.em().createQuery("select e from " + kind.entityName()
            + " e where e.tenantId = :tenant and e.id = :id", kind.entityClass())
        .setParameter("tenant", uow.tenant().value())
        .setParameter("id", id)
        .getResultList();
    return found.stream().findFirst().map(this::track);
  }

  /**
   * Deletes a record at its version, at once (after the unit's pending writes): one JPQL delete
   * guarded by the version, as {@code @Version} would.
   *
   * @throws NotFoundException if the tenant has no such row
   * @throws ConcurrentUpdateException if it is no longer at the record's version
   */
  void delete(D record) {
    checkTenant(record);
    UUID id = kind.id().apply(record);
    E e = load(id).orElseThrow(() -> new NotFoundException(kind.name(), id));
    uow.flush(); // the row must be at its version in the table before it goes
    long version = kind.version().applyAsLong(record);
    if (reported(e) != version) {
      throw new ConcurrentUpdateException(kind.name(), id, version, reported(e));
    }
    int deleted = uow.em().createQuery("delete from " + kind.entityName() + " e where e.tenantId = :tenant"
            + " and e.id = :id and e.version = :version")
        .setParameter("tenant", uow.tenant().value()).setParameter("id", id)
        .setParameter("version", kind.entityVersion().applyAsLong(e)).executeUpdate();
    if (deleted != 1) {
      throw new ConcurrentUpdateException(kind.name(), id, version);
    }
    uow.em().detach(e);
    forget(id);
  }

  /** @throws IllegalArgumentException if the record belongs to another tenant than the unit's */
  void checkTenant(D record) {
    Objects.requireNonNull(record, kind.name());
    TenantId of = kind.tenant().apply(record);
    if (!uow.tenant().equals(of)) {
      throw new IllegalArgumentException("the " + kind.name() + " belongs to tenant " + of
          + ", not to this unit of work's tenant " + uow.tenant());
    }
  }

  /**
   * The entities of new records (version 0) for a write of many rows in one statement: checked as
   * {@link #insert} checks each, counted as inserted, but not persisted and not kept (a read finds
   * them in the table).
   */
  List<E> bulk(List<D> records) {
    List<E> made = new java.util.ArrayList<>(records.size());
    Set<UUID> ids = new HashSet<>();
    for (D record : records) {
      checkTenant(record);
      long version = kind.version().applyAsLong(record);
      if (version != 0) {
        throw new IllegalArgumentException("a new " + kind.name() + " must have version 0, not " + version);
      }
      UUID id = kind.id().apply(record);
      if (loaded.containsKey(id) || inserted.contains(id) || !ids.add(id)) {
        throw new DuplicateException(kind.name(), "id", id);
      }
      E e = kind.newEntity().get();
      kind.toEntity().accept(record, e);
      made.add(e);
    }
    inserted.addAll(ids);
    return made;
  }

  /** Persists a new record (version 0) and returns its entity. */
  E insert(D record) {
    checkTenant(record);
    long version = kind.version().applyAsLong(record);
    if (version != 0) {
      throw new IllegalArgumentException("a new " + kind.name() + " must have version 0, not " + version);
    }
    UUID id = kind.id().apply(record);
    if (loaded.containsKey(id)) {
      throw new DuplicateException(kind.name(), "id", id);
    }
    E e = kind.newEntity().get();
    kind.toEntity().accept(record, e);
    try {
      uow.em().persist(e);
    } catch (EntityExistsException ex) {
      DuplicateException d = new DuplicateException(kind.name(), "id", id);
      d.initCause(ex);
      throw d;
    }
    loaded.put(id, e);
    versions.put(id, Mapping.FIRST_VERSION);
    inserted.add(id);
    unflushed.add(id);
    return e;
  }

  /**
   * Applies a changed record to its entity. Returns the entity, or null when only the version
   * changed (then the row was updated at once and the entity is no longer managed).
   */
  E update(D record) {
    checkTenant(record);
    UUID id = kind.id().apply(record);
    E e = load(id).orElseThrow(() -> new NotFoundException(kind.name(), id));
    if (unflushed.contains(id)) {
      uow.flush(); // the provider bumps the version once per flush: one flush per update
    }
    long expected = reported(e);
    long version = kind.version().applyAsLong(record);
    if (version != expected) {
      throw new ConcurrentUpdateException(kind.name(), id, version, expected);
    }
    List<Object> before = kind.state().apply(e);
    kind.toEntity().accept(record, e);
    versions.put(id, expected + 1);
    updated.add(id);
    if (before.equals(kind.state().apply(e))) {
      // Nothing the provider would write: raise the version ourselves, guarded like @Version.
      int rows = uow.em().createQuery("update " + kind.entityName() + " e set e.version = e.version + 1"
              + " where e.tenantId = :tenant and e.id = :id and e.version = :version")
          .setParameter("tenant", uow.tenant().value())
          .setParameter("id", id)
          .setParameter("version", kind.entityVersion().applyAsLong(e))
          .executeUpdate();
      if (rows != 1) {
        throw new ConcurrentUpdateException(kind.name(), id, version);
      }
      uow.em().detach(e);
      loaded.remove(id);
      versions.remove(id);
      unflushed.remove(id);
      return null;
    }
    unflushed.add(id);
    return e;
  }

  /**
   * What an insert or update returns: the record as stored (instants at microseconds) at its new
   * version; when only the version changed ({@code entity} null), the record itself at the next
   * version.
   */
  D stored(E entity, D record) {
    return entity != null ? toDomain(entity)
        : kind.withVersion().apply(record, kind.version().applyAsLong(record) + 1);
  }

  /** The conflict exception naming the updated record whose entity is {@code entity} (any, if null). */
  Optional<ConcurrentUpdateException> conflict(Object entity, Throwable cause) {
    for (UUID id : updated) {
      E e = loaded.get(id);
      if (entity == null || entity == e) {
        long expected = versions.getOrDefault(id, 1L) - 1;
        return Optional.of(new ConcurrentUpdateException(kind.name(), id, expected, cause));
      }
    }
    return Optional.empty();
  }

  /** Runs a keyset-paged query in id order: {@code where} is appended to the tenant condition. */
  List<E> page(String where, Map<String, Object> params, PageRequest page) {
    StringBuilder jpql = new StringBuilder("select e from ").append(kind.entityName())
        .append(" e where e.tenantId = :tenant").append(where);
    if (page.after().isPresent()) {
      jpql.append(" and e.id > :after");
    }
    jpql.append(" order by e.id");
    TypedQuery<E> q = uow.em().createQuery(jpql.toString(), kind.entityClass())
        .setParameter("tenant", uow.tenant().value())
        .setMaxResults(page.size() + 1);
    params.forEach(q::setParameter);
    page.after().ifPresent(a -> q.setParameter("after", UUID.fromString(a)));
    return q.getResultList().stream().map(this::track).toList();
  }

  /** How many rows match, in one {@code select count}: {@code where} is appended to the tenant condition. */
  long count(String where, Map<String, Object> params) {
    TypedQuery<Long> q = uow.em().createQuery("select count(e) from " + kind.entityName()
        + " e where e.tenantId = :tenant" + where, Long.class)
        .setParameter("tenant", uow.tenant().value());
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /** Every matching row in id order: {@code where} is appended to the tenant condition. */
  List<E> list(String where, Map<String, Object> params) {
    TypedQuery<E> q = uow.em().createQuery("select e from " + kind.entityName()
        + " e where e.tenantId = :tenant" + where + " order by e.id", kind.entityClass())
        .setParameter("tenant", uow.tenant().value());
    params.forEach(q::setParameter);
    return q.getResultList().stream().map(this::track).toList();
  }

  /**
   * The entities a native select of whole rows of this kind's table finds ({@code select e.*}),
   * tracked as if queried: for statements JPQL cannot write (a PostgreSQL function in the from
   * clause). The positional parameters in order; the select must keep to the unit's tenant.
   */
  @SuppressWarnings("unchecked")
  List<E> nativeList(String sql, List<Object> params) {
    jakarta.persistence.Query q = uow.em().createNativeQuery(sql, kind.entityClass());
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    return ((List<E>) q.getResultList()).stream().map(this::track).toList();
  }

  // ---- helpers for repositories

  /** A page of at most {@code size} of the found items (one more was asked for, to tell if more follow). */
  static <T> Page<T> toPage(List<T> found, int size, Function<T, UUID> id) {
    if (found.size() > size) {
      List<T> items = found.subList(0, size);
      return new Page<>(items, Optional.of(id.apply(items.get(size - 1)).toString()));
    }
    return new Page<>(found, Optional.empty());
  }

  /**
   * The condition that {@code column} is one of {@code values}, appended to {@code where} with its
   * parameter in {@code p}: {@code = :name} for one value, {@code in :name} for several. One value
   * is the usual filter (hot leads, open deals), and a list parameter keeps Hibernate from reusing
   * the query's compiled form (it re-interprets the query on every execution: a fifth of a page of
   * 50 in the profile).
   */
  static void oneOf(StringBuilder where, String column, String name, List<?> values, Map<String, Object> p) {
    if (values.size() == 1) {
      where.append(" and ").append(column).append(" = :").append(name);
      p.put(name, values.get(0));
    } else {
      where.append(" and ").append(column).append(" in :").append(name);
      p.put(name, values);
    }
  }

  /** Query parameters from name-value pairs, in order. */
  static Map<String, Object> params(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** Ids per {@code in} list: well below every database's limit of bound parameters. */
  static final int IN_CHUNK = 1_000;

  /** The list cut into {@code in} lists of at most {@link #IN_CHUNK}. */
  static <T> List<List<T>> chunks(List<T> ids) {
    List<List<T>> chunks = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i += IN_CHUNK) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
    }
    return chunks;
  }
}
