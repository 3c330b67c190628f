package dev.rapport.crm.analytics;

import java.util.Objects;
import java.util.Optional;

/**
 * How opportunities passed through one stage of the pipeline: the visits to the stage that began
 * in the report's period (an opportunity that comes back to a stage visits it again). Immutable.
 * See {@link AnalyticsService#funnel}.
 *
 * @param stage the stage's name as the pipeline spells it
 * @param entered visits that began in the period
 * @param advanced of those, visits that left for a later stage of the pipeline
 * @param movedBack of those, visits that left for an earlier stage
 * @param won of those, visits that ended in the opportunity being won
 * @param lost of those, visits that ended in the opportunity being lost
 * @param stillIn of those, visits not yet over
 * @param medianDays the median time in the stage, in whole days, over the visits that are over;
 *     empty when none is
 * @param p90Days the 90th percentile (nearest rank) of the same; empty when none is over
 */
public record StageFlow(String stage, long entered, long advanced, long movedBack, long won,
    long lost, long stillIn, Optional<Double> medianDays, Optional<Double> p90Days) {

  public StageFlow {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(medianDays, "medianDays");
    Objects.requireNonNull(p90Days, "p90Days");
  }

  /**
   * The share of visits that moved on, {@code (advanced + won) / entered}, or 0 without visits.
   */
  public double movedOnShare() {
    return entered == 0 ? 0 : (double) (advanced + won) / entered;
  }
}
