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
}
