package dev.rapport.crm.feedback;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The customer satisfaction of a set of CSAT answers, with the counts it comes from.
 *
 * <p>Satisfied share = answers of 4 or 5 × 100 / answers, in percent, rounded to one decimal
 * place; mean = sum of scores / answers, rounded to two decimal places; both half away from zero
 * ({@link RoundingMode#HALF_UP}): scores 5, 4, 2 give 66.7 percent and a mean of 3.67. With no
 * answers both are empty, never a division by zero.
 *
 * @param answers the CSAT answers counted
 * @param satisfied those of 4 or 5
 * @param scoreSum the sum of their scores
 */
public record CsatResult(long answers, long satisfied, long scoreSum) {
  /** The lowest score of a satisfied customer. */
  public static final int SATISFIED_MIN = 4;

  /**
   * @throws ValidationException if a count is negative, more satisfied than answers, or the sum
   *     outside what 1 to 5 per answer can add up to
   */
  public CsatResult {
    Check.notNegative(answers, "answers");
    Check.notNegative(satisfied, "satisfied");
    if (satisfied > answers) {
      throw new ValidationException("satisfied", "must be at most the answers");
    }
    if (scoreSum < answers + 3 * satisfied || scoreSum > 5 * answers) {
      throw new ValidationException("scoreSum", "must be what scores of 1 to 5 add up to");
    }
  }

  /** No answers. */
  public static CsatResult empty() {
    return new CsatResult(0, 0, 0);
  }

  /** The share of 4 and 5 in percent, one decimal, half away from zero; empty when there are no answers. */
  public Optional<BigDecimal> satisfiedPercent() {
    if (answers == 0) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf(satisfied * 100)
        .divide(BigDecimal.valueOf(answers), 1, RoundingMode.HALF_UP));
  }

  /** The mean score, two decimals, half away from zero; empty when there are no answers. */
  public Optional<BigDecimal> mean() {
    if (answers == 0) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP));
  }
}
