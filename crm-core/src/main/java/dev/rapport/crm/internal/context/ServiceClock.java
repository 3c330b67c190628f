package dev.rapport.crm.internal.context;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Duration;
import java.util.Optional;

/**
 * The service levels of the tenant as the case service needs them: the terms a new case of an
 * account gets, and the calendar that measures business time. Implemented above the feature
 * packages (it reads the tenant's service policy and its accounts' tiers through their ports),
 * called by the case service inside its commands. Internal.
 */
public interface ServiceClock {
  /**
   * What a case is held to.
   *
   * @param tier the tier's name
   * @param rank the tier's place in the policy, 0 for the best
   * @param priority the case's priority (an ordinal of {@code CasePriority}): at least the one asked
   * @param response the first response target
   * @param resolution the resolution target
   * @param atRiskPercent the share of a target after which it is at risk
   * @param calendar the tenant's business calendar
   */
  record Terms(String tier, int rank, int priority, Duration response, Duration resolution, int atRiskPercent,
      BusinessCalendar calendar) {}

  /** The terms of a new case of the account at this priority, or empty when the tenant has no policy. */
  Optional<Terms> forAccount(UnitOfWork uow, AccountId account, int priority);

  /** The terms of the tier at this priority, or empty when the tenant has no policy or no such tier. */
  Optional<Terms> forTier(UnitOfWork uow, String tier, int priority);

  /** The tenant's business calendar, or empty when it has no policy. */
  Optional<BusinessCalendar> calendar(UnitOfWork uow);
}
