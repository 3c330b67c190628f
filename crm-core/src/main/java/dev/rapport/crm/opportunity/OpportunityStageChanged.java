package dev.rapport.crm.opportunity;

import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An opportunity moved from one stage to another (also when won, lost or reopened).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param opportunityId the opportunity
 * @param from the stage it left
 * @param to the stage it entered
 */
public record OpportunityStageChanged(TenantId tenantId, Instant occurredAt, OpportunityId opportunityId, String from, String to) implements OpportunityEvent {
  @Override
  public String aggregateType() {
    return "opportunity";
  }

  @Override
  public UUID aggregateId() {
    return opportunityId.value();
  }
}
