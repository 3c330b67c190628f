package dev.rapport.crm.opportunity;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An opportunity was deleted, with its stage history and what went with it
 * ({@link OpportunityService#delete}): its timeline and the activities and tasks that concerned only it.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param opportunityId the deleted opportunity
 * @param accountId the account it was for
 * @param name its name
 * @param activitiesDeleted how many activities went with it (those linked to others too stayed, without it)
 * @param tasksDeleted how many tasks went with it
 */
public record OpportunityDeleted(TenantId tenantId, Instant occurredAt, OpportunityId opportunityId, AccountId accountId, String name, int activitiesDeleted, int tasksDeleted) implements OpportunityEvent {
  @Override
  public String aggregateType() {
    return "opportunity";
  }

  @Override
  public UUID aggregateId() {
    return opportunityId.value();
  }
}
