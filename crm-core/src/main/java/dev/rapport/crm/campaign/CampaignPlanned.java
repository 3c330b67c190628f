package dev.rapport.crm.campaign;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign was planned.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param campaignId the new campaign
 * @param name its name
 * @param channel its channel
 */
public record CampaignPlanned(TenantId tenantId, Instant occurredAt, CampaignId campaignId, String name, Channel channel) implements CampaignEvent {
  @Override
  public String aggregateType() {
    return "campaign";
  }

  @Override
  public UUID aggregateId() {
    return campaignId.value();
  }
}
