package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A contact was created.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param contactId the new contact
 * @param accountId its account, if any
 */
public record ContactCreated(TenantId tenantId, Instant occurredAt, ContactId contactId, Optional<AccountId> accountId) implements ContactEvent {
  @Override
  public String aggregateType() {
    return "contact";
  }

  @Override
  public UUID aggregateId() {
    return contactId.value();
  }
}
