package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One merge of accounts, as {@link AccountService#merge} made it and adapters store it: the
 * survivor before and after, and the merged accounts as they were, which is what
 * {@link AccountService#undoMerge} puts back.
 *
 * @param id the merge's id
 * @param tenantId the tenant
 * @param mergedAt when it was made
 * @param survivorBefore the survivor as it was just before
 * @param survivor the survivor as the merge stored it
 * @param merged the accounts merged into it, as they were, in the plan's order
 * @param undoneAt when it was undone, if it was
 */
public record AccountMerge(UUID id, TenantId tenantId, Instant mergedAt, Account survivorBefore,
    Account survivor, List<Account> merged, Optional<Instant> undoneAt) implements Merge {

  /**
   * @throws ValidationException if a part is null, the survivor's two states are not of one
   *     account, or {@code merged} is empty, holds the survivor or another tenant's account
   */
  public AccountMerge {
    mergedAt = Check.instant(mergedAt, "mergedAt");
    merged = dev.rapport.crm.internal.MergeChecks.merge(id, tenantId, survivorBefore, survivor, merged, undoneAt,
        Account::id, Account::tenantId, "account");
    undoneAt = undoneAt.map(at -> Check.instant(at, "undoneAt"));
  }

  /** The ids of the merged accounts, in order. */
  public List<AccountId> mergedIds() {
    return merged.stream().map(Account::id).toList();
  }

  @Override
  public Kind kind() {
    return Kind.ACCOUNT;
  }

  @Override
  public java.util.UUID survivorKey() {
    return survivor.id().value();
  }

  @Override
  public List<UUID> mergedKeys() {
    return merged.stream().map(c -> c.id().value()).toList();
  }

  @Override
  public List<String> mergedReferences() {
    return merged.stream().flatMap(a -> a.externalReference().stream()).toList();
  }

  /** This merge marked undone at {@code at}. */
  AccountMerge undoneAt(Instant at) {
    return new AccountMerge(id, tenantId, mergedAt, survivorBefore, survivor, merged, Optional.of(at));
  }
}
