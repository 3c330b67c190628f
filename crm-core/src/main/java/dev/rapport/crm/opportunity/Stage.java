package dev.rapport.crm.opportunity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;

/**
 * One stage of a {@link Pipeline}, with the probability and forecast category an opportunity takes
 * when it enters it.
 *
 * @param name the stage's name, 1 to 100 characters, unique in its pipeline
 * @param probability the default probability of closing, 0 to 100
 * @param forecastCategory the default forecast category
 * @param outcome whether the stage is open, or closes the opportunity as won or lost
 */
public record Stage(String name, int probability, ForecastCategory forecastCategory,
    OpportunityStatus outcome) {
  /** @throws ValidationException if a part is null, the name blank or too long, or the probability not 0 to 100 */
  public Stage {
    name = Check.text(name, "stage.name", Limits.STAGE_NAME);
    Check.range(probability, "stage.probability", 0, 100);
    Check.notNull(forecastCategory, "stage.forecastCategory");
    Check.notNull(outcome, "stage.outcome");
  }

  @Override
  public String toString() {
    return name;
  }
}
