package dev.rapport.crm.analytics;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.LeadSource;
import java.util.Objects;
import java.util.Optional;

/**
 * What the leads of one source, one campaign or one industry became. Counts are of leads captured in the
 * report's period; see {@link AnalyticsService#effectiveness} for the exact definitions. Immutable.
 *
 * @param source the source, on a row of {@link Effectiveness#bySource()}; empty on campaign and
 *     industry rows and on the total
 * @param campaign the campaign, on a row of {@link Effectiveness#byCampaign()}; empty on source
 *     rows, on the total, and on the campaign row of leads captured with no campaign
 * @param campaignName the campaign's name, where {@code campaign} is present
 * @param leads leads captured in the period
 * @param contacted of those, leads now contacted, nurturing, qualified or converted
 * @param qualified of those, leads now qualified or converted
 * @param converted of those, leads converted
 * @param disqualified of those, leads disqualified
 * @param opportunities converted leads that became an opportunity
 * @param won of those opportunities, the ones won (at any time up to now)
 * @param lost of those opportunities, the ones lost
 * @param wonRevenue the amount of the won opportunities, in the reporting currency
 * @param medianDaysToConversion the median of the whole days from capture to conversion over the
 *     converted leads; empty when none converted
 * @param cost the campaign's actual cost in the reporting currency, on a campaign row whose
 *     campaign has a cost above zero
 * @param costPerLead {@code cost / leads}, where there is a cost
 * @param costPerWon {@code cost / won}, where there is a cost and something was won
 * @param industry the industry, on a row of {@link Effectiveness#byIndustry()}; empty on other
 *     rows, on the total, and on the industry row of leads of no known industry
 */
public record EffectivenessRow(
    Optional<LeadSource> source,
    Optional<CampaignId> campaign,
    Optional<String> campaignName,
    long leads,
    long contacted,
    long qualified,
    long converted,
    long disqualified,
    long opportunities,
    long won,
    long lost,
    Money wonRevenue,
    Optional<Double> medianDaysToConversion,
    Optional<Money> cost,
    Optional<Money> costPerLead,
    Optional<Money> costPerWon,
    Optional<Industry> industry) {

  public EffectivenessRow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(campaignName, "campaignName");
    Objects.requireNonNull(wonRevenue, "wonRevenue");
    Objects.requireNonNull(medianDaysToConversion, "medianDaysToConversion");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(costPerLead, "costPerLead");
    Objects.requireNonNull(costPerWon, "costPerWon");
    Objects.requireNonNull(industry, "industry");
  }

  /** {@code contacted / leads}, or 0 without leads. */
  public double contactedShare() {
    return share(contacted);
  }

  /** {@code qualified / leads}, or 0 without leads. */
  public double qualifiedShare() {
    return share(qualified);
  }

  /** {@code converted / leads}, or 0 without leads. */
  public double convertedShare() {
    return share(converted);
  }

  /** {@code disqualified / leads}, or 0 without leads. */
  public double disqualifiedShare() {
    return share(disqualified);
  }

  /** {@code won / leads}: the share of captured leads that ended in a won deal, or 0 without leads. */
  public double wonShare() {
    return share(won);
  }

  private double share(long n) {
    return leads == 0 ? 0 : (double) n / leads;
  }
}
