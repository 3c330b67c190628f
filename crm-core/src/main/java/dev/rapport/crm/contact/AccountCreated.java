package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * An account was created.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param accountId the new account
 * @param name its name
 */
public record AccountCreated(TenantId tenantId, Instant occurredAt, AccountId accountId, String name) implements ContactEvent {
  @Override
  public String aggregateType() {
    return "account";
  }

  @Override
  public UUID aggregateId() {
    return accountId.value();
  }
}
