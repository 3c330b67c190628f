package dev.rapport.crm.tck;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.sales.ExchangeRates;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import java.util.List;

/**
 * The two sources of sales that {@link SalesContract} and {@link SegmentationContract} run their
 * checks on: Rapport's store, where the data is recorded through {@code crm.sales()}, or a host's
 * ledger (a {@link ListLedger} of the test's tenant) that the {@code Crm} reads.
 */
final class SalesSources {
  /** The host's ledger: empty until {@link #put} fills it. */
  final ListLedger ledger;

  SalesSources(TenantId tenant, int pageSize) {
    this.ledger = new ListLedger(tenant, pageSize);
  }

  /** The builder, reading the sales from the ledger if {@code fromLedger}, else from its store. */
  Crm.Builder reading(boolean fromLedger, Crm.Builder builder) {
    return fromLedger ? builder.salesLedger(ledger) : builder;
  }

  /**
   * A {@code Crm} of the contract's tenant on its store, clock and event list, with the host's
   * rates, answering from the ledger if {@code fromLedger}.
   */
  Crm crm(ContractSupport contract, boolean fromLedger, ExchangeRates rates) {
    return reading(fromLedger, Crm.builder().persistence(contract.persistence).tenant(contract.tenant)
        .clock(contract.clock).listener(contract.events::add).exchangeRates(rates)).build();
  }

  /**
   * Puts the sales and payments where the source keeps them: in the ledger, or recorded in order
   * through {@code crm.sales()}.
   */
  void put(Crm crm, boolean fromLedger, List<NewSale> sales, List<NewPayment> payments) {
    if (fromLedger) {
      ledger.sales.addAll(sales);
      ledger.payments.addAll(payments);
    } else {
      sales.forEach(crm.sales()::record);
      payments.forEach(crm.sales()::recordPayment);
    }
  }
}
