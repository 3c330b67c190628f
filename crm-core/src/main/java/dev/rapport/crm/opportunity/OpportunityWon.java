package dev.rapport.crm.opportunity;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An opportunity was won.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param opportunityId the opportunity
 * @param accountId the account it was sold to
 * @param amount the amount won
 */
public record OpportunityWon(TenantId tenantId, Instant occurredAt, OpportunityId opportunityId, AccountId accountId, Money amount) implements OpportunityEvent {
  @Override
  public String aggregateType() {
    return "opportunity";
  }

  @Override
  public UUID aggregateId() {
    return opportunityId.value();
  }
}
