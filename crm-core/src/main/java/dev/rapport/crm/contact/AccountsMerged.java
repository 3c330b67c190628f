package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accounts were merged into one: the {@code merged} accounts are gone (their ids now lead to the
 * survivor) and everything that was linked to them is linked to the survivor.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param mergeId the merge, for {@link AccountService#undoMerge}
 * @param survivorId the account that remains
 * @param mergedIds the accounts merged into it, in the order given
 */
public record AccountsMerged(TenantId tenantId, Instant occurredAt, UUID mergeId, AccountId survivorId,
    List<AccountId> mergedIds) implements ContactEvent {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public AccountsMerged {
    Check.notNull(tenantId, "tenantId");
    Check.notNull(occurredAt, "occurredAt");
    Check.notNull(mergeId, "mergeId");
    Check.notNull(survivorId, "survivorId");
    mergedIds = List.copyOf(Check.noNulls(mergedIds, "mergedIds"));
  }

  @Override
  public String aggregateType() {
    return "account";
  }

  @Override
  public UUID aggregateId() {
    return survivorId.value();
  }
}
