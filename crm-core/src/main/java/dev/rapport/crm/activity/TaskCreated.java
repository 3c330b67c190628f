package dev.rapport.crm.activity;

import dev.rapport.crm.common.TaskId;
import java.util.Optional;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A task was created.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param taskId the task
 * @param links the records it is about
 * @param subject its subject
 * @param dueAt when it is due
 * @param owner who is to do it
 */
public record TaskCreated(TenantId tenantId, Instant occurredAt, TaskId taskId, Links links, String subject, Instant dueAt, Optional<String> owner) implements ActivityEvent {
  @Override
  public String aggregateType() {
    return "task";
  }

  @Override
  public UUID aggregateId() {
    return taskId.value();
  }
}
