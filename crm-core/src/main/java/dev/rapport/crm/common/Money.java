package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one currency. The amount is kept at the currency's scale (two decimals
 * for EUR, none for JPY); arithmetic across currencies is refused. Every amount is below 10^15 in
 * absolute value ({@link Limits#MAX_AMOUNT}), so every database stores it exactly.
 *
 * @param amount the amount at the currency's scale
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
  /** Unscaled values of more bits than this are refused before any arithmetic: bounded cost. */
  private static final int MAX_BITS = 4096;

  /**
   * @throws ValidationException if either is null, the amount has more decimals than the
   *     currency allows, or it is 10^15 or more in absolute value
   */
  public Money {
    Check.notNull(amount, "amount");
    Check.notNull(currency, "currency");
    int scale = Math.max(currency.getDefaultFractionDigits(), 0);
    amount = checked(amount, scale, currency);
  }

  /**
   * The amount at {@code scale}, checked in time bounded by {@link #MAX_BITS} whatever the
   * exponent: {@code 1e100000000} is refused by its magnitude before any digit is made.
   */
  private static BigDecimal checked(BigDecimal amount, int scale, Currency currency) {
    if (amount.signum() == 0) {
      return BigDecimal.ZERO.setScale(scale);
    }
    if (amount.unscaledValue().bitLength() > MAX_BITS) {
      throw new ValidationException("amount", "must be written with at most about 1,200 digits");
    }
    // digits before the point = precision - scale; precision is at most ~1,234 here
    if ((long) amount.precision() - amount.scale() > Limits.AMOUNT_INTEGER_DIGITS) {
      throw new ValidationException("amount", "must be less than 10^" + Limits.AMOUNT_INTEGER_DIGITS
          + " in absolute value");
    }
    // more decimals than the currency has are refused unless they are zeros (bounded work:
    // at most ~1,234 digits to strip)
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > scale) {
      throw new ValidationException("amount", "must have at most " + scale + " decimals in " + currency);
    }
    return stripped.setScale(scale);
  }

  /**
   * Money from an amount written as text and an ISO 4217 code, e.g. {@code Money.of("1250.00", "EUR")}.
   * Plain and scientific notation are read ({@code "1.25e3"}); the text is at most
   * {@link Limits#AMOUNT_TEXT} characters, so reading it is bounded in time.
   *
   * @throws ValidationException if the amount is not a number or too long a text, the code is
   *     not a currency, the amount has more decimals than the currency allows, or it is 10^15
   *     or more in absolute value
   */
  public static Money of(String amount, String currencyCode) {
    Check.notNull(amount, "amount");
    Check.notNull(currencyCode, "currency");
    String text = amount.strip();
    if (text.length() > Limits.AMOUNT_TEXT) {
      throw new ValidationException("amount", "must be written in at most " + Limits.AMOUNT_TEXT + " characters");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new ValidationException("amount", "must be a decimal number");
    }
    return new Money(value, currency(currencyCode));
  }

  /**
   * Money from an amount and an ISO 4217 code.
   *
   * @throws ValidationException if either is null, the code is not a currency, or the amount has
   *     more decimals than the currency allows
   */
  public static Money of(BigDecimal amount, String currencyCode) {
    Check.notNull(currencyCode, "currency");
    return new Money(amount, currency(currencyCode));
  }

  /**
   * Zero in the given currency.
   *
   * @throws ValidationException if the code is not a currency
   */
  public static Money zero(String currencyCode) {
    return of(BigDecimal.ZERO, currencyCode);
  }

  private static Currency currency(String code) {
    if (code.length() > 8) {
      throw new ValidationException("currency", "must be an ISO 4217 currency code");
    }
    try {
      return Currency.getInstance(code.strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("currency", "must be an ISO 4217 currency code");
    }
  }

  /**
   * The sum.
   *
   * @throws ValidationException if {@code other} is null or in another currency
   */
  public Money plus(Money other) {
    return new Money(amount.add(same(other).amount), currency);
  }

  /**
   * The difference.
   *
   * @throws ValidationException if {@code other} is null or in another currency
   */
  public Money minus(Money other) {
    return new Money(amount.subtract(same(other).amount), currency);
  }

  /** This amount times {@code percent}/100, rounded half-even to the currency's scale. */
  public Money percent(int percent) {
    BigDecimal value = amount.multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), amount.scale(), RoundingMode.HALF_EVEN);
    return new Money(value, currency);
  }

  /** Whether the amount is below zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  private Money same(Money other) {
    Check.notNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new ValidationException("currency",
          "must be the same in both amounts (" + currency + " and " + other.currency + ")");
    }
    return other;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
