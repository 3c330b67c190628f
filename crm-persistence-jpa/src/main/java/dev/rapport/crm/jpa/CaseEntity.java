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

  /** The service level (schema version 18): all null when the case has none. */
  @Column(name = "sl_tier", length = 50)
  String slTier;

  @Column(name = "sl_rank")
  Integer slRank;

  /** Durations in microseconds. */
  @Column(name = "sl_response_target")
  Long slResponseTarget;

  @Column(name = "sl_resolution_target")
  Long slResolutionTarget;

  @Column(name = "sl_at_risk_percent")
  Integer slAtRiskPercent;

  @Column(name = "sl_response_due")
  LocalDateTime slResponseDue;

  @Column(name = "sl_response_at_risk")
  LocalDateTime slResponseAtRisk;

  @Column(name = "sl_resolution_due")
  LocalDateTime slResolutionDue;

  @Column(name = "sl_resolution_at_risk")
  LocalDateTime slResolutionAtRisk;

  @Column(name = "sl_paused")
  Long slPaused;

  @Column(name = "sl_paused_since")
  LocalDateTime slPausedSince;

  /** The raised alerts, one bit per {@code CaseLevel.Alert} ordinal. */
  @Column(name = "sl_alerts")
  Integer slAlerts;

  /** {@code CaseQuery.dueKey}: the order by due instant. */
  @Column(name = "due_key", nullable = false)
  long dueKey = Long.MAX_VALUE;

  /** {@code CaseQuery.rankKey}: the order by value. */
  @Column(name = "rank_key", nullable = false)
  int rankKey = Integer.MAX_VALUE;

  /** {@code ServiceCase.alertAt()}: when the refresh next has an alert to raise. */
  @Column(name = "alert_at")
  LocalDateTime alertAt;

  CaseEntity() {}
}
