package dev.rapport.crm.activity;

import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An activity was deleted ({@link ActivityService#delete}), with its timeline entries and, for an
 * e-mail logged by {@code crm.mail()}, its logged message.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param activityId the deleted activity
 * @param links the records it was linked to
 */
public record ActivityDeleted(TenantId tenantId, Instant occurredAt, ActivityId activityId, Links links)
    implements ActivityEvent {
  @Override
  public String aggregateType() {
    return "activity";
  }

  @Override
  public UUID aggregateId() {
    return activityId.value();
  }
}
