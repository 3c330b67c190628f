package dev.rapport.crm.analytics;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;

/**
 * One stage of the pipeline board ({@link AnalyticsService#board}): its opportunities, how many,
 * their amount and their weighted amount (amount times probability), in the reporting currency.
 *
 * @param stage the stage's name
 * @param count how many opportunities are at the stage
 * @param amount their amounts, converted and summed, then rounded once
 * @param weightedAmount their amounts times their probabilities, converted and summed, then rounded once
 */
public record BoardColumn(String stage, long count, Money amount, Money weightedAmount) {
  /** @throws dev.rapport.crm.exception.ValidationException if a part is null or the count negative */
  public BoardColumn {
    Check.notNull(stage, "stage");
    Check.notNegative(count, "count");
    Check.notNull(amount, "amount");
    Check.notNull(weightedAmount, "weightedAmount");
  }
}
