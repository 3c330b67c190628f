package dev.rapport.crm.sales;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;

/**
 * The part of a payment that settles one sale.
 *
 * @param saleReference the reference of the invoice it pays
 * @param amount how much of the payment goes to it: more than zero
 */
public record Allocation(String saleReference, Money amount) {
  /** @throws ValidationException if a part is null, the reference blank, too long or not storable, or the amount not positive */
  public Allocation {
    saleReference = Check.text(saleReference, "saleReference", Limits.TEXT);
    Check.notNull(amount, "amount");
    if (amount.amount().signum() <= 0) {
      throw new ValidationException("amount", "must be more than zero");
    }
  }
}
