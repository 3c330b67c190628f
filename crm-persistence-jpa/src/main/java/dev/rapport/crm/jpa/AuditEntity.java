package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of {@code crm_audit}: one change of one record, its field changes as JSON. */
@jakarta.persistence.Cacheable(false)
@Entity(name = "RapportAudit")
@Table(name = "crm_audit")
@IdClass(TenantKey.class)
class AuditEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  LocalDateTime at;

  @Column(name = "actor", nullable = false, updatable = false, length = 200)
  String actor;

  @Column(name = "record_type", nullable = false, updatable = false, length = 50)
  String recordType;

  @Column(name = "record_id", nullable = false, updatable = false)
  UUID recordId;

  @Column(name = "action", nullable = false, updatable = false, length = 100)
  String action;

  @Column(name = "changes", nullable = false) // rewritten by an erasure
  String changes;
}
