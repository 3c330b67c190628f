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

/** A row of {@code crm_task}: the stored form of a {@link dev.rapport.crm.activity.Task}. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportTask")
@IdClass(TenantKey.class)
@Table(name = "crm_task")
class TaskEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "lead_id")
  @Convert(converter = NullableUuid.class)
  UUID leadId;

  @Column(name = "contact_id")
  @Convert(converter = NullableUuid.class)
  UUID contactId;

  @Column(name = "account_id")
  @Convert(converter = NullableUuid.class)
  UUID accountId;

  @Column(name = "opportunity_id")
  @Convert(converter = NullableUuid.class)
  UUID opportunityId;

  @Column(name = "subject", nullable = false, length = 200)
  String subject;

  @Column(name = "description")
  String description;

  @Column(name = "due_at", nullable = false)
  LocalDateTime dueAt;

  @Column(name = "priority", nullable = false, length = 10)
  String priority;

  @Column(name = "owner", length = 200)
  String owner;

  @Column(name = "reminder_at")
  LocalDateTime reminderAt;

  @Column(name = "reminder_handled_at")
  LocalDateTime reminderHandledAt;

  @Column(name = "status", nullable = false, length = 10)
  String status;

  @Column(name = "ended_at")
  LocalDateTime endedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  TaskEntity() {}
}
