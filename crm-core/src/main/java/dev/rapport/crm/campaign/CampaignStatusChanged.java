package dev.rapport.crm.campaign;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign was started, completed or aborted.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param campaignId the campaign
 * @param from its former status
 * @param to its new status
 */
public record CampaignStatusChanged(TenantId tenantId, Instant occurredAt, CampaignId campaignId, CampaignStatus from, CampaignStatus to) implements CampaignEvent {
  @Override
  public String aggregateType() {
    return "campaign";
  }

  @Override
  public UUID aggregateId() {
    return campaignId.value();
  }
}
