package dev.rapport.crm.jpa;

import dev.rapport.crm.jpa.internal.NullableUuid;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of {@code crm_case}: the stored form of a {@link dev.rapport.crm.service.ServiceCase}. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportCase")
@IdClass(TenantKey.class)
@Table(name = "crm_case")
class CaseEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "account_id", nullable = false, updatable = false)
  UUID accountId;

  @Column(name = "contact_id", updatable = false)
  @Convert(converter = NullableUuid.class)
  UUID contactId;

  @Column(name = "subject", nullable = false, length = 200)
  String subject;

  @Column(name = "description")
  String description;

  @Column(name = "priority", nullable = false, length = 10)
  String priority;

  @Column(name = "status", nullable = false, length = 20)
  String status;

  @Column(name = "owner", length = 200)
  String owner;

  @Column(name = "resolution", length = 2000)
  String resolution;

  @Column(name = "opened_at", nullable = false, updatable = false)
  LocalDateTime openedAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  @Column(name = "first_response_at")
  LocalDateTime firstResponseAt;

  @Column(name = "resolved_at")
  LocalDateTime resolvedAt;

  /** Custom field values as JSON ({@link FieldsJson}), null when none (schema version 17). */
  @Column(name = "custom_fields")
  String customFields;

  CaseEntity() {}
}
