package dev.rapport.crm.audit;

import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * One field of a record as a command changed it, its values as text (an absent value is empty).
 * A value longer than {@link #MAX_VALUE} characters is cut there and ends in an ellipsis.
 *
 * @param field the field's name, as the record's component ({@code "status"}, {@code "email"})
 * @param from its value before, if it had one
 * @param to its value after, if it has one
 */
public record FieldChange(String field, Optional<String> from, Optional<String> to) {
  /** The longest value kept. */
  public static final int MAX_VALUE = 1_000;

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null or the field blank */
  public FieldChange {
    Check.text(field, "field", 100);
    Check.notNull(from, "from");
    Check.notNull(to, "to");
  }
}
