package dev.rapport.crm.sales;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.common.Recorded;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.internal.context.CrmContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales and payment history: what each account bought and when (purchase frequency, repurchase
 * reminders, best customers) and how it pays (late payers). Reached through {@code crm.sales()}.
 * Thread-safe.
 *
 * <h2>Two sources, one set of answers</h2>
 * By default Rapport stores sales and payments itself: the host records them with {@link #record},
 * {@link #update} and {@link #recordPayment} (idempotent by the host's reference: sending the same
 * invoice twice stores it once). A host that keeps invoices and payments in its own ledger instead
 * gives {@code Crm.builder().salesLedger(...)} a {@link SalesLedger}; then nothing is copied, the
 * recording methods are refused, and every answer is computed from the ledger, by the same
 * definitions (the contract suite checks both sources with the same data). A tenant-wide answer
 * read from a ledger is checked against the tenant's own accounts: an item of an account the
 * tenant does not have (a ledger that ignores the tenant it is asked about) ends the answer with a
 * {@link dev.rapport.crm.exception.StoreException}, and nothing is stored.
 *
 * <h2>Money</h2>
 * Amounts keep their currency. Totals are in the reporting currency ({@code
 * Crm.builder().reportingCurrency(...)}, default EUR) through the host's {@link ExchangeRates};
 * where a rate is missing the answer fails with {@link MissingExchangeRateException} naming the
 * pair and the day. "Today" is the day of the {@code Crm}'s clock in the clock's zone.
 */
public final class SalesService {
  private final SalesRecords records;
  private final SalesInsights insights;

  /** Internal: obtain the service from {@code Crm.sales()}. */
  SalesService(CrmContext ctx) {
    this.records = new SalesRecords(ctx);
    this.insights = new SalesInsights(ctx);
  }

  /**
   * Records a sale or credit note. Recording the same content under a reference already recorded
   * returns the stored sale marked as a {@linkplain Recorded#repeat() repeat} and changes nothing
   * (no event): a host that re-sends after a timeout can tell the two apart. Other content under
   * that reference is refused: change a sale with {@link #update}. Raises {@link SaleRecorded}.
   *
   * @throws ValidationException if the sale is null; if sales are read from a host's ledger
   *     (field {@code salesLedger}); for a credit note, if it corrects a credit note, a sale of
   *     another account or currency, is issued before the invoice it corrects (field {@code
   *     issuedOn}), or credits more than is still due on the invoice after its other credit notes
   *     (field {@code total})
   * @throws NotFoundException if the account, or the invoice a credit note corrects, does not exist
   * @throws DuplicateException if the reference is recorded with other content
   * @throws ConcurrentUpdateException if a credit note's invoice was paid or credited at the same time
   */
  public Recorded<Sale> record(NewSale sale) {
    return records.record(sale);
  }

  /**
   * Changes what a recorded sale says: a host that corrects an invoice sends the new content with
   * the version it last read. Same content: nothing changes. Raises {@link SaleRecorded} with the
   * new version.
   *
   * @throws ValidationException if an argument is null, the version below 1, the content's
   *     reference not {@code reference}, the account or the corrected invoice changed, an invoice's
   *     total below what its credit notes credit, lowered below what its credit notes and payments
   *     cover together (field {@code total}: to give back what is paid, record a credit note), its
   *     issue day after a credit note's issue day or a payment's day (field {@code issuedOn}) or its
   *     currency changed while credit notes or payments refer to it, a credit note crediting more
   *     than is due or issued before its invoice; or if sales are read from a host's ledger
   * @throws NotFoundException if no sale has the reference
   * @throws ConcurrentUpdateException if the sale is no longer at {@code version}
   */
  public Sale update(String given, long version, NewSale sale) {
    return records.update(given, version, sale);
  }

  /**
   * Records a payment. Recording the same content under a reference already recorded returns the
   * stored payment marked as a {@linkplain Recorded#repeat() repeat} and changes nothing; other
   * content under it is refused. Raises {@link PaymentRecorded}.
   *
   * @throws ValidationException if the payment is null; if it is dated after today or before the
   *     issue day of an invoice it pays (field {@code paidOn}); if an allocation names a credit
   *     note, a sale of another account or in another currency than the payment, or pays more than
   *     is outstanding on its invoice (field {@code allocations}); or if sales are read from a
   *     host's ledger
   * @throws NotFoundException if the account or an allocated sale does not exist
   * @throws DuplicateException if the reference is recorded with other content
   * @throws ConcurrentUpdateException if another payment or credit note of an invoice it pays was
   *     recorded at the same time (nothing is stored; read again and retry)
   */
  public Recorded<Payment> recordPayment(NewPayment payment) {
    return records.recordPayment(payment);
  }

  /**
   * Deletes a sale recorded by mistake, read at {@code version}: an invoice without credit notes
   * or payments (refused naming how many of each: delete those first), or a credit note, whose
   * invoice is then due again by its amount. Its lines and balance go with it; the reports and
   * credit figures no longer count it. Raises {@link SaleDeleted}.
   *
   * @return the event
   * @throws ValidationException if the reference is null, blank or too long, the version below 1,
   *     or sales are read from a host's ledger (field {@code salesLedger}: they are the ledger's to delete)
   * @throws NotFoundException if no sale has the reference
   * @throws dev.rapport.crm.exception.IllegalTransitionException if credit notes or payments name the invoice
   * @throws ConcurrentUpdateException if the sale is no longer at {@code version}, or its invoice's
   *     balance changed at the same time
   */
  public SaleDeleted deleteSale(String reference, long version) {
    return records.deleteSale(reference, version);
  }

  /**
   * Deletes a payment recorded by mistake, read at {@code version}, with its allocations: the
   * invoices it paid are due again by what it paid. Raises {@link PaymentDeleted}.
   *
   * @return the event
   * @throws ValidationException if the reference is null, blank or too long, the version below 1,
   *     or sales are read from a host's ledger (field {@code salesLedger})
   * @throws NotFoundException if no payment has the reference
   * @throws ConcurrentUpdateException if the payment is no longer at {@code version}, or an invoice
   *     it paid changed at the same time
   */
  public PaymentDeleted deletePayment(String reference, long version) {
    return records.deletePayment(reference, version);
  }

  /**
   * The sale (invoice or credit note) with this reference, from Rapport's store.
   *
   * @throws ValidationException if the reference is null, blank, too long or not storable, or
   *     sales are read from a host's ledger
   * @throws NotFoundException if no sale has it
   */
  public Sale get(String given) {
    return records.get(given);
  }

  /**
   * The payment with this reference, from Rapport's store.
   *
   * @throws ValidationException if the reference is null, blank, too long or not storable, or
   *     sales are read from a host's ledger
   * @throws NotFoundException if no payment has it
   */
  public Payment getPayment(String given) {
    return records.getPayment(given);
  }

  /**
   * A page of the account's sales and credit notes in Rapport's store, in the order they were recorded.
   *
   * @throws ValidationException if an argument is null, or sales are read from a host's ledger
   */
  public Page<Sale> byAccount(AccountId account, PageRequest page) {
    return records.byAccount(account, page);
  }

  /**
   * A page of the account's payments in Rapport's store, in the order they were recorded.
   *
   * @throws ValidationException if an argument is null, or sales are read from a host's ledger
   */
  public Page<Payment> paymentsByAccount(AccountId account, PageRequest page) {
    return records.paymentsByAccount(account, page);
  }

  /**
   * Where an invoice stands today: due, paid, outstanding, overdue, days late. With a host's
   * ledger, the tenant's sales and payments are read to find it.
   *
   * @throws ValidationException if the reference is null, blank, too long or not storable, or
   *     names a credit note
   * @throws NotFoundException if no sale has it
   */
  public SaleStatus status(String given) {
    return insights.status(given);
  }

  /**
   * How the account buys, overall and per product, as of today: first and last purchase, number
   * of purchases, total and average order value, rhythm (median days between purchases), days
   * since the last one and the expected next purchase. See {@link PurchaseHistory} for the
   * definitions.
   *
   * @throws ValidationException if the account is null
   * @throws NotFoundException if the account does not exist
   * @throws MissingExchangeRateException if an amount in another currency has no rate on its day
   */
  public CustomerSummary summary(AccountId account) {
    return insights.summary(account);
  }

  /**
   * The accounts, and the products of each account, due to buy again by their own rhythm within
   * {@code withinDays} of today, or overdue against it (negative {@link RepurchaseReminder#dueInDays()}),
   * soonest first (ties: by account id, the account as a whole before its products, then by
   * product code). Needs two purchase days or more. A host lists them daily and may turn each into
   * a task with {@link #remind}.
   *
   * @throws ValidationException if {@code withinDays} is not 0 to 3,660
   */
  public List<RepurchaseReminder> reminders(int withinDays) {
    return insights.reminders(withinDays);
  }

  /**
   * Turns a reminder into a task for the account's owner (unassigned if it has none), linked to
   * the account, due at the start of the expected day in the clock's zone (now if that is past).
   *
   * @throws ValidationException if the reminder is null (a reminder checks its own parts when it
   *     is built)
   * @throws NotFoundException if its account does not exist
   */
  public Task remind(RepurchaseReminder reminder) {
    return insights.remind(reminder);
  }

  /**
   * How the account pays, as of today: invoices on time and late, mean and worst days late,
   * outstanding and overdue amounts, and its payer class by the {@link PayerPolicy} of the {@code Crm}.
   *
   * @throws ValidationException if the account is null
   * @throws NotFoundException if the account does not exist
   * @throws MissingExchangeRateException if an amount in another currency has no rate today
   */
  public CreditHistory creditHistory(AccountId account) {
    return insights.creditHistory(account);
  }

  /**
   * The accounts that are not {@link PayerClass#ON_TIME} as of today: chronically late first, then
   * by overdue amount, worst days late and account.
   *
   * @throws MissingExchangeRateException if an amount in another currency has no rate today
   */
  public List<CreditHistory> latePayers() {
    return insights.latePayers();
  }

  /**
   * Classes every account as a payer as of today and raises {@link PayerClassChanged} for each
   * whose class differs from the one it was last given (an account never classed counts as
   * {@link PayerClass#ON_TIME}). The host schedules it (daily, say): classes also change as
   * invoices fall due, without any command. Works with either source; the classes are kept in
   * Rapport's store.
   *
   * @return the changes, one per account whose class changed
   */
  public List<PayerClassChanged> refreshPayerClasses() {
    return insights.refreshPayerClasses();
  }

  /**
   * The best customers of {@code [from, to]} (sales issued on those days, both included): the
   * {@code limit} accounts with the largest revenue, most purchases or largest margin; ties by
   * account id. An account with only credit notes in the period is ranked too (0 purchases,
   * negative revenue).
   *
   * @throws ValidationException if an argument is null, a day out of range, {@code to} before
   *     {@code from}, or {@code limit} not 1 to 1,000
   * @throws MissingExchangeRateException if an amount in another currency has no rate on its day
   */
  public List<CustomerRank> bestCustomers(LocalDate from, LocalDate to, CustomerRank.By by, int limit) {
    return insights.bestCustomers(from, to, by, limit);
  }

}
