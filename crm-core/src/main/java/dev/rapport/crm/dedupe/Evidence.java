package dev.rapport.crm.dedupe;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * One field's part in a {@link Comparison}: how its values compared and how much that weighed,
 * as the base-2 logarithm of how much likelier the comparison is for one person than for two
 * (positive for a match, negative against).
 *
 * @param field the field, e.g. {@code "email"}, {@code "familyName"} or an attribute's name
 * @param agreement how its values compared
 * @param weight the evidence it gave, in bits
 */
public record Evidence(String field, Agreement agreement, double weight) {
  /** @throws ValidationException if a part is null, the field blank or over 100 characters, or the weight not finite */
  public Evidence {
    Check.text(field, "field", 100);
    Check.notNull(agreement, "agreement");
    Checks.finite(weight, "weight");
  }

  @Override
  public String toString() {
    return field + " " + agreement.name().toLowerCase(java.util.Locale.ROOT)
        + String.format(java.util.Locale.ROOT, " %+.1f", weight);
  }
}
