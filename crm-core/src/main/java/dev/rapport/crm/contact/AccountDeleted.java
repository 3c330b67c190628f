package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An account was deleted, with what went with it ({@link AccountService#delete}): its timeline,
 * payer class, and the activities, tasks and logged messages that concerned only it.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param accountId the deleted account
 * @param activitiesDeleted how many activities went with it (those linked to others too stayed, without it)
 * @param tasksDeleted how many tasks went with it
 * @param mailsDeleted how many logged messages went with it
 */
public record AccountDeleted(TenantId tenantId, Instant occurredAt, AccountId accountId, int activitiesDeleted, int tasksDeleted, int mailsDeleted) implements ContactEvent {
  @Override
  public String aggregateType() {
    return "account";
  }

  @Override
  public UUID aggregateId() {
    return accountId.value();
  }
}
