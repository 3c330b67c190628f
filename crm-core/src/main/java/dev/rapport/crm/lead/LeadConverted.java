package dev.rapport.crm.lead;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A lead was converted.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param leadId the converted lead
 * @param contactId the contact it became (new or existing)
 * @param accountId the contact's account (new or existing)
 * @param opportunityId the opportunity opened, if any
 */
public record LeadConverted(TenantId tenantId, Instant occurredAt, LeadId leadId, ContactId contactId, AccountId accountId, Optional<OpportunityId> opportunityId) implements LeadEvent {
  @Override
  public String aggregateType() {
    return "lead";
  }

  @Override
  public UUID aggregateId() {
    return leadId.value();
  }
}
