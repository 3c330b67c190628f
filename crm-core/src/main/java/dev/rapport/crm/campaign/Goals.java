package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a campaign aims at; each goal is optional. Results are measured against the goals set.
 *
 * @param targetLeads the leads it should bring (attributed at capture)
 * @param targetResponses the members that should respond
 * @param targetWonRevenue the revenue the deals of its leads should win, in the campaign's currency
 */
public record Goals(OptionalInt targetLeads, OptionalInt targetResponses, Optional<Money> targetWonRevenue) {
  /** No goals. */
  public static final Goals NONE = new Goals(OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

  /** @throws ValidationException if a part is null, a target is negative, or the revenue negative */
  public Goals {
    Check.notNull(targetLeads, "goals.targetLeads");
    Check.notNull(targetResponses, "goals.targetResponses");
    Check.notNull(targetWonRevenue, "goals.targetWonRevenue");
    targetLeads.ifPresent(n -> Check.notNegative(n, "goals.targetLeads"));
    targetResponses.ifPresent(n -> Check.notNegative(n, "goals.targetResponses"));
    if (targetWonRevenue.isPresent() && targetWonRevenue.get().isNegative()) {
      throw new ValidationException("goals.targetWonRevenue", "must not be negative");
    }
  }

  /**
   * Goals of leads, responses and won revenue.
   *
   * @throws ValidationException if a count is negative or the revenue is null or negative
   */
  public static Goals of(int targetLeads, int targetResponses, Money targetWonRevenue) {
    return new Goals(OptionalInt.of(targetLeads), OptionalInt.of(targetResponses),
        Optional.of(Check.notNull(targetWonRevenue, "goals.targetWonRevenue")));
  }
}
