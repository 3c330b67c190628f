package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of {@code crm_service_policy}: a tenant's service policy as JSON ({@link PolicyJson}) and its re-tiering run (schema version 18). */
@jakarta.persistence.Cacheable(false)
@Entity(name = "RapportServicePolicy")
@Table(name = "crm_service_policy")
class ServicePolicyEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  /** Checked by hand, by a guarded update: the state's version. */
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "revision", nullable = false)
  long revision;

  @Column(name = "cursor_id")
  @jakarta.persistence.Convert(converter = dev.rapport.crm.jpa.internal.NullableUuid.class)
  UUID cursor;

  @Column(name = "changed_at", nullable = false)
  LocalDateTime changedAt;

  @Column(name = "policy_json", nullable = false)
  String policy;
}
