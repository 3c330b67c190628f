package dev.rapport.crm.activity;

import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A task was deleted ({@link TaskService#delete}), with its timeline entries.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param taskId the deleted task
 * @param links the records it was linked to
 */
public record TaskDeleted(TenantId tenantId, Instant occurredAt, TaskId taskId, Links links) implements ActivityEvent {
  @Override
  public String aggregateType() {
    return "task";
  }

  @Override
  public UUID aggregateId() {
    return taskId.value();
  }
}
