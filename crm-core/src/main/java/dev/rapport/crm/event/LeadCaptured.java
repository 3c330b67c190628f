package dev.rapport.crm.event;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.LeadSource;
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
public record LeadCaptured(TenantId tenantId, Instant occurredAt, LeadId leadId, LeadSource source) implements CrmEvent {
  @Override
  public String aggregateType() {
    return "lead";
  }

  @Override
  public UUID aggregateId() {
    return leadId.value();
  }
}
