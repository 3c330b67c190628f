package dev.rapport.crm.analytics;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Lead source and campaign effectiveness: what the leads captured in a period became, per source
 * and per campaign. Immutable. See {@link AnalyticsService#effectiveness}.
 *
 * @param period the days whose captured leads are counted
 * @param filter the criteria the leads matched
 * @param currency the reporting currency of every amount
 * @param bySource one row per source with leads, most leads first (ties by source code)
 * @param byCampaign one row per campaign with leads, most leads first (ties by campaign id), and
 *     last a row with no campaign for leads captured without one, if any
 * @param total all leads of the period
 */
public record Effectiveness(Period period, ReportFilter filter, Currency currency,
    List<EffectivenessRow> bySource, List<EffectivenessRow> byCampaign, EffectivenessRow total) {

  public Effectiveness {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(currency, "currency");
    bySource = List.copyOf(bySource);
    byCampaign = List.copyOf(byCampaign);
    Objects.requireNonNull(total, "total");
  }
}
