package dev.rapport.crm.contact;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to merge: a survivor account, the duplicates that go into it, and, field by field, whose
 * value the survivor keeps. An immutable value; {@link AccountService#merge} carries it out.
 *
 * <p>Without a choice, each field takes its documented default ({@link Field}): the survivor's
 * value, or where it has none the first duplicate's that has one. A merged account's external
 * reference that the survivor does not take still leads to the survivor
 * ({@link AccountService#findByExternalReference}).
 *
 * <p>Made {@linkplain #of(Account, List) from the accounts as read}, the merge is refused with
 * {@link dev.rapport.crm.exception.ConcurrentUpdateException} if any of them changed since; made
 * {@linkplain #of(AccountId, List) from ids}, it merges them as they are when it runs.
 */
public final class AccountMergePlan {
  /** The most duplicates one merge takes. */
  public static final int MAX_DUPLICATES = 50;

  /** The fields a caller can take from a chosen account of the merge; each defaults to the survivor's, else the first duplicate's that has one. */
  public enum Field {
    /** The organisation's name (every account has one: default the survivor's). */
    NAME,
    /** The web and e-mail domain. */
    DOMAIN,
    /** The host's key (customer number). */
    EXTERNAL_REFERENCE,
    /** The industry. */
    INDUSTRY,
    /** The owner. */
    OWNER
  }

  private final AccountId survivor;
  private final List<AccountId> duplicates;
  /** The version each account was read at, by id; empty when made from ids. */
  private final Map<AccountId, Long> versions;
  private final Map<Field, AccountId> choices;

  private AccountMergePlan(AccountId survivor, List<AccountId> duplicates, Map<AccountId, Long> versions,
      Map<Field, AccountId> choices) {
    this.survivor = survivor;
    this.duplicates = duplicates;
    this.versions = versions;
    this.choices = choices;
  }

  /**
   * Merges {@code duplicates} into {@code survivor}, refusing if any of them is no longer at the
   * version read here.
   *
   * @throws ValidationException if an argument is null, holds null, is empty or holds more than
   *     {@value #MAX_DUPLICATES} accounts, names a account twice (the survivor among its
   *     duplicates included), or holds accounts of different tenants
   */
  public static AccountMergePlan of(Account survivor, List<Account> duplicates) {
    Check.notNull(survivor, "survivor");
    Check.noNulls(duplicates, "duplicates");
    Map<AccountId, Long> versions = new java.util.HashMap<>();
    versions.put(survivor.id(), survivor.version());
    List<AccountId> ids = new ArrayList<>(duplicates.size());
    for (Account c : duplicates) {
      if (!c.tenantId().equals(survivor.tenantId())) {
        throw new ValidationException("duplicates", "must belong to the survivor's tenant");
      }
      ids.add(c.id());
      versions.putIfAbsent(c.id(), c.version());
    }
    checkIds(survivor.id(), ids);
    return new AccountMergePlan(survivor.id(), List.copyOf(ids), Map.copyOf(versions), Map.of());
  }

  /**
   * Merges the accounts {@code duplicates} into the account {@code survivor} as they are when the
   * merge runs.
   *
   * @throws ValidationException if an argument is null, holds null, is empty or holds more than
   *     {@value #MAX_DUPLICATES} ids, or names a account twice (the survivor among its duplicates
   *     included)
   */
  public static AccountMergePlan of(AccountId survivor, List<AccountId> duplicates) {
    Check.notNull(survivor, "survivor");
    Check.noNulls(duplicates, "duplicates");
    List<AccountId> ids = List.copyOf(duplicates);
    checkIds(survivor, ids);
    return new AccountMergePlan(survivor, ids, Map.of(), Map.of());
  }

  private static void checkIds(AccountId survivor, List<AccountId> duplicates) {
    dev.rapport.crm.internal.MergeChecks.ids(survivor, duplicates, "account", MAX_DUPLICATES);
  }

  /**
   * This plan, with the survivor keeping {@code field} as the account {@code from} has it (the
   * survivor or one of the duplicates). Taking an empty value empties the field.
   *
   * @throws ValidationException if an argument is null or {@code from} is not in the merge
   */
  public AccountMergePlan taking(Field field, AccountId from) {
    Check.notNull(field, "field");
    Check.notNull(from, "from");
    if (!from.equals(survivor) && !duplicates.contains(from)) {
      throw new ValidationException("from", "must be the survivor or one of the duplicates");
    }
    Map<Field, AccountId> next = new EnumMap<>(Field.class);
    next.putAll(choices);
    next.put(field, from);
    return new AccountMergePlan(survivor, duplicates, versions, Collections.unmodifiableMap(next));
  }

  /** The account that remains. */
  public AccountId survivor() {
    return survivor;
  }

  /** The accounts merged into the survivor, in the order given. */
  public List<AccountId> duplicates() {
    return duplicates;
  }

  /** The choices made with {@link #taking}; a field not in it takes its default. */
  public Map<Field, AccountId> choices() {
    return choices;
  }

  /** The version the account was read at, if the plan was made from accounts as read. */
  public OptionalLong versionRead(AccountId id) {
    Long v = versions.get(id);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public String toString() {
    return "AccountMergePlan[survivor=" + survivor + ", duplicates=" + duplicates + ", choices=" + choices + "]";
  }

  /** The account whose value of {@code field} the survivor takes, if the caller chose one. */
  Optional<AccountId> choice(Field field) {
    return Optional.ofNullable(choices.get(field));
  }
}
