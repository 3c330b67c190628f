package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

/**
 * A uniqueness rule refused a write: another record of the tenant already holds the value, for
 * example an account's external reference. Nothing was changed.
 */
public final class DuplicateException extends CrmException {
  private final String field;

  /**
   * @param kind the kind of record, e.g. {@code "account"}
   * @param field the field that must be unique, e.g. {@code "externalReference"}
   * @param value the value already taken
   */
  public DuplicateException(String kind, String field, Object value) {
    super(requireNonNull(kind, "kind") + " " + requireNonNull(field, "field") + " '"
        + requireNonNull(value, "value") + "' is already taken");
    this.field = field;
  }

  /** The field that must be unique. */
  public String field() {
    return field;
  }
}
