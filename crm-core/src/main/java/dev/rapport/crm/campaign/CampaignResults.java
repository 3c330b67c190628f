package dev.rapport.crm.campaign;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a campaign achieved, computed from stored data at the time of asking. Rates and shares are
 * fractions (0.25 is a quarter) at four decimals, rounded half-even; money per lead or deal is at
 * the currency's scale, rounded half-even. A ratio whose divisor is zero is empty.
 *
 * <p>Revenue in several currencies: Rapport holds no exchange rates, so only the revenue in the
 * campaign's currency counts towards {@link #wonRevenue()}, the ROI and the revenue goal; won
 * revenue in other currencies is listed in {@link #wonRevenueInOtherCurrencies()}, not converted.
 * {@link #wonDeals()} counts the won deals in every currency.
 *
 * @param campaignId the campaign
 * @param actualCost what the campaign cost
 * @param members its members
 * @param responses the members that responded
 * @param responseRate responses / members
 * @param leads the leads attributed to it
 * @param convertedLeads those of them that are converted
 * @param opportunities the opportunities opened from its leads' conversions
 * @param wonDeals those of them that are won
 * @param wonRevenue the won amounts in the campaign's currency
 * @param wonRevenueInOtherCurrencies the won amounts in other currencies, one per currency
 * @param costPerLead actual cost / leads
 * @param costPerWonDeal actual cost / won deals
 * @param roi return on investment: (won revenue - actual cost) / actual cost
 * @param goals the goals it is measured against
 * @param leadGoalReached leads / target leads, if that goal is set (and not zero)
 * @param responseGoalReached responses / target responses, if that goal is set (and not zero)
 * @param revenueGoalReached won revenue / target won revenue, if that goal is set (and not zero)
 */
public record CampaignResults(
    CampaignId campaignId,
    Money actualCost,
    long members,
    long responses,
    Optional<BigDecimal> responseRate,
    long leads,
    long convertedLeads,
    long opportunities,
    long wonDeals,
    Money wonRevenue,
    List<Money> wonRevenueInOtherCurrencies,
    Optional<Money> costPerLead,
    Optional<Money> costPerWonDeal,
    Optional<BigDecimal> roi,
    Goals goals,
    Optional<BigDecimal> leadGoalReached,
    Optional<BigDecimal> responseGoalReached,
    Optional<BigDecimal> revenueGoalReached) {

  /** Scale of rates, shares and the ROI. */
  static final int RATIO_SCALE = 4;

  /** Makes the results immutable. */
  public CampaignResults {
    wonRevenueInOtherCurrencies = List.copyOf(wonRevenueInOtherCurrencies);
  }

  /** The results of a campaign from its totals. */
  static CampaignResults of(Campaign c, CampaignTotals t) {
    Money inCurrency = Money.zero(c.currency().getCurrencyCode());
    List<Money> other = new ArrayList<>();
    for (Money m : t.wonRevenue()) {
      if (m.currency().equals(c.currency())) {
        inCurrency = m;
      } else {
        other.add(m);
      }
    }
    Money revenue = inCurrency;
    Money cost = c.actualCost();
    Goals g = c.goals();
    return new CampaignResults(c.id(), cost, t.members(), t.responses(),
        ratio(BigDecimal.valueOf(t.responses()), BigDecimal.valueOf(t.members())),
        t.leads(), t.convertedLeads(), t.opportunities(), t.wonDeals(), revenue, other,
        per(cost, t.leads()), per(cost, t.wonDeals()),
        ratio(revenue.amount().subtract(cost.amount()), cost.amount()), g,
        g.targetLeads().isPresent() ? ratio(BigDecimal.valueOf(t.leads()), BigDecimal.valueOf(g.targetLeads().getAsInt())) : Optional.empty(),
        g.targetResponses().isPresent() ? ratio(BigDecimal.valueOf(t.responses()), BigDecimal.valueOf(g.targetResponses().getAsInt())) : Optional.empty(),
        g.targetWonRevenue().flatMap(target -> ratio(revenue.amount(), target.amount())));
  }

  private static Optional<BigDecimal> ratio(BigDecimal a, BigDecimal b) {
    return b.signum() == 0 ? Optional.empty() : Optional.of(a.divide(b, RATIO_SCALE, RoundingMode.HALF_EVEN));
  }

  private static Optional<Money> per(Money cost, long count) {
    if (count == 0) {
      return Optional.empty();
    }
    BigDecimal each = cost.amount().divide(BigDecimal.valueOf(count), cost.amount().scale(), RoundingMode.HALF_EVEN);
    return Optional.of(new Money(each, cost.currency()));
  }
}
