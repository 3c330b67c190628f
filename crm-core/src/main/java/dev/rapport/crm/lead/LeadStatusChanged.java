package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead moved in its lifecycle (including disqualification and reopening).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param leadId the lead
 * @param from its former status
 * @param to its new status
 */
public record LeadStatusChanged(TenantId tenantId, Instant occurredAt, LeadId leadId, LeadStatus from, LeadStatus to) implements LeadEvent {
  @Override
  public String aggregateType() {
    return "lead";
  }

  @Override
  public UUID aggregateId() {
    return leadId.value();
  }
}
