package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * What kind of activity happened. An open vocabulary: the well-known kinds are constants, and a
 * host adds its own with {@link #of(String)}.
 *
 * @param code 1 to 50 of lower-case letters, digits and {@code _}
 */
public record ActivityType(String code) {
  /** A phone call. */
  public static final ActivityType CALL = new ActivityType("call");
  /** An e-mail. */
  public static final ActivityType EMAIL = new ActivityType("email");
  /** A meeting, in person or online. */
  public static final ActivityType MEETING = new ActivityType("meeting");
  /** A note: something worth remembering, not an exchange with the customer. */
  public static final ActivityType NOTE = new ActivityType("note");

  /** @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]} */
  public ActivityType {
    Codes.check(code, "activity.type");
  }

  /**
   * The type with this code, stripped and put in lower case.
   *
   * @throws ValidationException if malformed
   */
  public static ActivityType of(String code) {
    Check.notNull(code, "activity.type");
    return new ActivityType(code.strip().toLowerCase(Locale.ROOT));
  }

  /** Whether activities of this type must have a direction (calls and e-mails). */
  public boolean hasDirection() {
    return equals(CALL) || equals(EMAIL);
  }

  @Override
  public String toString() {
    return code;
  }

  /** The check of an open vocabulary's code, shared by the activity package. */
  static final class Codes {
    private Codes() {}

    static void check(String code, String field) {
      Check.notNull(code, field);
      if (code.isEmpty() || code.length() > Limits.CODE) {
        throw new ValidationException(field, "must be 1 to " + Limits.CODE + " of lower-case letters, digits and '_'");
      }
      for (int i = 0; i < code.length(); i++) {
        char c = code.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
          throw new ValidationException(field, "must be 1 to " + Limits.CODE + " of lower-case letters, digits and '_'");
        }
      }
    }
  }
}
