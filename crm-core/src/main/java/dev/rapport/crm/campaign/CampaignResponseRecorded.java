package dev.rapport.crm.campaign;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign member's response was recorded. Exactly one of {@code leadId} and {@code contactId}
 * is present: the person who responded.
 *
 * @param tenantId the tenant
 * @param occurredAt when it was recorded, by the {@code Crm}'s clock
 * @param campaignId the campaign
 * @param leadId the lead who responded, if the member is a lead
 * @param contactId the contact who responded, if the member is a contact
 * @param status the response status
 * @param respondedAt when the member responded (the status's time)
 */
public record CampaignResponseRecorded(TenantId tenantId, Instant occurredAt, CampaignId campaignId, Optional<LeadId> leadId, Optional<ContactId> contactId, ResponseStatus status, Instant respondedAt) implements CampaignEvent {
  @Override
  public String aggregateType() {
    return "campaign";
  }

  @Override
  public UUID aggregateId() {
    return campaignId.value();
  }
}
