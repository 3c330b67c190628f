package dev.rapport.crm.lead;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * A kind of engagement a lead can show. An open vocabulary: the well-known kinds are constants,
 * and a host adds its own with {@link #of(String, Intent)}.
 *
 * @param code the kind's code: 1 to 50 of lower-case letters, digits and {@code _}
 * @param intent what the engagement says about the lead
 */
public record SignalType(String code, Intent intent) {

  /** What an engagement says about the lead. */
  public enum Intent {
    /** Engaged with marketing: interest in the subject, not yet in buying. */
    MARKETING,
    /** Interest in buying the product. */
    BUYING
  }

  /** Signed up for the newsletter. */
  public static final SignalType NEWSLETTER_SIGNUP = new SignalType("newsletter_signup", Intent.MARKETING);
  /** Attended a webinar. */
  public static final SignalType WEBINAR_ATTENDED = new SignalType("webinar_attended", Intent.MARKETING);
  /** Downloaded content: a white paper, an e-book. */
  public static final SignalType CONTENT_DOWNLOAD = new SignalType("content_download", Intent.MARKETING);
  /** Replied to an e-mail. */
  public static final SignalType EMAIL_REPLY = new SignalType("email_reply", Intent.MARKETING);
  /** Visited the website. */
  public static final SignalType WEBSITE_VISIT = new SignalType("website_visit", Intent.MARKETING);
  /** Registered for an event or webinar (a campaign response). */
  public static final SignalType EVENT_REGISTERED = new SignalType("event_registered", Intent.MARKETING);
  /** Attended an event: a trade show stand, a seminar (a campaign response). */
  public static final SignalType EVENT_ATTENDED = new SignalType("event_attended", Intent.MARKETING);
  /** Asked for pricing. */
  public static final SignalType PRICING_REQUEST = new SignalType("pricing_request", Intent.BUYING);
  /** Asked for a demo. */
  public static final SignalType DEMO_REQUEST = new SignalType("demo_request", Intent.BUYING);
  /** Asked for a quote. */
  public static final SignalType QUOTE_REQUEST = new SignalType("quote_request", Intent.BUYING);
  /** Booked a meeting with sales. */
  public static final SignalType MEETING_BOOKED = new SignalType("meeting_booked", Intent.BUYING);
  /** Called the tenant (an inbound call logged as an activity): interest in the product. */
  public static final SignalType INBOUND_CALL = new SignalType("inbound_call", Intent.BUYING);
  /** Met with sales (a meeting logged as an activity). */
  public static final SignalType MEETING_HELD = new SignalType("meeting_held", Intent.BUYING);
  /** Started a trial. */
  public static final SignalType TRIAL_STARTED = new SignalType("trial_started", Intent.BUYING);

  /** @throws ValidationException if the code is null or malformed, or the intent is null */
  public SignalType {
    Check.notNull(code, "signal.type");
    if (!Check.isCode(code)) {
      throw new ValidationException("signal.type", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
    Check.notNull(intent, "signal.intent");
  }

  /**
   * A kind of engagement; the code is stripped and put in lower case.
   *
   * @throws ValidationException if the code is null or not 1 to 50 of letters, digits and
   *     {@code _}, or the intent is null
   */
  public static SignalType of(String code, Intent intent) {
    Check.notNull(code, "signal.type");
    return new SignalType(code.strip().toLowerCase(Locale.ROOT), intent);
  }

  @Override
  public String toString() {
    return code;
  }
}
