package dev.rapport.crm.spring;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.TenantId;

/**
 * Hands out the {@link Crm} of a tenant: inject it where a {@code Crm} is needed and call
 * {@link #crm()} in each request (not once, in a constructor: the tenant may change per call).
 * The starter's provider builds one {@code Crm} per tenant on first use and keeps it for the
 * application's life ({@code Crm} is thread-safe and holds no data of its own).
 *
 * @since 0.1
 */
public interface CrmProvider {

  /**
   * The CRM of the tenant that the {@link RapportTenantResolver} names for the current call.
   *
   * @return the tenant's CRM, never null
   * @throws IllegalStateException if the resolver returned null
   */
  Crm crm();

  /**
   * The CRM of a given tenant: for work that no request carries, such as a scheduled job that
   * goes through every tenant.
   *
   * @param tenant the tenant
   * @return the tenant's CRM, never null
   * @throws NullPointerException if {@code tenant} is null
   */
  Crm crm(TenantId tenant);
}
