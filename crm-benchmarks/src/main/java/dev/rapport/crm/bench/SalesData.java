package dev.rapport.crm.bench;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.sales.Allocation;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.SaleLine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The seeded sales and payment history of {@link SalesBenchmarks}: {@code accounts} accounts,
 * {@code invoices} invoices of {@value #LINES} lines each issued over three years (2023 to 2025),
 * about 2 % of them corrected by a one-line credit note 1 to 40 days after issue, and exactly {@code payments} payments. One
 * currency (EUR); amounts in cents.
 *
 * <p>Each account pays by a profile drawn once: on time (60 %; 0.5 % of its invoices paid 1 to 15
 * days late), occasionally late (25 %; 20 % paid up to 40 days late) or chronically late (15 %; 60 %
 * paid 5 to 120 days late). An invoice is due 30 days after issue and paid in full (1 % with a
 * little more than due, the rest left unapplied; the whole total if paid before its credit note
 * came, which over-pays it), in two parts (2 %; for late payers, in a quarter
 * of those only the first part is paid), or not at all (never, 0.5 % or 5 % by profile; and
 * whenever its payment day falls after {@link #TODAY}). The payments of invoices stop at 99 % of
 * {@code payments} (with as many invoices as payments, that leaves the invoices of the last few
 * days unpaid, not yet due); payments on account, which allocate nothing, on random days of random
 * accounts, make up the rest.
 *
 * <p>The same instance feeds every side: the Rapport stores (as {@link NewSale} and {@link
 * NewPayment}) and the hand-written baselines (these plain records), so both hold the same data.
 * Sales are in the order they were made: each credit note right after its invoice; {@link
 * #recordingOrder} is the order a host would have recorded sales and payments in.
 */
final class SalesData {
  static final int LINES = 5;
  static final int PRODUCTS = 40;
  static final LocalDate START = LocalDate.of(2023, 1, 1);
  static final int DAYS = 3 * 365 + 1;
  /** The day the answers are as of. */
  static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
  static final int TERMS = 30;
  static final String CURRENCY = "EUR";
  static final Currency EUR = Currency.getInstance(CURRENCY);

  /**
   * An invoice or credit note. Days are epoch days; amounts are cents.
   *
   * @param corrects the index (in {@link #sales}) of the invoice a credit note corrects, else -1
   */
  record Sale(String reference, int account, int issued, int due, int corrects, int[] products,
      int[] quantities, long[] unitPrices, long[] amounts, long total) {
    boolean creditNote() {
      return corrects >= 0;
    }
  }

  /** A payment: what it allocates to which sales (indexes in {@link #sales}), in cents. */
  record Pay(String reference, int account, int day, long amount, int[] sales, long[] amounts) {}

  final int accounts;
  final String[] productCodes = new String[PRODUCTS];
  final long[] productPrices = new long[PRODUCTS];
  /** The unit cost of a product, or -1 if the host sends none. */
  final long[] productCosts = new long[PRODUCTS];
  final Sale[] sales;
  final Pay[] payments;
  /** The account of each index, set once the accounts exist in the store under test. */
  final UUID[] accountIds;
  /** The sales of each account (indexes in {@link #sales}), in recording order. */
  final int[][] salesByAccount;
  /** The payments of each account (indexes in {@link #payments}), in recording order. */
  final int[][] paymentsByAccount;

  SalesData(int accounts, int invoices, int payments, long seed) {
    this.accounts = accounts;
    this.accountIds = new UUID[accounts];
    SplittableRandom r = new SplittableRandom(seed);
    for (int p = 0; p < PRODUCTS; p++) {
      productCodes[p] = String.format("P-%03d", p + 1);
      productPrices[p] = 500 + r.nextInt(49_500);
      productCosts[p] = p % 2 == 0 ? productPrices[p] * 6 / 10 : -1;
    }
    int[] profile = new int[accounts];
    for (int a = 0; a < accounts; a++) {
      int x = r.nextInt(100);
      profile[a] = x < 60 ? 0 : x < 85 ? 1 : 2;
    }
    int today = (int) TODAY.toEpochDay();
    int start = (int) START.toEpochDay();
    List<Sale> sales = new ArrayList<>(invoices + invoices / 40);
    List<Pay> pays = new ArrayList<>(payments);
    int allocating = payments - payments / 100; // the rest are payments on account
    for (int i = 0; i < invoices; i++) {
      int issued = start + (int) ((long) i * DAYS / invoices);
      int account = r.nextInt(accounts);
      int[] products = new int[LINES];
      int[] quantities = new int[LINES];
      long[] prices = new long[LINES];
      long[] amounts = new long[LINES];
      long total = 0;
      for (int l = 0; l < LINES; l++) {
        products[l] = r.nextInt(PRODUCTS);
        quantities[l] = 1 + r.nextInt(20);
        prices[l] = productPrices[products[l]];
        amounts[l] = quantities[l] * prices[l];
        total += amounts[l];
      }
      int invoice = sales.size();
      sales.add(new Sale(String.format("INV-%07d", i + 1), account, issued, issued + TERMS, -1, products,
          quantities, prices, amounts, total));
      long due = total;
      int creditDay = Integer.MAX_VALUE;
      if (r.nextInt(100) < 2) {
        int day = issued + 1 + r.nextInt(40);
        if (day <= today) {
          creditDay = day;
          int q = -(1 + r.nextInt(quantities[0]));
          long amount = q * prices[0];
          sales.add(new Sale(String.format("CN-%07d", i + 1), account, day, day, invoice,
              new int[] {products[0]}, new int[] {q}, new long[] {prices[0]}, new long[] {amount}, amount));
          due += amount;
        }
      }
      int p = profile[account];
      boolean unpaid = r.nextInt(1000) < (p == 0 ? 0 : p == 1 ? 5 : 50);
      int x = r.nextInt(1000);
      int delay = switch (p) {
        case 0 -> x < 5 ? 1 + r.nextInt(15) : -r.nextInt(21);
        case 1 -> x < 200 ? 1 + r.nextInt(40) : -r.nextInt(21);
        default -> x < 600 ? 5 + r.nextInt(116) : -r.nextInt(11);
      };
      int payDay = Math.max(issued, issued + TERMS + delay);
      boolean split = r.nextInt(100) < 2;
      boolean secondPaid = p == 0 || r.nextInt(4) != 0;
      boolean over = r.nextInt(100) < 1;
      int extra = 1 + r.nextInt(5_000);
      if (!unpaid && payDay <= today && pays.size() < allocating) {
        String ref = "PAY-" + (pays.size() + 1);
        if (split) {
          long first = due * (30 + r.nextInt(41)) / 100;
          int firstDay = Math.max(issued, payDay - 1 - r.nextInt(20));
          pays.add(new Pay(ref, account, firstDay, first, new int[] {invoice}, new long[] {first}));
          if (secondPaid && pays.size() < allocating) {
            pays.add(new Pay("PAY-" + (pays.size() + 1), account, payDay, due - first, new int[] {invoice},
                new long[] {due - first}));
          }
        } else {
          // paid before its credit note came: the whole total, what the credit note takes off is over-paid
          long pay = creditDay > payDay ? total : due;
          pays.add(new Pay(ref, account, payDay, over ? pay + extra : pay, new int[] {invoice}, new long[] {pay}));
        }
      }
    }
    while (pays.size() < payments) {
      int day = start + r.nextInt(today - start + 1);
      pays.add(new Pay("PAY-" + (pays.size() + 1), r.nextInt(accounts), day, 1_000 + r.nextInt(99_000),
          new int[0], new long[0]));
    }
    this.sales = sales.toArray(new Sale[0]);
    this.payments = pays.toArray(new Pay[0]);
    this.salesByAccount = index(accounts, this.sales.length, i -> this.sales[i].account());
    this.paymentsByAccount = index(accounts, this.payments.length, i -> this.payments[i].account());
  }

  private static int[][] index(int accounts, int n, java.util.function.IntUnaryOperator accountOf) {
    int[] counts = new int[accounts];
    for (int i = 0; i < n; i++) {
      counts[accountOf.applyAsInt(i)]++;
    }
    int[][] index = new int[accounts][];
    for (int a = 0; a < accounts; a++) {
      index[a] = new int[counts[a]];
    }
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      int a = accountOf.applyAsInt(i);
      index[a][counts[a]++] = i;
    }
    return index;
  }

  /**
   * The order a host would have recorded the history in: by day; on a day, invoices, then payments,
   * then credit notes. Entry {@code e >= 0} is sale {@code e}, {@code e < 0} payment {@code -e - 1}.
   * In this order every command is accepted (a payment made before its invoice's credit note paid
   * the whole total, which was outstanding then).
   */
  int[] recordingOrder() {
    long[] keys = new long[sales.length + payments.length];
    int k = 0;
    for (int i = 0; i < sales.length; i++) {
      keys[k++] = ((long) sales[i].issued() << 34) | ((long) (sales[i].creditNote() ? 2 : 0) << 32) | i;
    }
    for (int i = 0; i < payments.length; i++) {
      keys[k++] = ((long) payments[i].day() << 34) | (1L << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      int index = (int) keys[i];
      order[i] = ((keys[i] >>> 32) & 3) == 1 ? -index - 1 : index;
    }
    return order;
  }

  /** How many sale lines there are (invoices' and credit notes'). */
  long lines() {
    long n = 0;
    for (Sale s : sales) {
      n += s.products().length;
    }
    return n;
  }

  static LocalDate day(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  static BigDecimal money(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /** Sale {@code i} as Rapport's value; the accounts must be set. */
  NewSale newSale(int i) {
    Sale s = sales[i];
    List<SaleLine> lines = new ArrayList<>(s.products().length);
    for (int l = 0; l < s.products().length; l++) {
      Money price = new Money(money(s.unitPrices()[l]), EUR);
      long cost = productCosts[s.products()[l]];
      lines.add(new SaleLine(productCodes[s.products()[l]], Optional.empty(), BigDecimal.valueOf(s.quantities()[l]),
          price, new Money(money(s.amounts()[l]), EUR),
          cost < 0 ? Optional.empty() : Optional.of(new Money(money(cost), EUR))));
    }
    return new NewSale(s.reference(), AccountId.of(accountIds[s.account()]),
        s.creditNote() ? Optional.of(sales[s.corrects()].reference()) : Optional.empty(), day(s.issued()),
        day(s.due()), EUR, lines, new Money(money(s.total()), EUR));
  }

  /** Payment {@code i} as Rapport's value; the accounts must be set. */
  NewPayment newPayment(int i) {
    Pay p = payments[i];
    List<Allocation> allocations = new ArrayList<>(p.sales().length);
    for (int k = 0; k < p.sales().length; k++) {
      allocations.add(new Allocation(sales[p.sales()[k]].reference(), new Money(money(p.amounts()[k]), EUR)));
    }
    return new NewPayment(p.reference(), AccountId.of(accountIds[p.account()]), new Money(money(p.amount()), EUR),
        day(p.day()), allocations);
  }
}
