package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * A marketing campaign: an effort on one {@link Channel} over a period, with a budget, the cost it
 * actually had, and {@link Goals}. Its members (leads and contacts, with their responses) are
 * stored apart, as {@link CampaignMember}s, so that a campaign of 100,000 members stays a small
 * record; leads captured with the campaign are attributed to it. All amounts of a campaign are in
 * one currency, its budget's.
 *
 * <p>An immutable value; adapters rebuild stored campaigns with the canonical constructor.
 *
 * @param id the campaign's id
 * @param tenantId the tenant it belongs to
 * @param version how many times it has been stored (0 before the first save)
 * @param name its name, 1 to 200 characters
 * @param channel how it reaches people
 * @param startsOn its first day
 * @param endsOn its last day; not before {@code startsOn}
 * @param status where it stands
 * @param budget what it may cost; not negative
 * @param actualCost what it has cost so far; not negative, in the budget's currency
 * @param goals what it aims at; a revenue goal in the budget's currency
 * @param createdAt when it was planned
 * @param updatedAt when it last changed
 */
public record Campaign(
    CampaignId id,
    TenantId tenantId,
    long version,
    String name,
    Channel channel,
    LocalDate startsOn,
    LocalDate endsOn,
    CampaignStatus status,
    Money budget,
    Money actualCost,
    Goals goals,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * @throws ValidationException if a part is null, the name blank or too long, a date out of
   *     range or the end before the start, an amount negative, or the amounts in more than one
   *     currency
   */
  public Campaign {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    name = Check.text(name, "name", Limits.TEXT);
    Check.notNull(channel, "channel");
    Check.date(startsOn, "startsOn");
    Check.date(endsOn, "endsOn");
    if (endsOn.isBefore(startsOn)) {
      throw new ValidationException("endsOn", "must not be before startsOn");
    }
    Check.notNull(status, "status");
    Check.notNull(budget, "budget");
    if (budget.isNegative()) {
      throw new ValidationException("budget", "must not be negative");
    }
    Check.notNull(actualCost, "actualCost");
    if (actualCost.isNegative()) {
      throw new ValidationException("actualCost", "must not be negative");
    }
    sameCurrency(actualCost, budget.currency(), "actualCost");
    Check.notNull(goals, "goals");
    goals.targetWonRevenue().ifPresent(r -> sameCurrency(r, budget.currency(), "goals.targetWonRevenue"));
    createdAt = Check.instant(createdAt, "createdAt");
    updatedAt = Check.instant(updatedAt, "updatedAt");
  }

  private static void sameCurrency(Money m, Currency currency, String field) {
    if (!m.currency().equals(currency)) {
      throw new ValidationException(field, "must be in the campaign's currency " + currency);
    }
  }

  /** The currency of every amount of the campaign: its budget's. */
  public Currency currency() {
    return budget.currency();
  }

  /** A new campaign as planned: status {@code PLANNED}, version 0, no cost yet. */
  static Campaign plan(CampaignId id, TenantId tenantId, NewCampaign draft, Instant now) {
    return new Campaign(id, tenantId, 0, draft.name(), draft.channel(), draft.startsOn(),
        draft.endsOn(), CampaignStatus.PLANNED, draft.budget(), new Money(java.math.BigDecimal.ZERO,
            draft.budget().currency()), draft.goals(), now, now);
  }

  /**
   * Moves to another status.
   *
   * @throws ValidationException if {@code to} is null
   * @throws IllegalTransitionException if the lifecycle does not allow the move
   */
  Campaign moveTo(CampaignStatus to, Instant now) {
    Check.notNull(to, "status");
    if (!status.next().contains(to)) {
      throw new IllegalTransitionException("campaign", status, to);
    }
    return new Campaign(id, tenantId, version, name, channel, startsOn, endsOn, to, budget,
        actualCost, goals, createdAt, now);
  }

  /**
   * Records what the campaign has cost so far.
   *
   * @throws ValidationException if the cost is null, negative or in another currency
   * @throws IllegalTransitionException if the campaign is aborted
   */
  Campaign withActualCost(Money cost, Instant now) {
    Check.notNull(cost, "actualCost");
    requireNotAborted("recordActualCost");
    return new Campaign(id, tenantId, version, name, channel, startsOn, endsOn, status, budget,
        cost, goals, createdAt, now);
  }

  /**
   * Sets the goals.
   *
   * @throws ValidationException if the goals are null or the revenue goal in another currency
   * @throws IllegalTransitionException if the campaign is aborted
   */
  Campaign withGoals(Goals newGoals, Instant now) {
    Check.notNull(newGoals, "goals");
    requireNotAborted("changeGoals");
    return new Campaign(id, tenantId, version, name, channel, startsOn, endsOn, status, budget,
        actualCost, newGoals, createdAt, now);
  }

  void requireMembersAllowed() {
    if (!status.takesMembers()) {
      throw new IllegalTransitionException("campaign", status, "addMembers");
    }
  }

  void requireResponsesAllowed() {
    if (!status.takesResponses()) {
      throw new IllegalTransitionException("campaign", status, "recordResponse");
    }
  }

  private void requireNotAborted(String action) {
    if (status == CampaignStatus.ABORTED) {
      throw new IllegalTransitionException("campaign", status, action);
    }
  }
}
