package dev.rapport.crm.opportunity;

import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A won or lost opportunity was reopened.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param opportunityId the opportunity
 * @param stage the open stage it re-entered
 */
public record OpportunityReopened(TenantId tenantId, Instant occurredAt, OpportunityId opportunityId, String stage) implements OpportunityEvent {
  @Override
  public String aggregateType() {
    return "opportunity";
  }

  @Override
  public UUID aggregateId() {
    return opportunityId.value();
  }
}
