package dev.rapport.crm.sales;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An account (or an account's product) due to be bought again, by its own rhythm. {@link
 * SalesService#reminders} answers with these; a host hands one back to {@link SalesService#remind}
 * (possibly after storing or sending it), so it checks itself as every input does.
 *
 * @param accountId the account
 * @param productCode the product, or empty for the account's purchases as a whole
 * @param lastPurchase its last purchase day
 * @param expectedNext when the next purchase is expected
 * @param medianDaysBetween its rhythm
 * @param dueInDays days from the as-of day to {@code expectedNext}: negative when the purchase is
 *     overdue against the rhythm
 */
public record RepurchaseReminder(AccountId accountId, Optional<String> productCode, LocalDate lastPurchase,
    LocalDate expectedNext, double medianDaysBetween, long dueInDays) {
  private static final long MAX_DAYS = ChronoUnit.DAYS.between(Limits.EARLIEST_DATE, Limits.LATEST_DATE);

  /**
   * @throws ValidationException if a part is null, the product code blank, longer than {@value
   *     Limits#CODE} or not storable, a day out of range, {@code expectedNext} before {@code
   *     lastPurchase}, {@code medianDaysBetween} not a number of days from 1 to the span of the
   *     supported dates, or {@code dueInDays} beyond that span
   */
  public RepurchaseReminder {
    Check.notNull(accountId, "accountId");
    Check.notNull(productCode, "productCode");
    productCode = productCode.map(p -> Check.text(p, "productCode", Limits.CODE));
    Check.date(lastPurchase, "lastPurchase");
    Check.date(expectedNext, "expectedNext");
    if (expectedNext.isBefore(lastPurchase)) {
      throw new ValidationException("expectedNext", "must not be before lastPurchase (" + lastPurchase + ")");
    }
    if (!(medianDaysBetween >= 1 && medianDaysBetween <= MAX_DAYS)) {
      throw new ValidationException("medianDaysBetween", "must be 1 to " + MAX_DAYS + " days");
    }
    if (Math.abs(dueInDays) > MAX_DAYS) {
      throw new ValidationException("dueInDays", "must be within " + MAX_DAYS + " days either way");
    }
  }


  /** Whether the purchase is overdue against the account's rhythm. */
  public boolean isOverdue() {
    return dueInDays < 0;
  }
}
