package dev.rapport.crm.feedback;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The Net Promoter Score of a set of NPS answers, with the counts it comes from.
 *
 * <p>NPS = (promoters − detractors) × 100 / answers, in percent from −100 to 100, rounded to
 * one decimal place, half away from zero ({@link RoundingMode#HALF_UP}): 1 promoter and 2
 * detractors of 3 answers give −33.3; 1 promoter of 8 answers gives 12.5 exactly; 1 of 6 gives
 * 16.7. With no answers there is no score ({@link #score()} is empty), never a division by zero.
 *
 * @param answers the NPS answers counted
 * @param promoters those of 9 or 10
 * @param passives those of 7 or 8
 * @param detractors those of 0 to 6
 */
public record NpsResult(long answers, long promoters, long passives, long detractors) {
  /** The highest score of a detractor. */
  public static final int DETRACTOR_MAX = 6;
  /** The lowest score of a promoter. */
  public static final int PROMOTER_MIN = 9;

  /** @throws ValidationException if a count is negative or the parts do not add up to the answers */
  public NpsResult {
    Check.notNegative(answers, "answers");
    Check.notNegative(promoters, "promoters");
    Check.notNegative(passives, "passives");
    Check.notNegative(detractors, "detractors");
    if (promoters + passives + detractors != answers) {
      throw new ValidationException("answers", "must be promoters + passives + detractors");
    }
  }

  /** No answers. */
  public static NpsResult empty() {
    return new NpsResult(0, 0, 0, 0);
  }

  /** The score in percent, one decimal, half away from zero; empty when there are no answers. */
  public Optional<BigDecimal> score() {
    if (answers == 0) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf((promoters - detractors) * 100)
        .divide(BigDecimal.valueOf(answers), 1, RoundingMode.HALF_UP));
  }
}
