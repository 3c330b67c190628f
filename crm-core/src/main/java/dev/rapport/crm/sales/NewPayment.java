package dev.rapport.crm.sales;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a payment says: an account paid an amount on a day, settling some of its invoices in part
 * or in full. What the allocations leave over is an over-payment: money the account has paid
 * beyond its invoices (shown in {@link CreditHistory#unapplied()}). As {@link NewSale}, the same
 * value is recorded in Rapport or returned by a host's {@link SalesLedger}.
 *
 * @param reference the host's reference, unique among the tenant's payments, up to {@value
 *     Limits#TEXT} characters
 * @param accountId the account that paid
 * @param amount what was paid: more than zero
 * @param paidOn the day it was paid
 * @param allocations what it settles: up to {@value Limits#PAYMENT_ALLOCATIONS} invoices, each
 *     at most once, in the payment's currency, together at most the amount
 */
public record NewPayment(String reference, AccountId accountId, Money amount, LocalDate paidOn,
    List<Allocation> allocations) {

  /**
   * @throws ValidationException if a part is null, the reference blank, too long or not storable,
   *     the amount not positive, the day out of range, an allocation in another currency or naming
   *     an invoice twice, or the allocations more than the amount
   */
  public NewPayment {
    reference = Check.text(reference, "reference", Limits.TEXT);
    Check.notNull(accountId, "accountId");
    Check.notNull(amount, "amount");
    if (amount.amount().signum() <= 0) {
      throw new ValidationException("amount", "must be more than zero");
    }
    Check.date(paidOn, "paidOn");
    allocations = List.copyOf(Check.size(allocations, "allocations", Limits.PAYMENT_ALLOCATIONS));
    BigDecimal sum = BigDecimal.ZERO;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < allocations.size(); i++) {
      Allocation a = allocations.get(i);
      if (!a.amount().currency().equals(amount.currency())) {
        throw new ValidationException("allocations[" + i + "].amount", "must be in the payment's currency "
            + amount.currency() + ", not " + a.amount().currency());
      }
      if (!seen.add(a.saleReference())) {
        throw new ValidationException("allocations[" + i + "].saleReference", "must name each sale once ("
            + a.saleReference() + " is named before)");
      }
      sum = sum.add(a.amount().amount());
    }
    if (sum.compareTo(amount.amount()) > 0) {
      throw new ValidationException("allocations", "must add up to at most the amount paid (" + amount + "), not "
          + sum.toPlainString());
    }
  }

  /**
   * A payment of {@code amount} settling the given invoices: {@code settles("INV-1", "100.00",
   * "INV-2", "20.00")} puts 100.00 on INV-1 and 20.00 on INV-2, in the payment's currency.
   *
   * @throws ValidationException as the canonical constructor, if the references and amounts do not
   *     come in pairs, or an amount is not a number (its field a path such as
   *     {@code allocations[1].amount})
   */
  public static NewPayment of(String reference, AccountId account, Money amount, LocalDate paidOn,
      String... settles) {
    Check.notNull(amount, "amount");
    Check.notNull(settles, "allocations");
    if (settles.length % 2 != 0) {
      throw new ValidationException("allocations", "must come as pairs of sale reference and amount");
    }
    if (settles.length / 2 > Limits.PAYMENT_ALLOCATIONS) {
      throw new ValidationException("allocations", "must hold at most " + Limits.PAYMENT_ALLOCATIONS + " elements");
    }
    List<Allocation> list = new ArrayList<>();
    for (int i = 0; i < settles.length; i += 2) {
      String ref = settles[i];
      String paid = settles[i + 1];
      list.add(Check.element("allocations", i / 2, () -> new Allocation(ref,
          Money.of(Check.notNull(paid, "amount"), amount.currency().getCurrencyCode()))));
    }
    return new NewPayment(reference, account, amount, paidOn, list);
  }

  /** What the allocations leave over. */
  public Money unapplied() {
    BigDecimal left = amount.amount();
    for (Allocation a : allocations) {
      left = left.subtract(a.amount().amount());
    }
    return new Money(left, amount.currency());
  }
}
