package dev.rapport.crm.sales;


import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amounts into the reporting currency through the host's {@link ExchangeRates}, asking the host
 * once per currency and day. One per answer: not thread-safe. Internal to Rapport (the analytics feature reads it too): not part of the API, may change without notice.
 */
public final class Converter {
  private final ExchangeRates rates;
  private final Currency reporting;
  private final Map<List<Object>, BigDecimal> cache = new HashMap<>();

  public Converter(ExchangeRates rates, Currency reporting) {
    this.rates = rates;
    this.reporting = reporting;
  }

  public Currency reporting() {
    return reporting;
  }

  /**
   * The amount in the reporting currency at the day's rate, not yet rounded.
   *
   * @throws MissingExchangeRateException if the host has no rate for the currency and day
   * @throws ValidationException (field {@code exchangeRate}) if the host's rate is not above zero
   * @throws StoreException if the host's rates fail
   */
  public BigDecimal convert(BigDecimal amount, Currency from, LocalDate day) {
    if (from.equals(reporting) || amount.signum() == 0) {
      return amount;
    }
    BigDecimal rate = cache.get(List.of(from, day));
    if (rate == null) {
      Optional<BigDecimal> given;
      try {
        given = rates.rate(from, reporting, day);
      } catch (RuntimeException e) {
        throw new StoreException("the host's exchange rates failed for " + from + " to " + reporting + " on " + day
            + ": " + e, e);
      }
      rate = given == null ? null : given.orElse(null);
      if (rate == null) {
        throw new MissingExchangeRateException(from, reporting, day);
      }
      if (rate.signum() <= 0) {
        throw new ValidationException("exchangeRate", "must be more than zero (the host gave " + rate.toPlainString()
            + " for " + from + " to " + reporting + " on " + day + ")");
      }
      cache.put(List.of(from, day), rate);
    }
    return amount.multiply(rate);
  }

  /** The unrounded amount as money in the reporting currency, rounded half-even to its decimals. */
  public Money money(BigDecimal unrounded) {
    int scale = Math.max(reporting.getDefaultFractionDigits(), 0);
    return new Money(unrounded.setScale(scale, RoundingMode.HALF_EVEN), reporting);
  }
}
