package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import dev.rapport.crm.jpa.internal.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_opportunity}: the stored form of a
 * {@link dev.rapport.crm.opportunity.Opportunity}; its stage history is a JSON array.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportOpportunity")
@IdClass(TenantKey.class)
@Table(name = "crm_opportunity")
class OpportunityEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "name", nullable = false, length = 200)
  String name;

  @Column(name = "account_id", nullable = false)
  UUID accountId;

  @Column(name = "primary_contact_id")
  @Convert(converter = NullableUuid.class)
  UUID primaryContactId;

  @Column(name = "amount", nullable = false, precision = 19, scale = 4)
  BigDecimal amount;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "stage", nullable = false, length = 100)
  String stage;

  @Column(name = "probability", nullable = false)
  int probability;

  @Column(name = "probability_overridden", nullable = false)
  boolean probabilityOverridden;

  @Column(name = "forecast_category", nullable = false, length = 20)
  String forecastCategory;

  @Column(name = "expected_close_date")
  LocalDate expectedCloseDate;

  @Column(name = "status", nullable = false, length = 10)
  String status;

  @Column(name = "lost_reason", length = 50)
  String lostReason;

  @Column(name = "source", length = 50)
  String source;

  @Column(name = "origin_lead_id")
  @Convert(converter = NullableUuid.class)
  UUID originLeadId;

  @Column(name = "owner", length = 200)
  String owner;

  @Column(name = "history", nullable = false)
  String history;

  @Column(name = "created_at", nullable = false, updatable = false)
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  @Column(name = "closed_at")
  LocalDateTime closedAt;

  /** Whole days from creation to close while won or lost, for the analytics (schema version 7). */
  @Column(name = "cycle_days")
  Long cycleDays;

  /** The stage of the last history entry: the visit going on (schema version 7). */
  @Column(name = "visit_stage", length = 100)
  String visitStage;

  /** The instant of the last history entry. */
  @Column(name = "visit_since")
  LocalDateTime visitSince;

  /** Custom field values as JSON ({@link FieldsJson}), null when none (schema version 17). */
  @Column(name = "custom_fields")
  String customFields;

  OpportunityEntity() {}
}
