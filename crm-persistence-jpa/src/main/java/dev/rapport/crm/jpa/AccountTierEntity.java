package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code crm_account_tier}: the service tier an account was last given (schema version 18). */
@jakarta.persistence.Cacheable(false)
@Entity(name = "RapportAccountTier")
@Table(name = "crm_account_tier")
@IdClass(TenantKey.class)
class AccountTierEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Column(name = "tier", nullable = false, length = 50)
  String tier;
}
