package dev.rapport.crm.io;

/**
 * A column of an account file: the field of {@code NewAccount} it fills. By default each field is
 * read from the column of its {@link #header()} (compared without case, spaces, dashes and
 * underscores: {@code "External reference"} and {@code external_reference} both name {@link
 * #EXTERNAL_REFERENCE}); {@link AccountImport#column} maps any other header, e.g. your
 * {@code "Customer no."}.
 */
public enum AccountField implements ImportField {
  /** The account's name (required). */
  NAME("name"),
  /** The company's web or mail domain, e.g. {@code acme.example} (optional). */
  DOMAIN("domain"),
  /**
   * Your own key of the account, e.g. its customer number (optional): an account whose reference
   * is stored already is skipped, so running the same file again stores nothing twice.
   */
  EXTERNAL_REFERENCE("externalReference"),
  /** The industry, by code or as people write it, e.g. {@code Food & Beverage} (optional; see {@code Industry.of}). */
  INDUSTRY("industry"),
  /** The owner's user id (optional). */
  OWNER("owner");

  private final String header;

  AccountField(String header) {
    this.header = header;
  }

  /** The header this field is read from by default, e.g. {@code externalReference}. */
  @Override
  public String header() {
    return header;
  }
}
