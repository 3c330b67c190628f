package dev.rapport.crm.io;

/**
 * A column of an import file: the field it fills ({@link LeadField}, {@link AccountField}, {@link
 * ContactField}). By default a field is read from the column of its {@link #header()}, compared
 * without case, spaces, dashes and underscores ({@code "Given name"}, {@code given_name} and
 * {@code givenName} are one); {@link RecordImport#column} maps any other header.
 */
public interface ImportField {
  /** The header this field is read from by default, e.g. {@code givenName}. */
  String header();
}
