package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An account (or an account's product) due to be bought again, by its own rhythm.
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

  /** Whether the purchase is overdue against the account's rhythm. */
  public boolean isOverdue() {
    return dueInDays < 0;
  }
}
