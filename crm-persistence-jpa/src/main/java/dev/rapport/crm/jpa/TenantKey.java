package dev.rapport.crm.jpa;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of every aggregate table: (tenant_id, id). The tenant leads the key, so the
 * provider's own updates and deletes name the tenant too, and keyset paging walks the key's index.
 */
final class TenantKey implements Serializable {
  private static final long serialVersionUID = 1L;

  String tenantId;
  UUID id;

  TenantKey() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, id);
  }
}
