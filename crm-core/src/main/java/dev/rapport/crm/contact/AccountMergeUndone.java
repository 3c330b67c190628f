package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merge of accounts was undone: the merged accounts are back, with their links, and the survivor
 * has its fields as before the merge.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param mergeId the merge undone
 * @param survivorId the account the others had been merged into
 * @param restoredIds the accounts restored, in the merge's order
 */
public record AccountMergeUndone(TenantId tenantId, Instant occurredAt, UUID mergeId, AccountId survivorId,
    List<AccountId> restoredIds) implements ContactEvent {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public AccountMergeUndone {
    Check.notNull(tenantId, "tenantId");
    Check.notNull(occurredAt, "occurredAt");
    Check.notNull(mergeId, "mergeId");
    Check.notNull(survivorId, "survivorId");
    restoredIds = List.copyOf(Check.noNulls(restoredIds, "restoredIds"));
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
