package dev.rapport.crm.campaign;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A person was taken off a campaign's members ({@link CampaignService#removeMember}).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param campaignId the campaign
 * @param leadId the lead removed, if a lead
 * @param contactId the contact removed, if a contact
 */
public record CampaignMemberRemoved(TenantId tenantId, Instant occurredAt, CampaignId campaignId,
    Optional<LeadId> leadId, Optional<ContactId> contactId) implements CampaignEvent {
  @Override
  public String aggregateType() {
    return "campaign";
  }

  @Override
  public UUID aggregateId() {
    return campaignId.value();
  }
}
