package dev.rapport.crm.opportunity;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An opportunity was opened.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param opportunityId the new opportunity
 * @param accountId the account it is sold to
 * @param amount its expected amount
 * @param stage the stage it starts in
 */
public record OpportunityOpened(TenantId tenantId, Instant occurredAt, OpportunityId opportunityId, AccountId accountId, Money amount, String stage) implements OpportunityEvent {
  @Override
  public String aggregateType() {
    return "opportunity";
  }

  @Override
  public UUID aggregateId() {
    return opportunityId.value();
  }
}
