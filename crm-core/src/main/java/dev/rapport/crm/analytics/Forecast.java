package dev.rapport.crm.analytics;

import dev.rapport.crm.common.Money;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The forecast of a period: open pipeline weighted by probability, by expected close month and
 * forecast category, beside what was won in those months; and win rate and sales cycle by owner and
 * by source. Immutable. See {@link AnalyticsService#forecast}.
 *
 * @param period the days the report covers
 * @param filter the criteria the opportunities matched
 * @param currency the reporting currency of every amount
 * @param months every calendar month the period touches, in order, zeros included
 * @param undatedOpen open opportunities with no expected close day (in no month)
 * @param undatedAmount their amounts
 * @param undatedWeighted their amounts each times its probability
 * @param byOwner opportunities closed in the period by owner, most won first (ties by owner)
 * @param bySource opportunities closed in the period by source, most won first (ties by source)
 */
public record Forecast(Period period, ReportFilter filter, Currency currency,
    List<ForecastMonth> months, long undatedOpen, Money undatedAmount, Money undatedWeighted,
    List<Performance> byOwner, List<Performance> bySource) {
  public Forecast {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(currency, "currency");
    months = List.copyOf(months);
    Objects.requireNonNull(undatedAmount, "undatedAmount");
    Objects.requireNonNull(undatedWeighted, "undatedWeighted");
    byOwner = List.copyOf(byOwner);
    bySource = List.copyOf(bySource);
  }
}
