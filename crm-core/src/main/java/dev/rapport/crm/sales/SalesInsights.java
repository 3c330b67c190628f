package dev.rapport.crm.sales;

import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskService;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Services;
import dev.rapport.crm.sales.SalesRepository.Balance;
import dev.rapport.crm.sales.SalesReports.CreditRow;
import dev.rapport.crm.sales.SalesRepository.Movement;
import dev.rapport.crm.sales.SalesReports.PurchaseRow;
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
 * The answers of {@link SalesService} from either source: where an invoice stands, how an account
 * buys and pays, who is due to buy again, who the best customers are.
 */
final class SalesInsights extends SalesPart {
  SalesInsights(CrmContext ctx) {
    super(ctx);
  }

  /** See {@link SalesService#status}. */
  SaleStatus status(String given) {
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

  /** See {@link SalesService#summary}. */
  CustomerSummary summary(AccountId account) {
    Check.notNull(account, "accountId");
    Answers answers = answers();
    if (settings.ledger().isPresent()) {
      ctx.read(uow -> requireAccount(uow, account));
      List<NewSale> sales = ledger().sales(Optional.of(account));
      return answers.summary(account, SalesFigures.purchases(sales, false), SalesFigures.purchases(sales, true));
    }
    List<List<PurchaseRow>> rows = ctx.read(uow -> {
      List<PurchaseRow> overall = uow.port(SalesReports.class).purchases(Optional.of(account), false);
      if (overall.isEmpty()) {
        // no sales: the account must still exist (one with sales does: a sale names an existing account)
        requireAccount(uow, account);
        return List.of(overall, List.<PurchaseRow>of());
      }
      return List.of(overall, uow.port(SalesReports.class).purchases(Optional.of(account), true));
    });
    return answers.summary(account, rows.get(0), rows.get(1));
  }

  /** See {@link SalesService#reminders}. */
  List<RepurchaseReminder> reminders(int withinDays) {
    Check.range(withinDays, "withinDays", 0, 3660);
    Answers answers = answers();
    List<PurchaseRow> rows = new ArrayList<>();
    if (settings.ledger().isPresent()) {
      List<NewSale> sales = ledger().sales(Optional.empty());
      rows.addAll(SalesFigures.purchases(sales, false));
      rows.addAll(SalesFigures.purchases(sales, true));
    } else {
      ctx.read(uow -> {
        rows.addAll(uow.port(SalesReports.class).purchases(Optional.empty(), false));
        rows.addAll(uow.port(SalesReports.class).purchases(Optional.empty(), true));
        return null;
      });
    }
    return answers.reminders(rows, withinDays);
  }

  /** See {@link SalesService#remind}. */
  Task remind(RepurchaseReminder reminder) {
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
    return Services.create(TaskService.class, ctx).create(task.build());
  }

  /** See {@link SalesService#creditHistory}. */
  CreditHistory creditHistory(AccountId account) {
    Check.notNull(account, "accountId");
    List<CreditRow> rows = creditRows(Optional.of(account));
    return answers().credit(account, rows, settings.payerPolicy());
  }

  /** See {@link SalesService#latePayers}. */
  List<CreditHistory> latePayers() {
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
      return uow.port(SalesReports.class).credit(account, today, grace);
    });
  }

  /** See {@link SalesService#refreshPayerClasses}. */
  List<PayerClassChanged> refreshPayerClasses() {
    PayerPolicy policy = settings.payerPolicy();
    Map<AccountId, PayerClass> computed = new LinkedHashMap<>();
    Optional<List<CreditRow>> ledgerRows = settings.ledger().isPresent()
        ? Optional.of(creditRows(Optional.empty())) : Optional.empty();
    LocalDate today = ctx.today();
    return ctx.command(cmd -> {
      SalesRepository sales = cmd.uow().port(SalesRepository.class);
      List<CreditRow> rows = ledgerRows.orElseGet(() -> cmd.uow().port(SalesReports.class).credit(Optional.empty(), today, policy.graceDays()));
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

  /** See {@link SalesService#bestCustomers}. */
  List<CustomerRank> bestCustomers(LocalDate from, LocalDate to, CustomerRank.By by, int limit) {
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
        : ctx.read(uow -> uow.port(SalesReports.class).revenue(from, to, settings.reportingCurrency()));
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
