package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * Where a lead came from, so that marketing can see which efforts pay. An open vocabulary: the
 * well-known sources are constants, and a host adds its own with {@link #of(String)}.
 *
 * @param code the source's code: 1 to 50 of lower-case letters, digits and {@code _}
 */
public record LeadSource(String code) {

  /** Signed up on the website. */
  public static final LeadSource WEBSITE_SIGNUP = new LeadSource("website_signup");
  /** Answered an advertisement. */
  public static final LeadSource ADVERTISING = new LeadSource("advertising");
  /** Came from a purchased list. */
  public static final LeadSource PURCHASED_LIST = new LeadSource("purchased_list");
  /** Registered for or attended a webinar. */
  public static final LeadSource WEBINAR = new LeadSource("webinar");
  /** Subscribed to the newsletter. */
  public static final LeadSource NEWSLETTER = new LeadSource("newsletter");
  /** Was referred by a customer or contact. */
  public static final LeadSource REFERRAL = new LeadSource("referral");
  /** Was met at a trade show. */
  public static final LeadSource TRADE_SHOW = new LeadSource("trade_show");
  /** Was reached by a cold call. */
  public static final LeadSource COLD_CALL = new LeadSource("cold_call");
  /** Was passed on by a partner. */
  public static final LeadSource PARTNER = new LeadSource("partner");
  /** Answered an advertisement on a social network, e.g. Facebook ads. */
  public static final LeadSource SOCIAL_ADS = new LeadSource("social_ads");
  /** Anything else. */
  public static final LeadSource OTHER = new LeadSource("other");

  /** @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]} */
  public LeadSource {
    Check.notNull(code, "source");
    if (!Check.isCode(code)) {
      throw new ValidationException("source", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
  }

  /**
   * The source with the given code; the code is stripped and put in lower case, so
   * {@code of("Webinar")} is {@link #WEBINAR}.
   *
   * @throws ValidationException if the code is null or not 1 to 50 of letters, digits and {@code _}
   */
  public static LeadSource of(String code) {
    Check.notNull(code, "source");
    return new LeadSource(code.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return code;
  }
}
