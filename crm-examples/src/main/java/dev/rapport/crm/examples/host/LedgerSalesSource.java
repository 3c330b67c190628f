package dev.rapport.crm.examples.host;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.sales.SalesLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plugs the host's {@link Ledger} into Rapport as its {@link SalesLedger}: Rapport computes
 * purchase history, credit history, segmentation and churn risk from the host's own invoices and
 * payments, and copies nothing. Only customers linked to a Rapport account are visible to it.
 *
 * <p>The cursor is the position of the next item in the ledger's (append-only) lists, which
 * gives each item exactly once across the pages of one read, as {@link SalesLedger} requires.
 */
final class LedgerSalesSource implements SalesLedger {

  private static final String CURRENCY = "EUR";

  private final Ledger ledger;
  private final TenantId tenant;

  LedgerSalesSource(Ledger ledger, TenantId tenant) {
    this.ledger = ledger;
    this.tenant = tenant;
  }

  @Override
  public Page<NewSale> sales(TenantId tenant, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size) {
    List<NewSale> all = new ArrayList<>();
    if (this.tenant.equals(tenant)) {
      for (Ledger.Invoice invoice : ledger.invoices()) {
        Optional<AccountId> of = accountOf(invoice.customer());
        if (of.isPresent() && account.map(of.get()::equals).orElse(true) && within(invoice.issued(), from, to)) {
          all.add(toSale(invoice, of.get()));
        }
      }
    }
    return page(all, after, size);
  }

  @Override
  public Page<NewPayment> payments(TenantId tenant, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size) {
    List<NewPayment> all = new ArrayList<>();
    if (this.tenant.equals(tenant)) {
      for (Ledger.Payment payment : ledger.payments()) {
        Optional<AccountId> of = accountOf(payment.customer());
        if (of.isPresent() && account.map(of.get()::equals).orElse(true) && within(payment.paidOn(), from, to)) {
          all.add(toPayment(payment, of.get()));
        }
      }
    }
    return page(all, after, size);
  }

  private Optional<AccountId> accountOf(String customer) {
    return ledger.customer(customer).crmAccount().map(AccountId::of);
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  private static NewSale toSale(Ledger.Invoice invoice, AccountId account) {
    NewSale.Builder sale = NewSale.invoice(invoice.number(), account, invoice.issued(), CURRENCY)
        .dueInDays(invoice.termsDays());
    for (Ledger.Line line : invoice.lines()) {
      sale.line(SaleLine.of(line.product(), line.quantity(), Money.of(line.unitPrice(), CURRENCY)));
    }
    return sale.build();
  }

  private static NewPayment toPayment(Ledger.Payment payment, AccountId account) {
    List<String> settles = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : payment.settles().entrySet()) {
      settles.add(e.getKey());
      settles.add(e.getValue().toPlainString());
    }
    return NewPayment.of(payment.bankReference(), account, Money.of(payment.amount(), CURRENCY), payment.paidOn(),
        settles.toArray(String[]::new));
  }

  private static <T> Page<T> page(List<T> all, Optional<String> after, int size) {
    int start = after.map(Integer::parseInt).orElse(0);
    int end = Math.min(all.size(), start + size);
    Optional<String> next = end < all.size() ? Optional.of(Integer.toString(end)) : Optional.empty();
    return new Page<>(all.subList(start, end), next);
  }
}
