package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.sales.Allocation;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.sales.SalesReports.CreditRow;
import dev.rapport.crm.sales.SalesReports.PurchaseRow;
import dev.rapport.crm.sales.SalesReports.RfmRow;
import dev.rapport.crm.sales.SalesRepository.Balance;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A columnar side index of one tenant's committed sales, payments and invoice balances, kept on
 * commit like the tables' other indexes: per sale an account ordinal, a currency ordinal, the issue
 * and due days as epoch days, the total in minor units and the stored balance; per line a product
 * ordinal and its amount and cost in minor units; per payment what it left unapplied. The reports
 * of {@link MemorySales} are loops over these arrays (the answers of {@link
 * dev.rapport.crm.sales.SalesFigures}, the reference, over the stored balances as the JPA adapter
 * reads them), not walks over object graphs with a hash look-up per record.
 *
 * <p>Amounts are kept as {@code long} minor units at the currency's scale (which {@code Money}
 * guarantees); an amount that does not fit, a sum that would overflow, or more than 255 currencies
 * make the index {@linkplain #exact() inexact}, and the adapter answers from the records instead.
 * A sale replaced by an update leaves a dead row behind and gets a new one. Not thread-safe:
 * written under the tenant's write lock (from {@link Table#put}), read under its read lock.
 */
final class SalesColumns {
  private static final int NONE = Integer.MIN_VALUE;
  private static final long NO_COST = Long.MIN_VALUE;
  private static final byte CREDIT_NOTE = 1;
  private static final byte DEAD = 2;
  /** Epoch days are kept within this distance of 1970 in group keys: some 367,000 years. */
  private static final int DAY_BIAS = 1 << 27;

  private final Function<String, Optional<Balance>> storedBalance;
  private boolean exact = true;

  private final Map<AccountId, Integer> accountOrdinals = new HashMap<>();
  private final List<AccountId> accounts = new ArrayList<>();
  private final List<IntList> salesOfAccount = new ArrayList<>();
  private final List<IntList> paymentsOfAccount = new ArrayList<>();
  private final Map<Currency, Integer> currencyOrdinals = new HashMap<>();
  private final List<Currency> currencies = new ArrayList<>();
  private final Map<String, Integer> productOrdinals = new HashMap<>();
  private final List<String> products = new ArrayList<>();

  private final Map<SaleId, Integer> rowOfSale = new HashMap<>();
  private final Map<String, Integer> rowOfReference = new HashMap<>();
  private int sales;
  private int[] saleAccount = new int[16];
  private int[] saleCurrency = new int[16];
  private int[] issueDay = new int[16];
  private int[] dueDay = new int[16];
  private byte[] flags = new byte[16];
  private long[] total = new long[16];
  private int[] firstLine = new int[17];
  private long[] due = new long[16];
  private long[] paid = new long[16];
  private int[] settledDay = new int[16];

  private int lines;
  private int[] lineProduct = new int[16];
  private long[] lineAmount = new long[16];
  private long[] lineCost = new long[16];

  private int payments;
  private int[] paymentAccount = new int[16];
  private int[] paymentCurrency = new int[16];
  private long[] unapplied = new long[16];

  /** @param storedBalance the committed balance of an invoice by reference, if the balance table has one */
  SalesColumns(Function<String, Optional<Balance>> storedBalance) {
    this.storedBalance = storedBalance;
  }

  /** A sale or payment was deleted: the columns keep no removals, so they give up (the reports are computed from the records). */
  void removed() {
    exact = false;
  }

  /** Whether every amount fits: if not, the reports must be computed from the records. */
  boolean exact() {
    return exact;
  }

  // ---- kept on commit

  void putSale(Sale old, Sale sale) {
    if (!exact) {
      return;
    }
    if (old != null) {
      Integer previous = rowOfSale.get(old.id());
      if (previous != null) {
        flags[previous] |= DEAD;
      }
    }
    NewSale s = sale.content();
    int row = sales;
    growSales(row + 1);
    int account = account(s.accountId());
    int currency = currency(s.currency());
    long epochIssue = s.issuedOn().toEpochDay();
    long epochDue = s.dueOn().toEpochDay();
    if (currency > 255 || Math.abs(epochIssue) >= DAY_BIAS || Math.abs(epochDue) >= DAY_BIAS) {
      exact = false;
      return;
    }
    int scale = scale(s.currency());
    saleAccount[row] = account;
    saleCurrency[row] = currency;
    issueDay[row] = (int) epochIssue;
    dueDay[row] = (int) epochDue;
    flags[row] = s.isCreditNote() ? CREDIT_NOTE : 0;
    total[row] = minor(s.total().amount(), scale);
    growLines(lines + s.lines().size());
    for (SaleLine l : s.lines()) {
      lineProduct[lines] = product(l.productCode());
      lineAmount[lines] = minor(l.amount().amount(), scale);
      Optional<dev.rapport.crm.common.Money> cost = l.cost();
      lineCost[lines] = cost.isPresent() ? minor(cost.get().amount(), scale) : NO_COST;
      lines++;
    }
    firstLine[row + 1] = lines;
    // until the balance table says otherwise: nothing credited or paid
    due[row] = total[row];
    paid[row] = 0;
    settledDay[row] = total[row] <= 0 ? issueDay[row] : NONE;
    sales = row + 1;
    rowOfSale.put(sale.id(), row);
    rowOfReference.put(s.reference(), row);
    salesOfAccount.get(account).add(row);
    if (!s.isCreditNote()) {
      storedBalance.apply(s.reference()).ifPresent(b -> balance(row, b));
    }
  }

  void putBalance(String reference, Balance balance) {
    if (!exact) {
      return;
    }
    Integer row = rowOfReference.get(reference);
    if (row != null) {
      balance(row, balance);
    } // else: the sale comes later in this commit and reads the balance table itself
  }

  private void balance(int row, Balance b) {
    int scale = scale(currencies.get(saleCurrency[row]));
    due[row] = minor(b.due(), scale);
    paid[row] = minor(b.paid(), scale);
    settledDay[row] = b.settledOn().map(d -> (int) d.toEpochDay()).orElse(NONE);
    if (b.settledOn().isPresent() && Math.abs(b.settledOn().get().toEpochDay()) >= DAY_BIAS) {
      exact = false;
    }
  }

  void putPayment(Payment old, Payment payment) {
    if (!exact) {
      return;
    }
    if (old != null) { // payments are never rewritten by the core; should one be, the index gives up
      exact = false;
      return;
    }
    NewPayment p = payment.content();
    int row = payments;
    if (row == paymentAccount.length) {
      int n = row * 2;
      paymentAccount = Arrays.copyOf(paymentAccount, n);
      paymentCurrency = Arrays.copyOf(paymentCurrency, n);
      unapplied = Arrays.copyOf(unapplied, n);
    }
    int account = account(p.accountId());
    int currency = currency(p.amount().currency());
    if (currency > 255) {
      exact = false;
      return;
    }
    int scale = scale(p.amount().currency());
    long left = minor(p.amount().amount(), scale);
    for (Allocation a : p.allocations()) {
      // the core refuses an allocation to an unknown invoice; as the reference, one would stay unapplied
      if (rowOfReference.containsKey(a.saleReference())) {
        left = subtract(left, minor(a.amount().amount(), scale));
      }
    }
    paymentAccount[row] = account;
    paymentCurrency[row] = currency;
    unapplied[row] = left;
    payments = row + 1;
    paymentsOfAccount.get(account).add(row);
  }

  // ---- the reports (under the read lock); each throws ArithmeticException when a sum overflows

  /** See {@link dev.rapport.crm.sales.SalesReports#rfm}. */
  List<RfmRow> rfm(LocalDate from, LocalDate to) {
    long lo = from.toEpochDay();
    long hi = to.toEpochDay();
    int nc = currencies.size();
    long groups = (long) accounts.size() * nc;
    if (groups > Integer.MAX_VALUE - 8) {
      throw new ArithmeticException("too many groups");
    }
    int g = (int) groups;
    int[] last = new int[g];
    Arrays.fill(last, NONE);
    long[] count = new long[g];
    long[] amount = new long[g];
    boolean[] seen = new boolean[g];
    int[] acc = saleAccount;
    int[] cur = saleCurrency;
    int[] day = issueDay;
    byte[] f = flags;
    long[] t = total;
    for (int i = 0, n = sales; i < n; i++) {
      int d = day[i];
      if (d < lo || d > hi || (f[i] & DEAD) != 0) {
        continue;
      }
      int k = acc[i] * nc + cur[i];
      seen[k] = true;
      if ((f[i] & CREDIT_NOTE) == 0) {
        if (d > last[k]) {
          last[k] = d;
        }
        count[k]++;
      }
      amount[k] = Math.addExact(amount[k], t[i]);
    }
    List<RfmRow> rows = new ArrayList<>();
    for (int k = 0; k < g; k++) {
      if (seen[k]) {
        Currency c = currencies.get(k % nc);
        rows.add(new RfmRow(accounts.get(k / nc), c,
            last[k] == NONE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(last[k])), count[k],
            BigDecimal.valueOf(amount[k], scale(c))));
      }
    }
    return rows;
  }

  /** See {@link dev.rapport.crm.sales.SalesReports#credit}. */
  List<CreditRow> credit(Optional<AccountId> account, LocalDate asOf, int graceDays) {
    List<CreditRow> rows = new ArrayList<>();
    long today = asOf.toEpochDay();
    if (account.isPresent()) {
      Integer a = accountOrdinals.get(account.get());
      if (a != null) {
        credit(a, salesOfAccount.get(a), paymentsOfAccount.get(a), today, graceDays, rows);
      }
      return rows;
    }
    for (int a = 0; a < accounts.size(); a++) {
      credit(a, salesOfAccount.get(a), paymentsOfAccount.get(a), today, graceDays, rows);
    }
    return rows;
  }

  /**
   * The credit rows of one account: per currency on time, paid late, open late, days late, worst
   * (counts) and outstanding, overdue, unapplied (minor units).
   */
  private void credit(int account, IntList saleRows, IntList paymentRows, long today, int grace, List<CreditRow> out) {
    int nc = currencies.size();
    long[][] sums = null; // per currency, allocated at its first row: 5 counts, 3 sums, 1 seen
    for (int j = 0; j < paymentRows.size; j++) {
      int p = paymentRows.values[j];
      sums = sums == null ? new long[nc][] : sums;
      long[] s = group(sums, paymentCurrency[p]);
      s[7] = Math.addExact(s[7], unapplied[p]);
    }
    for (int j = 0; j < saleRows.size; j++) {
      int i = saleRows.values[j];
      if ((flags[i] & (DEAD | CREDIT_NOTE)) != 0) {
        continue;
      }
      sums = sums == null ? new long[nc][] : sums;
      long[] s = group(sums, saleCurrency[i]);
      long open = Math.subtractExact(due[i], paid[i]);
      if (open < 0) {
        s[7] = Math.subtractExact(s[7], open);
      }
      if (settledDay[i] != NONE) {
        long late = (long) settledDay[i] - dueDay[i];
        if (late > grace) {
          s[1]++;
          s[3] += late;
          s[4] = Math.max(s[4], late);
        } else {
          s[0]++;
        }
        continue;
      }
      s[5] = Math.addExact(s[5], open);
      if (today > dueDay[i]) {
        s[6] = Math.addExact(s[6], open);
        long late = today - dueDay[i];
        if (late > grace) {
          s[2]++;
          s[3] += late;
          s[4] = Math.max(s[4], late);
        }
      }
    }
    if (sums == null) {
      return;
    }
    for (int c = 0; c < nc; c++) {
      long[] s = sums[c];
      if (s != null) {
        Currency currency = currencies.get(c);
        int scale = scale(currency);
        out.add(new CreditRow(accounts.get(account), currency, s[0], s[1], s[2], s[3], s[4],
            BigDecimal.valueOf(s[5], scale), BigDecimal.valueOf(s[6], scale), BigDecimal.valueOf(s[7], scale)));
      }
    }
  }

  private static long[] group(long[][] sums, int currency) {
    long[] s = sums[currency];
    if (s == null) {
      s = new long[8];
      sums[currency] = s;
    }
    return s;
  }

  /** See {@link dev.rapport.crm.sales.SalesReports#purchases}. */
  List<PurchaseRow> purchases(Optional<AccountId> account, boolean byProduct) {
    List<PurchaseRow> rows = new ArrayList<>();
    if (account.isPresent()) {
      Integer a = accountOrdinals.get(account.get());
      if (a != null) {
        purchases(a, byProduct, Long.MIN_VALUE, Long.MAX_VALUE, -1, rows);
      }
      return rows;
    }
    for (int a = 0; a < accounts.size(); a++) {
      purchases(a, byProduct, Long.MIN_VALUE, Long.MAX_VALUE, -1, rows);
    }
    return rows;
  }

  /** See {@link dev.rapport.crm.sales.SalesReports#revenue}. */
  List<PurchaseRow> revenue(LocalDate from, LocalDate to, Currency reporting) {
    List<PurchaseRow> rows = new ArrayList<>();
    Integer r = currencyOrdinals.get(reporting);
    int collapse = r == null ? -1 : r;
    for (int a = 0; a < accounts.size(); a++) {
      purchases(a, false, from.toEpochDay(), to.toEpochDay(), collapse, rows);
    }
    return rows;
  }

  /**
   * The purchase rows of one account, per (product,) day and currency, of the sales issued in
   * {@code [lo, hi]}: per group the invoices, the amount, the cost, the costed amount and lines. The
   * sales in currency {@code collapse} (an ordinal, or -1 for none) are summed over the period and
   * dated {@code lo}.
   */
  private void purchases(int account, boolean byProduct, long lo, long hi, int collapse, List<PurchaseRow> out) {
    IntList saleRows = salesOfAccount.get(account);
    Groups groups = new Groups(byProduct ? saleRows.size * 2 : saleRows.size);
    for (int j = 0; j < saleRows.size; j++) {
      int i = saleRows.values[j];
      int d = issueDay[i];
      if ((flags[i] & DEAD) != 0 || d < lo || d > hi) {
        continue;
      }
      boolean invoice = (flags[i] & CREDIT_NOTE) == 0;
      int keyDay = saleCurrency[i] == collapse ? (int) lo : d;
      long dayAndCurrency = ((long) (keyDay + DAY_BIAS) << 8) | saleCurrency[i];
      if (!byProduct) {
        int g = groups.at(dayAndCurrency);
        groups.purchases[g] += invoice ? 1 : 0;
        groups.amount[g] = Math.addExact(groups.amount[g], total[i]);
        for (int l = firstLine[i]; l < firstLine[i + 1]; l++) {
          cost(groups, g, l);
        }
        continue;
      }
      for (int l = firstLine[i]; l < firstLine[i + 1]; l++) {
        int g = groups.at(((long) (lineProduct[l] + 1) << 36) | dayAndCurrency);
        if (invoice && firstOfProduct(i, l)) {
          groups.purchases[g]++;
        }
        groups.amount[g] = Math.addExact(groups.amount[g], lineAmount[l]);
        cost(groups, g, l);
      }
    }
    AccountId id = accounts.get(account);
    // in key order (product, day, currency): a product's rows together, as the core groups them
    long[] keys = Arrays.copyOf(groups.keyOf, groups.size);
    Arrays.sort(keys);
    for (long k : keys) {
      int g = groups.at(k);
      Currency c = currencies.get((int) (k & 0xFF));
      int scale = scale(c);
      LocalDate day = LocalDate.ofEpochDay(((k >>> 8) & ((1L << 28) - 1)) - DAY_BIAS);
      int product = (int) (k >>> 36) - 1;
      out.add(new PurchaseRow(id, product < 0 ? Optional.empty() : Optional.of(products.get(product)), day, c,
          groups.purchases[g], BigDecimal.valueOf(groups.amount[g], scale), BigDecimal.valueOf(groups.cost[g], scale),
          BigDecimal.valueOf(groups.costedAmount[g], scale), groups.costedLines[g]));
    }
  }

  private boolean firstOfProduct(int sale, int line) {
    for (int l = firstLine[sale]; l < line; l++) {
      if (lineProduct[l] == lineProduct[line]) {
        return false;
      }
    }
    return true;
  }

  private void cost(Groups groups, int g, int line) {
    long c = lineCost[line];
    if (c != NO_COST) {
      groups.cost[g] = Math.addExact(groups.cost[g], c);
      groups.costedAmount[g] = Math.addExact(groups.costedAmount[g], lineAmount[line]);
      groups.costedLines[g]++;
    }
  }

  /**
   * Sums per group key, groups numbered in order of first use: an open-addressing table from
   * {@code long} key to group number (no boxing, no chains), and the sums in parallel arrays.
   */
  static final class Groups {
    private long[] slotKey;
    private int[] slotGroup; // group number + 1; 0 = empty
    int size;
    long[] keyOf;
    long[] purchases;
    long[] amount;
    long[] cost;
    long[] costedAmount;
    long[] costedLines;

    Groups(int expected) {
      int slots = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
      slotKey = new long[slots];
      slotGroup = new int[slots];
      int n = Math.max(8, expected);
      keyOf = new long[n];
      purchases = new long[n];
      amount = new long[n];
      cost = new long[n];
      costedAmount = new long[n];
      costedLines = new long[n];
    }

    /** The number of the group of {@code key}, made if new. */
    int at(long key) {
      int mask = slotKey.length - 1;
      int slot = mix(key) & mask;
      while (true) {
        int g = slotGroup[slot];
        if (g == 0) {
          return add(key, slot);
        }
        if (slotKey[slot] == key) {
          return g - 1;
        }
        slot = (slot + 1) & mask;
      }
    }

    private int add(long key, int slot) {
      if (size == keyOf.length) {
        int n = size * 2;
        keyOf = Arrays.copyOf(keyOf, n);
        purchases = Arrays.copyOf(purchases, n);
        amount = Arrays.copyOf(amount, n);
        cost = Arrays.copyOf(cost, n);
        costedAmount = Arrays.copyOf(costedAmount, n);
        costedLines = Arrays.copyOf(costedLines, n);
      }
      int g = size++;
      keyOf[g] = key;
      slotKey[slot] = key;
      slotGroup[slot] = g + 1;
      if (size * 2 > slotKey.length) {
        rehash();
      }
      return g;
    }

    private void rehash() {
      long[] keys = new long[slotKey.length * 2];
      int[] groups = new int[keys.length];
      int mask = keys.length - 1;
      for (int g = 0; g < size; g++) {
        int slot = mix(keyOf[g]) & mask;
        while (groups[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = keyOf[g];
        groups[slot] = g + 1;
      }
      slotKey = keys;
      slotGroup = groups;
    }

    /** A 64-bit finalizer (MurmurHash3's): the keys' bits are packed, so they are mixed before masking. */
    private static int mix(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      k ^= k >>> 33;
      k *= 0xc4ceb9fe1a85ec53L;
      k ^= k >>> 33;
      return (int) k;
    }
  }

  // ---- dictionaries and storage

  private int account(AccountId id) {
    Integer a = accountOrdinals.get(id);
    if (a == null) {
      a = accounts.size();
      accountOrdinals.put(id, a);
      accounts.add(id);
      salesOfAccount.add(new IntList());
      paymentsOfAccount.add(new IntList());
    }
    return a;
  }

  private int currency(Currency c) {
    Integer o = currencyOrdinals.get(c);
    if (o == null) {
      o = currencies.size();
      currencyOrdinals.put(c, o);
      currencies.add(c);
    }
    return o;
  }

  private int product(String code) {
    Integer o = productOrdinals.get(code);
    if (o == null) {
      o = products.size();
      if (o >= (1 << 27)) {
        exact = false;
      }
      productOrdinals.put(code, o);
      products.add(code);
    }
    return o;
  }

  private static int scale(Currency c) {
    return Math.max(c.getDefaultFractionDigits(), 0);
  }

  /** The amount in minor units of its currency, or 0 and the index made inexact if it does not fit. */
  private long minor(BigDecimal amount, int scale) {
    try {
      BigInteger unscaled = amount.setScale(scale).unscaledValue();
      if (unscaled.bitLength() <= 62) {
        return unscaled.longValue();
      }
    } catch (ArithmeticException e) {
      // more decimals than the currency has: not from Money, but answer from the records
    }
    exact = false;
    return 0;
  }

  private long subtract(long a, long b) {
    try {
      return Math.subtractExact(a, b);
    } catch (ArithmeticException e) {
      exact = false;
      return 0;
    }
  }

  private void growSales(int n) {
    if (n <= total.length) {
      return;
    }
    int size = Math.max(n, total.length * 2);
    saleAccount = Arrays.copyOf(saleAccount, size);
    saleCurrency = Arrays.copyOf(saleCurrency, size);
    issueDay = Arrays.copyOf(issueDay, size);
    dueDay = Arrays.copyOf(dueDay, size);
    flags = Arrays.copyOf(flags, size);
    total = Arrays.copyOf(total, size);
    firstLine = Arrays.copyOf(firstLine, size + 1);
    due = Arrays.copyOf(due, size);
    paid = Arrays.copyOf(paid, size);
    settledDay = Arrays.copyOf(settledDay, size);
  }

  private void growLines(int n) {
    if (n <= lineAmount.length) {
      return;
    }
    int size = Math.max(n, lineAmount.length * 2);
    lineProduct = Arrays.copyOf(lineProduct, size);
    lineAmount = Arrays.copyOf(lineAmount, size);
    lineCost = Arrays.copyOf(lineCost, size);
  }

  /** A growable list of {@code int}s. */
  static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
