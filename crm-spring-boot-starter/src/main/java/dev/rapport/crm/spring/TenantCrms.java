package dev.rapport.crm.spring;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The starter's {@link CrmProvider}: one {@code Crm} per tenant, built on first use. */
final class TenantCrms implements CrmProvider {
  private final RapportTenantResolver resolver;
  private final Function<TenantId, Crm> factory;
  private final Map<TenantId, Crm> crms = new ConcurrentHashMap<>();

  TenantCrms(RapportTenantResolver resolver, Function<TenantId, Crm> factory) {
    this.resolver = resolver;
    this.factory = factory;
  }

  @Override
  public Crm crm() {
    TenantId tenant = resolver.currentTenant();
    if (tenant == null) {
      throw new IllegalStateException("the RapportTenantResolver " + resolver + " named no tenant");
    }
    return crm(tenant);
  }

  @Override
  public Crm crm(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return crms.computeIfAbsent(tenant, factory);
  }
}
