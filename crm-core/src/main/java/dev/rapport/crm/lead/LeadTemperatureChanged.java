package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead's temperature changed, by its signals, by time, or by hand.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param leadId the lead
 * @param from its former temperature
 * @param to its new temperature
 */
public record LeadTemperatureChanged(TenantId tenantId, Instant occurredAt, LeadId leadId, Temperature from, Temperature to) implements LeadEvent {
  @Override
  public String aggregateType() {
    return "lead";
  }

  @Override
  public UUID aggregateId() {
    return leadId.value();
  }
}
