package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a logged e-mail: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record MailId(UUID value) implements Comparable<MailId> {
  /** @throws ValidationException if the value is null */
  public MailId {
    Check.notNull(value, "mailId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static MailId of(UUID value) {
    return new MailId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static MailId parse(String value) {
    return new MailId(Ids.parse(value, "mailId"));
  }

  @Override
  public int compareTo(MailId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
