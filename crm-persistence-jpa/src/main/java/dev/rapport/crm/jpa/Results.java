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
}
