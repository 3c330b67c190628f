package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of {@code crm_campaign}: the stored form of a {@link dev.rapport.crm.campaign.Campaign}. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportCampaign")
@IdClass(TenantKey.class)
@Table(name = "crm_campaign")
class CampaignEntity {
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

  @Column(name = "channel", nullable = false, length = 50)
  String channel;

  @Column(name = "starts_on", nullable = false)
  LocalDate startsOn;

  @Column(name = "ends_on", nullable = false)
  LocalDate endsOn;

  @Column(name = "status", nullable = false, length = 10)
  String status;

  /** The currency of every amount of the campaign. */
  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "budget", nullable = false, precision = 19, scale = 4)
  BigDecimal budget;

  @Column(name = "actual_cost", nullable = false, precision = 19, scale = 4)
  BigDecimal actualCost;

  @Column(name = "target_leads")
  Integer targetLeads;

  @Column(name = "target_responses")
  Integer targetResponses;

  @Column(name = "target_won_revenue", precision = 19, scale = 4)
  BigDecimal targetWonRevenue;

  @Column(name = "created_at", nullable = false, updatable = false)
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  CampaignEntity() {}
}
