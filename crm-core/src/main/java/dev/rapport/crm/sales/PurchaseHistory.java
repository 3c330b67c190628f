package dev.rapport.crm.sales;

import dev.rapport.crm.common.Money;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How an account buys (everything, or one product): when, how often, how much.
 *
 * <p>A <em>purchase</em> is an invoice (of the product: an invoice with a line of it); credit
 * notes are not purchases but take their amount off the total. A <em>purchase day</em> is a day
 * with at least one purchase. The rhythm is the median of the days between consecutive purchase
 * days; the next purchase is expected that many days (rounded half up) after the last one.
 *
 * @param productCode the product, or empty for all the account buys
 * @param firstPurchase the first purchase day
 * @param lastPurchase the last purchase day
 * @param purchases the number of purchases
 * @param total the invoices' less the credit notes' amounts, in the reporting currency (each
 *     converted at the rate of its issue day)
 * @param averageOrderValue the total divided by the purchases, rounded half-even
 * @param medianDaysBetween the rhythm, given two purchase days or more
 * @param daysSinceLast days from the last purchase day to the as-of day
 * @param expectedNext when the next purchase is expected, given a rhythm
 */
public record PurchaseHistory(Optional<String> productCode, LocalDate firstPurchase, LocalDate lastPurchase,
    long purchases, Money total, Money averageOrderValue, OptionalDouble medianDaysBetween, long daysSinceLast,
    Optional<LocalDate> expectedNext) {}
