package dev.rapport.crm.memory;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.sales.Allocation;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.sales.SalesRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sales, payments and payer classes of one unit of work. The figures are {@link SalesFigures}
 * over the sales (and payments) the unit sees: of the account through its index, or all of the
 * tenant's; {@link SalesFigures#credit} computes balances from the payments. The balances the core
 * saves are kept only to make concurrent changes of one invoice's balance collide.
 */
final class MemorySales implements SalesRepository, dev.rapport.crm.sales.SalesReports {
  /** The index of sales and payments by reference (unique). */
  static final String REFERENCE = "reference";
  /** The index of credit notes by the invoice they correct, and of payments by the invoices they pay. */
  static final String INVOICE = "invoice";

  static final Kind<SaleId, Sale> KIND = new Kind<>("sale", Sale::id, Sale::version, Versions.of(Sale.class)::with,
      Sale::tenantId, SaleId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.ACCOUNT, s -> List.of(s.accountId())),
          new Kind.IndexDef<>(REFERENCE, s -> List.of(s.reference())),
          new Kind.IndexDef<>(INVOICE, s -> s.content().corrects().stream().toList())),
      Optional.of(new Kind.Unique(REFERENCE, "reference")));

  static final Kind<PaymentId, Payment> PAYMENT_KIND = new Kind<>("payment", Payment::id, Payment::version,
      Versions.of(Payment.class)::with, Payment::tenantId, PaymentId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.ACCOUNT, p -> List.of(p.content().accountId())),
          new Kind.IndexDef<>(REFERENCE, p -> List.of(p.reference())),
          new Kind.IndexDef<>(INVOICE, p -> p.content().allocations().stream().map(Allocation::saleReference).toList())),
      Optional.of(new Kind.Unique(REFERENCE, "reference")));

  /** The payer class given to an account. */
  record Standing(AccountId accountId, TenantId tenantId, long version, PayerClass payerClass) {
    Standing withVersion(long v) {
      return new Standing(accountId, tenantId, v, payerClass);
    }
  }

  static final Kind<AccountId, Standing> STANDING_KIND = new Kind<>("payer class", Standing::accountId,
      Standing::version, Standing::withVersion, Standing::tenantId, AccountId::parse, List.of(), Optional.empty());

  /**
   * What the core last computed as an invoice's balance, versioned: two units of work that change
   * one invoice's balance at once collide here (the second fails at commit, or at once when it
   * read a balance that was already replaced).
   */
  record BalanceRow(String reference, TenantId tenantId, long version, Balance balance) {
    BalanceRow withVersion(long v) {
      return new BalanceRow(reference, tenantId, v, balance);
    }
  }

  static final Kind<String, BalanceRow> BALANCE_KIND = new Kind<>("sale", BalanceRow::reference, BalanceRow::version,
      BalanceRow::withVersion, BalanceRow::tenantId, s -> s, List.of(), Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<SaleId, Sale> sales;
  private Buffer<PaymentId, Payment> payments;
  private Buffer<AccountId, Standing> standings;
  private Buffer<String, BalanceRow> balances;

  MemorySales(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<SaleId, Sale> sales() {
    if (sales == null) {
      sales = uow.buffer(uow.store().sales);
    }
    return sales;
  }

  private Buffer<PaymentId, Payment> paymentBuffer() {
    if (payments == null) {
      payments = uow.buffer(uow.store().payments);
    }
    return payments;
  }

  private Buffer<String, BalanceRow> balances() {
    if (balances == null) {
      balances = uow.buffer(uow.store().balances);
    }
    return balances;
  }

  private Buffer<AccountId, Standing> standings() {
    if (standings == null) {
      standings = uow.buffer(uow.store().payerClasses);
    }
    return standings;
  }

  @Override
  public Optional<Sale> find(SaleId id) {
    uow.requireOpen();
    return sales().find(id);
  }

  @Override
  public Optional<Sale> findByReference(String reference) {
    uow.requireOpen();
    return sales().lookup(REFERENCE, reference).stream().findFirst();
  }

  @Override
  public Page<Sale> list(Optional<AccountId> account, PageRequest page) {
    uow.requireOpen();
    return sales().page(List.of(Buffer.keys(Kinds.ACCOUNT, account.stream().toList())),
        s -> account.isEmpty() || account.get().equals(s.accountId()), page);
  }

  @Override
  public Sale insert(Sale sale) {
    uow.requireOpen();
    return sales().insert(sale);
  }

  @Override
  public Sale update(Sale sale) {
    uow.requireOpen();
    return sales().update(sale);
  }

  @Override
  public Optional<Payment> findPayment(PaymentId id) {
    uow.requireOpen();
    return paymentBuffer().find(id);
  }

  @Override
  public Optional<Payment> findPaymentByReference(String reference) {
    uow.requireOpen();
    return paymentBuffer().lookup(REFERENCE, reference).stream().findFirst();
  }

  @Override
  public Page<Payment> payments(Optional<AccountId> account, PageRequest page) {
    uow.requireOpen();
    return paymentBuffer().page(List.of(Buffer.keys(Kinds.ACCOUNT, account.stream().toList())),
        p -> account.isEmpty() || account.get().equals(p.content().accountId()), page);
  }

  @Override
  public Payment insertPayment(Payment payment) {
    uow.requireOpen();
    return paymentBuffer().insert(payment);
  }

  @Override
  public List<Movement> movements(String invoiceReference) {
    uow.requireOpen();
    List<Movement> movements = new ArrayList<>();
    for (Sale s : sales().lookup(INVOICE, invoiceReference)) {
      movements.add(new Movement(s.issuedOn(), s.total().amount().negate(), true, s.reference()));
    }
    for (Payment p : paymentBuffer().lookup(INVOICE, invoiceReference)) {
      for (Allocation a : p.content().allocations()) {
        if (a.saleReference().equals(invoiceReference)) {
          movements.add(new Movement(p.content().paidOn(), a.amount().amount(), false, p.reference()));
        }
      }
    }
    return movements;
  }

  @Override
  public void saveBalance(String invoiceReference, Optional<Balance> expected, Balance balance) {
    uow.requireOpen();
    Optional<BalanceRow> row = balances().find(invoiceReference);
    if (row.isEmpty()) {
      balances().insert(new BalanceRow(invoiceReference, uow.tenant(), 0, balance));
      return;
    }
    if (expected.isPresent() && !same(row.get().balance(), expected.get())) {
      throw new ConcurrentUpdateException("sale", invoiceReference, row.get().version());
    }
    balances().update(new BalanceRow(invoiceReference, uow.tenant(), row.get().version(), balance));
  }

  private static boolean same(Balance a, Balance b) {
    return a.due().compareTo(b.due()) == 0 && a.paid().compareTo(b.paid()) == 0 && a.settledOn().equals(b.settledOn());
  }

  @Override
  public List<PurchaseRow> purchases(Optional<AccountId> account, boolean byProduct) {
    uow.requireOpen();
    return SalesFigures.purchases(contents(account), byProduct);
  }

  @Override
  public List<PurchaseRow> revenue(LocalDate from, LocalDate to, Currency reporting) {
    uow.requireOpen();
    return SalesFigures.revenue(contents(Optional.empty()), from, to, reporting);
  }

  @Override
  public List<RfmRow> rfm(LocalDate from, LocalDate to) {
    uow.requireOpen();
    // visited, not listed: the reference's sums without a copy of every sale
    SalesFigures.Rfm rfm = new SalesFigures.Rfm(from, to);
    sales().forEach(List.of(), s -> true, s -> rfm.add(s.content()));
    return rfm.rows();
  }

  @Override
  public List<CreditRow> credit(Optional<AccountId> account, LocalDate asOf, int graceDays) {
    uow.requireOpen();
    List<NewPayment> paid = new ArrayList<>();
    paymentBuffer().forEach(Buffer.keys(Kinds.ACCOUNT, account.stream().toList()),
        p -> account.isEmpty() || account.get().equals(p.content().accountId()), p -> paid.add(p.content()));
    return SalesFigures.credit(contents(account), paid, asOf, graceDays);
  }

  private List<NewSale> contents(Optional<AccountId> account) {
    List<NewSale> list = new ArrayList<>();
    sales().forEach(Buffer.keys(Kinds.ACCOUNT, account.stream().toList()),
        s -> account.isEmpty() || account.get().equals(s.accountId()), s -> list.add(s.content()));
    return list;
  }

  @Override
  public Map<AccountId, PayerClass> payerClasses() {
    uow.requireOpen();
    Map<AccountId, PayerClass> classes = new HashMap<>();
    standings().forEach(List.of(), s -> true, s -> classes.put(s.accountId(), s.payerClass()));
    return classes;
  }

  @Override
  public void savePayerClasses(Map<AccountId, PayerClass> classes) {
    uow.requireOpen();
    Objects.requireNonNull(classes, "classes");
    classes.forEach((account, c) -> {
      Optional<Standing> old = standings().find(account);
      if (old.isPresent()) {
        standings().update(new Standing(account, uow.tenant(), old.get().version(), c));
      } else {
        standings().insert(new Standing(account, uow.tenant(), 0, c));
      }
    });
  }
}
