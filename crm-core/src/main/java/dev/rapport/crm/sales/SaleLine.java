package dev.rapport.crm.sales;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One line of a sale: a quantity of a product at a unit price. The line amount is the quantity
 * times the unit price, rounded half-even to the currency's decimals; a line whose amount says
 * otherwise is refused, so a host's rounding error is caught where it is made. A credit note's lines
 * have negative quantities.
 *
 * <p>An immutable value. Start with {@link #of}.
 *
 * @param productCode the product, e.g. {@code "PAPER-A4"}: up to {@value Limits#CODE} characters,
 *     compared exactly (the host's own codes)
 * @param description what was sold, if told
 * @param quantity how many, not zero, at most {@value Limits#QUANTITY_DECIMALS} decimals and
 *     below 10^9 in absolute value
 * @param unitPrice the price of one unit, not negative
 * @param amount quantity times unit price, rounded half-even to the currency's decimals
 * @param unitCost what one unit cost the seller, if known: the line's margin is counted in
 *     {@link CustomerRank#margin()}
 */
public record SaleLine(String productCode, Optional<String> description, BigDecimal quantity,
    Money unitPrice, Money amount, Optional<Money> unitCost) {

  /**
   * @throws ValidationException if a part is null, the code or description blank, too long or not
   *     storable, the quantity zero or out of range, a price or cost negative, the amount not
   *     quantity times unit price, the cost times the quantity 10^15 or more, or the amounts in
   *     different currencies
   */
  public SaleLine {
    productCode = Check.text(productCode, "productCode", Limits.CODE);
    Check.notNull(description, "description");
    description = description.map(d -> Check.text(d, "description", Limits.TEXT));
    quantity = quantity(quantity);
    Check.notNull(unitPrice, "unitPrice");
    if (unitPrice.isNegative()) {
      throw new ValidationException("unitPrice", "must not be negative");
    }
    Check.notNull(amount, "amount");
    if (!amount.currency().equals(unitPrice.currency())) {
      throw new ValidationException("amount", "must be in the unit price's currency " + unitPrice.currency());
    }
    BigDecimal expected = times(quantity, unitPrice);
    if (amount.amount().compareTo(expected) != 0) {
      throw new ValidationException("amount", "must be quantity times unit price (" + quantity.toPlainString()
          + " x " + unitPrice.amount().toPlainString() + " = " + expected.toPlainString() + "), not "
          + amount.amount().toPlainString());
    }
    Check.notNull(unitCost, "unitCost");
    for (Money c : unitCost.stream().toList()) {
      if (c.isNegative()) {
        throw new ValidationException("unitCost", "must not be negative");
      }
      if (!c.currency().equals(unitPrice.currency())) {
        throw new ValidationException("unitCost", "must be in the unit price's currency " + unitPrice.currency());
      }
      if (times(quantity, c).abs().compareTo(Limits.MAX_AMOUNT) > 0) {
        throw new ValidationException("unitCost", "times the quantity must be less than 10^"
            + Limits.AMOUNT_INTEGER_DIGITS + " in absolute value");
      }
    }
  }

  /**
   * A line of {@code quantity} units at {@code unitPrice}, its amount computed (rounded half-even
   * to the currency's decimals), without description or cost.
   *
   * @throws ValidationException as the canonical constructor, or if the amount is 10^15 or more
   */
  public static SaleLine of(String productCode, BigDecimal quantity, Money unitPrice) {
    Check.notNull(unitPrice, "unitPrice");
    BigDecimal q = quantity(quantity);
    return new SaleLine(productCode, Optional.empty(), q, unitPrice, new Money(times(q, unitPrice),
        unitPrice.currency()), Optional.empty());
  }

  /**
   * This line with a description.
   *
   * @throws ValidationException if blank, too long or not storable
   */
  public SaleLine withDescription(String d) {
    return new SaleLine(productCode, Optional.of(Check.text(d, "description", Limits.TEXT)), quantity,
        unitPrice, amount, unitCost);
  }

  /**
   * This line with what one unit cost.
   *
   * @throws ValidationException if null, negative or in another currency
   */
  public SaleLine withUnitCost(Money cost) {
    return new SaleLine(productCode, description, quantity, unitPrice, amount,
        Optional.of(Check.notNull(cost, "unitCost")));
  }

  /** Quantity times unit cost, rounded as the amount, if the cost is known. */
  public Optional<Money> cost() {
    return unitCost.map(c -> new Money(times(quantity, c), c.currency()));
  }

  private static BigDecimal times(BigDecimal quantity, Money price) {
    return quantity.multiply(price.amount()).setScale(price.amount().scale(), RoundingMode.HALF_EVEN);
  }

  private static BigDecimal quantity(BigDecimal q) {
    Check.notNull(q, "quantity");
    if (q.signum() == 0) {
      throw new ValidationException("quantity", "must not be zero");
    }
    if (q.precision() - q.scale() > Limits.QUANTITY_INTEGER_DIGITS) {
      throw new ValidationException("quantity", "must be below 10^" + Limits.QUANTITY_INTEGER_DIGITS + " in absolute value");
    }
    BigDecimal stripped = q.stripTrailingZeros();
    if (stripped.scale() > Limits.QUANTITY_DECIMALS) {
      throw new ValidationException("quantity", "must have at most " + Limits.QUANTITY_DECIMALS + " decimals");
    }
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
