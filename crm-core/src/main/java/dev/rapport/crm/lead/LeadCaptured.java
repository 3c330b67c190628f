package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead was captured.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param leadId the new lead
 * @param source where it came from
 */
public record LeadCaptured(TenantId tenantId, Instant occurredAt, LeadId leadId, LeadSource source) implements LeadEvent {
  @Override
  public String aggregateType() {
    return "lead";
  }

  @Override
  public UUID aggregateId() {
    return leadId.value();
  }
}
