package dev.rapport.crm.common;

import dev.rapport.crm.ValidationException;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one currency. The amount is kept at the currency's scale (two decimals
 * for EUR, none for JPY); arithmetic across currencies is refused.
 *
 * @param amount the amount at the currency's scale
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
  /**
   * @throws ValidationException if either is null, or the amount has more decimals than the
   *     currency allows
   */
  public Money {
    Check.notNull(amount, "amount");
    Check.notNull(currency, "currency");
    int scale = Math.max(currency.getDefaultFractionDigits(), 0);
    try {
      amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new ValidationException("amount", "must have at most " + scale + " decimals in " + currency);
    }
  }

  /**
   * Money from an amount written as text and an ISO 4217 code, e.g. {@code Money.of("1250.00", "EUR")}.
   *
   * @throws ValidationException if the amount is not a number, the code is not a currency, or the
   *     amount has more decimals than the currency allows
   */
  public static Money of(String amount, String currencyCode) {
    Check.notNull(amount, "amount");
    Check.notNull(currencyCode, "currency");
    BigDecimal value;
    try {
      value = new BigDecimal(amount.strip());
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

  /** Zero in the given currency. @throws ValidationException if the code is not a currency */
  public static Money zero(String currencyCode) {
    return of(BigDecimal.ZERO, currencyCode);
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code.strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("currency", "must be an ISO 4217 currency code");
    }
  }

  /** The sum. @throws ValidationException if {@code other} is null or in another currency */
  public Money plus(Money other) {
    return new Money(amount.add(same(other).amount), currency);
  }

  /** The difference. @throws ValidationException if {@code other} is null or in another currency */
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
