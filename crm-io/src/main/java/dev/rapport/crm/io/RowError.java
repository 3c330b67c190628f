package dev.rapport.crm.io;

import java.util.Objects;

/**
 * A row the import refused, and why.
 *
 * @param row the row's number in the file, the first data row being 1 (the header is not counted)
 * @param field the field or column at fault, as the exception named it (e.g. {@code email})
 * @param rule the rule the value broke, in words
 * @param value the value as read, cut to {@value #MAX_VALUE} characters (an ellipsis marks a cut)
 */
public record RowError(long row, String field, String rule, String value) {
  /** The most characters of a bad value a report keeps. */
  public static final int MAX_VALUE = 200;

  /** @throws NullPointerException if a part is null */
  public RowError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_VALUE) {
      value = value.substring(0, MAX_VALUE - 1) + "…";
    }
  }
}
