package dev.rapport.crm.mail;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Campaign mail no longer goes to an address: it bounced, or its lead unsubscribed.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param address the address
 * @param reason why
 */
public record MailSuppressed(TenantId tenantId, Instant occurredAt, EmailAddress address,
    MailSuppression.Reason reason) implements MailEvent {
  @Override
  public String aggregateType() {
    return "mail_suppression";
  }

  /** The suppression's id ({@link MailSuppression#id()}): the same address, the same id. */
  @Override
  public UUID aggregateId() {
    return MailSuppression.idOf(address);
  }
}
