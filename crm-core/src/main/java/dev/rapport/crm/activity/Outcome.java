package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * How an activity ended. An open vocabulary: the well-known outcomes are constants, and a host
 * adds its own with {@link #of(String)}.
 *
 * @param code 1 to 50 of lower-case letters, digits and {@code _}
 */
public record Outcome(String code) {
  /** The call was answered. */
  public static final Outcome CONNECTED = new Outcome("connected");
  /** A voicemail was left. */
  public static final Outcome LEFT_VOICEMAIL = new Outcome("left_voicemail");
  /** Nobody answered. */
  public static final Outcome NO_ANSWER = new Outcome("no_answer");
  /** The line was busy. */
  public static final Outcome BUSY = new Outcome("busy");
  /** The number or address was wrong. */
  public static final Outcome WRONG_NUMBER = new Outcome("wrong_number");
  /** The meeting took place, the e-mail was answered: it happened as planned. */
  public static final Outcome COMPLETED = new Outcome("completed");

  /** @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]} */
  public Outcome {
    ActivityType.Codes.check(code, "activity.outcome");
  }

  /**
   * The outcome with this code, stripped and put in lower case.
   *
   * @throws ValidationException if malformed
   */
  public static Outcome of(String code) {
    Check.notNull(code, "activity.outcome");
    return new Outcome(code.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return code;
  }
}
