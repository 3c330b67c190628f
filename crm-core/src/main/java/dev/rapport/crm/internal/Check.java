package dev.rapport.crm.internal;

import dev.rapport.crm.ValidationException;
import java.util.Collection;
import java.util.Optional;

/**
 * Argument checks that throw {@link ValidationException} naming the field and the rule.
 * Internal: not part of the API, may change without notice.
 */
public final class Check {
  private Check() {}

  /** Returns {@code value}, or throws when it is null. */
  public static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new ValidationException(field, "must not be null");
    }
    return value;
  }

  /** Returns the stripped text, or throws when it is null, blank or longer than {@code max}. */
  public static String text(String value, String field, int max) {
    notNull(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new ValidationException(field, "must not be blank");
    }
    if (stripped.length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return stripped;
  }

  /** Like {@link #text} but an absent (null or blank) value gives an empty optional. */
  public static Optional<String> optionalText(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(text(value, field, max));
  }

  /** Returns {@code value}, or throws when it is outside {@code [min, max]}. */
  public static int range(int value, String field, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is negative. */
  public static long notNegative(long value, String field) {
    if (value < 0) {
      throw new ValidationException(field, "must not be negative");
    }
    return value;
  }

  /** Returns a version a caller expects a record at, or throws when it is below 1. */
  public static long expectedVersion(long version) {
    if (version < 1) {
      throw new ValidationException("version", "must be at least 1");
    }
    return version;
  }

  /**
   * Throws {@link dev.rapport.crm.ConcurrentUpdateException} when a caller expects a version
   * ({@code expected >= 0}) and the record is at another.
   */
  public static void version(String kind, Object id, long actual, long expected) {
    if (expected >= 0 && actual != expected) {
      throw new dev.rapport.crm.ConcurrentUpdateException(kind, id, expected);
    }
  }

  /** Returns the collection, or throws when it or any element is null. */
  public static <C extends Collection<?>> C noNulls(C values, String field) {
    notNull(values, field);
    for (Object v : values) {
      if (v == null) {
        throw new ValidationException(field, "must not contain null");
      }
    }
    return values;
  }
}
