package dev.rapport.crm.bench;

import dev.rapport.crm.bench.SalesData.Pay;
import dev.rapport.crm.bench.SalesData.Sale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The in-memory baseline of {@link SalesBenchmarks}: the customer summary and the late-payer list
 * written by hand as loops over the plain records and arrays of {@link SalesData} (amounts in
 * cents, days as epoch days), computed from the raw sales and payments on every call, as the memory
 * adapter computes them. The definitions are those of {@code docs/sales.md}, with the standard payer
 * policy (no grace; chronically late with 3 or more late invoices that are at least half of the
 * judged ones, or one 90 or more days late). {@code SalesBaselineAgreesWithRapportTest} checks that
 * they give Rapport's answers.
 */
final class SalesLoops {
  private SalesLoops() {}

  static final int GRACE = 0;
  static final int CHRONIC_PERCENT = 50;
  static final int CHRONIC_MINIMUM = 3;
  static final int CHRONIC_DAYS = 90;

  /**
   * How an account buys (everything: {@code product} -1, or one product): days are epoch days,
   * amounts cents; {@code median} NaN and {@code expectedNext} {@code Integer.MIN_VALUE} with one
   * purchase day.
   */
  record History(int product, int first, int last, long purchases, long total, long average, double median,
      long daysSinceLast, int expectedNext) {}

  /** The summary: {@code overall} null if the account never bought. */
  record Summary(int account, History overall, List<History> products) {}

  /** The payment record of a late payer; {@code payerClass} 1 occasionally, 2 chronically late. */
  record Late(int account, long onTime, long paidLate, long openLate, double meanDaysLate, long worstDaysLate,
      long outstanding, long overdue, long unapplied, int payerClass) {}

  // ---------------------------------------------------------------- customer summary

  static Summary summary(SalesData data, int account, int today) {
    int[] mine = data.salesByAccount[account];
    Sale[] sales = data.sales;
    long total = 0;
    long purchases = 0;
    int[] days = new int[mine.length];
    long[] productTotals = new long[SalesData.PRODUCTS];
    long[] productPurchases = new long[SalesData.PRODUCTS];
    // (product, day) of every purchase of a product, to sort into each product's purchase days
    long[] productDays = new long[mine.length * SalesData.LINES];
    int n = 0;
    int pd = 0;
    for (int i : mine) {
      Sale s = sales[i];
      total += s.total();
      boolean invoice = !s.creditNote();
      if (invoice) {
        days[n++] = s.issued();
        purchases++;
      }
      int[] products = s.products();
      for (int l = 0; l < products.length; l++) {
        int p = products[l];
        productTotals[p] += s.amounts()[l];
        if (invoice && firstOf(products, l)) {
          productPurchases[p]++;
          if (pd == productDays.length) {
            productDays = Arrays.copyOf(productDays, pd * 2);
          }
          productDays[pd++] = ((long) p << 32) | (s.issued() & 0xffffffffL);
        }
      }
    }
    History overall = n == 0 ? null : history(-1, days, n, purchases, total, today);
    List<History> perProduct = new ArrayList<>();
    Arrays.sort(productDays, 0, pd);
    int[] buffer = new int[pd];
    for (int from = 0; from < pd; ) {
      int p = (int) (productDays[from] >>> 32);
      int to = from;
      while (to < pd && (int) (productDays[to] >>> 32) == p) {
        buffer[to - from] = (int) productDays[to];
        to++;
      }
      perProduct.add(history(p, buffer, to - from, productPurchases[p], productTotals[p], today));
      from = to;
    }
    String[] codes = data.productCodes;
    perProduct.sort(Comparator.comparingLong(History::total).reversed()
        .thenComparing(h -> codes[h.product()]));
    return new Summary(account, overall, perProduct);
  }

  /** Whether line {@code l} is the sale's first line of its product. */
  private static boolean firstOf(int[] products, int l) {
    for (int k = 0; k < l; k++) {
      if (products[k] == products[l]) {
        return false;
      }
    }
    return true;
  }

  /** A history from {@code n} purchase days (in any order, repeats allowed) in {@code days}. */
  private static History history(int product, int[] days, int n, long purchases, long total, int today) {
    Arrays.sort(days, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || days[distinct - 1] != days[i]) {
        days[distinct++] = days[i];
      }
    }
    int first = days[0];
    int last = days[distinct - 1];
    double median = Double.NaN;
    int expected = Integer.MIN_VALUE;
    if (distinct > 1) {
      int[] gaps = new int[distinct - 1];
      for (int i = 1; i < distinct; i++) {
        gaps[i - 1] = days[i] - days[i - 1];
      }
      Arrays.sort(gaps);
      int m = gaps.length / 2;
      median = gaps.length % 2 == 1 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2.0;
      expected = last + (int) Math.round(median);
    }
    return new History(product, first, last, purchases, total, halfEven(total, purchases), median, today - last,
        expected);
  }

  /** {@code a / b} rounded half-even, {@code b > 0}. */
  static long halfEven(long a, long b) {
    long q = Math.floorDiv(a, b);
    long twice = 2 * (a - q * b);
    if (twice > b || (twice == b && (q & 1) != 0)) {
      q++;
    }
    return q;
  }

  // ---------------------------------------------------------------- late payers

  static List<Late> latePayers(SalesData data, int today) {
    Sale[] sales = data.sales;
    Pay[] payments = data.payments;
    int accounts = data.accounts;
    // the movements of every invoice (credit notes and allocations), grouped by invoice
    int[] start = new int[sales.length + 1];
    for (Sale s : sales) {
      if (s.creditNote()) {
        start[s.corrects() + 1]++;
      }
    }
    for (Pay p : payments) {
      for (int k : p.sales()) {
        start[k + 1]++;
      }
    }
    for (int i = 0; i < sales.length; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, sales.length);
    int[] moveDay = new int[start[sales.length]];
    long[] moveAmount = new long[moveDay.length];
    boolean[] moveCredit = new boolean[moveDay.length];
    for (Sale s : sales) {
      if (s.creditNote()) {
        int at = fill[s.corrects()]++;
        moveDay[at] = s.issued();
        moveAmount[at] = -s.total();
        moveCredit[at] = true;
      }
    }
    long[] onTime = new long[accounts];
    long[] paidLate = new long[accounts];
    long[] openLate = new long[accounts];
    long[] daysLate = new long[accounts];
    long[] worst = new long[accounts];
    long[] outstanding = new long[accounts];
    long[] overdue = new long[accounts];
    long[] unapplied = new long[accounts];
    for (Pay p : payments) {
      long left = p.amount();
      for (int k = 0; k < p.sales().length; k++) {
        int at = fill[p.sales()[k]]++;
        moveDay[at] = p.day();
        moveAmount[at] = p.amounts()[k];
        left -= p.amounts()[k];
      }
      unapplied[p.account()] += left;
    }
    for (int i = 0; i < sales.length; i++) {
      Sale s = sales[i];
      if (s.creditNote()) {
        continue;
      }
      sortByDay(moveDay, moveAmount, moveCredit, start[i], start[i + 1]);
      long credited = 0;
      long paid = 0;
      int settled = s.total() <= 0 ? s.issued() : Integer.MIN_VALUE;
      for (int m = start[i]; m < start[i + 1]; m++) {
        if (moveCredit[m]) {
          credited += moveAmount[m];
        } else {
          paid += moveAmount[m];
        }
        boolean lastOfDay = m + 1 == start[i + 1] || moveDay[m + 1] != moveDay[m];
        if (settled == Integer.MIN_VALUE && lastOfDay && credited + paid >= s.total()) {
          settled = moveDay[m];
        }
      }
      int a = s.account();
      long open = s.total() - credited - paid;
      if (open < 0) {
        unapplied[a] -= open;
      }
      if (settled != Integer.MIN_VALUE) {
        long late = settled - s.due();
        if (late > GRACE) {
          paidLate[a]++;
          daysLate[a] += late;
          worst[a] = Math.max(worst[a], late);
        } else {
          onTime[a]++;
        }
        continue;
      }
      outstanding[a] += open;
      if (today > s.due()) {
        overdue[a] += open;
        long late = today - s.due();
        if (late > GRACE) {
          openLate[a]++;
          daysLate[a] += late;
          worst[a] = Math.max(worst[a], late);
        }
      }
    }
    List<Late> late = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      long lateCount = paidLate[a] + openLate[a];
      if (lateCount == 0) {
        continue;
      }
      long judged = onTime[a] + lateCount;
      int payerClass = worst[a] >= CHRONIC_DAYS
          || (lateCount >= CHRONIC_MINIMUM && lateCount * 100 >= (long) CHRONIC_PERCENT * judged) ? 2 : 1;
      late.add(new Late(a, onTime[a], paidLate[a], openLate[a], (double) daysLate[a] / lateCount, worst[a],
          outstanding[a], overdue[a], unapplied[a], payerClass));
    }
    UUID[] ids = data.accountIds;
    late.sort(Comparator.comparingInt(Late::payerClass).reversed()
        .thenComparing(Comparator.comparingLong(Late::overdue).reversed())
        .thenComparing(Comparator.comparingLong(Late::worstDaysLate).reversed())
        .thenComparing((x, y) -> unsigned(ids[x.account()], ids[y.account()])));
    return late;
  }

  /** Insertion sort of the movements {@code [from, to)} by day (an invoice has few). */
  private static void sortByDay(int[] day, long[] amount, boolean[] credit, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int d = day[i];
      long x = amount[i];
      boolean c = credit[i];
      int j = i - 1;
      while (j >= from && day[j] > d) {
        day[j + 1] = day[j];
        amount[j + 1] = amount[j];
        credit[j + 1] = credit[j];
        j--;
      }
      day[j + 1] = d;
      amount[j + 1] = x;
      credit[j + 1] = c;
    }
  }

  /** The order of account ids: the 128 bits unsigned, as Rapport and databases sort UUIDs. */
  static int unsigned(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
