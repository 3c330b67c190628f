package dev.rapport.crm.sales;

import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.SaleId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sales, payments and payer classes of one tenant, inside one {@link UnitOfWork}. Sales and
 * payments are inserted and updated under the same rules as {@link LeadRepository#insert} and
 * {@link LeadRepository#update}; a sale's and a payment's reference is unique in the tenant (a
 * second one is a {@link dev.rapport.crm.exception.DuplicateException}). The core checks every rule of the
 * model before it writes (a credit note or allocation names an existing invoice of the same account
 * and currency), so an adapter stores what it is given.
 *
 * <p>The figures ({@link #purchases}, {@link #revenue}, {@link #credit}, {@link #rfm}) are what the answers of
 * {@link dev.rapport.crm.sales.SalesService} are computed from; {@link SalesFigures} computes them
 * from sales and payments in memory and is their reference definition. A durable adapter computes
 * them in the database, in a number of statements that does not grow with the data; rows come in
 * any order.
 */
public interface SalesRepository {

  /** The sale with this id, or empty. */
  Optional<Sale> find(SaleId id);

  /** The sale (invoice or credit note) with this reference, or empty. */
  Optional<Sale> findByReference(String reference);

  /** The page of the sales of an account (all accounts when empty), in id order. */
  Page<Sale> list(Optional<AccountId> account, PageRequest page);

  /** Stores a new sale (version 0) and returns it with version 1. */
  Sale insert(Sale sale);

  /** Stores a changed sale at the version it was read and returns it with the next version. */
  Sale update(Sale sale);

  /** The payment with this id, or empty. */
  Optional<Payment> findPayment(PaymentId id);

  /** The payment with this reference, or empty. */
  Optional<Payment> findPaymentByReference(String reference);

  /** The page of the payments of an account (all accounts when empty), in id order. */
  Page<Payment> payments(Optional<AccountId> account, PageRequest page);

  /** Stores a new payment (version 0) and returns it with version 1. */
  Payment insertPayment(Payment payment);

  /** What changes what is due on the invoice: its credit notes and the allocations of payments to it, in any order. */
  List<Movement> movements(String invoiceReference);

  /**
   * Keeps the invoice's balance, which the core computes from the invoice and its {@link #movements}
   * whenever one of them changes. {@code expected} is the balance the core computed from what it
   * read before its change (empty when the invoice itself is inserted in this unit of work): if the
   * stored balance is another one, another unit of work changed the invoice's balance meanwhile
   * (two payments of one invoice at once) and the adapter throws {@link
   * dev.rapport.crm.exception.ConcurrentUpdateException} (kind {@code "sale"}), at once or at commit, so
   * that no payment is counted twice or lost and no invoice is paid beyond what is due. Amounts
   * compare by value, not scale. An adapter that computes {@link #credit} from the sales and
   * payments themselves still keeps something per invoice to detect such races.
   */
  void saveBalance(String invoiceReference, Optional<Balance> expected, Balance balance);

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

  /** The payer class each account was last given by {@code refreshPayerClasses()} (absent: never). */
  Map<AccountId, PayerClass> payerClasses();

  /** Keeps the payer classes given (overwriting those of the same accounts). */
  void savePayerClasses(Map<AccountId, PayerClass> classes);

  /**
   * A credit note or a payment's allocation to an invoice.
   *
   * @param day the credit note's issue day or the payment's day
   * @param amount what it takes off what is due: positive
   * @param creditNote whether it is a credit note (else a payment)
   * @param reference the credit note's or the payment's reference
   */
  record Movement(LocalDate day, BigDecimal amount, boolean creditNote, String reference) {
    public Movement {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(reference, "reference");
    }
  }

  /**
   * What is due on an invoice and how much of it is paid.
   *
   * @param due the total less its credit notes
   * @param paid what payments allocated to it
   * @param settledOn the first day on which credit notes and payments up to that day covered the
   *     total, if that day came
   */
  record Balance(BigDecimal due, BigDecimal paid, Optional<LocalDate> settledOn) {
    public Balance {
      Objects.requireNonNull(due, "due");
      Objects.requireNonNull(paid, "paid");
      Objects.requireNonNull(settledOn, "settledOn");
    }
  }

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
