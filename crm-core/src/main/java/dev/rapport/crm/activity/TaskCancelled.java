package dev.rapport.crm.activity;

import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A task was cancelled.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param taskId the task
 * @param links the records it is about
 * @param subject its subject
 */
public record TaskCancelled(TenantId tenantId, Instant occurredAt, TaskId taskId, Links links, String subject) implements ActivityEvent {
  @Override
  public String aggregateType() {
    return "task";
  }

  @Override
  public UUID aggregateId() {
    return taskId.value();
  }
}
