package dev.rapport.crm.analytics;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import java.time.LocalDate;
import java.util.List;

/**
 * The pipeline board ({@link AnalyticsService#board}): a column per stage of the pipeline, in its
 * order (stages no opportunity is at included, with zeros; a stage no longer in the pipeline that
 * opportunities still name comes last), and the totals.
 *
 * @param columns the stages, in pipeline order
 * @param count how many opportunities the board holds
 * @param amount the sum of the columns' amounts (each rounded from the exact sum: it may differ by
 *     rounding from adding the rounded columns)
 * @param weightedAmount the sum of the columns' weighted amounts, rounded the same way
 * @param ratesOn the day whose exchange rates converted the amounts (today, by the {@code Crm}'s clock)
 */
public record PipelineBoard(List<BoardColumn> columns, long count, Money amount, Money weightedAmount,
    LocalDate ratesOn) {
  /** @throws dev.rapport.crm.exception.ValidationException if a part is null or the count negative */
  public PipelineBoard {
    columns = List.copyOf(Check.notNull(columns, "columns"));
    Check.notNegative(count, "count");
    Check.notNull(amount, "amount");
    Check.notNull(weightedAmount, "weightedAmount");
    Check.notNull(ratesOn, "ratesOn");
  }
}
