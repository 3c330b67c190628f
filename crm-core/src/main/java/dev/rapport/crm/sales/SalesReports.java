package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.UnitOfWork;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sales figures of one tenant, inside one {@link UnitOfWork}: the reporting queries the
 * answers of {@link SalesService} are computed from, apart from the records and balances of
 * {@link SalesRepository}. {@link SalesFigures} computes them from sales and payments in memory
 * and is their reference definition. A durable adapter computes them in the database, in a number
 * of statements that does not grow with the data; rows come in any order.
 */
public interface SalesReports {

  /**
   * Purchases per account, day and currency: with {@code byProduct} also per product code (from
   * the lines), else per whole sale. {@code account} empty means every account of the tenant.
   */
  List<PurchaseRow> purchases(Optional<AccountId> account, boolean byProduct);

  /**
   * Sales issued in {@code [from, to]} (both days included) per account and currency, and per day
   * where the currency is not {@code reporting} (so each is converted at the rate of its day);
   * rows in {@code reporting} may sum every day of the period and carry {@code from} as their day.
   */
  List<PurchaseRow> revenue(LocalDate from, LocalDate to, Currency reporting);

  /**
   * The payment record of each account (or of one) per currency as of {@code asOf}: see {@link
   * CreditRow} for the definitions, with an invoice late when it is settled more than {@code
   * graceDays} after its due day, or still open on {@code asOf} more than {@code graceDays} after it.
   */
  List<CreditRow> credit(Optional<AccountId> account, LocalDate asOf, int graceDays);

  /**
   * The RFM figures of the sales issued in {@code [from, to]} (both days included), per account
   * and currency: the last day an invoice (not a credit note) was issued, how many invoices were
   * issued, and the sum of the totals of the invoices and credit notes (credit notes are negative).
   * An account and currency with only credit notes in the period has a row with no last purchase
   * and 0 purchases. {@link SalesFigures#rfm} is the reference.
   */
  List<RfmRow> rfm(LocalDate from, LocalDate to);

  /**
   * Sales of one account (and product) on one day in one currency.
   *
   * @param accountId the account
   * @param productCode the product (rows per product), or empty (rows per whole sale)
   * @param day the issue day
   * @param currency the currency
   * @param purchases the invoices (not credit notes) issued that day (that hold the product)
   * @param amount the sum of the totals of the invoices and credit notes (of the product's lines)
   * @param cost the sum of the costs of the lines that carry one
   * @param costedAmount the sum of the amounts of the lines that carry a cost
   * @param costedLines how many lines carry a cost
   */
  record PurchaseRow(AccountId accountId, Optional<String> productCode, LocalDate day, Currency currency,
      long purchases, BigDecimal amount, BigDecimal cost, BigDecimal costedAmount, long costedLines) {
    public PurchaseRow {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(productCode, "productCode");
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(cost, "cost");
      Objects.requireNonNull(costedAmount, "costedAmount");
    }
  }

  /**
   * The RFM figures of one account in one currency over a period: see {@link #rfm}.
   *
   * @param accountId the account
   * @param currency the currency
   * @param lastPurchase the last issue day of an invoice in the period, if any
   * @param purchases the invoices issued in the period
   * @param amount the sum of the totals of its invoices and credit notes in the period
   */
  record RfmRow(AccountId accountId, Currency currency, Optional<LocalDate> lastPurchase, long purchases,
      BigDecimal amount) {
    public RfmRow {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(lastPurchase, "lastPurchase");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * The payment record of one account in one currency, over its invoices (credit notes count only
   * through what they take off their invoice).
   *
   * @param accountId the account
   * @param currency the currency
   * @param onTime invoices settled no more than the grace days after their due day
   * @param paidLate invoices settled later than that
   * @param openLate invoices still open more than the grace days after their due day
   * @param daysLate the sum of the days late of the late ones (settled or as-of day less due day)
   * @param worstDaysLate the most days late of one of them (0 if none)
   * @param outstanding what is due and not paid on open invoices
   * @param overdue the part of {@code outstanding} on invoices past their due day (grace or not)
   * @param unapplied what the account paid beyond its invoices: payments not allocated, and what
   *     allocations paid beyond what was due after credit notes
   */
  record CreditRow(AccountId accountId, Currency currency, long onTime, long paidLate, long openLate,
      long daysLate, long worstDaysLate, BigDecimal outstanding, BigDecimal overdue, BigDecimal unapplied) {
    public CreditRow {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(outstanding, "outstanding");
      Objects.requireNonNull(overdue, "overdue");
      Objects.requireNonNull(unapplied, "unapplied");
    }
  }
}
