package dev.rapport.crm.jpa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The values of a JPQL aggregate's result rows, as every provider and database returns them:
 * counts and sums as {@code Long}, {@code Integer} or {@code BigDecimal}, null for no rows or only
 * nulls. One place for the repositories that read figures (sales, analytics, campaigns, feedback).
 */
final class Results {
  private Results() {}

  /** A count or whole number (null is zero). */
  static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** A sum as an exact decimal (null, for no rows or only nulls, is zero). */
  static BigDecimal decimal(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger) {
      return new BigDecimal(value.toString());
    }
    throw new IllegalStateException("an amount came back as " + value.getClass().getName() + ": " + value);
  }

  /** A sum of stored amounts at its currency's scale, as the core's amounts are (stored ones are exact there). */
  static BigDecimal scaled(BigDecimal value, Currency currency) {
    return value.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
  }

  /** {@link #scaled(BigDecimal, Currency)} by the currency's code. */
  static BigDecimal scaled(BigDecimal value, String currencyCode) {
    return scaled(value, Currency.getInstance(currencyCode));
  }

  /**
   * An instant as {@code Instant.toString()} writes it in this adapter's JSON columns
   * ({@code 2026-01-05T09:00:00Z}, {@code 2026-01-05T09:00:00.123456Z}): read by hand for the usual
   * four-digit years, where {@code Instant.parse} costs a formatter's parse per signal of every lead
   * read; any other text goes to {@code Instant.parse}. Field ranges are checked by
   * {@code LocalDateTime.of}.
   */
  static java.time.Instant instant(String s) {
    int n = s.length();
    if (n >= 20 && n <= 30 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
        && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z'
        && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10) && digits(s, 11, 13)
        && digits(s, 14, 16) && digits(s, 17, 19)) {
      int hour = Integer.parseInt(s, 11, 13, 10);
      int second = Integer.parseInt(s, 17, 19, 10);
      if (hour > 23 || second > 59) { // 24:00 and leap seconds: Instant.parse's own rules
        return java.time.Instant.parse(s);
      }
      int nanos = 0;
      if (n > 20) {
        int fraction = n - 21; // between the '.' and the 'Z'
        if (s.charAt(19) != '.' || fraction < 1 || fraction > 9 || !digits(s, 20, n - 1)) {
          return java.time.Instant.parse(s);
        }
        nanos = Integer.parseInt(s, 20, n - 1, 10);
        for (int k = fraction; k < 9; k++) {
          nanos *= 10;
        }
      }
      return java.time.LocalDateTime.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
          Integer.parseInt(s, 8, 10, 10), hour, Integer.parseInt(s, 14, 16, 10), second, nanos)
          .toInstant(java.time.ZoneOffset.UTC);
    }
    return java.time.Instant.parse(s);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
