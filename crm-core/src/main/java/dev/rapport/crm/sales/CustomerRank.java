package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import java.util.Optional;

/**
 * One of the best customers of a period.
 *
 * @param accountId the account
 * @param revenue its invoices less credit notes issued in the period, in the reporting currency
 * @param purchases its invoices issued in the period
 * @param margin amount less cost over the lines that carry a cost, if any does
 */
public record CustomerRank(AccountId accountId, Money revenue, long purchases, Optional<Money> margin) {

  /** What the best customers are ranked by. */
  public enum By {
    /** Revenue, largest first. */
    REVENUE,
    /** Number of purchases, most first. */
    PURCHASES,
    /** Margin, largest first; accounts with no costed line are left out. */
    MARGIN
  }
}
