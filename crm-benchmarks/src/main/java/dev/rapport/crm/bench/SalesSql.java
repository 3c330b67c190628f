package dev.rapport.crm.bench;

import dev.rapport.crm.bench.SalesData.Pay;
import dev.rapport.crm.bench.SalesData.Sale;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.sales.SalesRepository.Balance;
import dev.rapport.crm.sales.SalesRepository.Movement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The PostgreSQL side of {@link SalesBenchmarks}: the seeded history written straight into the
 * tables of {@code V6__rapport_sales.sql} by JDBC batch inserts, and the hand-written SQL baseline.
 *
 * <p>The rows are what the JPA adapter writes when the service records the same sales and payments:
 * a sale's sums over its lines ({@code cost}, {@code costed_amount}, {@code costed_lines}), an
 * invoice's balance ({@code due_amount}, {@code paid}, {@code settled_day}) computed by {@link
 * SalesFigures#balance} from all its credit notes and allocations (a credit note's own balance is that
 * of a sale without movements, as the adapter writes on insert), and a payment's {@code unapplied}.
 *
 * <p>The baseline is the SQL a developer would write against those tables without Rapport's stored
 * balances: the summary from the account's sales and lines (distinct purchase days, {@code lag} for
 * the gaps, {@code percentile_cont} for the median), the late payers from the raw credit notes and
 * allocations (movements summed per invoice and day, a running sum to find the day an invoice was
 * covered, then one {@code GROUP BY} per account), classed and ordered in SQL.
 */
final class SalesSql {
  private SalesSql() {}

  static final int BATCH = 1_000;

  /**
   * Writes the accounts' sales, lines, payments and allocations (the accounts exist), table by table
   * (invoices, credit notes, lines, payments, allocations), each committed and analyzed before the
   * next: a foreign key check plans its look-up once per session, at its first row, so a table must
   * have its statistics before the rows that point at it are written (else every check of the load
   * scans the whole referenced table).
   */
  static void load(String jdbcUrl, String user, String password, String tenant, SalesData data) throws SQLException {
    // a connection of its own, whose driver rewrites each batch into multi-row inserts
    String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      analyze(c, "crm_account");
      c.setAutoCommit(false);
      UUID[] saleIds = ids(data.sales.length, SalesBenchmarks.SEED);
      Balance[] balances = balances(data);
      insertSales(c, tenant, data, saleIds, balances, false);
      analyze(c, "crm_sale");
      insertSales(c, tenant, data, saleIds, balances, true);
      analyze(c, "crm_sale");
      insertLines(c, tenant, data, saleIds);
      analyze(c, "crm_sale_line");
      UUID[] paymentIds = ids(data.payments.length, SalesBenchmarks.SEED + 1);
      insertPayments(c, tenant, data, paymentIds);
      analyze(c, "crm_payment");
      insertAllocations(c, tenant, data, paymentIds);
      analyze(c, "crm_payment_allocation");
    }
  }

  /** Commits what the connection wrote and analyzes the table. */
  private static void analyze(Connection c, String table) throws SQLException {
    if (!c.getAutoCommit()) {
      c.commit();
    }
    try (Statement s = c.createStatement()) {
      s.execute("analyze " + table);
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  /** Seeded ids of the sales and payments (any UUID is an id; these are not time-ordered like Rapport's). */
  static UUID[] ids(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    UUID[] ids = new UUID[n];
    for (int i = 0; i < n; i++) {
      ids[i] = new UUID(r.nextLong(), r.nextLong());
    }
    return ids;
  }

  private static BigDecimal column(long cents) {
    return BigDecimal.valueOf(cents, 2).setScale(4);
  }

  /** The invoices, or the credit notes, with the sums of their lines and their balances. */
  private static void insertSales(Connection c, String tenant, SalesData data, UUID[] ids, Balance[] balances,
      boolean creditNotes) throws SQLException {
    LocalDateTime recorded = LocalDateTime.ofInstant(SalesData.CLOCK.instant(), ZoneOffset.UTC);
    try (PreparedStatement sale = c.prepareStatement("insert into crm_sale (id, tenant_id, version, reference,"
        + " account_id, corrects, issue_day, due_day, currency, total, cost, costed_amount, costed_lines,"
        + " due_amount, paid, settled_day, recorded_at, updated_at)"
        + " values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (int i = 0; i < data.sales.length; i++) {
        Sale s = data.sales[i];
        if (s.creditNote() != creditNotes) {
          continue;
        }
        long cost = 0;
        long costedAmount = 0;
        int costedLines = 0;
        for (int l = 0; l < s.products().length; l++) {
          long unitCost = data.productCosts[s.products()[l]];
          if (unitCost >= 0) {
            cost += s.quantities()[l] * unitCost;
            costedAmount += s.amounts()[l];
            costedLines++;
          }
        }
        Balance b = balances[i];
        sale.setObject(1, ids[i]);
        sale.setString(2, tenant);
        sale.setString(3, s.reference());
        sale.setObject(4, data.accountIds[s.account()]);
        sale.setString(5, s.creditNote() ? data.sales[s.corrects()].reference() : null);
        sale.setInt(6, s.issued());
        sale.setInt(7, s.due());
        sale.setString(8, SalesData.CURRENCY);
        sale.setBigDecimal(9, column(s.total()));
        sale.setBigDecimal(10, column(cost));
        sale.setBigDecimal(11, column(costedAmount));
        sale.setInt(12, costedLines);
        sale.setBigDecimal(13, b.due().setScale(4));
        sale.setBigDecimal(14, b.paid().setScale(4));
        if (b.settledOn().isPresent()) {
          sale.setInt(15, (int) b.settledOn().get().toEpochDay());
        } else {
          sale.setNull(15, Types.INTEGER);
        }
        sale.setObject(16, recorded);
        sale.setObject(17, recorded);
        sale.addBatch();
        if (++n % BATCH == 0) {
          sale.executeBatch();
        }
      }
      sale.executeBatch();
    }
  }

  /** Every sale's lines; a line's cost is quantity times unit cost (whole quantities: exact). */
  private static void insertLines(Connection c, String tenant, SalesData data, UUID[] ids) throws SQLException {
    try (PreparedStatement line = c.prepareStatement("insert into crm_sale_line (tenant_id, sale_id, line_no,"
        + " product_code, description, quantity, unit_price, amount, unit_cost, cost)"
        + " values (?, ?, ?, ?, null, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (int i = 0; i < data.sales.length; i++) {
        Sale s = data.sales[i];
        for (int l = 0; l < s.products().length; l++) {
          long unitCost = data.productCosts[s.products()[l]];
          line.setString(1, tenant);
          line.setObject(2, ids[i]);
          line.setInt(3, l);
          line.setString(4, data.productCodes[s.products()[l]]);
          line.setBigDecimal(5, BigDecimal.valueOf(s.quantities()[l]).setScale(6));
          line.setBigDecimal(6, column(s.unitPrices()[l]));
          line.setBigDecimal(7, column(s.amounts()[l]));
          if (unitCost >= 0) {
            line.setBigDecimal(8, column(unitCost));
            line.setBigDecimal(9, column(s.quantities()[l] * unitCost));
          } else {
            line.setNull(8, Types.NUMERIC);
            line.setNull(9, Types.NUMERIC);
          }
          line.addBatch();
          if (++n % BATCH == 0) {
            line.executeBatch();
          }
        }
      }
      line.executeBatch();
    }
  }

  /**
   * Every sale's balance as the service leaves it: an invoice's from its credit notes and
   * allocations ({@link SalesFigures#balance}), a credit note's that of a sale without movements.
   */
  static Balance[] balances(SalesData data) {
    List<List<Movement>> movements = new ArrayList<>(data.sales.length);
    for (int i = 0; i < data.sales.length; i++) {
      movements.add(new ArrayList<>(2));
    }
    for (Sale s : data.sales) {
      if (s.creditNote()) {
        movements.get(s.corrects()).add(new Movement(SalesData.day(s.issued()), SalesData.money(-s.total()), true,
            s.reference()));
      }
    }
    for (Pay p : data.payments) {
      for (int k = 0; k < p.sales().length; k++) {
        movements.get(p.sales()[k]).add(new Movement(SalesData.day(p.day()), SalesData.money(p.amounts()[k]), false,
            p.reference()));
      }
    }
    Balance[] balances = new Balance[data.sales.length];
    for (int i = 0; i < data.sales.length; i++) {
      Sale s = data.sales[i];
      balances[i] = SalesFigures.balance(SalesData.money(s.total()), SalesData.day(s.issued()),
          s.creditNote() ? List.of() : movements.get(i));
    }
    return balances;
  }

  private static void insertPayments(Connection c, String tenant, SalesData data, UUID[] ids) throws SQLException {
    LocalDateTime recorded = LocalDateTime.ofInstant(SalesData.CLOCK.instant(), ZoneOffset.UTC);
    try (PreparedStatement payment = c.prepareStatement("insert into crm_payment (id, tenant_id, version,"
        + " reference, account_id, currency, amount, paid_day, unapplied, recorded_at)"
        + " values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < data.payments.length; i++) {
        Pay p = data.payments[i];
        long unapplied = p.amount();
        for (long allocated : p.amounts()) {
          unapplied -= allocated;
        }
        payment.setObject(1, ids[i]);
        payment.setString(2, tenant);
        payment.setString(3, p.reference());
        payment.setObject(4, data.accountIds[p.account()]);
        payment.setString(5, SalesData.CURRENCY);
        payment.setBigDecimal(6, column(p.amount()));
        payment.setInt(7, p.day());
        payment.setBigDecimal(8, column(unapplied));
        payment.setObject(9, recorded);
        payment.addBatch();
        if (i % BATCH == BATCH - 1) {
          payment.executeBatch();
        }
      }
      payment.executeBatch();
    }
  }

  private static void insertAllocations(Connection c, String tenant, SalesData data, UUID[] ids) throws SQLException {
    try (PreparedStatement allocation = c.prepareStatement("insert into crm_payment_allocation (tenant_id,"
        + " payment_id, line_no, sale_reference, amount) values (?, ?, ?, ?, ?)")) {
      int n = 0;
      for (int i = 0; i < data.payments.length; i++) {
        Pay p = data.payments[i];
        for (int k = 0; k < p.sales().length; k++) {
          allocation.setString(1, tenant);
          allocation.setObject(2, ids[i]);
          allocation.setInt(3, k);
          allocation.setString(4, data.sales[p.sales()[k]].reference());
          allocation.setBigDecimal(5, column(p.amounts()[k]));
          allocation.addBatch();
          if (++n % BATCH == 0) {
            allocation.executeBatch();
          }
        }
      }
      allocation.executeBatch();
    }
  }

  // ---------------------------------------------------------------- the hand-written SQL

  /** The account's purchase days, purchases, total and rhythm over its sales. */
  static final String SUMMARY_OVERALL = """
      with sales as (
        select issue_day, total, corrects from crm_sale where tenant_id = ? and account_id = ?
      ), days as (
        select distinct issue_day as day from sales where corrects is null
      ), gaps as (
        select day - lag(day) over (order by day) as gap from days
      )
      select (select min(day) from days), (select max(day) from days),
             (select count(*) from sales where corrects is null), (select sum(total) from sales),
             (select percentile_cont(0.5) within group (order by gap) from gaps where gap is not null)
      """;

  /** The same per product, from the lines of the account's sales; products bought at least once. */
  static final String SUMMARY_PRODUCTS = """
      with lines as (
        select l.product_code, s.id as sale_id, s.issue_day, s.corrects, l.amount
        from crm_sale s join crm_sale_line l on l.tenant_id = s.tenant_id and l.sale_id = s.id
        where s.tenant_id = ? and s.account_id = ?
      ), days as (
        select distinct product_code, issue_day as day from lines where corrects is null
      ), rhythm as (
        select product_code, min(day) as first, max(day) as last,
               percentile_cont(0.5) within group (order by gap) as median
        from (select product_code, day, day - lag(day) over (partition by product_code order by day) as gap
              from days) g
        group by product_code
      ), totals as (
        select product_code, sum(amount) as total,
               count(distinct sale_id) filter (where corrects is null) as purchases
        from lines group by product_code
      )
      select t.product_code, r.first, r.last, t.purchases, t.total, r.median
      from totals t join rhythm r on r.product_code = t.product_code
      order by t.total desc, t.product_code collate "C"
      """;

  static SalesLoops.Summary summary(DataSource dataSource, SalesData data, Map<String, Integer> products, int account,
      int today) throws SQLException {
    UUID id = data.accountIds[account];
    try (Connection c = dataSource.getConnection()) {
      SalesLoops.History overall = null;
      try (PreparedStatement ps = c.prepareStatement(SUMMARY_OVERALL)) {
        ps.setString(1, SalesBenchmarks.TENANT);
        ps.setObject(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getObject(1) != null) {
            overall = history(-1, rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4), rs.getObject(5), today);
          }
        }
      }
      List<SalesLoops.History> perProduct = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(SUMMARY_PRODUCTS)) {
        ps.setString(1, SalesBenchmarks.TENANT);
        ps.setObject(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            perProduct.add(history(products.get(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getLong(4),
                rs.getBigDecimal(5), rs.getObject(6), today));
          }
        }
      }
      return new SalesLoops.Summary(account, overall, perProduct);
    }
  }

  private static SalesLoops.History history(int product, int first, int last, long purchases, BigDecimal total,
      Object median, int today) {
    long cents = total.movePointRight(2).longValueExact();
    double m = median == null ? Double.NaN : ((Number) median).doubleValue();
    return new SalesLoops.History(product, first, last, purchases, cents, SalesLoops.halfEven(cents, purchases), m,
        today - last, median == null ? Integer.MIN_VALUE : last + (int) Math.round(m));
  }

  /**
   * Every late payer's record from the raw credit notes and allocations: parameters tenant (4
   * times), today (as an epoch day) where {@code :today} is written.
   */
  static final String LATE_PAYERS = """
      with invoices as (
        select reference, account_id, issue_day, due_day, total from crm_sale
        where tenant_id = ? and corrects is null
      ), allocations as (
        select a.sale_reference, a.amount, p.paid_day, p.account_id
        from crm_payment_allocation a join crm_payment p on p.tenant_id = a.tenant_id and p.id = a.payment_id
        where a.tenant_id = ?
      ), movements as (
        select corrects as invoice, issue_day as day, -total as credited, 0 as paid
        from crm_sale where tenant_id = ? and corrects is not null
        union all
        select sale_reference, paid_day, 0, amount from allocations
      ), daily as (
        select invoice, day, sum(credited) as credited, sum(paid) as paid from movements group by invoice, day
      ), running as (
        select invoice, day, credited, paid,
               sum(credited + paid) over (partition by invoice order by day) as covered
        from daily
      ), balances as (
        select i.account_id, i.due_day, i.total - coalesce(sum(r.credited), 0) - coalesce(sum(r.paid), 0) as open,
               case when i.total <= 0 then i.issue_day else min(r.day) filter (where r.covered >= i.total) end as settled
        from invoices i left join running r on r.invoice = i.reference
        group by i.reference, i.account_id, i.issue_day, i.due_day, i.total
      ), judged as (
        select account_id, open, settled, due_day,
               case when settled is not null then settled - due_day
                    when :today - due_day > 0 then :today - due_day end as late
        from balances
      ), records as (
        select account_id,
               count(*) filter (where settled is not null and late <= 0) as on_time,
               count(*) filter (where settled is not null and late > 0) as paid_late,
               count(*) filter (where settled is null and late > 0) as open_late,
               coalesce(sum(late) filter (where late > 0), 0) as days_late,
               coalesce(max(late) filter (where late > 0), 0) as worst,
               coalesce(sum(open) filter (where settled is null), 0) as outstanding,
               coalesce(sum(open) filter (where settled is null and due_day < :today), 0) as overdue,
               coalesce(sum(-open) filter (where open < 0), 0) as over_paid
        from judged group by account_id
      ), unallocated as (
        select account_id, sum(amount) as unallocated
        from (select account_id, amount from crm_payment where tenant_id = ?
              union all
              select account_id, -amount from allocations) x
        group by account_id
      ), classed as (
        select r.*, coalesce(u.unallocated, 0) + r.over_paid as unapplied,
               case when r.worst >= 90 or (r.paid_late + r.open_late >= 3
                         and (r.paid_late + r.open_late) * 100 >= 50 * (r.on_time + r.paid_late + r.open_late)) then 2
                    else 1 end as payer_class
        from records r left join unallocated u on u.account_id = r.account_id
        where r.paid_late + r.open_late > 0
      )
      select account_id, on_time, paid_late, open_late, days_late, worst, outstanding, overdue, unapplied, payer_class
      from classed
      order by payer_class desc, overdue desc, worst desc, account_id
      """;

  static List<SalesLoops.Late> latePayers(DataSource dataSource, Map<UUID, Integer> accounts, int today)
      throws SQLException {
    String sql = LATE_PAYERS.replace(":today", "(" + today + ")");
    List<SalesLoops.Late> late = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 1; i <= 4; i++) {
        ps.setString(i, SalesBenchmarks.TENANT);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long paidLate = rs.getLong(3);
          long openLate = rs.getLong(4);
          late.add(new SalesLoops.Late(accounts.get(rs.getObject(1, UUID.class)), rs.getLong(2), paidLate, openLate,
              (double) rs.getLong(5) / (paidLate + openLate), rs.getLong(6), cents(rs.getBigDecimal(7)),
              cents(rs.getBigDecimal(8)), cents(rs.getBigDecimal(9)), rs.getInt(10)));
        }
      }
    }
    return late;
  }

  private static long cents(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }

  /** The index of each account id, and of each product code. */
  static Map<UUID, Integer> accountIndex(SalesData data) {
    Map<UUID, Integer> index = new HashMap<>();
    for (int a = 0; a < data.accounts; a++) {
      index.put(data.accountIds[a], a);
    }
    return index;
  }

  static Map<String, Integer> productIndex(SalesData data) {
    Map<String, Integer> index = new HashMap<>();
    List<String> codes = Arrays.asList(data.productCodes);
    for (int p = 0; p < codes.size(); p++) {
      index.put(codes.get(p), p);
    }
    return index;
  }
}
