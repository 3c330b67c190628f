package dev.rapport.crm.analytics;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.lead.LeadStatus;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lead status funnel and the flow through the pipeline's stages in a period. Immutable. See
 * {@link AnalyticsService#funnel}.
 *
 * @param period the days the report covers
 * @param filter the criteria the leads and opportunities matched
 * @param currency the reporting currency of {@code velocityPerDay}
 * @param leadsByStatus of the leads captured in the period, how many are in each status now:
 *     every status, zeros included, in the order of {@link LeadStatus}
 * @param stages one row per open stage of the pipeline, in pipeline order (the won and lost
 *     stages end visits; they are not rows)
 * @param opportunitiesCreated opportunities created in the period
 * @param velocityPerDay sales velocity: {@code opportunitiesCreated × win rate × average won
 *     amount ÷ median days to win}, over the opportunities closed in the period; empty when none
 *     was won or the median is 0 days
 */
public record Funnel(Period period, ReportFilter filter, Currency currency,
    Map<LeadStatus, Long> leadsByStatus, List<StageFlow> stages, long opportunitiesCreated,
    Optional<Money> velocityPerDay) {

  public Funnel {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(currency, "currency");
    Map<LeadStatus, Long> copy = new EnumMap<>(LeadStatus.class);
    for (LeadStatus s : LeadStatus.values()) {
      copy.put(s, leadsByStatus.getOrDefault(s, 0L));
    }
    leadsByStatus = Collections.unmodifiableMap(copy);
    stages = List.copyOf(stages);
    Objects.requireNonNull(velocityPerDay, "velocityPerDay");
  }

  /** All leads captured in the period. */
  public long leads() {
    return leadsByStatus.values().stream().mapToLong(Long::longValue).sum();
  }
}
