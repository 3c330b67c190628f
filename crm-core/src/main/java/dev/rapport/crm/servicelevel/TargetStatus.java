package dev.rapport.crm.servicelevel;

import dev.rapport.crm.service.CaseLevel;
import java.time.Duration;
import java.time.Instant;

/**
 * Where one target of a case stands at a moment.
 *
 * @param target the first response or the resolution
 * @param allowed the target: the business time allowed
 * @param due when it falls due (the resolution's while the clock stands still: as if it ran on now)
 * @param used the business time used so far (the resolution's without the time it stood still),
 *     or until it was met
 * @param state met, on track, at risk or breached
 */
public record TargetStatus(CaseLevel.Target target, Duration allowed, Instant due, Duration used, State state) {

  /** How a target stands. */
  public enum State {
    /** Done within the target. */
    MET,
    /** Not done, less than the at-risk share used. */
    ON_TRACK,
    /** Not done, the at-risk share used, not yet due. */
    AT_RISK,
    /** Not done by its due instant, or done late. */
    BREACHED
  }
}
