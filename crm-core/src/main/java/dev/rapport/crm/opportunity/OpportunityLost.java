package dev.rapport.crm.opportunity;

import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
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
public record OpportunityLost(TenantId tenantId, Instant occurredAt, OpportunityId opportunityId, LostReason reason) implements OpportunityEvent {
  @Override
  public String aggregateType() {
    return "opportunity";
  }

  @Override
  public UUID aggregateId() {
    return opportunityId.value();
  }
}
