package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.sales.SalesRepository.Balance;
import dev.rapport.crm.sales.SalesReports.CreditRow;
import dev.rapport.crm.sales.SalesRepository.Movement;
import dev.rapport.crm.sales.SalesReports.PurchaseRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of {@link SalesRepository} computed from sales and payments in memory, in one pass
 * over each: the reference definition that a durable adapter's SQL must match, and what an adapter
 * without a query language (or the core, over a host's {@link dev.rapport.crm.sales.SalesLedger})
 * uses. Stateless.
 */
public final class SalesFigures {
  private SalesFigures() {}

  /**
   * The balance of an invoice of {@code total} given its movements: due is the total less the
   * credit notes, paid the sum of the allocations, and it is settled on the first day (in day order,
   * every movement of a day at once) on which the credit notes and payments so far cover the total.
   * An invoice of zero is settled on its issue day.
   */
  public static Balance balance(BigDecimal total, LocalDate issuedOn, List<Movement> movements) {
    Objects.requireNonNull(total, "total");
    BigDecimal credited = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    List<Movement> ordered = new ArrayList<>(movements);
    ordered.sort(Comparator.comparing(Movement::day));
    Optional<LocalDate> settled = total.signum() <= 0 ? Optional.of(issuedOn) : Optional.empty();
    for (int i = 0; i < ordered.size(); i++) {
      Movement m = ordered.get(i);
      if (m.creditNote()) {
        credited = credited.add(m.amount());
      } else {
        paid = paid.add(m.amount());
      }
      boolean lastOfDay = i + 1 == ordered.size() || !ordered.get(i + 1).day().equals(m.day());
      if (settled.isEmpty() && lastOfDay && credited.add(paid).compareTo(total) >= 0) {
        settled = Optional.of(m.day());
      }
    }
    return new Balance(total.subtract(credited), paid, settled);
  }

  /** The purchase rows of the given sales: see {@link SalesReports#purchases}. */
  public static List<PurchaseRow> purchases(Iterable<NewSale> sales, boolean byProduct) {
    Map<List<Object>, long[]> counts = new LinkedHashMap<>();
    Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
    for (NewSale s : sales) {
      if (byProduct) {
        Map<String, Boolean> seen = new HashMap<>();
        for (SaleLine l : s.lines()) {
          List<Object> key = List.of(s.accountId(), Optional.of(l.productCode()), s.issuedOn(), s.currency());
          boolean first = seen.put(l.productCode(), Boolean.TRUE) == null;
          add(counts, sums, key, first && !s.isCreditNote() ? 1 : 0, l.amount().amount(), List.of(l));
        }
      } else {
        List<Object> key = List.of(s.accountId(), Optional.empty(), s.issuedOn(), s.currency());
        add(counts, sums, key, s.isCreditNote() ? 0 : 1, s.total().amount(), s.lines());
      }
    }
    return rows(counts, sums);
  }

  /** The revenue rows of the given sales: see {@link SalesReports#revenue}. */
  public static List<PurchaseRow> revenue(Iterable<NewSale> sales, LocalDate from, LocalDate to, Currency reporting) {
    Map<List<Object>, long[]> counts = new LinkedHashMap<>();
    Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
    for (NewSale s : sales) {
      if (s.issuedOn().isBefore(from) || s.issuedOn().isAfter(to)) {
        continue;
      }
      LocalDate day = s.currency().equals(reporting) ? from : s.issuedOn();
      List<Object> key = List.of(s.accountId(), Optional.empty(), day, s.currency());
      add(counts, sums, key, s.isCreditNote() ? 0 : 1, s.total().amount(), s.lines());
    }
    return rows(counts, sums);
  }

  /** The RFM rows of the given sales: see {@link SalesReports#rfm}. */
  public static List<SalesReports.RfmRow> rfm(Iterable<NewSale> sales, LocalDate from, LocalDate to) {
    Rfm rfm = new Rfm(from, to);
    for (NewSale s : sales) {
      rfm.add(s);
    }
    return rfm.rows();
  }

  /**
   * The RFM rows of sales given one at a time: for an adapter that visits its sales rather than
   * lists them; {@link #rows} is {@link #rfm} of the sales added. Not thread-safe.
   */
  public static final class Rfm {
    private final LocalDate from;
    private final LocalDate to;
    /** Per account, its sums in its first currency, chained to those of its other currencies. */
    private final Map<AccountId, RfmSums> sums = new LinkedHashMap<>();

    /** Sums of the sales issued in {@code [from, to]}, both days included. */
    public Rfm(LocalDate from, LocalDate to) {
      this.from = Objects.requireNonNull(from, "from");
      this.to = Objects.requireNonNull(to, "to");
    }

    /** Counts the sale if it was issued in the period. */
    public void add(NewSale s) {
      LocalDate day = s.issuedOn();
      if (day.isBefore(from) || day.isAfter(to)) {
        return;
      }
      RfmSums r = sums.get(s.accountId());
      if (r == null) {
        r = new RfmSums(s.currency());
        sums.put(s.accountId(), r);
      }
      while (!r.currency.equals(s.currency())) {
        if (r.next == null) {
          r.next = new RfmSums(s.currency());
        }
        r = r.next;
      }
      if (!s.isCreditNote()) {
        if (r.last == null || day.isAfter(r.last)) {
          r.last = day;
        }
        r.purchases++;
      }
      r.amount = r.amount.add(s.total().amount());
    }

    /** The rows: one per account and currency. */
    public List<SalesReports.RfmRow> rows() {
      List<SalesReports.RfmRow> out = new ArrayList<>(sums.size());
      sums.forEach((account, first) -> {
        for (RfmSums r = first; r != null; r = r.next) {
          out.add(new SalesReports.RfmRow(account, r.currency, Optional.ofNullable(r.last), r.purchases, r.amount));
        }
      });
      return out;
    }
  }

  private static final class RfmSums {
    final Currency currency;
    RfmSums next;
    LocalDate last;
    long purchases;
    BigDecimal amount = BigDecimal.ZERO;

    RfmSums(Currency currency) {
      this.currency = currency;
    }
  }

  private static void add(Map<List<Object>, long[]> counts, Map<List<Object>, BigDecimal[]> sums,
      List<Object> key, long purchases, BigDecimal amount, List<SaleLine> lines) {
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    c[0] += purchases;
    s[0] = s[0].add(amount);
    for (SaleLine l : lines) {
      Optional<dev.rapport.crm.common.Money> cost = l.cost();
      if (cost.isPresent()) {
        c[1]++;
        s[1] = s[1].add(cost.get().amount());
        s[2] = s[2].add(l.amount().amount());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<PurchaseRow> rows(Map<List<Object>, long[]> counts, Map<List<Object>, BigDecimal[]> sums) {
    List<PurchaseRow> rows = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> {
      BigDecimal[] s = sums.get(k);
      rows.add(new PurchaseRow((AccountId) k.get(0), (Optional<String>) k.get(1), (LocalDate) k.get(2),
          (Currency) k.get(3), c[0], s[0], s[1], s[2], c[1]));
    });
    return rows;
  }

  /**
   * The credit rows of the given sales and payments: see {@link SalesReports#credit}. Credit
   * notes and allocations naming no invoice among {@code sales} change no balance; an allocation
   * to none counts as unapplied.
   */
  public static List<CreditRow> credit(Iterable<NewSale> sales, Iterable<NewPayment> payments, LocalDate asOf,
      int graceDays) {
    Map<String, NewSale> invoices = new HashMap<>();
    for (NewSale s : sales) {
      if (!s.isCreditNote()) {
        invoices.put(s.reference(), s);
      }
    }
    Map<String, List<Movement>> movements = new HashMap<>();
    for (NewSale s : sales) {
      if (s.isCreditNote() && invoices.containsKey(s.corrects().get())) {
        movements.computeIfAbsent(s.corrects().get(), r -> new ArrayList<>())
            .add(new Movement(s.issuedOn(), s.total().amount().negate(), true, s.reference()));
      }
    }
    Map<List<Object>, long[]> counts = new LinkedHashMap<>();
    Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
    for (NewPayment p : payments) {
      BigDecimal unapplied = p.amount().amount();
      for (Allocation a : p.allocations()) {
        if (invoices.containsKey(a.saleReference())) {
          unapplied = unapplied.subtract(a.amount().amount());
          movements.computeIfAbsent(a.saleReference(), r -> new ArrayList<>())
              .add(new Movement(p.paidOn(), a.amount().amount(), false, p.reference()));
        }
      }
      BigDecimal[] s = credit(counts, sums, List.of(p.accountId(), p.amount().currency()));
      s[2] = s[2].add(unapplied);
    }
    for (NewSale inv : invoices.values()) {
      Balance b = balance(inv.total().amount(), inv.issuedOn(),
          movements.getOrDefault(inv.reference(), List.of()));
      add(credit(counts, sums, List.of(inv.accountId(), inv.currency())), counts.get(List.of(inv.accountId(),
          inv.currency())), inv.dueOn(), b, asOf, graceDays);
    }
    List<CreditRow> rows = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> {
      BigDecimal[] s = sums.get(k);
      rows.add(new CreditRow((AccountId) k.get(0), (Currency) k.get(1), c[0], c[1], c[2], c[3], c[4], s[0], s[1], s[2]));
    });
    return rows;
  }

  private static BigDecimal[] credit(Map<List<Object>, long[]> counts, Map<List<Object>, BigDecimal[]> sums,
      List<Object> key) {
    counts.computeIfAbsent(key, k -> new long[5]);
    return sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
  }

  /** Adds one invoice to its account's counts (on time, paid late, open late, days late, worst) and sums. */
  private static void add(BigDecimal[] s, long[] c, LocalDate dueOn, Balance b, LocalDate asOf, int graceDays) {
    BigDecimal open = b.due().subtract(b.paid());
    if (open.signum() < 0) {
      s[2] = s[2].add(open.negate());
    }
    if (b.settledOn().isPresent()) {
      long late = ChronoUnit.DAYS.between(dueOn, b.settledOn().get());
      if (late > graceDays) {
        c[1]++;
        c[3] += late;
        c[4] = Math.max(c[4], late);
      } else {
        c[0]++;
      }
      return;
    }
    s[0] = s[0].add(open);
    if (asOf.isAfter(dueOn)) {
      s[1] = s[1].add(open);
      long late = ChronoUnit.DAYS.between(dueOn, asOf);
      if (late > graceDays) {
        c[2]++;
        c[3] += late;
        c[4] = Math.max(c[4], late);
      }
    }
  }
}
