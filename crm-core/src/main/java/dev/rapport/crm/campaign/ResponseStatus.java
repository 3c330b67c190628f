package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.lead.SignalType;
import java.util.Locale;
import java.util.Optional;

/**
 * How a campaign member responded. An open vocabulary: the well-known statuses are constants, and
 * a host adds its own with {@link #of(String, boolean, Optional)}. A status says whether it counts
 * as a response (for the response rate) and which engagement signal, if any, it records on a lead
 * member (which may warm the lead through the temperature policy).
 *
 * <p>The well-known statuses: {@link #SENT}, {@link #OPENED}, {@link #UNSUBSCRIBED} and
 * {@link #BOUNCED} are not responses; {@link #CLICKED}, {@link #RESPONDED}, {@link #REGISTERED}
 * and {@link #ATTENDED} are, and record {@link SignalType#WEBSITE_VISIT},
 * {@link SignalType#EMAIL_REPLY}, {@link SignalType#EVENT_REGISTERED} and
 * {@link SignalType#EVENT_ATTENDED}.
 *
 * @param code the status's code: 1 to 50 of lower-case letters, digits and {@code _}
 * @param response whether a member in this status has responded to the campaign
 * @param signal the engagement signal it records on a lead member, if any
 */
public record ResponseStatus(String code, boolean response, Optional<SignalType> signal) {

  /** The campaign was sent to the member (the status of a member when added). */
  public static final ResponseStatus SENT = new ResponseStatus("sent", false, Optional.empty());
  /** The member opened the message. */
  public static final ResponseStatus OPENED = new ResponseStatus("opened", false, Optional.empty());
  /** The member clicked a link in it. */
  public static final ResponseStatus CLICKED = new ResponseStatus("clicked", true, Optional.of(SignalType.WEBSITE_VISIT));
  /** The member answered. */
  public static final ResponseStatus RESPONDED = new ResponseStatus("responded", true, Optional.of(SignalType.EMAIL_REPLY));
  /** The member registered for the event or webinar. */
  public static final ResponseStatus REGISTERED = new ResponseStatus("registered", true, Optional.of(SignalType.EVENT_REGISTERED));
  /** The member attended the event or webinar. */
  public static final ResponseStatus ATTENDED = new ResponseStatus("attended", true, Optional.of(SignalType.EVENT_ATTENDED));
  /** The member asked to receive no more. */
  public static final ResponseStatus UNSUBSCRIBED = new ResponseStatus("unsubscribed", false, Optional.empty());
  /** The message could not be delivered. */
  public static final ResponseStatus BOUNCED = new ResponseStatus("bounced", false, Optional.empty());

  /**
   * @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]}, or the
   *     signal is null
   */
  public ResponseStatus {
    Check.notNull(code, "responseStatus");
    if (!Check.isCode(code)) {
      throw new ValidationException("responseStatus", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
    Check.notNull(signal, "responseStatus.signal");
  }

  /**
   * A response status; the code is stripped and put in lower case.
   *
   * @throws ValidationException if the code is null or not 1 to 50 of letters, digits and
   *     {@code _}, or the signal is null
   */
  public static ResponseStatus of(String code, boolean response, Optional<SignalType> signal) {
    Check.notNull(code, "responseStatus");
    return new ResponseStatus(code.strip().toLowerCase(Locale.ROOT), response, signal);
  }

  @Override
  public String toString() {
    return code;
  }
}
