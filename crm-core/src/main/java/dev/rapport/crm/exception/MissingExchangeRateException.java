package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Currency;

/**
 * An answer needed an amount in another currency and the host's
 * {@link dev.rapport.crm.sales.ExchangeRates} had no rate for the pair on that day. Nothing is
 * added across currencies without a rate.
 */
public final class MissingExchangeRateException extends CrmException {
  private final Currency from;
  private final Currency to;
  private final LocalDate day;

  /**
   * @param from the currency of the amount
   * @param to the reporting currency
   * @param day the day of the rate needed
   */
  public MissingExchangeRateException(Currency from, Currency to, LocalDate day) {
    super("no exchange rate from " + requireNonNull(from, "from") + " to " + requireNonNull(to, "to") + " on "
        + requireNonNull(day, "day"));
    this.from = from;
    this.to = to;
    this.day = day;
  }

  /** The currency of the amount. */
  public Currency from() {
    return from;
  }

  /** The reporting currency. */
  public Currency to() {
    return to;
  }

  /** The day of the rate. */
  public LocalDate day() {
    return day;
  }
}
