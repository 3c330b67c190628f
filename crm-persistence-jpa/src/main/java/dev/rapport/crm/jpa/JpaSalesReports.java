package dev.rapport.crm.jpa;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.sales.SalesReports.CreditRow;
import dev.rapport.crm.sales.SalesReports.PurchaseRow;
import dev.rapport.crm.sales.SalesReports.RfmRow;
import dev.rapport.crm.sales.SalesReports;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The sales figures of one unit of work: the aggregate JPQL statements behind {@link SalesReports}
 * over {@code crm_sale}, {@code crm_sale_line} and the balances {@link JpaSales} keeps, a fixed
 * number of statements whatever the number of sales (counts in the README). Read only.
 */
final class JpaSalesReports implements SalesReports {
  private final JpaUnitOfWork uow;

  JpaSalesReports(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  private String tenant() {
    return uow.tenant().value();
  }

  /** A purchase row's key: account, product (or null), epoch day, currency code. */
  private record Key(UUID account, String product, int day, String currency) {}

  @Override
  public List<PurchaseRow> purchases(Optional<AccountId> account, boolean byProduct) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    String ofAccount = account.isPresent() ? " and s.accountId = :account" : "";
    if (!byProduct) {
      List<PurchaseRow> rows = new ArrayList<>();
      for (Object[] r : figures("select s.accountId, s.issueDay, s.currency, " + SALE_SUMS
          + " from RapportSale s where s.tenantId = :tenant" + ofAccount
          + " group by s.accountId, s.issueDay, s.currency", account, Map.of())) {
        rows.add(purchaseRow((UUID) r[0], null, JpaSales.day(r[1]), (String) r[2], r, 3));
      }
      return rows;
    }
    String from = " from RapportSaleLine l, RapportSale s where s.tenantId = :tenant" + ofAccount
        + " and l.tenantId = s.tenantId and l.saleId = s.id";
    String groups = " group by s.accountId, l.productCode, s.issueDay, s.currency";
    // the invoices (not credit notes) that hold each product, counted apart: EclipseLink's JPQL
    // has no case inside count(distinct ...)
    Map<Key, Long> invoices = new HashMap<>();
    for (Object[] r : figures("select s.accountId, l.productCode, s.issueDay, s.currency, count(distinct s.id)"
        + from + " and s.corrects is null" + groups, account, Map.of())) {
      invoices.put(new Key((UUID) r[0], (String) r[1], (int) Results.number(r[2]), (String) r[3]), Results.number(r[4]));
    }
    List<PurchaseRow> rows = new ArrayList<>();
    for (Object[] r : figures("select s.accountId, l.productCode, s.issueDay, s.currency, sum(l.amount),"
        + " sum(l.cost), sum(case when l.cost is null then 0 else l.amount end), count(l.cost)" + from + groups,
        account, Map.of())) {
      Key key = new Key((UUID) r[0], (String) r[1], (int) Results.number(r[2]), (String) r[3]);
      Currency currency = Currency.getInstance(key.currency());
      rows.add(new PurchaseRow(AccountId.of(key.account()), Optional.of(key.product()), LocalDate.ofEpochDay(key.day()),
          currency, invoices.getOrDefault(key, 0L), Results.scaled(Results.decimal(r[4]), currency), Results.scaled(Results.decimal(r[5]), currency),
          Results.scaled(Results.decimal(r[6]), currency), Results.number(r[7])));
    }
    return rows;
  }

  /** The sums of whole sales that purchase and revenue rows carry, from column 0 on. */
  private static final String SALE_SUMS = "sum(case when s.corrects is null then 1 else 0 end), sum(s.total),"
      + " sum(s.cost), sum(s.costedAmount), sum(s.costedLines)";

  private static PurchaseRow purchaseRow(UUID account, String product, LocalDate day, String code, Object[] r, int at) {
    Currency currency = Currency.getInstance(code);
    return new PurchaseRow(AccountId.of(account), Optional.ofNullable(product), day, currency,
        Results.number(r[at]), Results.scaled(Results.decimal(r[at + 1]), currency), Results.scaled(Results.decimal(r[at + 2]), currency),
        Results.scaled(Results.decimal(r[at + 3]), currency), Results.number(r[at + 4]));
  }

  @Override
  public List<PurchaseRow> revenue(LocalDate from, LocalDate to, Currency reporting) {
    uow.requireOpen();
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reporting, "reporting");
    Map<String, Object> p = Rows.params("from", JpaSales.epochDay(from), "to", JpaSales.epochDay(to),
        "reporting", reporting.getCurrencyCode());
    String where = " from RapportSale s where s.tenantId = :tenant and s.issueDay >= :from and s.issueDay <= :to";
    List<PurchaseRow> rows = new ArrayList<>();
    // the reporting currency needs no rate: one row per account for the whole period
    for (Object[] r : figures("select s.accountId, s.currency, " + SALE_SUMS + where
        + " and s.currency = :reporting group by s.accountId, s.currency", Optional.empty(), p)) {
      rows.add(purchaseRow((UUID) r[0], null, from, (String) r[1], r, 2));
    }
    // other currencies per day, to be converted at the rate of the day
    for (Object[] r : figures("select s.accountId, s.issueDay, s.currency, " + SALE_SUMS + where
        + " and s.currency <> :reporting group by s.accountId, s.issueDay, s.currency", Optional.empty(), p)) {
      rows.add(purchaseRow((UUID) r[0], null, JpaSales.day(r[1]), (String) r[2], r, 3));
    }
    return rows;
  }

  /** Below every storable epoch day: what the last purchase of a group without invoices is. */
  private static final int NO_DAY = -10_000_000;

  @Override
  public List<RfmRow> rfm(LocalDate from, LocalDate to) {
    uow.requireOpen();
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<RfmRow> rows = new ArrayList<>();
    // one aggregate per account and currency; a literal (not a parameter) for the days of credit
    // notes, which no database has to type inside the select clause
    for (Object[] r : figures("select s.accountId, s.currency,"
        + " max(case when s.corrects is null then s.issueDay else (" + NO_DAY + ") end),"
        + " sum(case when s.corrects is null then 1 else 0 end), sum(s.total)"
        + " from RapportSale s where s.tenantId = :tenant and s.issueDay >= :from and s.issueDay <= :to"
        + " group by s.accountId, s.currency", Optional.empty(),
        Rows.params("from", JpaSales.epochDay(from), "to", JpaSales.epochDay(to)))) {
      Currency currency = Currency.getInstance((String) r[1]);
      int last = (int) Results.number(r[2]);
      rows.add(new RfmRow(AccountId.of((UUID) r[0]), currency,
          last == NO_DAY ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(last)), Results.number(r[3]),
          Results.scaled(Results.decimal(r[4]), currency)));
    }
    return rows;
  }

  @Override
  public List<CreditRow> credit(Optional<AccountId> account, LocalDate asOf, int graceDays) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(asOf, "asOf");
    String ofAccount = account.isPresent() ? " and s.accountId = :account" : "";
    // Integers of our own making, written into the query: a parameter inside a select clause's
    // arithmetic has no type that every database infers.
    long today = JpaSales.epochDay(asOf);
    String grace = "(" + graceDays + ")";
    String settledLate = "s.settledDay is not null and s.settledDay - s.dueDay > " + grace;
    String openLate = "s.settledDay is null and s.dueDay < (" + today + ") and (" + today + ") - s.dueDay > " + grace;
    String daysLate = "case when " + settledLate + " then s.settledDay - s.dueDay when " + openLate
        + " then (" + today + ") - s.dueDay else 0 end";
    Map<List<Object>, long[]> counts = new LinkedHashMap<>();
    Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
    for (Object[] r : figures("select s.accountId, s.currency,"
        + " sum(case when s.settledDay is not null and s.settledDay - s.dueDay <= " + grace + " then 1 else 0 end),"
        + " sum(case when " + settledLate + " then 1 else 0 end),"
        + " sum(case when " + openLate + " then 1 else 0 end),"
        + " sum(" + daysLate + "), max(" + daysLate + "),"
        + " sum(case when s.settledDay is null then s.dueAmount - s.paid else 0 end),"
        + " sum(case when s.settledDay is null and s.dueDay < (" + today + ") then s.dueAmount - s.paid else 0 end),"
        + " sum(case when s.paid > s.dueAmount then s.paid - s.dueAmount else 0 end)"
        + " from RapportSale s where s.tenantId = :tenant and s.corrects is null" + ofAccount
        + " group by s.accountId, s.currency", account, Map.of())) {
      List<Object> key = List.of(r[0], r[1]);
      counts.put(key, new long[] {Results.number(r[2]), Results.number(r[3]), Results.number(r[4]),
          Results.number(r[5]), Math.max(0, Results.number(r[6]))});
      sums.put(key, new BigDecimal[] {Results.decimal(r[7]), Results.decimal(r[8]), Results.decimal(r[9])});
    }
    // what payments left unallocated (alias s, as ofAccount names it)
    for (Object[] r : figures("select s.accountId, s.currency, sum(s.unapplied) from RapportPayment s"
        + " where s.tenantId = :tenant" + ofAccount + " group by s.accountId, s.currency", account, Map.of())) {
      List<Object> key = List.of(r[0], r[1]);
      counts.computeIfAbsent(key, k -> new long[5]);
      sums.merge(key, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, Results.decimal(r[2])},
          (a, b) -> new BigDecimal[] {a[0], a[1], a[2].add(b[2])});
    }
    List<CreditRow> rows = new ArrayList<>(counts.size());
    counts.forEach((key, c) -> {
      Currency currency = Currency.getInstance((String) key.get(1));
      BigDecimal[] s = sums.get(key);
      rows.add(new CreditRow(AccountId.of((UUID) key.get(0)), currency, c[0], c[1], c[2], c[3], c[4],
          Results.scaled(s[0], currency), Results.scaled(s[1], currency), Results.scaled(s[2], currency)));
    });
    return rows;
  }

  /** Runs an aggregate query of the tenant (and of the account, if given, as {@code :account}). */
  private List<Object[]> figures(String jpql, Optional<AccountId> account, Map<String, Object> params) {
    TypedQuery<Object[]> q = uow.em().createQuery(jpql, Object[].class).setParameter("tenant", tenant());
    account.ifPresent(a -> q.setParameter("account", a.value()));
    params.forEach(q::setParameter);
    return q.getResultList();
  }

}
