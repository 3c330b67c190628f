package dev.rapport.crm.activity;

import dev.rapport.crm.common.ActivityId;
import java.util.Optional;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An activity was logged.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param activityId the activity
 * @param type its type
 * @param direction its direction, if it has one
 * @param links the records it is about
 * @param activityOccurredAt when the activity happened (may be before it was logged)
 */
public record ActivityLogged(TenantId tenantId, Instant occurredAt, ActivityId activityId, ActivityType type, Optional<Direction> direction, Links links, Instant activityOccurredAt) implements ActivityEvent {
  @Override
  public String aggregateType() {
    return "activity";
  }

  @Override
  public UUID aggregateId() {
    return activityId.value();
  }
}
