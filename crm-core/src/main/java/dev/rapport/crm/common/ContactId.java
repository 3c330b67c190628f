package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a contact: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record ContactId(UUID value) implements Comparable<ContactId> {
  /** @throws ValidationException if the value is null */
  public ContactId {
    Check.notNull(value, "contactId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static ContactId of(UUID value) {
    return new ContactId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static ContactId parse(String value) {
    return new ContactId(Ids.parse(value, "contactId"));
  }

  @Override
  public int compareTo(ContactId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
