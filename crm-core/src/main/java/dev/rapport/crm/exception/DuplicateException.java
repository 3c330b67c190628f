package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

/**
 * A uniqueness rule refused a write: another record of the tenant already holds the value, for
 * example an account's external reference, or (under a duplicate policy that refuses them) the new
 * record is likely the same person as a stored one ({@link #likely}). Nothing was changed.
 */
public final class DuplicateException extends CrmException {
  private final String field;
  private final java.util.Optional<String> duplicateOf;

  /**
   * @param kind the kind of record, e.g. {@code "account"}
   * @param field the field that must be unique, e.g. {@code "externalReference"}
   * @param value the value already taken
   */
  public DuplicateException(String kind, String field, Object value) {
    super(requireNonNull(kind, "kind") + " " + requireNonNull(field, "field") + " '"
        + requireNonNull(value, "value") + "' is already taken");
    this.field = field;
    this.duplicateOf = java.util.Optional.empty();
  }

  private DuplicateException(String message, String field, String duplicateOf) {
    super(message);
    this.field = field;
    this.duplicateOf = java.util.Optional.of(duplicateOf);
  }

  /**
   * A refusal of a likely duplicate: the new {@code kind} record looks like the stored one with id
   * {@code id}, by the fields that matched.
   *
   * @param kind the kind of record, e.g. {@code "contact"}
   * @param id the id of the stored record it looks like
   * @param fields the fields that counted for the match, strongest first (at least one)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code fields} is empty
   */
  public static DuplicateException likely(String kind, String id, java.util.List<String> fields) {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("fields must name at least one field");
    }
    return new DuplicateException(kind + " is likely a duplicate of " + kind + " " + id
        + " (matching " + String.join(", ", fields) + ")", fields.get(0), id);
  }

  /** The id of the stored record a refused new one looks like; empty for a taken unique value. */
  public java.util.Optional<String> duplicateOf() {
    return duplicateOf;
  }

  /** The field that must be unique. */
  public String field() {
    return field;
  }
}
