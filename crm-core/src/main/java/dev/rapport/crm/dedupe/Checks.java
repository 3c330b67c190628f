package dev.rapport.crm.dedupe;

import dev.rapport.crm.exception.ValidationException;

/** Checks of the package's values. */
final class Checks {
  private Checks() {}

  static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new ValidationException(field, "must be a finite number");
    }
    return value;
  }
}
