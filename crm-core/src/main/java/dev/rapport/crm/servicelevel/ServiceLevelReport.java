package dev.rapport.crm.servicelevel;

import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.NpsResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the tenant served its customers over a period, per tier and per owner: see {@link
 * ServiceLevelService#report}.
 *
 * Only cases held to a service level count (a case opened before the tenant had a policy has none).
 *
 * @param period the days of the cases opened (in the calendar's zone)
 * @param byTier a row per tier of the policy, best first, then one per tier the cases name that the
 *     policy no longer has, by name
 * @param byOwner a row per owner with cases, by name, then {@value #NONE} for unassigned cases
 */
public record ServiceLevelReport(Period period, List<Row> byTier, List<Row> byOwner) {
  /** The key of the row of unassigned cases. */
  public static final String NONE = "(none)";

  public ServiceLevelReport {
    byTier = List.copyOf(byTier);
    byOwner = List.copyOf(byOwner);
  }

  /**
   * The figures of one tier or owner.
   *
   * @param key the tier's or owner's name, or {@value ServiceLevelReport#NONE}
   * @param opened the cases opened in the period
   * @param responded of those, the ones with a first response
   * @param respondedInTarget of those, the ones answered by their response due instant
   * @param resolved of the cases opened, the ones resolved (or closed)
   * @param resolvedInTarget of those, the ones whose resolution clock ran no longer than the target
   *     (a case resolved while waiting on the customer: up to the wait)
   * @param responseBreaches first responses late, or still missing past their due instant
   * @param resolutionBreaches resolutions late, or still missing with the target used up
   * @param medianResponse the median business time to the first response (nearest rank)
   * @param p90Response the 90th percentile of it (nearest rank)
   * @param medianResolution the median business time to resolution, without the time the clock stood still
   * @param p90Resolution the 90th percentile of it
   * @param csat the CSAT answers of the period (tier rows: of the tier's accounts; owner rows: naming
   *     a case of the owner)
   * @param nps the NPS answers of the period, counted the same way
   */
  public record Row(String key, long opened, long responded, long respondedInTarget, long resolved,
      long resolvedInTarget, long responseBreaches, long resolutionBreaches, Optional<Duration> medianResponse,
      Optional<Duration> p90Response, Optional<Duration> medianResolution, Optional<Duration> p90Resolution,
      CsatResult csat, NpsResult nps) {

    /** The share of first responses within target among those with a target, in percent to 1 decimal; empty if none. */
    public Optional<BigDecimal> responseInTargetPercent() {
      return percent(respondedInTarget, responded);
    }

    /** The share of resolutions within target, in percent to 1 decimal; empty if none. */
    public Optional<BigDecimal> resolutionInTargetPercent() {
      return percent(resolvedInTarget, resolved);
    }

    private static Optional<BigDecimal> percent(long part, long whole) {
      return whole == 0 ? Optional.empty()
          : Optional.of(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
    }
  }
}
