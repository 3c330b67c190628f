package dev.rapport.crm.internal;

import dev.rapport.crm.sales.ExchangeRates;
import dev.rapport.crm.sales.PayerPolicy;
import dev.rapport.crm.sales.SalesLedger;
import java.util.Currency;
import java.util.Optional;

/**
 * How a {@code Crm} answers about sales: from its store or a host's ledger, with which rates,
 * reporting currency and payer rules. Internal: may change without notice.
 */
public record SalesSettings(Optional<SalesLedger> ledger, ExchangeRates rates, Currency reportingCurrency,
    PayerPolicy payerPolicy) {}
