package dev.rapport.crm.campaign;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Leads and contacts were added to a campaign: one event per command, naming every person newly
 * added (those who were members already are not named).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param campaignId the campaign
 * @param leadIds the leads added, in the order given
 * @param contactIds the contacts added, in the order given
 */
public record CampaignMembersAdded(TenantId tenantId, Instant occurredAt, CampaignId campaignId, List<LeadId> leadIds, List<ContactId> contactIds) implements CampaignEvent {
  /** Makes the lists immutable. */
  public CampaignMembersAdded {
    leadIds = List.copyOf(leadIds);
    contactIds = List.copyOf(contactIds);
  }

  @Override
  public String aggregateType() {
    return "campaign";
  }

  @Override
  public UUID aggregateId() {
    return campaignId.value();
  }
}
