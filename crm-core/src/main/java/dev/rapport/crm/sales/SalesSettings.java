package dev.rapport.crm.sales;

import java.util.Currency;
import java.util.Optional;

/**
 * How a {@code Crm} answers about sales: from its store or a host's ledger, with which rates,
 * reporting currency and payer rules, as {@code Crm.builder()} set them. Internal to Rapport (the
 * analytics feature reads it too): not part of the API, may change without notice. A class, not
 * a record: it holds the host's functions, not a value to exchange.
 */
public final class SalesSettings {
  private final Optional<SalesLedger> ledger;
  private final ExchangeRates rates;
  private final Currency reportingCurrency;
  private final PayerPolicy payerPolicy;

  /** Made by {@code Crm.Builder}; all arguments already checked. */
  public SalesSettings(Optional<SalesLedger> ledger, ExchangeRates rates, Currency reportingCurrency,
      PayerPolicy payerPolicy) {
    this.ledger = ledger;
    this.rates = rates;
    this.reportingCurrency = reportingCurrency;
    this.payerPolicy = payerPolicy;
  }

  /** The host's ledger, when sales are read from it rather than from Rapport's store. */
  public Optional<SalesLedger> ledger() {
    return ledger;
  }

  /** The host's exchange rates. */
  public ExchangeRates rates() {
    return rates;
  }

  /** The currency totals are reported in. */
  public Currency reportingCurrency() {
    return reportingCurrency;
  }

  /** How payers are classed. */
  public PayerPolicy payerPolicy() {
    return payerPolicy;
  }
}
