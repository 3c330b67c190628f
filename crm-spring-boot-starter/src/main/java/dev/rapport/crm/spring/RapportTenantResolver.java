package dev.rapport.crm.spring;

import dev.rapport.crm.common.TenantId;

/**
 * Names the tenant of the current call, e.g. from the request's host name, a header, the signed-in
 * user or a thread-bound context: the host implements it as a bean, and
 * {@link CrmProvider#crm()} asks it on every call. Without such a bean the starter serves the one
 * tenant of the property {@code rapport.tenant}.
 *
 * <p>Called on the caller's thread, possibly by many threads at once: implementations must be
 * thread-safe and should be cheap.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RapportTenantResolver {

  /**
   * The tenant whose CRM the current call works on.
   *
   * @return the tenant, never null
   * @throws RuntimeException of the host's choosing when no tenant can be named for the current
   *     call (e.g. no request is bound to the thread); it reaches the caller of
   *     {@link CrmProvider#crm()} unchanged
   */
  TenantId currentTenant();
}
