package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead was deleted, with what went with it ({@link LeadService#delete}): its timeline, the
 * activities, tasks and logged messages that concerned only it, and its campaign memberships.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param leadId the deleted lead
 * @param activitiesDeleted how many activities went with it (those linked to others stayed, without it)
 * @param tasksDeleted how many tasks went with it
 * @param membershipsDeleted how many campaign memberships went with it
 * @param mailsDeleted how many logged messages went with it
 */
public record LeadDeleted(TenantId tenantId, Instant occurredAt, LeadId leadId, int activitiesDeleted,
    int tasksDeleted, int membershipsDeleted, int mailsDeleted) implements LeadEvent {
  @Override
  public String aggregateType() {
    return "lead";
  }

  @Override
  public UUID aggregateId() {
    return leadId.value();
  }
}
