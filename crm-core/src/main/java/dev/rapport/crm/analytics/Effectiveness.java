package dev.rapport.crm.analytics;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Lead source, campaign and industry effectiveness: what the leads captured in a period became,
 * per source, per campaign and per industry. Immutable. See {@link AnalyticsService#effectiveness}.
 *
 * @param period the days whose captured leads are counted
 * @param filter the criteria the leads matched
 * @param currency the reporting currency of every amount
 * @param bySource one row per source with leads, most leads first (ties by source code)
 * @param byCampaign one row per campaign with leads, most leads first (ties by campaign id), and
 *     last a row with no campaign for leads captured without one, if any
 * @param total all leads of the period
 * @param byIndustry one row per industry with leads, most leads first (ties by industry code), and
 *     last a row with no industry for leads of no known industry, if any
 */
public record Effectiveness(Period period, ReportFilter filter, Currency currency,
    List<EffectivenessRow> bySource, List<EffectivenessRow> byCampaign, EffectivenessRow total,
    List<EffectivenessRow> byIndustry) {

  public Effectiveness {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(currency, "currency");
    bySource = List.copyOf(bySource);
    byCampaign = List.copyOf(byCampaign);
    Objects.requireNonNull(total, "total");
    byIndustry = List.copyOf(byIndustry);
  }
}
