package dev.rapport.crm.common;

import dev.rapport.crm.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address. It keeps the address as given (trimmed) for display, and compares by its
 * normalised form: the whole address in lower case. Two addresses that differ only in case are
 * equal.
 */
public final class EmailAddress {
  // Deliberately simple (RFC 5322 in full accepts far more than mail systems deliver to):
  // a local part of printable characters, an @, and a domain of dot-separated labels with a TLD.
  private static final Pattern VALID = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@"
          + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

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
   * @throws ValidationException if it is null, longer than 254 characters or not of the form
   *     {@code local@domain.tld}
   */
  public static EmailAddress of(String address, String field) {
    Check.notNull(address, field);
    String trimmed = address.strip();
    if (trimmed.length() > 254 || !VALID.matcher(trimmed).matches()
        || trimmed.startsWith(".") || trimmed.contains("..") || trimmed.contains(".@")) {
      throw new ValidationException(field, "must be a valid e-mail address");
    }
    return new EmailAddress(trimmed);
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
