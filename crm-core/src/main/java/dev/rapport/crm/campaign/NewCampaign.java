package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import java.time.LocalDate;

/**
 * What is known of a campaign when it is planned: the input of
 * {@link CampaignService#plan(NewCampaign)}. Build one with {@link #builder}; each setter checks
 * its value at once, {@link Builder#build()} the rules between values.
 */
public final class NewCampaign {
  private final String name;
  private final Channel channel;
  private final LocalDate startsOn;
  private final LocalDate endsOn;
  private final Money budget;
  private final Goals goals;

  private NewCampaign(Builder b) {
    this.name = b.name;
    this.channel = b.channel;
    this.startsOn = b.startsOn;
    this.endsOn = b.endsOn;
    this.budget = b.budget;
    this.goals = b.goals;
  }

  /**
   * Starts a campaign with its name, channel, period and budget (whose currency is the
   * campaign's).
   *
   * @throws ValidationException if an argument is null, the name blank or over 200 characters, a
   *     date out of range, or the budget negative
   */
  public static Builder builder(String name, Channel channel, LocalDate startsOn, LocalDate endsOn, Money budget) {
    String n = Check.text(name, "name", Limits.TEXT);
    Check.notNull(channel, "channel");
    Check.date(startsOn, "startsOn");
    Check.date(endsOn, "endsOn");
    Check.notNull(budget, "budget");
    if (budget.isNegative()) {
      throw new ValidationException("budget", "must not be negative");
    }
    return new Builder(n, channel, startsOn, endsOn, budget);
  }

  String name() { return name; }
  Channel channel() { return channel; }
  LocalDate startsOn() { return startsOn; }
  LocalDate endsOn() { return endsOn; }
  Money budget() { return budget; }
  Goals goals() { return goals; }

  /** Builds a {@link NewCampaign}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Channel channel;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final Money budget;
    private Goals goals = Goals.NONE;

    private Builder(String name, Channel channel, LocalDate startsOn, LocalDate endsOn, Money budget) {
      this.name = name;
      this.channel = channel;
      this.startsOn = startsOn;
      this.endsOn = endsOn;
      this.budget = budget;
    }

    /**
     * The goals (default: none).
     *
     * @throws ValidationException if null
     */
    public Builder goals(Goals g) {
      this.goals = Check.notNull(g, "goals");
      return this;
    }

    /**
     * The campaign to plan.
     *
     * @throws ValidationException if the end is before the start, or the revenue goal is in
     *     another currency than the budget
     */
    public NewCampaign build() {
      if (endsOn.isBefore(startsOn)) {
        throw new ValidationException("endsOn", "must not be before startsOn");
      }
      goals.targetWonRevenue().ifPresent(r -> {
        if (!r.currency().equals(budget.currency())) {
          throw new ValidationException("goals.targetWonRevenue", "must be in the campaign's currency " + budget.currency());
        }
      });
      return new NewCampaign(this);
    }
  }
}
