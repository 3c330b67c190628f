package dev.rapport.crm.activity;

import dev.rapport.crm.common.TaskId;
import java.util.Optional;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A task's due time or reminder moved.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param taskId the task
 * @param dueAt when it is now due
 * @param reminderAt when it now reminds
 */
public record TaskRescheduled(TenantId tenantId, Instant occurredAt, TaskId taskId, Instant dueAt, Optional<Instant> reminderAt) implements ActivityEvent {
  @Override
  public String aggregateType() {
    return "task";
  }

  @Override
  public UUID aggregateId() {
    return taskId.value();
  }
}
