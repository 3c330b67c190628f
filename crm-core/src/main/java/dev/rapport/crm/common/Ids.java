package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/** Helpers shared by the typed ids. */
final class Ids {
  private Ids() {}

  static UUID parse(String value, String field) {
    Check.notNull(value, field);
    try {
      UUID uuid = UUID.fromString(value.strip());
      if (!uuid.toString().equalsIgnoreCase(value.strip())) {
        throw new IllegalArgumentException();
      }
      return uuid;
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, "must be a UUID");
    }
  }

  /** Unsigned comparison: the order of the 128 bits, as databases sort UUIDs. */
  static int compare(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
