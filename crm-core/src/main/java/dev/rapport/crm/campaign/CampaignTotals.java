package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import java.util.List;

/**
 * The counts and sums of one campaign's stored data, as an adapter computes them (in SQL, or from
 * its indexes): the input of {@link CampaignResults}. For adapters.
 *
 * @param members the campaign's members
 * @param responses the members that have responded ({@link CampaignMember#respondedAt()} present)
 * @param leads the leads attributed to the campaign (captured with it)
 * @param convertedLeads those of them that are converted
 * @param opportunities the opportunities whose origin lead is attributed to the campaign
 * @param wonDeals those of them that are won, in any currency
 * @param wonRevenue the sum of the won amounts, one per currency (no zero sums), in currency-code order
 */
public record CampaignTotals(long members, long responses, long leads, long convertedLeads,
    long opportunities, long wonDeals, List<Money> wonRevenue) {

  /** @throws ValidationException if a count is negative or the revenue list null or holds null */
  public CampaignTotals {
    Check.notNegative(members, "members");
    Check.notNegative(responses, "responses");
    Check.notNegative(leads, "leads");
    Check.notNegative(convertedLeads, "convertedLeads");
    Check.notNegative(opportunities, "opportunities");
    Check.notNegative(wonDeals, "wonDeals");
    wonRevenue = List.copyOf(Check.noNulls(wonRevenue, "wonRevenue"));
  }
}
