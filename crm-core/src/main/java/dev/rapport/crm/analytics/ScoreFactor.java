package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * One reason a lead's score is what it is: what the model saw ({@code "source: referral"}, {@code
 * "3+ signals in the last 14 days"}) and how far it moved the lead's log-odds of being won away
 * from those of an average lead of the history the model learned from. Positive raised the score,
 * negative lowered it.
 *
 * @param feature the field the factor is about, e.g. {@code "source"}, {@code "signals"}, {@code
 *     "source × temperature"}
 * @param description what the lead has, in words a salesperson reads, e.g. {@code "source:
 *     referral"}
 * @param effect the change in log-odds of winning against the average lead; positive raises
 */
public record ScoreFactor(String feature, String description, double effect) {
  /** @throws ValidationException if a text is null or the effect is not finite */
  public ScoreFactor {
    Check.notNull(feature, "feature");
    Check.notNull(description, "description");
    if (!Double.isFinite(effect)) {
      throw new ValidationException("effect", "must be a finite number");
    }
  }

  /** Whether the factor raised the score. */
  public boolean raises() {
    return effect > 0;
  }
}
