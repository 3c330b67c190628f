package dev.rapport.crm.internal;

import dev.rapport.crm.exception.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Argument checks that throw {@link ValidationException} naming the field and the rule.
 * Internal: not part of the API, may change without notice.
 */
public final class Check {
  /** What {@code Limits.EARLIEST_INSTANT} publishes: kept here, below the values that check against it. */
  public static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
  /** What {@code Limits.LATEST_INSTANT} publishes. */
  public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
  /** What {@code Limits.EARLIEST_DATE} publishes. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  /** What {@code Limits.LATEST_DATE} publishes. */
  public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

  private Check() {}

  /** Returns {@code value}, or throws when it is null. */
  public static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new ValidationException(field, "must not be null");
    }
    return value;
  }

  /**
   * Returns the stripped text, or throws when it is null, blank, longer than {@code max} code
   * points, or holds a character no database stores (see {@code Limits}). Linear in the input's
   * length: a text too long is refused before its characters are examined.
   */
  public static String text(String value, String field, int max) {
    notNull(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new ValidationException(field, "must not be blank");
    }
    if (stripped.length() > max && stripped.codePointCount(0, stripped.length()) > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    storable(stripped, field);
    return stripped;
  }

  /**
   * A derived text cut to its first {@code max} code points (never inside a surrogate pair) and
   * stripped: for values the core makes, which are cut rather than refused (see {@code Limits}).
   */
  public static String cut(String value, int max) {
    if (value.length() <= max || value.codePointCount(0, value.length()) <= max) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, max)).strip();
  }

  /**
   * Throws when the text holds a NUL character or an unpaired surrogate: what PostgreSQL refuses
   * and what UTF-8 cannot encode.
   */
  public static String storable(String value, String field) {
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (c == 0) {
        throw new ValidationException(field, "must not contain the NUL character (U+0000) at index " + i);
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          throw new ValidationException(field, "must not contain an unpaired surrogate (U+"
              + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at index " + i);
        }
      }
    }
    return value;
  }

  /**
   * Returns the instant truncated to the microsecond, or throws when it is null or outside
   * {@code Limits.EARLIEST_INSTANT} to {@code Limits.LATEST_INSTANT}.
   */
  public static Instant instant(Instant value, String field) {
    within(value, field, EARLIEST_INSTANT, LATEST_INSTANT);
    return value.getNano() % 1000 == 0 ? value : value.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Returns the date, or throws when it is null or outside {@code Limits.EARLIEST_DATE} to
   * {@code Limits.LATEST_DATE}.
   */
  public static LocalDate date(LocalDate value, String field) {
    return within(value, field, EARLIEST_DATE, LATEST_DATE);
  }

  private static <T extends Comparable<? super T>> T within(T value, String field, T min, T max) {
    notNull(value, field);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new ValidationException(field, "must be from " + min + " to " + max);
    }
    return value;
  }

  /** Returns the collection, or throws when it is null, holds a null, or more than {@code max} elements. */
  public static <C extends Collection<?>> C size(C values, String field, int max) {
    noNulls(values, field);
    if (values.size() > max) {
      throw new ValidationException(field, "must hold at most " + max + " elements");
    }
    return values;
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
   * Throws {@link dev.rapport.crm.exception.ConcurrentUpdateException} when a caller expects a version
   * ({@code expected >= 0}) and the record is at another.
   */
  public static void version(String kind, Object id, long actual, long expected) {
    if (expected >= 0 && actual != expected) {
      throw new dev.rapport.crm.exception.ConcurrentUpdateException(kind, id, expected, actual);
    }
  }

  /**
   * Whether {@code code} is a vocabulary code: 1 to 50 of {@code [a-z0-9_]} (by hand, not a regular
   * expression: codes are checked on every row an adapter reads).
   */
  public static boolean isCode(String code) {
    if (code.isEmpty() || code.length() > 50) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the collection, or throws when it or any element is null (naming the element:
   * {@code leads[3]}).
   */
  public static <C extends Collection<?>> C noNulls(C values, String field) {
    notNull(values, field);
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw new ValidationException(field + "[" + i + "]", "must not be null");
      }
      i++;
    }
    return values;
  }

  /**
   * What {@code make} returns; a {@link ValidationException} it throws is re-thrown seen from the
   * collection, {@code field[index].inner} (see {@link ValidationException#within}).
   */
  public static <T> T element(String field, int index, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (ValidationException e) {
      throw e.within(field + "[" + index + "]");
    }
  }
}
