package dev.rapport.crm.spi;

import dev.rapport.crm.common.TenantId;
import java.util.function.Function;

/**
 * A store of CRM data: what a persistence adapter provides. One {@code Persistence} may serve
 * many {@code Crm}s, one per tenant. Implementations are thread-safe.
 */
public interface Persistence {

  /**
   * Runs {@code work} in one unit of work for one tenant: if {@code work} returns, everything it
   * wrote is stored at once; if it throws, nothing of it is stored and the exception propagates.
   * Reads inside the unit of work see its own writes.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if, at commit, a record it updates was
   *     changed by another unit of work since it was read (nothing is stored)
   * @throws dev.rapport.crm.exception.DuplicateException if a uniqueness rule is broken (nothing is stored)
   */
  <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work);

  /**
   * Runs {@code query}, which only reads, in a unit of work for one tenant: every read a
   * {@code Crm} makes (look-ups, pages, counts, reports) comes here, every command to
   * {@link #inUnitOfWork}. An adapter may run it cheaper than a unit that writes: without a
   * transaction of its own, without flushing or tracking what it read (the JPA adapter does so
   * outside a host's transaction), and need not store a write made inside it. Each statement
   * sees what was committed when it ran. The default runs it as {@link #inUnitOfWork}.
   *
   * @throws dev.rapport.crm.exception.StoreException or another exception of the adapter if the
   *     store fails (the {@code Crm} reports any non-Rapport exception as a {@code StoreException})
   */
  default <T> T read(TenantId tenant, Function<UnitOfWork, T> query) {
    return inUnitOfWork(tenant, query);
  }
}
