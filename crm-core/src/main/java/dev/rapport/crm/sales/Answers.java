package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.sales.SalesRepository.Balance;
import dev.rapport.crm.sales.SalesReports.CreditRow;
import dev.rapport.crm.sales.SalesReports.PurchaseRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answers of {@link SalesService} computed from the figures of a source (store or ledger):
 * the one place the definitions live, so every source answers the same. Stateless but for the rate
 * cache of one answer.
 */
final class Answers {
  private final Currency reporting;
  private final LocalDate asOf;
  private final Converter converter;

  Answers(ExchangeRates rates, Currency reporting, LocalDate asOf) {
    this.converter = new Converter(rates, reporting);
    this.reporting = reporting;
    this.asOf = asOf;
  }

  /** The amount in the reporting currency at the day's rate, not yet rounded. */
  BigDecimal convert(BigDecimal amount, Currency from, LocalDate day) {
    return converter.convert(amount, from, day);
  }

  Money money(BigDecimal unrounded) {
    return converter.money(unrounded);
  }

  CustomerSummary summary(AccountId account, List<PurchaseRow> sales, List<PurchaseRow> products) {
    // every rate first: a missing rate is the answer's error whatever the order of the rows
    for (PurchaseRow r : sales) {
      convert(r.amount(), r.currency(), r.day());
    }
    for (PurchaseRow r : products) {
      convert(r.amount(), r.currency(), r.day());
    }
    Optional<PurchaseHistory> overall = grouped(sales).values().stream().findFirst().flatMap(this::history);
    List<PurchaseHistory> perProduct = new ArrayList<>();
    for (List<PurchaseRow> rows : grouped(products).values()) {
      history(rows).ifPresent(perProduct::add);
    }
    perProduct.sort(Comparator.comparing((PurchaseHistory h) -> h.total().amount()).reversed()
        .thenComparing(h -> h.productCode().orElse("")));
    return new CustomerSummary(account, asOf, overall, perProduct);
  }

  /** Rows grouped by account and product, in a stable order. */
  static Map<Group, List<PurchaseRow>> grouped(List<PurchaseRow> rows) {
    Map<Group, List<PurchaseRow>> groups = new LinkedHashMap<>();
    Group last = null;
    List<PurchaseRow> lastRows = null;
    for (PurchaseRow r : rows) {
      // rows of one group usually come together: skip the look-up while they do
      if (last == null || !last.accountId().equals(r.accountId()) || !last.productCode().equals(r.productCode())) {
        last = new Group(r.accountId(), r.productCode());
        lastRows = groups.computeIfAbsent(last, k -> new ArrayList<>());
      }
      lastRows.add(r);
    }
    return groups;
  }

  /** An account and product (or none), the key of {@link #grouped}. */
  record Group(AccountId accountId, Optional<String> productCode) {}

  private Optional<PurchaseHistory> history(List<PurchaseRow> rows) {
    Optional<Rhythm> rhythm = rhythm(rows);
    if (rhythm.isEmpty()) {
      return Optional.empty();
    }
    Rhythm r = rhythm.get();
    BigDecimal total = BigDecimal.ZERO;
    for (PurchaseRow row : rows) {
      total = total.add(convert(row.amount(), row.currency(), row.day()));
    }
    Money sum = money(total);
    // one half-even rounding of the exact quotient, to the reporting currency's decimals
    Money average = new Money(total.divide(BigDecimal.valueOf(r.purchases), sum.amount().scale(),
        RoundingMode.HALF_EVEN), sum.currency());
    return Optional.of(new PurchaseHistory(rows.get(0).productCode(), r.first, r.last, r.purchases, sum, average,
        r.median, ChronoUnit.DAYS.between(r.last, asOf), r.expectedNext()));
  }

  /** When and how often: the purchase days of the rows (of one account and product). */
  record Rhythm(LocalDate first, LocalDate last, long purchases, OptionalDouble median) {
    Optional<LocalDate> expectedNext() {
      return median.isPresent() ? Optional.of(last.plusDays(Math.round(median.getAsDouble()))) : Optional.empty();
    }
  }

  static Optional<Rhythm> rhythm(List<PurchaseRow> rows) {
    long[] days = new long[rows.size()];
    int n = 0;
    long purchases = 0;
    for (PurchaseRow r : rows) {
      if (r.purchases() > 0) {
        days[n++] = r.day().toEpochDay();
        purchases += r.purchases();
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    java.util.Arrays.sort(days, 0, n);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (days[i] != days[distinct - 1]) {
        days[distinct++] = days[i];
      }
    }
    long[] gaps = new long[distinct - 1];
    for (int i = 1; i < distinct; i++) {
      gaps[i - 1] = days[i] - days[i - 1];
    }
    java.util.Arrays.sort(gaps);
    OptionalDouble median = gaps.length == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(gaps.length % 2 == 1 ? gaps[gaps.length / 2]
            : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2.0);
    return Optional.of(new Rhythm(LocalDate.ofEpochDay(days[0]), LocalDate.ofEpochDay(days[distinct - 1]), purchases,
        median));
  }

  List<RepurchaseReminder> reminders(List<PurchaseRow> rows, int withinDays) {
    List<RepurchaseReminder> due = new ArrayList<>();
    LocalDate horizon = asOf.plusDays(withinDays);
    for (List<PurchaseRow> group : grouped(rows).values()) {
      rhythm(group).ifPresent(r -> r.expectedNext().filter(next -> !next.isAfter(horizon)).ifPresent(next ->
          due.add(new RepurchaseReminder(group.get(0).accountId(), group.get(0).productCode(), r.last, next,
              r.median.getAsDouble(), ChronoUnit.DAYS.between(asOf, next)))));
    }
    due.sort(Comparator.comparing(RepurchaseReminder::expectedNext).thenComparing(RepurchaseReminder::accountId)
        .thenComparing(x -> x.productCode().orElse("")));
    return due;
  }

  /** The credit history of each account that has rows. */
  Map<AccountId, CreditHistory> credit(List<CreditRow> rows, PayerPolicy policy) {
    // every rate first: a missing rate is the answer's error whatever the order of the rows
    for (CreditRow r : rows) {
      convert(r.outstanding(), r.currency(), asOf);
      convert(r.overdue(), r.currency(), asOf);
      convert(r.unapplied(), r.currency(), asOf);
    }
    Map<AccountId, List<CreditRow>> byAccount = new LinkedHashMap<>();
    for (CreditRow r : rows) {
      byAccount.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r);
    }
    Map<AccountId, CreditHistory> result = new LinkedHashMap<>();
    byAccount.forEach((account, list) -> result.put(account, credit(account, list, policy)));
    return result;
  }

  CreditHistory credit(AccountId account, List<CreditRow> rows, PayerPolicy policy) {
    long onTime = 0;
    long paidLate = 0;
    long openLate = 0;
    long days = 0;
    long worst = 0;
    BigDecimal outstanding = BigDecimal.ZERO;
    BigDecimal overdue = BigDecimal.ZERO;
    BigDecimal unapplied = BigDecimal.ZERO;
    for (CreditRow r : rows) {
      onTime += r.onTime();
      paidLate += r.paidLate();
      openLate += r.openLate();
      days += r.daysLate();
      worst = Math.max(worst, r.worstDaysLate());
      outstanding = outstanding.add(convert(r.outstanding(), r.currency(), asOf));
      overdue = overdue.add(convert(r.overdue(), r.currency(), asOf));
      unapplied = unapplied.add(convert(r.unapplied(), r.currency(), asOf));
    }
    long late = paidLate + openLate;
    OptionalDouble mean = late == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) days / late);
    return new CreditHistory(account, asOf, onTime, paidLate, openLate, mean, worst, money(outstanding),
        money(overdue), money(unapplied), policy.classify(onTime + late, late, worst));
  }

  List<CustomerRank> best(List<PurchaseRow> rows, CustomerRank.By by, int limit) {
    Map<AccountId, BigDecimal[]> sums = new LinkedHashMap<>();
    Map<AccountId, long[]> counts = new HashMap<>();
    for (PurchaseRow r : rows) {
      BigDecimal[] s = sums.computeIfAbsent(r.accountId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      long[] c = counts.computeIfAbsent(r.accountId(), k -> new long[2]);
      s[0] = s[0].add(convert(r.amount(), r.currency(), r.day()));
      s[1] = s[1].add(convert(r.costedAmount().subtract(r.cost()), r.currency(), r.day()));
      c[0] += r.purchases();
      c[1] += r.costedLines();
    }
    List<CustomerRank> ranks = new ArrayList<>();
    sums.forEach((account, s) -> {
      long[] c = counts.get(account);
      CustomerRank rank = new CustomerRank(account, money(s[0]), c[0],
          c[1] > 0 ? Optional.of(money(s[1])) : Optional.empty());
      if (by != CustomerRank.By.MARGIN || rank.margin().isPresent()) {
        ranks.add(rank);
      }
    });
    Comparator<CustomerRank> order = switch (by) {
      case REVENUE -> Comparator.comparing((CustomerRank r) -> r.revenue().amount()).reversed();
      case PURCHASES -> Comparator.comparingLong(CustomerRank::purchases).reversed();
      case MARGIN -> Comparator.comparing((CustomerRank r) -> r.margin().get().amount()).reversed();
    };
    ranks.sort(order.thenComparing(CustomerRank::accountId));
    return List.copyOf(ranks.subList(0, Math.min(limit, ranks.size())));
  }

  static SaleStatus status(NewSale invoice, Balance b, LocalDate asOf) {
    Currency c = invoice.currency();
    BigDecimal open = b.settledOn().isPresent() ? BigDecimal.ZERO : b.due().subtract(b.paid()).max(BigDecimal.ZERO);
    boolean overdue = b.settledOn().isEmpty() && asOf.isAfter(invoice.dueOn());
    long late = b.settledOn().map(d -> Math.max(0, ChronoUnit.DAYS.between(invoice.dueOn(), d)))
        .orElse(overdue ? ChronoUnit.DAYS.between(invoice.dueOn(), asOf) : 0L);
    return new SaleStatus(invoice.reference(), asOf, new Money(b.due(), c), new Money(b.paid(), c), new Money(open, c),
        b.settledOn(), overdue, late);
  }
}
