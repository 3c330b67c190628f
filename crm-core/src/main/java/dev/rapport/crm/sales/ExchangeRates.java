package dev.rapport.crm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * Dated exchange rates, supplied by the host (its accounting package has them): how totals in
 * several currencies become one figure in the reporting currency. Rapport never adds amounts of
 * different currencies without a rate: where one is missing, the answer fails with a
 * {@link dev.rapport.crm.exception.MissingExchangeRateException} naming the pair and the day.
 *
 * <p>An amount is converted at the rate of its day: a sale's issue day for purchase totals and
 * revenue, the as-of day for what is outstanding. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ExchangeRates {

  /**
   * How many units of {@code to} one unit of {@code from} bought on {@code day}, or empty if the
   * host has no rate for that day. Never asked for a currency to itself.
   */
  Optional<BigDecimal> rate(Currency from, Currency to, LocalDate day);

  /** No rates: every figure must be in the reporting currency already. */
  static ExchangeRates none() {
    return (from, to, day) -> Optional.empty();
  }
}
