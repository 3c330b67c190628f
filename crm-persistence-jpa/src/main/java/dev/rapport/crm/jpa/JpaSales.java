package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.sales.Allocation;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.sales.SalesRepository;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The sales, payments and payer classes of one unit of work: sales in {@code crm_sale} with their
 * lines in {@code crm_sale_line}, payments in {@code crm_payment} with their allocations in {@code
 * crm_payment_allocation}, payer classes in {@code crm_payer_class}. A sale's row carries the sums
 * of its lines (cost, costed amount, costed lines) and, for an invoice, the balance the core keeps
 * with {@link #saveBalance}, so every figure is a fixed number of aggregate queries (one or two)
 * whatever the number of sales, with no loop over rows in Java but the merging of two results by
 * key. Days are stored as epoch days, so days late are integer arithmetic in portable JPQL.
 *
 * <p>A balance is written by a bulk update that leaves the sale's version alone (the version counts
 * changes of content); it is guarded by the balance the core read, so of two units that change the
 * same invoice's balance at once the second gets a {@link ConcurrentUpdateException} and no
 * payment is lost or counted twice. Not thread-safe.
 */
final class JpaSales implements SalesRepository {
  static final Kind<Sale, SaleEntity> KIND = new Kind<>("sale", "RapportSale", SaleEntity.class,
      s -> s.id().value(), Sale::tenantId, Sale::version, Versions.of(Sale.class)::with, SaleEntity::new,
      JpaSales::domainToEntity, e -> e.id, e -> e.version, JpaSales::state);

  static final Kind<Payment, PaymentEntity> PAYMENT_KIND = new Kind<>("payment", "RapportPayment",
      PaymentEntity.class, p -> p.id().value(), Payment::tenantId, Payment::version, Versions.of(Payment.class)::with,
      PaymentEntity::new, JpaSales::paymentToEntity, e -> e.id, e -> e.version, JpaSales::paymentState);


  private final JpaUnitOfWork uow;
  private final Rows<Sale, SaleEntity> sales;
  private final Rows<Payment, PaymentEntity> payments;
  /** The line rows of every sale this unit loaded or wrote, in line order. */
  private final Map<UUID, List<SaleLineEntity>> lines = new HashMap<>();
  /** The allocation rows of every payment this unit loaded or wrote, in list order. */
  private final Map<UUID, List<PaymentAllocationEntity>> allocations = new HashMap<>();
  /** The payer class rows this unit loaded or wrote, by account. */
  private final Map<UUID, PayerClassEntity> classes = new HashMap<>();
  /** Whether {@link #classes} holds every row of the tenant. */
  private boolean allClassesLoaded;
  /**
   * The movements of the invoices this unit read since its last write of a sale or payment (the
   * core reads an invoice's movements twice when it records a credit note).
   */
  private final Map<String, List<Movement>> movements = new HashMap<>();
  /** The balance of each invoice this unit inserted or wrote a balance for, as stored. */
  private final Map<String, Balance> written = new HashMap<>();

  JpaSales(JpaUnitOfWork uow) {
    this.uow = uow;
    this.sales = new Rows<>(uow, KIND, (e, version) -> entityToDomain(e, lines.getOrDefault(e.id, List.of()), version));
    this.payments = new Rows<>(uow, PAYMENT_KIND,
        (e, version) -> entityToDomain(e, allocations.getOrDefault(e.id, List.of()), version));
    uow.uniqueKey("crm_sale_reference_uq", cause -> duplicate("sale", sales, e -> e.reference, cause));
    uow.uniqueKey("crm_payment_reference_uq", cause -> duplicate("payment", payments, e -> e.reference, cause));
    uow.detachable(() -> lines.values().stream().flatMap(List::stream).toList());
    uow.detachable(() -> allocations.values().stream().flatMap(List::stream).toList());
    uow.detachable(classes::values);
  }

  /** The reference this unit wrote that the database found taken. */
  private static <D, E> DuplicateException duplicate(String kind, Rows<D, E> rows, Function<E, String> reference,
      Throwable cause) {
    String ref = rows.written().stream().map(rows.loaded::get).filter(Objects::nonNull).map(reference)
        .findFirst().orElse("?");
    DuplicateException d = new DuplicateException(kind, "reference", ref);
    d.initCause(cause);
    return d;
  }

  private String tenant() {
    return uow.tenant().value();
  }

  // ---------------------------------------------------------------- sales

  @Override
  public Optional<Sale> find(SaleId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    SaleEntity known = sales.loaded.get(id.value());
    if (known != null) {
      return Optional.of(sales.toDomain(withLines(List.of(known)).get(0)));
    }
    return withItsLines(" and s.id = :id", "id", id.value()).map(sales::toDomain);
  }

  @Override
  public Optional<Sale> findByReference(String reference) {
    uow.requireOpen();
    Objects.requireNonNull(reference, "reference");
    if (!storable(reference)) {
      return Optional.empty();
    }
    // exactly the reference: MariaDB's collation ignores trailing spaces, which a caller's text may have
    return withItsLines(" and s.reference = :reference", "reference", reference)
        .filter(e -> e.reference.equals(reference)).map(sales::toDomain);
  }

  /**
   * The sale that matches, with its lines, in one query: a join of the sale's row with its line
   * rows (a sale has at least one line).
   */
  private Optional<SaleEntity> withItsLines(String where, String name, Object value) {
    List<Object[]> found = uow.em().createQuery("select s, l from RapportSale s, RapportSaleLine l"
            + " where s.tenantId = :tenant" + where + " and l.tenantId = s.tenantId and l.saleId = s.id",
            Object[].class)
        .setParameter("tenant", tenant())
        .setParameter(name, value)
        .getResultList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SaleEntity sale = sales.track((SaleEntity) found.get(0)[0]);
    if (!lines.containsKey(sale.id)) {
      List<SaleLineEntity> list = new ArrayList<>(found.size());
      found.forEach(r -> list.add((SaleLineEntity) r[1]));
      list.sort(Comparator.comparingInt(l -> l.lineNo));
      lines.put(sale.id, list);
    }
    return Optional.of(sale);
  }

  @Override
  public Page<Sale> list(Optional<AccountId> account, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(page, "page");
    List<SaleEntity> found = account.isPresent()
        ? sales.page(" and e.accountId = :account", Rows.params("account", account.get().value()), page)
        : sales.page("", Map.of(), page);
    List<Sale> list = withLines(found).stream().map(sales::toDomain).toList();
    return Rows.toPage(list, page.size(), s -> s.id().value());
  }

  @Override
  public Sale insert(Sale sale) {
    uow.requireOpen();
    movements.clear();
    SaleEntity e = sales.insert(sale);
    // The sale's row first, so that its lines' foreign key holds whatever order the provider
    // flushes in (EclipseLink orders unrelated entities by its own rules): the same statements.
    uow.flush();
    List<SaleLineEntity> rows = new ArrayList<>();
    lines.put(e.id, rows);
    syncLines(sale, rows);
    written.put(e.reference, balanceOf(e));
    return sales.toDomain(e);
  }

  @Override
  public Sale update(Sale sale) {
    uow.requireOpen();
    movements.clear();
    sales.checkTenant(sale);
    sales.load(sale.id().value()).ifPresent(e -> withLines(List.of(e)));
    // When only lines change, the sale's row may be unchanged: then its version is raised at once
    // by update(); the line rows follow at flush either way.
    SaleEntity e = sales.update(sale);
    syncLines(sale, lines.computeIfAbsent(sale.id().value(), k -> new ArrayList<>()));
    return sales.stored(e, sale);
  }

  /** Loads the line rows of the sales not yet known to this unit, in one query. */
  private List<SaleEntity> withLines(List<SaleEntity> found) {
    List<UUID> missing = found.stream().map(e -> e.id).filter(id -> !lines.containsKey(id)).distinct().toList();
    for (List<UUID> chunk : Rows.chunks(missing)) {
      Map<UUID, List<SaleLineEntity>> bySale = new HashMap<>();
      for (SaleLineEntity l : uow.em().createQuery("select l from RapportSaleLine l where l.tenantId = :tenant"
              + " and l.saleId in :ids", SaleLineEntity.class)
          .setParameter("tenant", tenant())
          .setParameter("ids", chunk)
          .getResultList()) {
        bySale.computeIfAbsent(l.saleId, k -> new ArrayList<>()).add(l);
      }
      for (UUID id : chunk) {
        List<SaleLineEntity> list = bySale.getOrDefault(id, new ArrayList<>());
        list.sort(Comparator.comparingInt(l -> l.lineNo));
        lines.put(id, list);
      }
    }
    return found;
  }

  /**
   * Brings the line rows of a sale in line with its lines: line i is row i, changed in place, with
   * rows added or removed at the end (so no key is deleted and inserted in one flush).
   */
  private void syncLines(Sale sale, List<SaleLineEntity> rows) {
    List<SaleLine> next = sale.content().lines();
    for (int i = 0; i < next.size(); i++) {
      SaleLineEntity row;
      if (i < rows.size()) {
        row = rows.get(i);
        lineToEntity(next.get(i), row);
      } else {
        row = new SaleLineEntity();
        row.tenantId = tenant();
        row.saleId = sale.id().value();
        row.lineNo = i;
        lineToEntity(next.get(i), row);
        uow.em().persist(row);
        rows.add(row);
      }
    }
    while (rows.size() > next.size()) {
      uow.em().remove(rows.remove(rows.size() - 1));
    }
  }

  // ---------------------------------------------------------------- payments

  @Override
  public Optional<Payment> findPayment(PaymentId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return payments.load(id.value()).map(e -> withAllocations(List.of(e)).get(0)).map(payments::toDomain);
  }

  @Override
  public Optional<Payment> findPaymentByReference(String reference) {
    uow.requireOpen();
    Objects.requireNonNull(reference, "reference");
    if (!storable(reference)) {
      return Optional.empty();
    }
    return withAllocations(payments.list(" and e.reference = :reference", Rows.params("reference", reference)))
        .stream().filter(e -> e.reference.equals(reference)).findFirst().map(payments::toDomain);
  }

  @Override
  public Page<Payment> payments(Optional<AccountId> account, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(page, "page");
    List<PaymentEntity> found = account.isPresent()
        ? payments.page(" and e.accountId = :account", Rows.params("account", account.get().value()), page)
        : payments.page("", Map.of(), page);
    List<Payment> list = withAllocations(found).stream().map(payments::toDomain).toList();
    return Rows.toPage(list, page.size(), p -> p.id().value());
  }

  @Override
  public Payment insertPayment(Payment payment) {
    uow.requireOpen();
    movements.clear();
    PaymentEntity e = payments.insert(payment);
    // The payment's row first, so that its allocations' foreign key holds whatever order the
    // provider flushes in (EclipseLink wrote the allocations first): the same statements.
    uow.flush();
    List<PaymentAllocationEntity> rows = new ArrayList<>();
    List<Allocation> list = payment.content().allocations();
    for (int i = 0; i < list.size(); i++) {
      PaymentAllocationEntity row = new PaymentAllocationEntity();
      row.tenantId = tenant();
      row.paymentId = e.id;
      row.lineNo = i;
      row.saleReference = list.get(i).saleReference();
      row.amount = amount(list.get(i).amount());
      uow.em().persist(row);
      rows.add(row);
    }
    allocations.put(e.id, rows);
    return payments.toDomain(e);
  }

  /** Loads the allocation rows of the payments not yet known to this unit, in one query. */
  private List<PaymentEntity> withAllocations(List<PaymentEntity> found) {
    List<UUID> missing = found.stream().map(e -> e.id).filter(id -> !allocations.containsKey(id)).distinct().toList();
    for (List<UUID> chunk : Rows.chunks(missing)) {
      Map<UUID, List<PaymentAllocationEntity>> byPayment = new HashMap<>();
      for (PaymentAllocationEntity a : uow.em().createQuery("select a from RapportPaymentAllocation a"
              + " where a.tenantId = :tenant and a.paymentId in :ids", PaymentAllocationEntity.class)
          .setParameter("tenant", tenant())
          .setParameter("ids", chunk)
          .getResultList()) {
        byPayment.computeIfAbsent(a.paymentId, k -> new ArrayList<>()).add(a);
      }
      for (UUID id : chunk) {
        List<PaymentAllocationEntity> list = byPayment.getOrDefault(id, new ArrayList<>());
        list.sort(Comparator.comparingInt(a -> a.lineNo));
        allocations.put(id, list);
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- balances

  /** The invoice's credit notes and its payments' allocations: two queries (none when this unit read them already). */
  @Override
  public List<Movement> movements(String invoiceReference) {
    uow.requireOpen();
    Objects.requireNonNull(invoiceReference, "invoiceReference");
    if (!storable(invoiceReference)) {
      return List.of();
    }
    List<Movement> known = movements.get(invoiceReference);
    if (known != null) {
      return known;
    }
    List<Movement> list = new ArrayList<>();
    for (Object[] r : uow.em().createQuery("select s.issueDay, s.total, s.currency, s.reference from RapportSale s"
            + " where s.tenantId = :tenant and s.corrects = :invoice", Object[].class)
        .setParameter("tenant", tenant())
        .setParameter("invoice", invoiceReference)
        .getResultList()) {
      list.add(new Movement(day(r[0]), Results.scaled(Results.decimal(r[1]), (String) r[2]).negate(), true, (String) r[3]));
    }
    for (Object[] r : uow.em().createQuery("select p.paidDay, a.amount, p.currency, p.reference"
            + " from RapportPaymentAllocation a, RapportPayment p where a.tenantId = :tenant"
            + " and a.saleReference = :invoice and p.tenantId = a.tenantId and p.id = a.paymentId", Object[].class)
        .setParameter("tenant", tenant())
        .setParameter("invoice", invoiceReference)
        .getResultList()) {
      list.add(new Movement(day(r[0]), Results.scaled(Results.decimal(r[1]), (String) r[2]), false, (String) r[3]));
    }
    List<Movement> read = List.copyOf(list);
    movements.put(invoiceReference, read);
    return read;
  }

  /**
   * One bulk update of the invoice's balance columns, which leaves its version alone, guarded by the
   * balance the core expects: when another unit of work changed it meanwhile, no row matches (a
   * unit that waited for the other's row lock re-reads the committed row) and this is a {@link
   * ConcurrentUpdateException}. None when the invoice was inserted in this unit with that balance.
   */
  @Override
  public void saveBalance(String invoiceReference, Optional<Balance> expected, Balance balance) {
    uow.requireOpen();
    Objects.requireNonNull(invoiceReference, "invoiceReference");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(balance, "balance");
    Balance mine = written.get(invoiceReference);
    if (expected.isEmpty() && mine != null && same(mine, balance)) {
      return;
    }
    // "s.version = s.version": EclipseLink adds "version = version + 1" to a bulk update of a
    // versioned entity unless the update sets the version itself
    StringBuilder jpql = new StringBuilder("update RapportSale s set s.version = s.version, s.dueAmount = :due,"
        + " s.paid = :paid, s.settledDay = ")
        .append(balance.settledOn().isPresent() ? ":settled" : "null")
        .append(" where s.tenantId = :tenant and s.reference = :reference");
    expected.ifPresent(b -> jpql.append(" and s.dueAmount = :expectedDue and s.paid = :expectedPaid and s.settledDay ")
        .append(b.settledOn().isPresent() ? "= :expectedSettled" : "is null"));
    Query q = uow.em().createQuery(jpql.toString())
        .setParameter("due", column(balance.due()))
        .setParameter("paid", column(balance.paid()))
        .setParameter("tenant", tenant())
        .setParameter("reference", invoiceReference);
    balance.settledOn().ifPresent(d -> q.setParameter("settled", epochDay(d)));
    expected.ifPresent(b -> {
      q.setParameter("expectedDue", column(b.due())).setParameter("expectedPaid", column(b.paid()));
      b.settledOn().ifPresent(d -> q.setParameter("expectedSettled", epochDay(d)));
    });
    int updated = q.executeUpdate();
    if (expected.isPresent() && updated != 1) {
      long version = sales.loaded.values().stream().filter(e -> e.reference.equals(invoiceReference))
          .mapToLong(e -> e.version).findFirst().orElse(-1);
      throw new ConcurrentUpdateException("sale", invoiceReference, version);
    }
    written.put(invoiceReference, balance);
  }

  /** An amount as its column holds it; the core's amounts are exact at 4 decimals or fewer. */
  private static BigDecimal column(BigDecimal amount) {
    return amount.setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
  }

  private static boolean same(Balance a, Balance b) {
    return a.due().compareTo(b.due()) == 0 && a.paid().compareTo(b.paid()) == 0
        && a.settledOn().equals(b.settledOn());
  }

  private static Balance balanceOf(SaleEntity e) {
    return new Balance(e.dueAmount, e.paid, Optional.ofNullable(e.settledDay).map(LocalDate::ofEpochDay));
  }

  // ---------------------------------------------------------------- payer classes

  @Override
  public Map<AccountId, PayerClass> payerClasses() {
    uow.requireOpen();
    if (!allClassesLoaded) {
      for (PayerClassEntity e : uow.em().createQuery("select c from RapportPayerClass c where c.tenantId = :tenant",
              PayerClassEntity.class)
          .setParameter("tenant", tenant())
          .getResultList()) {
        classes.putIfAbsent(e.accountId, e);
      }
      allClassesLoaded = true;
    }
    Map<AccountId, PayerClass> out = new HashMap<>();
    classes.forEach((id, e) -> out.put(AccountId.of(id), PayerClass.valueOf(e.payerClass)));
    return out;
  }

  /** Inserts the rows of accounts never classed and changes the others (versioned), in batches at flush. */
  @Override
  public void savePayerClasses(Map<AccountId, PayerClass> given) {
    uow.requireOpen();
    Objects.requireNonNull(given, "classes");
    if (!allClassesLoaded) {
      List<UUID> unknown = given.keySet().stream().map(AccountId::value).filter(id -> !classes.containsKey(id)).toList();
      for (List<UUID> chunk : Rows.chunks(unknown)) {
        for (PayerClassEntity e : uow.em().createQuery("select c from RapportPayerClass c where c.tenantId = :tenant"
                + " and c.accountId in :ids", PayerClassEntity.class)
            .setParameter("tenant", tenant())
            .setParameter("ids", chunk)
            .getResultList()) {
          classes.putIfAbsent(e.accountId, e);
        }
      }
    }
    given.forEach((account, c) -> {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(c, "payerClass");
      PayerClassEntity e = classes.get(account.value());
      if (e == null) {
        e = new PayerClassEntity();
        e.tenantId = tenant();
        e.accountId = account.value();
        e.payerClass = c.name();
        uow.em().persist(e);
        classes.put(e.accountId, e);
      } else if (!e.payerClass.equals(c.name())) {
        e.payerClass = c.name();
      }
    });
  }

  // ---------------------------------------------------------------- mapping

  /** Fills a sale's row but its balance, which is written on insert only (the balance with no movements). */
  static void domainToEntity(Sale s, SaleEntity e) {
    NewSale c = s.content();
    e.id = s.id().value();
    e.tenantId = s.tenantId().value();
    e.reference = c.reference();
    e.accountId = c.accountId().value();
    e.corrects = orNull(c.corrects());
    e.issueDay = epochDay(c.issuedOn());
    e.dueDay = epochDay(c.dueOn());
    e.currency = c.currency().getCurrencyCode();
    e.total = amount(c.total());
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal costedAmount = BigDecimal.ZERO;
    int costedLines = 0;
    for (SaleLine l : c.lines()) {
      Optional<BigDecimal> lineCost = cost(l);
      if (lineCost.isPresent()) {
        cost = cost.add(lineCost.get());
        costedAmount = costedAmount.add(l.amount().amount());
        costedLines++;
      }
    }
    e.cost = cost.setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
    e.costedAmount = costedAmount.setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
    e.costedLines = costedLines;
    if (e.dueAmount == null) { // a new row
      Balance b = SalesFigures.balance(c.total().amount(), c.issuedOn(), List.of());
      e.dueAmount = b.due().setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
      e.paid = b.paid().setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
      e.settledDay = b.settledOn().map(JpaSales::epochDay).orElse(null);
    }
    e.recordedAt = toColumn(s.recordedAt());
    e.updatedAt = toColumn(s.updatedAt());
  }

  /**
   * The line's cost: quantity times unit cost, rounded half-even to the unit cost's scale as {@link
   * SaleLine#cost()} rounds it (computed here, since that refuses a cost of 10^15 or more, which a
   * line may carry).
   */
  private static Optional<BigDecimal> cost(SaleLine l) {
    return l.unitCost().map(c -> l.quantity().multiply(c.amount()).setScale(c.amount().scale(), RoundingMode.HALF_EVEN));
  }

  private static void lineToEntity(SaleLine l, SaleLineEntity row) {
    String description = orNull(l.description());
    BigDecimal quantity = l.quantity().setScale(6, RoundingMode.UNNECESSARY);
    BigDecimal unitPrice = amount(l.unitPrice());
    BigDecimal amount = amount(l.amount());
    BigDecimal unitCost = l.unitCost().map(JpaSales::amount).orElse(null);
    BigDecimal cost = cost(l).map(c -> c.setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY)).orElse(null);
    // only what changed is assigned, so an unchanged line is not written
    if (!Objects.equals(row.productCode, l.productCode())) {
      row.productCode = l.productCode();
    }
    if (!Objects.equals(row.description, description)) {
      row.description = description;
    }
    if (!Objects.equals(row.quantity, quantity)) {
      row.quantity = quantity;
    }
    if (!Objects.equals(row.unitPrice, unitPrice)) {
      row.unitPrice = unitPrice;
    }
    if (!Objects.equals(row.amount, amount)) {
      row.amount = amount;
    }
    if (!Objects.equals(row.unitCost, unitCost)) {
      row.unitCost = unitCost;
    }
    if (!Objects.equals(row.cost, cost)) {
      row.cost = cost;
    }
  }

  /**
   * The sale as stored, rebuilt through the canonical constructors: amounts at the currency's
   * scale, quantities without trailing zeros, as the core made them.
   */
  static Sale entityToDomain(SaleEntity e, List<SaleLineEntity> rows, long version) {
    Currency currency = Currency.getInstance(e.currency);
    List<SaleLine> list = new ArrayList<>(rows.size());
    for (SaleLineEntity l : rows) {
      list.add(new SaleLine(l.productCode, Optional.ofNullable(l.description), l.quantity,
          new Money(l.unitPrice, currency), new Money(l.amount, currency),
          Optional.ofNullable(l.unitCost).map(c -> new Money(c, currency))));
    }
    NewSale content = new NewSale(e.reference, AccountId.of(e.accountId), Optional.ofNullable(e.corrects),
        LocalDate.ofEpochDay(e.issueDay), LocalDate.ofEpochDay(e.dueDay), currency, list, new Money(e.total, currency));
    return new Sale(SaleId.of(e.id), TenantId.of(e.tenantId), version, content, fromColumn(e.recordedAt),
        fromColumn(e.updatedAt));
  }

  static List<Object> state(SaleEntity e) {
    return Arrays.asList(e.tenantId, e.reference, e.accountId, e.corrects, e.issueDay, e.dueDay, e.currency,
        e.total, e.cost, e.costedAmount, e.costedLines, e.recordedAt, e.updatedAt);
  }

  static void paymentToEntity(Payment p, PaymentEntity e) {
    NewPayment c = p.content();
    e.id = p.id().value();
    e.tenantId = p.tenantId().value();
    e.reference = c.reference();
    e.accountId = c.accountId().value();
    e.currency = c.amount().currency().getCurrencyCode();
    e.amount = amount(c.amount());
    e.paidDay = epochDay(c.paidOn());
    e.unapplied = amount(c.unapplied());
    e.recordedAt = toColumn(p.recordedAt());
  }

  static Payment entityToDomain(PaymentEntity e, List<PaymentAllocationEntity> rows, long version) {
    Currency currency = Currency.getInstance(e.currency);
    List<Allocation> list = new ArrayList<>(rows.size());
    for (PaymentAllocationEntity a : rows) {
      list.add(new Allocation(a.saleReference, new Money(a.amount, currency)));
    }
    NewPayment content = new NewPayment(e.reference, AccountId.of(e.accountId), new Money(e.amount, currency),
        LocalDate.ofEpochDay(e.paidDay), list);
    return new Payment(PaymentId.of(e.id), TenantId.of(e.tenantId), version, content, fromColumn(e.recordedAt));
  }

  static List<Object> paymentState(PaymentEntity e) {
    return Arrays.asList(e.tenantId, e.reference, e.accountId, e.currency, e.amount, e.paidDay, e.unapplied,
        e.recordedAt);
  }

  // ---------------------------------------------------------------- values

  /**
   * Whether a stored reference could be this text. The core stores none with a NUL character or
   * an unpaired surrogate, but looks up what a caller gives: PostgreSQL refuses a NUL in a
   * parameter, and drivers turn an unpaired surrogate into '?', which could match another
   * reference. Such a reference names nothing.
   */
  private static boolean storable(String reference) {
    try {
      Check.storable(reference, "reference");
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  private static BigDecimal amount(Money m) {
    return m.amount().setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
  }

  /** The day's number since 1970-01-01: every day Rapport accepts (1900 to 9999) fits an int. */
  static int epochDay(LocalDate day) {
    return Math.toIntExact(day.toEpochDay());
  }

  /** A day stored as its epoch-day number, as a query returns it. */
  static LocalDate day(Object epochDay) {
    return LocalDate.ofEpochDay(Results.number(epochDay));
  }

  @Override
  public void delete(Sale sale) {
    uow.requireOpen();
    sales.checkTenant(sale);
    movements.clear();
    uow.flush(); // the rows this unit wrote go first, then out with the sale
    List<SaleLineEntity> mine = lines.remove(sale.id().value());
    if (mine != null) {
      mine.stream().filter(uow.em()::contains).forEach(uow.em()::detach);
    }
    uow.em().createQuery("delete from RapportSaleLine l where l.tenantId = :tenant and l.saleId = :id")
        .setParameter("tenant", tenant()).setParameter("id", sale.id().value()).executeUpdate();
    written.remove(sale.reference());
    sales.delete(sale); // its balance is in its own row
  }

  @Override
  public void deletePayment(Payment payment) {
    uow.requireOpen();
    payments.checkTenant(payment);
    movements.clear();
    uow.flush();
    List<PaymentAllocationEntity> mine = allocations.remove(payment.id().value());
    if (mine != null) {
      mine.stream().filter(uow.em()::contains).forEach(uow.em()::detach);
    }
    uow.em().createQuery("delete from RapportPaymentAllocation a where a.tenantId = :tenant and a.paymentId = :id")
        .setParameter("tenant", tenant()).setParameter("id", payment.id().value()).executeUpdate();
    payments.delete(payment);
  }
}
