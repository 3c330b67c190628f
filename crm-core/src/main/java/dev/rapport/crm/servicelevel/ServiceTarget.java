package dev.rapport.crm.servicelevel;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.service.CaseLevel;
import java.time.Duration;

/**
 * The targets of a tier for one priority: first response and resolution within these business
 * times (see {@link dev.rapport.crm.common.BusinessCalendar}). Immutable.
 *
 * @param response the first response within this, whole minutes, 1 minute to 366 days
 * @param resolution the resolution within this, whole minutes, at least the response target, at
 *     most 366 days
 */
public record ServiceTarget(Duration response, Duration resolution) {
  /**
   * @throws ValidationException (field {@code target.response} or {@code target.resolution}) if a
   *     target is null, zero or negative, longer than 366 days or not whole minutes, or the response
   *     target is longer than the resolution target
   */
  public ServiceTarget {
    CaseLevel.checkTargets(response, resolution, "target.response", "target.resolution");
  }

  /**
   * Respond within {@code responseHours} and resolve within {@code resolutionHours} business hours.
   *
   * @throws ValidationException as the canonical constructor
   */
  public static ServiceTarget hours(long responseHours, long resolutionHours) {
    return new ServiceTarget(Duration.ofHours(responseHours), Duration.ofHours(resolutionHours));
  }
}
