package dev.rapport.crm.sales;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskService;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.sales.SalesRepository.Balance;
import dev.rapport.crm.sales.SalesRepository.CreditRow;
import dev.rapport.crm.sales.SalesRepository.Movement;
import dev.rapport.crm.sales.SalesRepository.PurchaseRow;
import dev.rapport.crm.spi.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sales and payment history: what each account bought and when (purchase frequency, repurchase
 * reminders, best customers) and how it pays (late payers). Reached through {@code crm.sales()}.
 * Thread-safe.
 *
 * <h2>Two sources, one set of answers</h2>
 * By default Rapport stores sales and payments itself: the host records them with {@link #record},
 * {@link #update} and {@link #recordPayment} (idempotent by the host's reference: sending the same
 * invoice twice stores it once). A host that keeps invoices and payments in its own ledger instead
 * gives {@code Crm.builder().salesLedger(...)} a {@link SalesLedger}; then nothing is copied, the
 * recording methods are refused, and every answer is computed from the ledger, by the same
 * definitions (the contract suite checks both sources with the same data). A tenant-wide answer
 * read from a ledger is checked against the tenant's own accounts: an item of an account the
 * tenant does not have (a ledger that ignores the tenant it is asked about) ends the answer with a
 * {@link dev.rapport.crm.exception.StoreException}, and nothing is stored.
 *
 * <h2>Money</h2>
 * Amounts keep their currency. Totals are in the reporting currency ({@code
 * Crm.builder().reportingCurrency(...)}, default EUR) through the host's {@link ExchangeRates};
 * where a rate is missing the answer fails with {@link MissingExchangeRateException} naming the
 * pair and the day. "Today" is the day of the {@code Crm}'s clock in the clock's zone.
 */
public final class SalesService {
  private final CrmContext ctx;
  private final SalesSettings settings;

  /** Internal: obtain the service from {@code Crm.sales()}. */
  public SalesService(CrmContext ctx) {
    this.ctx = ctx;
    this.settings = ctx.setting(SalesSettings.class);
  }

  // ---------------------------------------------------------------- recording (Rapport's store)

  /**
   * Records a sale or credit note. Recording the same content under a reference already recorded
   * returns the stored sale and changes nothing (no event); other content under that reference is
   * refused: change a sale with {@link #update}. Raises {@link SaleRecorded}.
   *
   * @throws ValidationException if the sale is null; if sales are read from a host's ledger
   *     (field {@code salesLedger}); for a credit note, if it corrects a credit note, a sale of
   *     another account or currency, is issued before the invoice it corrects (field {@code
   *     issuedOn}), or credits more than is still due on the invoice after its other credit notes
   *     (field {@code total})
   * @throws NotFoundException if the account, or the invoice a credit note corrects, does not exist
   * @throws DuplicateException if the reference is recorded with other content
   * @throws ConcurrentUpdateException if a credit note's invoice was paid or credited at the same time
   */
  public Sale record(NewSale sale) {
    Check.notNull(sale, "sale");
    requireStore();
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      requireAccount(uow, sale.accountId());
      SalesRepository sales = uow.port(SalesRepository.class);
      Optional<Sale> existing = sales.findByReference(sale.reference());
      if (existing.isPresent()) {
        if (existing.get().content().equals(sale)) {
          return existing.get();
        }
        throw new DuplicateException("sale", "reference", sale.reference());
      }
      Optional<Sale> invoice = sale.isCreditNote() ? Optional.of(correctedInvoice(sales, sale, Optional.empty()))
          : Optional.empty();
      List<Movement> before = invoice.isPresent() ? sales.movements(invoice.get().reference()) : List.of();
      Instant now = ctx.now();
      Sale stored = sales.insert(new Sale(SaleId.of(ctx.ids().next()), ctx.tenant(), 0, sale, now, now));
      if (invoice.isPresent()) {
        rebalance(sales, invoice.get().content(), before, sale.reference(),
            Optional.of(new Movement(sale.issuedOn(), sale.total().amount().negate(), true, sale.reference())));
      } else {
        sales.saveBalance(sale.reference(), Optional.empty(),
            SalesFigures.balance(sale.total().amount(), sale.issuedOn(), List.of()));
      }
      cmd.raise(new SaleRecorded(ctx.tenant(), now, stored.id(), sale.reference(), sale.accountId(),
          sale.corrects(), sale.issuedOn(), sale.total(), stored.version()));
      return stored;
    });
  }

  /**
   * Changes what a recorded sale says: a host that corrects an invoice sends the new content with
   * the version it last read. Same content: nothing changes. Raises {@link SaleRecorded} with the
   * new version.
   *
   * @throws ValidationException if an argument is null, the version below 1, the content's
   *     reference not {@code reference}, the account or the corrected invoice changed, an invoice's
   *     total below what its credit notes credit, lowered below what its credit notes and payments
   *     cover together (field {@code total}: to give back what is paid, record a credit note), its
   *     issue day after a credit note's issue day or a payment's day (field {@code issuedOn}) or its
   *     currency changed while credit notes or payments refer to it, a credit note crediting more
   *     than is due or issued before its invoice; or if sales are read from a host's ledger
   * @throws NotFoundException if no sale has the reference
   * @throws ConcurrentUpdateException if the sale is no longer at {@code version}
   */
  public Sale update(String given, long version, NewSale sale) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    Check.expectedVersion(version);
    Check.notNull(sale, "sale");
    if (!sale.reference().equals(reference)) {
      throw new ValidationException("reference", "must be the reference of the sale updated (" + reference + ")");
    }
    requireStore();
    return ctx.command(cmd -> {
      SalesRepository sales = cmd.uow().port(SalesRepository.class);
      Sale existing = sales.findByReference(reference).orElseThrow(() -> new NotFoundException("sale", reference));
      Check.version("sale", reference, existing.version(), version);
      NewSale old = existing.content();
      if (!old.accountId().equals(sale.accountId())) {
        throw new ValidationException("accountId", "must stay " + old.accountId() + ": a sale does not move to another account");
      }
      if (!old.corrects().equals(sale.corrects())) {
        throw new ValidationException("corrects", "must stay " + old.corrects().orElse("empty")
            + ": an invoice does not become a credit note, nor a credit note correct another invoice");
      }
      if (old.equals(sale)) {
        return existing;
      }
      Optional<Sale> invoice = Optional.empty();
      if (sale.isCreditNote()) {
        invoice = Optional.of(correctedInvoice(sales, sale, Optional.of(reference)));
      } else {
        List<Movement> movements = sales.movements(reference);
        if (!movements.isEmpty() && !old.currency().equals(sale.currency())) {
          throw new ValidationException("currency", "must stay " + old.currency()
              + " while credit notes or payments refer to the sale");
        }
        BigDecimal credited = credited(movements, Optional.empty());
        if (sale.total().amount().compareTo(credited) < 0) {
          throw new ValidationException("total", "must not be below what its credit notes credit (" + credited.toPlainString() + ")");
        }
        BigDecimal paid = paid(movements);
        if (sale.total().amount().compareTo(old.total().amount()) < 0
            && sale.total().amount().compareTo(credited.add(paid)) < 0) {
          throw new ValidationException("total", "must not be lowered below what is credited and paid ("
              + credited.toPlainString() + " + " + paid.toPlainString() + "): record a credit note to give back what is paid");
        }
        for (Movement m : movements) {
          if (sale.issuedOn().isAfter(m.day())) {
            throw new ValidationException("issuedOn", "must not be after the " + (m.creditNote() ? "issuedOn of the credit note "
                : "paidOn of the payment ") + m.reference() + " (" + m.day() + ")");
          }
        }
      }
      List<Movement> before = sales.movements(invoice.isPresent() ? invoice.get().reference() : reference);
      Instant now = ctx.now();
      Sale stored = sales.update(existing.changed(sale, now));
      if (invoice.isPresent()) {
        rebalance(sales, invoice.get().content(), before, reference,
            Optional.of(new Movement(sale.issuedOn(), sale.total().amount().negate(), true, reference)));
      } else {
        sales.saveBalance(reference, Optional.of(SalesFigures.balance(old.total().amount(), old.issuedOn(), before)),
            SalesFigures.balance(sale.total().amount(), sale.issuedOn(), before));
      }
      cmd.raise(new SaleRecorded(ctx.tenant(), now, stored.id(), reference, sale.accountId(), sale.corrects(),
          sale.issuedOn(), sale.total(), stored.version()));
      return stored;
    });
  }

  /** The invoice a credit note corrects, checked; {@code self} is the credit note's own reference when it is updated. */
  private static Sale correctedInvoice(SalesRepository sales, NewSale credit, Optional<String> self) {
    String ref = credit.corrects().get();
    Sale invoice = sales.findByReference(ref).orElseThrow(() -> new NotFoundException("sale", ref));
    NewSale inv = invoice.content();
    if (inv.isCreditNote()) {
      throw new ValidationException("corrects", "must name an invoice, not the credit note " + ref);
    }
    if (!inv.accountId().equals(credit.accountId())) {
      throw new ValidationException("corrects", "must name a sale of the account " + credit.accountId());
    }
    if (!inv.currency().equals(credit.currency())) {
      throw new ValidationException("currency", "must be the corrected sale's currency " + inv.currency());
    }
    if (credit.issuedOn().isBefore(inv.issuedOn())) {
      throw new ValidationException("issuedOn", "must not be before the issuedOn (" + inv.issuedOn() + ") of the invoice "
          + ref + " it corrects");
    }
    BigDecimal room = inv.total().amount().subtract(credited(sales.movements(ref), self));
    if (credit.total().amount().negate().compareTo(room) > 0) {
      throw new ValidationException("total", "must not credit more than the " + room.toPlainString() + " " + inv.currency()
          + " still due on " + ref + " after its other credit notes (" + credit.total().amount().negate().toPlainString()
          + " credited)");
    }
    return invoice;
  }

  private static BigDecimal paid(List<Movement> movements) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Movement m : movements) {
      if (!m.creditNote()) {
        sum = sum.add(m.amount());
      }
    }
    return sum;
  }

  private static BigDecimal credited(List<Movement> movements, Optional<String> except) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Movement m : movements) {
      if (m.creditNote() && !except.equals(Optional.of(m.reference()))) {
        sum = sum.add(m.amount());
      }
    }
    return sum;
  }

  /**
   * Recomputes and keeps an invoice's balance, with {@code replacing}'s movement replaced by {@code
   * movement}; {@code before} are its movements as read before the change.
   */
  private static void rebalance(SalesRepository sales, NewSale invoice, List<Movement> before, String replacing,
      Optional<Movement> movement) {
    List<Movement> movements = new ArrayList<>();
    for (Movement m : before) {
      if (!m.reference().equals(replacing)) {
        movements.add(m);
      }
    }
    movement.ifPresent(movements::add);
    sales.saveBalance(invoice.reference(),
        Optional.of(SalesFigures.balance(invoice.total().amount(), invoice.issuedOn(), before)),
        SalesFigures.balance(invoice.total().amount(), invoice.issuedOn(), movements));
  }

  /**
   * Records a payment. Recording the same content under a reference already recorded returns the
   * stored payment and changes nothing; other content under it is refused. Raises {@link PaymentRecorded}.
   *
   * @throws ValidationException if the payment is null; if it is dated after today or before the
   *     issue day of an invoice it pays (field {@code paidOn}); if an allocation names a credit
   *     note, a sale of another account or in another currency than the payment, or pays more than
   *     is outstanding on its invoice (field {@code allocations}); or if sales are read from a
   *     host's ledger
   * @throws NotFoundException if the account or an allocated sale does not exist
   * @throws DuplicateException if the reference is recorded with other content
   * @throws ConcurrentUpdateException if another payment or credit note of an invoice it pays was
   *     recorded at the same time (nothing is stored; read again and retry)
   */
  public Payment recordPayment(NewPayment payment) {
    Check.notNull(payment, "payment");
    requireStore();
    LocalDate today = ctx.today();
    if (payment.paidOn().isAfter(today)) {
      throw new ValidationException("paidOn", "must not be after today (" + today + "): a payment is recorded once received");
    }
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      requireAccount(uow, payment.accountId());
      SalesRepository sales = uow.port(SalesRepository.class);
      Optional<Payment> existing = sales.findPaymentByReference(payment.reference());
      if (existing.isPresent()) {
        if (existing.get().content().equals(payment)) {
          return existing.get();
        }
        throw new DuplicateException("payment", "reference", payment.reference());
      }
      Map<NewSale, List<Movement>> touched = new LinkedHashMap<>();
      Map<NewSale, Balance> balances = new LinkedHashMap<>();
      for (Allocation a : payment.allocations()) {
        NewSale inv = sales.findByReference(a.saleReference())
            .orElseThrow(() -> new NotFoundException("sale", a.saleReference())).content();
        if (inv.isCreditNote()) {
          throw new ValidationException("allocations", "must name invoices, not the credit note " + a.saleReference());
        }
        if (!inv.accountId().equals(payment.accountId())) {
          throw new ValidationException("allocations", "must name sales of the account " + payment.accountId()
              + " (" + a.saleReference() + " is not)");
        }
        if (!inv.currency().equals(payment.amount().currency())) {
          throw new ValidationException("allocations", "must pay sales in the payment's currency "
              + payment.amount().currency() + " (" + a.saleReference() + " is in " + inv.currency() + ")");
        }
        if (payment.paidOn().isBefore(inv.issuedOn())) {
          throw new ValidationException("paidOn", "must not be before the issuedOn (" + inv.issuedOn() + ") of "
              + a.saleReference() + ", which it pays");
        }
        List<Movement> movements = new ArrayList<>(sales.movements(a.saleReference()));
        Balance before = SalesFigures.balance(inv.total().amount(), inv.issuedOn(), movements);
        BigDecimal open = before.due().subtract(before.paid()).max(BigDecimal.ZERO);
        if (a.amount().amount().compareTo(open) > 0) {
          throw new ValidationException("allocations", "must not pay more than the " + open.toPlainString() + " "
              + inv.currency() + " outstanding on " + a.saleReference() + " (" + a.amount().amount().toPlainString()
              + " allocated); leave what is paid beyond unallocated");
        }
        movements.add(new Movement(payment.paidOn(), a.amount().amount(), false, payment.reference()));
        touched.put(inv, movements);
        balances.put(inv, before);
      }
      Instant now = ctx.now();
      Payment stored = sales.insertPayment(new Payment(PaymentId.of(ctx.ids().next()), ctx.tenant(), 0, payment, now));
      touched.forEach((inv, movements) -> sales.saveBalance(inv.reference(), Optional.of(balances.get(inv)),
          SalesFigures.balance(inv.total().amount(), inv.issuedOn(), movements)));
      cmd.raise(new PaymentRecorded(ctx.tenant(), now, stored.id(), payment.reference(), payment.accountId(),
          payment.amount(), payment.paidOn(), payment.unapplied()));
      return stored;
    });
  }

  private void requireStore() {
    if (settings.ledger().isPresent()) {
      throw new ValidationException("salesLedger", "this Crm reads sales and payments from the host's ledger;"
          + " record them there, not in Rapport");
    }
  }

  private static Account requireAccount(UnitOfWork uow, AccountId id) {
    return uow.port(AccountRepository.class).find(id).orElseThrow(() -> new NotFoundException("account", id));
  }

  // ---------------------------------------------------------------- reading records

  /**
   * The sale (invoice or credit note) with this reference, from Rapport's store.
   *
   * @throws ValidationException if the reference is null, blank, too long or not storable, or
   *     sales are read from a host's ledger
   * @throws NotFoundException if no sale has it
   */
  public Sale sale(String given) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).findByReference(reference)).orElseThrow(() -> new NotFoundException("sale", reference));
  }

  /**
   * The payment with this reference, from Rapport's store.
   *
   * @throws ValidationException if the reference is null, blank, too long or not storable, or
   *     sales are read from a host's ledger
   * @throws NotFoundException if no payment has it
   */
  public Payment payment(String given) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).findPaymentByReference(reference))
        .orElseThrow(() -> new NotFoundException("payment", reference));
  }

  /**
   * A page of the account's sales and credit notes in Rapport's store, in the order they were recorded.
   *
   * @throws ValidationException if an argument is null, or sales are read from a host's ledger
   */
  public Page<Sale> sales(AccountId account, PageRequest page) {
    Check.notNull(account, "accountId");
    Check.notNull(page, "page");
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).list(Optional.of(account), page));
  }

  /**
   * A page of the account's payments in Rapport's store, in the order they were recorded.
   *
   * @throws ValidationException if an argument is null, or sales are read from a host's ledger
   */
  public Page<Payment> payments(AccountId account, PageRequest page) {
    Check.notNull(account, "accountId");
    Check.notNull(page, "page");
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).payments(Optional.of(account), page));
  }

  // ---------------------------------------------------------------- answers

  /**
   * Where an invoice stands today: due, paid, outstanding, overdue, days late. With a host's
   * ledger, the tenant's sales and payments are read to find it.
   *
   * @throws ValidationException if the reference is null, blank, too long or not storable, or
   *     names a credit note
   * @throws NotFoundException if no sale has it
   */
  public SaleStatus status(String given) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    LocalDate today = ctx.today();
    NewSale invoice;
    Balance balance;
    if (settings.ledger().isPresent()) {
      LedgerReader ledger = ledger();
      List<NewSale> all = ledger.sales(Optional.empty());
      invoice = all.stream().filter(s -> s.reference().equals(reference)).findFirst()
          .orElseThrow(() -> new NotFoundException("sale", reference));
      requireInvoice(invoice);
      List<Movement> movements = new ArrayList<>();
      for (NewSale s : all) {
        if (s.corrects().equals(Optional.of(reference))) {
          movements.add(new Movement(s.issuedOn(), s.total().amount().negate(), true, s.reference()));
        }
      }
      for (NewPayment p : ledger.payments(Optional.of(invoice.accountId()))) {
        for (Allocation a : p.allocations()) {
          if (a.saleReference().equals(reference)) {
            movements.add(new Movement(p.paidOn(), a.amount().amount(), false, p.reference()));
          }
        }
      }
      balance = SalesFigures.balance(invoice.total().amount(), invoice.issuedOn(), movements);
    } else {
      Object[] found = ctx.read(uow -> {
        NewSale s = uow.port(SalesRepository.class).findByReference(reference).orElseThrow(() -> new NotFoundException("sale", reference))
            .content();
        requireInvoice(s);
        return new Object[] {s, uow.port(SalesRepository.class).movements(reference)};
      });
      invoice = (NewSale) found[0];
      @SuppressWarnings("unchecked")
      List<Movement> movements = (List<Movement>) found[1];
      balance = SalesFigures.balance(invoice.total().amount(), invoice.issuedOn(), movements);
    }
    return Answers.status(invoice, balance, today);
  }

  private static void requireInvoice(NewSale s) {
    if (s.isCreditNote()) {
      throw new ValidationException("reference", "must name an invoice, not the credit note " + s.reference());
    }
  }

  /**
   * How the account buys, overall and per product, as of today: first and last purchase, number
   * of purchases, total and average order value, rhythm (median days between purchases), days
   * since the last one and the expected next purchase. See {@link PurchaseHistory} for the
   * definitions.
   *
   * @throws ValidationException if the account is null
   * @throws NotFoundException if the account does not exist
   * @throws MissingExchangeRateException if an amount in another currency has no rate on its day
   */
  public CustomerSummary summary(AccountId account) {
    Check.notNull(account, "accountId");
    Answers answers = answers();
    if (settings.ledger().isPresent()) {
      ctx.read(uow -> requireAccount(uow, account));
      List<NewSale> sales = ledger().sales(Optional.of(account));
      return answers.summary(account, SalesFigures.purchases(sales, false), SalesFigures.purchases(sales, true));
    }
    List<List<PurchaseRow>> rows = ctx.read(uow -> {
      List<PurchaseRow> overall = uow.port(SalesRepository.class).purchases(Optional.of(account), false);
      if (overall.isEmpty()) {
        // no sales: the account must still exist (one with sales does: a sale names an existing account)
        requireAccount(uow, account);
        return List.of(overall, List.<PurchaseRow>of());
      }
      return List.of(overall, uow.port(SalesRepository.class).purchases(Optional.of(account), true));
    });
    return answers.summary(account, rows.get(0), rows.get(1));
  }

  /**
   * The accounts, and the products of each account, due to buy again by their own rhythm within
   * {@code withinDays} of today, or overdue against it (negative {@link RepurchaseReminder#dueInDays()}),
   * soonest first (ties: by account id, the account as a whole before its products, then by
   * product code). Needs two purchase days or more. A host lists them daily and may turn each into
   * a task with {@link #remind}.
   *
   * @throws ValidationException if {@code withinDays} is not 0 to 3,660
   */
  public List<RepurchaseReminder> reminders(int withinDays) {
    Check.range(withinDays, "withinDays", 0, 3660);
    Answers answers = answers();
    List<PurchaseRow> rows = new ArrayList<>();
    if (settings.ledger().isPresent()) {
      List<NewSale> sales = ledger().sales(Optional.empty());
      rows.addAll(SalesFigures.purchases(sales, false));
      rows.addAll(SalesFigures.purchases(sales, true));
    } else {
      ctx.read(uow -> {
        rows.addAll(uow.port(SalesRepository.class).purchases(Optional.empty(), false));
        rows.addAll(uow.port(SalesRepository.class).purchases(Optional.empty(), true));
        return null;
      });
    }
    return answers.reminders(rows, withinDays);
  }

  /**
   * Turns a reminder into a task for the account's owner (unassigned if it has none), linked to
   * the account, due at the start of the expected day in the clock's zone (now if that is past).
   *
   * @throws ValidationException if the reminder is null (a reminder checks its own parts when it
   *     is built)
   * @throws NotFoundException if its account does not exist
   */
  public Task remind(RepurchaseReminder reminder) {
    Check.notNull(reminder, "reminder");
    Account account = ctx.read(uow -> requireAccount(uow, reminder.accountId()));
    Instant start = reminder.expectedNext().atStartOfDay(ctx.clockZone()).toInstant();
    Instant now = ctx.now();
    String subject = Check.cut("Repurchase due: " + account.name()
        + reminder.productCode().map(p -> " (" + p + ")").orElse(""), Limits.TEXT);
    NewTask.Builder task = NewTask.builder(Links.account(account.id()), subject, start.isBefore(now) ? now : start)
        .description("Expected to buy again on " + reminder.expectedNext() + " (every "
            + reminder.medianDaysBetween() + " days; last purchase " + reminder.lastPurchase() + ")");
    account.owner().ifPresent(task::owner);
    return new TaskService(ctx).create(task.build());
  }

  /**
   * How the account pays, as of today: invoices on time and late, mean and worst days late,
   * outstanding and overdue amounts, and its payer class by the {@link PayerPolicy} of the {@code Crm}.
   *
   * @throws ValidationException if the account is null
   * @throws NotFoundException if the account does not exist
   * @throws MissingExchangeRateException if an amount in another currency has no rate today
   */
  public CreditHistory creditHistory(AccountId account) {
    Check.notNull(account, "accountId");
    List<CreditRow> rows = creditRows(Optional.of(account));
    return answers().credit(account, rows, settings.payerPolicy());
  }

  /**
   * The accounts that are not {@link PayerClass#ON_TIME} as of today: chronically late first, then
   * by overdue amount, worst days late and account.
   *
   * @throws MissingExchangeRateException if an amount in another currency has no rate today
   */
  public List<CreditHistory> latePayers() {
    List<CreditHistory> late = new ArrayList<>();
    for (CreditHistory h : answers().credit(creditRows(Optional.empty()), settings.payerPolicy()).values()) {
      if (h.payerClass() != PayerClass.ON_TIME) {
        late.add(h);
      }
    }
    late.sort(Comparator.comparing(CreditHistory::payerClass).reversed()
        .thenComparing((CreditHistory h) -> h.overdue().amount(), Comparator.reverseOrder())
        .thenComparing(CreditHistory::worstDaysLate, Comparator.reverseOrder())
        .thenComparing(CreditHistory::accountId));
    return late;
  }

  private List<CreditRow> creditRows(Optional<AccountId> account) {
    LocalDate today = ctx.today();
    int grace = settings.payerPolicy().graceDays();
    if (settings.ledger().isPresent()) {
      account.ifPresent(a -> ctx.read(uow -> requireAccount(uow, a)));
      LedgerReader ledger = ledger();
      return SalesFigures.credit(ledger.sales(account), ledger.payments(account), today, grace);
    }
    return ctx.read(uow -> {
      account.ifPresent(a -> requireAccount(uow, a));
      return uow.port(SalesRepository.class).credit(account, today, grace);
    });
  }

  /**
   * Classes every account as a payer as of today and raises {@link PayerClassChanged} for each
   * whose class differs from the one it was last given (an account never classed counts as
   * {@link PayerClass#ON_TIME}). The host schedules it (daily, say): classes also change as
   * invoices fall due, without any command. Works with either source; the classes are kept in
   * Rapport's store.
   *
   * @return the changes, one per account whose class changed
   */
  public List<PayerClassChanged> refreshPayerClasses() {
    PayerPolicy policy = settings.payerPolicy();
    Map<AccountId, PayerClass> computed = new LinkedHashMap<>();
    Optional<List<CreditRow>> ledgerRows = settings.ledger().isPresent()
        ? Optional.of(creditRows(Optional.empty())) : Optional.empty();
    LocalDate today = ctx.today();
    return ctx.command(cmd -> {
      SalesRepository sales = cmd.uow().port(SalesRepository.class);
      List<CreditRow> rows = ledgerRows.orElseGet(() -> sales.credit(Optional.empty(), today, policy.graceDays()));
      Map<AccountId, CreditHistory> histories = answersWithoutRates(today).credit(rows, policy);
      computed.clear();
      histories.forEach((a, h) -> computed.put(a, h.payerClass()));
      Map<AccountId, PayerClass> before = sales.payerClasses();
      for (Map.Entry<AccountId, PayerClass> e : before.entrySet()) {
        computed.putIfAbsent(e.getKey(), PayerClass.ON_TIME);
      }
      Map<AccountId, PayerClass> changed = new LinkedHashMap<>();
      List<PayerClassChanged> events = new ArrayList<>();
      Instant now = ctx.now();
      List<AccountId> accounts = new ArrayList<>(computed.keySet());
      accounts.sort(null);
      for (AccountId a : accounts) {
        PayerClass from = before.getOrDefault(a, PayerClass.ON_TIME);
        PayerClass to = computed.get(a);
        if (from != to) {
          changed.put(a, to);
          CreditHistory h = histories.get(a);
          PayerClassChanged event = new PayerClassChanged(ctx.tenant(), now, a, from, to,
              h == null ? 0 : h.paidLate(), h == null ? 0 : h.openLate(), h == null ? 0 : h.worstDaysLate());
          events.add(event);
          cmd.raise(event);
        }
      }
      if (!changed.isEmpty()) {
        sales.savePayerClasses(changed);
      }
      return List.copyOf(events);
    });
  }

  /**
   * The best customers of {@code [from, to]} (sales issued on those days, both included): the
   * {@code limit} accounts with the largest revenue, most purchases or largest margin; ties by
   * account id. An account with only credit notes in the period is ranked too (0 purchases,
   * negative revenue).
   *
   * @throws ValidationException if an argument is null, a day out of range, {@code to} before
   *     {@code from}, or {@code limit} not 1 to 1,000
   * @throws MissingExchangeRateException if an amount in another currency has no rate on its day
   */
  public List<CustomerRank> bestCustomers(LocalDate from, LocalDate to, CustomerRank.By by, int limit) {
    Check.date(from, "from");
    Check.date(to, "to");
    if (to.isBefore(from)) {
      throw new ValidationException("to", "must not be before from");
    }
    Check.notNull(by, "by");
    Check.range(limit, "limit", 1, 1000);
    Answers answers = answers();
    List<PurchaseRow> rows = settings.ledger().isPresent()
        ? SalesFigures.revenue(ledger().sales(Optional.empty()), from, to, settings.reportingCurrency())
        : ctx.read(uow -> uow.port(SalesRepository.class).revenue(from, to, settings.reportingCurrency()));
    return answers.best(rows, by, limit);
  }

  private Answers answers() {
    return new Answers(settings.rates(), settings.reportingCurrency(), ctx.today());
  }

  /** For classing payers, which needs no amounts: a missing rate must not stop it. */
  private Answers answersWithoutRates(LocalDate today) {
    return new Answers((f, t, d) -> Optional.of(BigDecimal.ONE), settings.reportingCurrency(), today);
  }

  private LedgerReader ledger() {
    return new LedgerReader(ctx);
  }
}
