package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.internal.Check;
import java.util.List;

/**
 * A lead's predicted chance of ending won, with the reasons.
 *
 * @param lead the lead scored
 * @param probability the probability that the lead ends won (converted into an opportunity that is
 *     won), strictly between 0 and 1
 * @param factors the factors that raised the score most (largest first) followed by those that
 *     lowered it most (most negative first); at most {@link ScoringModel#FACTORS} of each
 */
public record LeadScore(LeadId lead, double probability, List<ScoreFactor> factors) {
  /** @throws ValidationException if a part is null or the probability is not in (0, 1) */
  public LeadScore {
    Check.notNull(lead, "lead");
    if (!(probability > 0 && probability < 1)) {
      throw new ValidationException("probability", "must be between 0 and 1, exclusive");
    }
    factors = List.copyOf(Check.noNulls(Check.notNull(factors, "factors"), "factors"));
  }

  /** The score as {@code Lead.score()} stores it: {@code round(100 × probability)}, 0 to 100. */
  public int percent() {
    return (int) Math.round(100 * probability);
  }
}
