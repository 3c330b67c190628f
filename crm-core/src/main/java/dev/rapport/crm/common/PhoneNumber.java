package dev.rapport.crm.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * A telephone number, normalised to E.164 ({@code +4930123456}). Numbers are parsed with
 * libphonenumber; a number without a leading {@code +} needs a default region.
 */
public final class PhoneNumber {
  private final String e164;

  private PhoneNumber(String e164) {
    this.e164 = e164;
  }

  /**
   * Parses a number written in international form ({@code +49 30 123456}).
   *
   * @throws ValidationException (field {@code phone}) if it is null, longer than
   *     {@link Limits#PHONE_TEXT} characters or not a valid number
   */
  public static PhoneNumber of(String number) {
    return of(number, null);
  }

  /**
   * Parses a number, reading a number without country code as one of {@code defaultRegion}
   * (ISO 3166 alpha-2, e.g. {@code "DE"}).
   *
   * @throws ValidationException (field {@code phone}) if it is null, longer than
   *     {@link Limits#PHONE_TEXT} characters or not a valid number
   */
  public static PhoneNumber of(String number, String defaultRegion) {
    Check.notNull(number, "phone");
    if (number.length() > Limits.PHONE_TEXT) {
      throw new ValidationException("phone", "must be written in at most " + Limits.PHONE_TEXT + " characters");
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      var parsed = util.parse(number, defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT));
      if (!util.isValidNumber(parsed)) {
        throw new ValidationException("phone", "must be a valid telephone number");
      }
      return new PhoneNumber(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      throw new ValidationException("phone",
          "must be a valid telephone number in international form (+country code) or with a region");
    }
  }

  /** The number in E.164 form, e.g. {@code +4930123456}. */
  public String e164() {
    return e164;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneNumber other && e164.equals(other.e164);
  }

  @Override
  public int hashCode() {
    return e164.hashCode();
  }

  @Override
  public String toString() {
    return e164;
  }
}
