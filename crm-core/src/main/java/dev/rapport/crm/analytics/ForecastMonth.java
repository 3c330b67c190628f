package dev.rapport.crm.analytics;

import dev.rapport.crm.common.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One month of a forecast: the open pipeline expected to close in it beside what was won in it.
 * Immutable.
 *
 * @param month the calendar month (only its days inside the report's period count)
 * @param open open opportunities whose expected close day is in the month
 * @param amount their amounts, in the reporting currency
 * @param weighted their amounts each times its probability: what the pipeline is expected to bring
 * @param categories the same split by forecast category: every category with open opportunities,
 *     in the order of {@link dev.rapport.crm.opportunity.ForecastCategory}
 * @param won opportunities won in the month (by the day they were closed)
 * @param wonRevenue their amounts, in the reporting currency
 */
public record ForecastMonth(YearMonth month, long open, Money amount, Money weighted,
    List<CategoryTotal> categories, long won, Money wonRevenue) {
  public ForecastMonth {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(weighted, "weighted");
    categories = List.copyOf(categories);
    Objects.requireNonNull(wonRevenue, "wonRevenue");
  }
}
