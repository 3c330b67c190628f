package dev.rapport.crm.io;

/**
 * A column of a contact file: the field of {@code NewContact} it fills, or the account it belongs
 * to. By default each field is read from the column of its {@link #header()} (compared without
 * case, spaces, dashes and underscores); {@link ContactImport#column} maps any other header.
 */
public enum ContactField implements ImportField {
  /** The given name (optional). */
  GIVEN_NAME("givenName"),
  /** The family name, or the whole name of a mononym (required). */
  FAMILY_NAME("familyName"),
  /**
   * The e-mail address (optional): a row whose address a stored contact has is skipped, so running
   * the same file again stores nothing twice.
   */
  EMAIL("email"),
  /** The phone number in international form (optional). */
  PHONE("phone"),
  /** The job title (optional). */
  TITLE("title"),
  /** The owner's user id (optional). */
  OWNER("owner"),
  /**
   * The account the contact belongs to, by the account's external reference (your customer
   * number, as {@link AccountImport} stored it) (optional).
   */
  ACCOUNT("account");

  private final String header;

  ContactField(String header) {
    this.header = header;
  }

  /** The header this field is read from by default, e.g. {@code familyName}. */
  @Override
  public String header() {
    return header;
  }
}
