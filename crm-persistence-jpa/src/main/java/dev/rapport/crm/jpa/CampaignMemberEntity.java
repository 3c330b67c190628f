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
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code crm_campaign_member}: one lead or contact in one campaign (the stored form of a
 * {@link dev.rapport.crm.campaign.CampaignMember}), keyed by tenant, campaign and the person's id;
 * exactly one of {@code lead_id} and {@code contact_id} is set, and equals {@code member_id}.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportCampaignMember")
@Table(name = "crm_campaign_member")
@IdClass(CampaignMemberEntity.Key.class)
class CampaignMemberEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "campaign_id", nullable = false, updatable = false)
  UUID campaignId;

  @Id
  @Column(name = "member_id", nullable = false, updatable = false)
  UUID memberId;

  @Column(name = "lead_id", updatable = false)
  @Convert(converter = NullableUuid.class)
  UUID leadId;

  @Column(name = "contact_id", updatable = false)
  @Convert(converter = NullableUuid.class)
  UUID contactId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "status", nullable = false, length = 50)
  String status;

  /** Whether the status counts as a response. */
  @Column(name = "status_response", nullable = false)
  boolean statusResponse;

  @Column(name = "status_signal", length = 50)
  String statusSignal;

  @Column(name = "status_signal_intent", length = 10)
  String statusSignalIntent;

  @Column(name = "status_at", nullable = false)
  LocalDateTime statusAt;

  @Column(name = "responded_at")
  LocalDateTime respondedAt;

  @Column(name = "added_at", nullable = false, updatable = false)
  LocalDateTime addedAt;

  CampaignMemberEntity() {}

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    UUID campaignId;
    UUID memberId;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(campaignId, k.campaignId) && Objects.equals(memberId, k.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, campaignId, memberId);
    }
  }
}
