package dev.rapport.crm.mail;

import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A message was logged, with the e-mail activity that shows it.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param mailId the logged message
 * @param threadId its thread
 * @param direction inbound or outbound
 * @param activityId its e-mail activity
 */
public record MailLogged(TenantId tenantId, Instant occurredAt, MailId mailId, MailId threadId, Direction direction,
    ActivityId activityId) implements MailEvent {
  @Override
  public String aggregateType() {
    return "mail";
  }

  @Override
  public UUID aggregateId() {
    return mailId.value();
  }
}
