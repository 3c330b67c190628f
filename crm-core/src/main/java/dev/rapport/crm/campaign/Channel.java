package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * The way a campaign reaches people. An open vocabulary: the well-known channels are constants,
 * and a host adds its own with {@link #of(String)} (e.g. {@code of("podcast")}).
 *
 * @param code the channel's code: 1 to 50 of lower-case letters, digits and {@code _}
 */
public record Channel(String code) {

  /** E-mails sent to a list. */
  public static final Channel EMAIL = new Channel("email");
  /** The newsletter. */
  public static final Channel NEWSLETTER = new Channel("newsletter");
  /** A webinar. */
  public static final Channel WEBINAR = new Channel("webinar");
  /** Advertising on social networks, e.g. Facebook ads. */
  public static final Channel SOCIAL_ADS = new Channel("social_ads");
  /** Advertising on search engines. */
  public static final Channel SEARCH_ADS = new Channel("search_ads");
  /** A stand at a trade show. */
  public static final Channel TRADE_SHOW = new Channel("trade_show");
  /** A purchased list of addresses. */
  public static final Channel PURCHASED_LIST = new Channel("purchased_list");
  /** Letters and cards by post. */
  public static final Channel DIRECT_MAIL = new Channel("direct_mail");
  /** Calls to a list. */
  public static final Channel TELEMARKETING = new Channel("telemarketing");

  /** @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]} */
  public Channel {
    Check.notNull(code, "channel");
    if (!Check.isCode(code)) {
      throw new ValidationException("channel", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
  }

  /**
   * The channel with the given code; the code is stripped and put in lower case, so
   * {@code of("Webinar")} is {@link #WEBINAR}.
   *
   * @throws ValidationException if the code is null or not 1 to 50 of letters, digits and {@code _}
   */
  public static Channel of(String code) {
    Check.notNull(code, "channel");
    return new Channel(code.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return code;
  }
}
