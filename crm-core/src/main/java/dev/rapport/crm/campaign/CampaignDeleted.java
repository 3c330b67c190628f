package dev.rapport.crm.campaign;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign was deleted with its members ({@link CampaignService#delete}).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param campaignId the deleted campaign
 * @param membersDeleted how many members went with it
 */
public record CampaignDeleted(TenantId tenantId, Instant occurredAt, CampaignId campaignId, long membersDeleted)
    implements CampaignEvent {
  @Override
  public String aggregateType() {
    return "campaign";
  }

  @Override
  public UUID aggregateId() {
    return campaignId.value();
  }
}
