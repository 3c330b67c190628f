package dev.rapport.crm.event;

import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.opportunity.LostReason;
import java.time.Instant;
import java.util.UUID;

/**
 * An opportunity was lost.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param opportunityId the opportunity
 * @param reason why
 */
public record OpportunityLost(TenantId tenantId, Instant occurredAt, OpportunityId opportunityId, LostReason reason) implements CrmEvent {
  @Override
  public String aggregateType() {
    return "opportunity";
  }

  @Override
  public UUID aggregateId() {
    return opportunityId.value();
  }
}
