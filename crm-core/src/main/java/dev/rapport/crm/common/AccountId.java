package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a account: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record AccountId(UUID value) implements Comparable<AccountId> {
  /** @throws ValidationException if the value is null */
  public AccountId {
    Check.notNull(value, "accountId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static AccountId of(UUID value) {
    return new AccountId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static AccountId parse(String value) {
    return new AccountId(Ids.parse(value, "accountId"));
  }

  @Override
  public int compareTo(AccountId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
