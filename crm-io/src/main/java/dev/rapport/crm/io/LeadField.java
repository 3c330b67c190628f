package dev.rapport.crm.io;

import java.util.Locale;
import java.util.Optional;

/**
 * A column of a lead file: the field of {@code NewLead} it fills. A file's header names its
 * columns; by default each field is read from the column of its {@link #header()} (compared
 * without case, spaces, dashes and underscores: {@code "Given name"}, {@code given_name} and
 * {@code givenName} all name {@link #GIVEN_NAME}); {@link LeadImport#column} maps any other header.
 */
public enum LeadField implements ImportField {
  /** The given name (optional). */
  GIVEN_NAME("givenName"),
  /** The family name, or the whole name of a mononym (required). */
  FAMILY_NAME("familyName"),
  /** The e-mail address (optional). */
  EMAIL("email"),
  /** The phone number in international form, e.g. {@code +49 30 1234567} (optional). */
  PHONE("phone"),
  /** The company name (optional). */
  COMPANY("company"),
  /** The job title (optional). */
  TITLE("title"),
  /** The lead source's code, e.g. {@code webinar} (required). */
  SOURCE("source"),
  /** The owner's user id (optional). */
  OWNER("owner"),
  /**
   * The industry, by code or as people write it, e.g. {@code Food & Beverage} (optional; see
   * {@code Industry.of}).
   */
  INDUSTRY("industry");

  private final String header;

  LeadField(String header) {
    this.header = header;
  }

  /** The header this field is read from and written under by default, e.g. {@code givenName}. */
  @Override
  public String header() {
    return header;
  }

  /** The field a header names by default, compared without case, spaces, dashes and underscores. */
  static Optional<LeadField> byHeader(String header) {
    String key = key(header);
    for (LeadField f : values()) {
      if (key(f.header).equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  static String key(String header) {
    return FileImport.key(header);
  }
}
