package dev.rapport.crm.feedback;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * How a feedback answer reached the tenant. An open vocabulary: the well-known channels are
 * constants, and a host adds its own with {@link #of(String)}.
 *
 * @param code the channel's code: 1 to 50 of lower-case letters, digits and {@code _}
 */
public record FeedbackChannel(String code) {

  /** A survey sent by e-mail. */
  public static final FeedbackChannel EMAIL = new FeedbackChannel("email");
  /** A form on the website. */
  public static final FeedbackChannel WEB = new FeedbackChannel("web");
  /** A prompt inside the product. */
  public static final FeedbackChannel IN_APP = new FeedbackChannel("in_app");
  /** Asked on the phone. */
  public static final FeedbackChannel PHONE = new FeedbackChannel("phone");
  /** A text message. */
  public static final FeedbackChannel SMS = new FeedbackChannel("sms");
  /** Asked in person. */
  public static final FeedbackChannel IN_PERSON = new FeedbackChannel("in_person");
  /** Anything else. */
  public static final FeedbackChannel OTHER = new FeedbackChannel("other");

  /** @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]} */
  public FeedbackChannel {
    Check.notNull(code, "channel");
    if (!Check.isCode(code)) {
      throw new ValidationException("channel", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
  }

  /**
   * The channel with the given code; the code is stripped and put in lower case, so
   * {@code of("Email")} is {@link #EMAIL}.
   *
   * @throws ValidationException if the code is null or not 1 to 50 of letters, digits and {@code _}
   */
  public static FeedbackChannel of(String code) {
    Check.notNull(code, "channel");
    return new FeedbackChannel(code.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return code;
  }
}
