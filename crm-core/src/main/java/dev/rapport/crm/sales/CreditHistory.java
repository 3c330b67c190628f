package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * How an account pays its invoices, as of a day: see {@link PayerPolicy} for when an invoice is
 * late and for the classes. Amounts are in the reporting currency, converted at the as-of day's rate.
 *
 * @param accountId the account
 * @param asOf the day it is judged on
 * @param onTime invoices settled on time
 * @param paidLate invoices settled late
 * @param openLate invoices still open and late
 * @param meanDaysLate the mean days late of the late invoices (settled and open), if any
 * @param worstDaysLate the most days late of one invoice (0 if none)
 * @param outstanding what is due and unpaid on open invoices
 * @param overdue the part of it past due
 * @param unapplied what the account paid that no invoice of its is due to take: what payments'
 *     allocations leave over, and what an invoice was paid beyond what is due after its credit
 *     notes (paid in full, then credited)
 * @param payerClass the class these figures give
 */
public record CreditHistory(AccountId accountId, LocalDate asOf, long onTime, long paidLate, long openLate,
    OptionalDouble meanDaysLate, long worstDaysLate, Money outstanding, Money overdue, Money unapplied,
    PayerClass payerClass) {

  /** Invoices judged: settled, or open and late. */
  public long judged() {
    return onTime + paidLate + openLate;
  }
}
