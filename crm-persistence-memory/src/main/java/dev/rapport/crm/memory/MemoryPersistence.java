package dev.rapport.crm.memory;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A {@link Persistence} that keeps every tenant's records in memory: for tests of host
 * applications, demos, and hosts that keep CRM data elsewhere. Nothing survives the JVM.
 *
 * <p>Data is partitioned per tenant; nothing crosses. Units of work are atomic and use optimistic
 * concurrency: a unit reads the committed state plus its own writes, buffers its writes, and at
 * commit, under its tenant's lock, checks that every record it updates still has the version it
 * was read at ({@link ConcurrentUpdateException} otherwise) and that account external references
 * stay unique ({@link DuplicateException} otherwise) before it applies all writes together. When
 * the work throws, or a check fails, nothing is applied.
 *
 * <p>Lookups by id and e-mail address take constant time; queries by status, temperature, source,
 * owner, account or stage walk a secondary index in id order rather than every record. Stored
 * records are the immutable aggregates themselves, so no caller can change stored state.
 *
 * <p>Thread-safe. Starts no threads, holds no static mutable state, configures no logging.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2025-01-01T00:00:00Z"));
 * Crm crm = MemoryPersistence.crm(clock);
 * }</pre>
 */
public final class MemoryPersistence implements Persistence {
  private final ConcurrentMap<TenantId, TenantStore> tenants = new ConcurrentHashMap<>();

  private MemoryPersistence() {}

  /** A new, empty store. */
  public static MemoryPersistence create() {
    return new MemoryPersistence();
  }

  /**
   * A {@code Crm} on a new, empty store, for tenant {@code "test"}, reading time from
   * {@code clock}: the one-line setup of a host's test.
   *
   * @throws dev.rapport.crm.exception.ValidationException if the clock is null
   */
  public static Crm crm(Clock clock) {
    return Crm.builder().persistence(create()).tenant("test").clock(clock).build();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The unit of work is valid only while {@code work} runs; using it afterwards throws
   * {@link IllegalStateException}.
   *
   * @throws NullPointerException if the tenant or the work is null
   * @throws ConcurrentUpdateException if, at commit, a record the work updates has been changed
   *     by another unit of work since it was read (nothing is stored)
   * @throws DuplicateException if, at commit, an id the work inserts is taken or an account's
   *     external reference is held by another account of the tenant (nothing is stored)
   */
  @Override
  public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(work, "work");
    MemoryUnitOfWork uow = new MemoryUnitOfWork(store(tenant));
    T result;
    try {
      result = work.apply(uow);
    } catch (RuntimeException | Error e) {
      uow.discard();
      throw e;
    }
    uow.commit();
    return result;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here a read runs on the tables' shared read-only views: no buffer of its own, nothing to
   * commit; a write inside it throws {@code IllegalStateException}.
   *
   * @throws NullPointerException if {@code tenant} or {@code query} is null
   */
  @Override
  public <T> T read(TenantId tenant, Function<UnitOfWork, T> query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    MemoryUnitOfWork uow = new MemoryUnitOfWork(store(tenant), true);
    try {
      return query.apply(uow);
    } finally {
      uow.discard();
    }
  }

  /** The tenant's store, made on first use; a plain get in the usual case (no bin lock). */
  private TenantStore store(TenantId tenant) {
    TenantStore store = tenants.get(tenant);
    return store != null ? store : tenants.computeIfAbsent(tenant, TenantStore::new);
  }

  @Override
  public String toString() {
    return "MemoryPersistence[" + tenants.size() + " tenants]";
  }
}
