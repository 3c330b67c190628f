package dev.rapport.crm.analytics;

import dev.rapport.crm.common.AccountId;
import java.time.LocalDate;
import java.util.List;

/**
 * How likely an account is to stop buying, and why: see {@link AnalyticsService#churnRisk}.
 * Immutable.
 *
 * @param accountId the account
 * @param asOf the day it is judged on (today)
 * @param risk {@code 1 − Π(1 − weight)} over its reasons: above 0, below 1
 * @param level the band of the risk
 * @param reasons its reasons, strongest first (ties in {@link ChurnReason.Code} order); at least one
 */
public record ChurnRisk(AccountId accountId, LocalDate asOf, double risk, Level level, List<ChurnReason> reasons) {

  public ChurnRisk {
    reasons = List.copyOf(reasons);
  }

  /** Bands of risk. */
  public enum Level {
    /** Risk below 0.3. */
    LOW,
    /** Risk 0.3 or more, below 0.6. */
    MEDIUM,
    /** Risk 0.6 or more. */
    HIGH;

    /** The band of a risk. */
    public static Level of(double risk) {
      return risk >= 0.6 ? HIGH : risk >= 0.3 ? MEDIUM : LOW;
    }
  }
}
