package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import java.util.Optional;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact was deleted, with what went with it ({@link ContactService#delete}): its addresses,
 * timeline, the activities, tasks and logged messages that concerned only it, and its campaign
 * memberships.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param contactId the deleted contact
 * @param accountId the account it belonged to, if any
 * @param activitiesDeleted how many activities went with it (those linked to others too stayed, without it)
 * @param tasksDeleted how many tasks went with it
 * @param membershipsDeleted how many campaign memberships went with it
 * @param mailsDeleted how many logged messages went with it
 */
public record ContactDeleted(TenantId tenantId, Instant occurredAt, ContactId contactId, Optional<AccountId> accountId, int activitiesDeleted, int tasksDeleted, int membershipsDeleted, int mailsDeleted) implements ContactEvent {
  @Override
  public String aggregateType() {
    return "contact";
  }

  @Override
  public UUID aggregateId() {
    return contactId.value();
  }
}
