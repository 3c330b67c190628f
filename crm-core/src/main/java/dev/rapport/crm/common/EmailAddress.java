package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.Domains;
import java.util.Locale;

/**
 * An e-mail address. It keeps the address as given (trimmed) for display, and compares by its
 * normalised form: the whole address in lower case. Two addresses that differ only in case are
 * equal. The domain may be internationalised ({@code ana@bücher.de}); the local part is ASCII.
 */
public final class EmailAddress {
  // Deliberately simple (RFC 5322 in full accepts far more than mail systems deliver to): a local
  // part of 1 to 64 printable characters without leading, trailing or doubled dots, an @, and a
  // domain of dot-separated labels (letters, digits, inner hyphens; at most 63 each) ending in a
  // top-level domain of 2 to 63 letters. Checked by hand, not by a regular expression: parsing an
  // address is on the path of every lookup by e-mail, and the regex was a third of its cost.
  private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

  private final String address;
  private final String normalized;

  private EmailAddress(String address) {
    this.address = address;
    this.normalized = address.toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an e-mail address.
   *
   * @throws ValidationException (field {@code email}) if it is null, longer than 254 characters,
   *     or not of the form {@code local@domain.tld}
   */
  public static EmailAddress of(String address) {
    return of(address, "email");
  }

  /**
   * Parses an e-mail address, naming {@code field} in the exception.
   *
   * @throws ValidationException if it or the field is null, longer than 254 characters or not of
   *     the form {@code local@domain.tld}
   */
  public static EmailAddress of(String address, String field) {
    Check.notNull(field, "field");
    Check.notNull(address, field);
    String trimmed = address.strip();
    if (trimmed.length() > 254 || !isValid(asciiDomain(trimmed))) {
      throw new ValidationException(field, "must be a valid e-mail address");
    }
    return new EmailAddress(trimmed);
  }

  /**
   * The address with an internationalised domain in its ASCII (Punycode) form, for the check:
   * {@code ana@bücher.de} is checked as {@code ana@xn--bcher-kva.de}. The local part stays ASCII.
   */
  private static String asciiDomain(String s) {
    int at = s.lastIndexOf('@');
    if (at < 0 || isAscii(s)) {
      return s;
    }
    return Domains.ascii(s.substring(at + 1)).map(d -> s.substring(0, at + 1) + d).orElse(s);
  }

  private static boolean isAscii(String s) { // a loop, not chars().allMatch: this runs on every look-up
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  static boolean isValid(String s) {
    int at = s.indexOf('@');
    if (at < 1 || at > 64 || s.charAt(0) == '.' || s.charAt(at - 1) == '.') {
      return false;
    }
    for (int i = 0; i < at; i++) {
      char c = s.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0)
          || (c == '.' && s.charAt(i - 1) == '.')) {
        return false;
      }
    }
    int labels = 0;
    int start = at + 1;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      int length = end - start;
      if (length < 1 || length > 63) {
        return false;
      }
      labels++;
      if (dot < 0) { // the top-level domain: letters only, at least two, or an IDN (xn--)
        if (labels < 2 || length < 2) {
          return false;
        }
        if (length > 4 && s.regionMatches(true, start, "xn--", 0, 4)) {
          return isAsciiLetterOrDigit(s.charAt(end - 1))
              && s.substring(start + 4, end).chars().allMatch(c -> isAsciiLetterOrDigit((char) c) || c == '-');
        }
        for (int i = start; i < end; i++) {
          if (!isAsciiLetter(s.charAt(i))) {
            return false;
          }
        }
        return true;
      }
      if (!isAsciiLetterOrDigit(s.charAt(start)) || !isAsciiLetterOrDigit(s.charAt(end - 1))) {
        return false;
      }
      for (int i = start; i < end; i++) {
        char c = s.charAt(i);
        if (!isAsciiLetterOrDigit(c) && c != '-') {
          return false;
        }
      }
      start = dot + 1;
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  /** The address as given, trimmed. */
  public String address() {
    return address;
  }

  /** The address in lower case: the form used for comparison and lookups. */
  public String normalized() {
    return normalized;
  }

  /** The domain part, in lower case, e.g. {@code acme.com}. */
  public String domain() {
    return normalized.substring(normalized.indexOf('@') + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmailAddress other && normalized.equals(other.normalized);
  }

  @Override
  public int hashCode() {
    return normalized.hashCode();
  }

  @Override
  public String toString() {
    return address;
  }
}
