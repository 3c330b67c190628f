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
import dev.rapport.crm.sales.SalesReports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sales, payments and payer classes of one unit of work. The figures come from the tenant's
 * {@link SalesColumns} (loops over primitive arrays kept on commit, reading each invoice's balance
 * as the core last saved it, as the JPA adapter does); a unit with sales, payments or balances of
 * its own pending, or a history with amounts beyond a {@code long} of minor units, gets {@link
 * SalesFigures}, the reference, over the records it sees instead. The saved balances also make
 * concurrent changes of one invoice's balance collide.
 */
final class MemorySales implements SalesRepository, SalesReports {
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
    Objects.requireNonNull(account, "account");
    return fromColumns(c -> c.purchases(account, byProduct))
        .orElseGet(() -> SalesFigures.purchases(contents(account), byProduct));
  }

  @Override
  public List<PurchaseRow> revenue(LocalDate from, LocalDate to, Currency reporting) {
    uow.requireOpen();
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reporting, "reporting");
    return fromColumns(c -> c.revenue(from, to, reporting))
        .orElseGet(() -> SalesFigures.revenue(contents(Optional.empty()), from, to, reporting));
  }

  @Override
  public List<RfmRow> rfm(LocalDate from, LocalDate to) {
    uow.requireOpen();
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return fromColumns(c -> c.rfm(from, to)).orElseGet(() -> {
      // visited, not listed: the reference's sums without a copy of every sale
      SalesFigures.Rfm rfm = new SalesFigures.Rfm(from, to);
      sales().forEach(List.of(), s -> true, s -> rfm.add(s.content()));
      return rfm.rows();
    });
  }

  @Override
  public List<CreditRow> credit(Optional<AccountId> account, LocalDate asOf, int graceDays) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(asOf, "asOf");
    return fromColumns(c -> c.credit(account, asOf, graceDays)).orElseGet(() -> {
      List<NewPayment> paid = new ArrayList<>();
      paymentBuffer().forEach(Buffer.keys(Kinds.ACCOUNT, account.stream().toList()),
          p -> account.isEmpty() || account.get().equals(p.content().accountId()), p -> paid.add(p.content()));
      return SalesFigures.credit(contents(account), paid, asOf, graceDays);
    });
  }

  /**
   * The report from the tenant's {@link SalesColumns} under its read lock, when the unit has no
   * sales, payments or balances of its own pending (the columns hold what is committed) and every
   * amount fits them; else empty, and the caller computes it from the records, as the reference does.
   */
  private <T> Optional<T> fromColumns(java.util.function.Function<SalesColumns, T> report) {
    if (!sales().isEmpty() || !paymentBuffer().isEmpty() || !balances().isEmpty()) {
      return Optional.empty();
    }
    java.util.concurrent.locks.Lock lock = uow.store().lock.readLock();
    lock.lock();
    try {
      SalesColumns columns = uow.store().salesColumns;
      return columns.exact() ? Optional.of(report.apply(columns)) : Optional.empty();
    } catch (ArithmeticException overflow) { // a sum beyond a long: the records' BigDecimals answer
      return Optional.empty();
    } finally {
      lock.unlock();
    }
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

  @Override
  public void delete(Sale sale) {
    uow.requireOpen();
    sales().delete(java.util.Objects.requireNonNull(sale, "sale"));
    balances().find(sale.reference()).ifPresent(balances()::delete);
  }

  @Override
  public void deletePayment(Payment payment) {
    uow.requireOpen();
    paymentBuffer().delete(java.util.Objects.requireNonNull(payment, "payment"));
  }
}
