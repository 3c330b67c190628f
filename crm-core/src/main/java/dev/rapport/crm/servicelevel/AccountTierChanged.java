package dev.rapport.crm.servicelevel;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An account moved to another service tier (or got its first) when it was re-tiered.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param accountId the account
 * @param from the tier it had, empty if it had none
 * @param to the tier it has now
 */
public record AccountTierChanged(TenantId tenantId, Instant occurredAt, AccountId accountId, Optional<String> from,
    String to) implements ServiceLevelEvent {
  @Override
  public String aggregateType() {
    return "account";
  }

  @Override
  public UUID aggregateId() {
    return accountId.value();
  }
}
