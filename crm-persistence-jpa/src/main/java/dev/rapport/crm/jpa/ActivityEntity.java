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

/** A row of {@code crm_activity}: the stored form of a {@link dev.rapport.crm.activity.Activity}. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportActivity")
@IdClass(TenantKey.class)
@Table(name = "crm_activity")
class ActivityEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "type", nullable = false, length = 50)
  String type;

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

  @Column(name = "body")
  String body;

  @Column(name = "direction", length = 10)
  String direction;

  @Column(name = "outcome", length = 50)
  String outcome;

  @Column(name = "occurred_at", nullable = false)
  LocalDateTime occurredAt;

  @Column(name = "duration_seconds")
  Long durationSeconds;

  @Column(name = "owner", length = 200)
  String owner;

  @Column(name = "logged_at", nullable = false, updatable = false)
  LocalDateTime loggedAt;

  ActivityEntity() {}
}
