package dev.rapport.crm.spring.host;

import dev.rapport.crm.common.TenantId;
import java.util.function.Supplier;

/** The tenant of the request on this thread, as a web filter of the host would set it. */
public final class RequestTenant {
  private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

  private RequestTenant() {}

  /** The current tenant. @throws IllegalStateException if no request is bound */
  public static TenantId current() {
    TenantId tenant = CURRENT.get();
    if (tenant == null) {
      throw new IllegalStateException("no request bound to this thread");
    }
    return tenant;
  }

  /** Runs {@code work} as a request of {@code tenant}. */
  public static <T> T as(TenantId tenant, Supplier<T> work) {
    TenantId outer = CURRENT.get();
    CURRENT.set(tenant);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}
