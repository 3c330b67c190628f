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
 * <p>The figures the answers are computed from are another port, {@link SalesReports}; an
 * invoice's balance kept here ({@link #saveBalance}) is what its credit figures read.
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
   * compare by value, not scale. An adapter that computes {@link SalesReports#credit} from the sales and
   * payments themselves still keeps something per invoice to detect such races.
   */
  void saveBalance(String invoiceReference, Optional<Balance> expected, Balance balance);

  /**
   * Deletes a sale with its lines and, for an invoice, its balance. The core deletes an invoice
   * only without credit notes or payments, and rebalances the invoice of a deleted credit note.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  void delete(Sale sale);

  /**
   * Deletes a payment with its allocations (the core rebalances the invoices it paid).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  void deletePayment(Payment payment);

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

}
