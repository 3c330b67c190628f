package dev.rapport.crm.service;

import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The service level a case is held to: its customer's tier when it was opened, the tier's first
 * response and resolution targets for its priority, and the instants they fall due. Targets are
 * business time of the tenant's {@link BusinessCalendar}; the resolution clock stops while the case
 * waits on the customer or is resolved, and the time it stood still ({@link #paused()}) moves the
 * resolution due instant on. Set by {@code crm.cases()} when the tenant has a service policy
 * ({@code crm.serviceLevels()}); an immutable value that adapters store and read back unchanged.
 *
 * @param tier the tier's name
 * @param rank the tier's place in the policy, 0 for the best
 * @param responseTarget first response within this business time
 * @param resolutionTarget resolution within this business time
 * @param atRiskPercent a target is at risk once this share of it is used, 1 to 99
 * @param responseDue when the first response falls due
 * @param responseAtRisk when the first response becomes at risk
 * @param resolutionDue when the resolution falls due, by the time paused so far
 * @param resolutionAtRisk when the resolution becomes at risk, by the time paused so far
 * @param paused the business time the resolution clock stood still, before {@code pausedSince}
 * @param pausedSince when the resolution clock stopped, while it stands still
 * @param alerts the at-risk and breach alerts raised for the case so far (each at most once)
 */
public record CaseLevel(
    String tier,
    int rank,
    Duration responseTarget,
    Duration resolutionTarget,
    int atRiskPercent,
    Instant responseDue,
    Instant responseAtRisk,
    Instant resolutionDue,
    Instant resolutionAtRisk,
    Duration paused,
    Optional<Instant> pausedSince,
    Set<Alert> alerts) {

  /** The longest target: a year of business time. */
  public static final Duration LONGEST_TARGET = Duration.ofDays(366);

  /** The two targets of a case. */
  public enum Target {
    /** The first response to the customer. */
    RESPONSE,
    /** The resolution. */
    RESOLUTION
  }

  /** An alert {@code crm.serviceLevels().refresh()} raises once per case. */
  public enum Alert {
    /** The first response is at risk. */
    RESPONSE_AT_RISK,
    /** The first response is overdue. */
    RESPONSE_BREACHED,
    /** The resolution is at risk. */
    RESOLUTION_AT_RISK,
    /** The resolution is overdue. */
    RESOLUTION_BREACHED;

    /** The target it is about. */
    public Target target() {
      return this == RESPONSE_AT_RISK || this == RESPONSE_BREACHED ? Target.RESPONSE : Target.RESOLUTION;
    }

    /** Whether it tells of a breach (else: at risk). */
    public boolean breach() {
      return this == RESPONSE_BREACHED || this == RESOLUTION_BREACHED;
    }
  }

  /**
   * @throws ValidationException if a part is null, the tier blank or longer than {@value
   *     Limits#CODE} characters, the rank negative, a target not positive, longer than {@link
   *     #LONGEST_TARGET} or the response target longer than the resolution target, the share not 1
   *     to 99, an instant out of range, or the paused time negative
   */
  public CaseLevel {
    tier = Check.text(tier, "tier", Limits.CODE);
    Check.notNegative(rank, "rank");
    checkTargets(responseTarget, resolutionTarget);
    Check.range(atRiskPercent, "atRiskPercent", 1, 99);
    responseDue = Check.instant(responseDue, "responseDue");
    responseAtRisk = Check.instant(responseAtRisk, "responseAtRisk");
    resolutionDue = Check.instant(resolutionDue, "resolutionDue");
    resolutionAtRisk = Check.instant(resolutionAtRisk, "resolutionAtRisk");
    Check.notNull(paused, "paused");
    if (paused.isNegative()) {
      throw new ValidationException("paused", "must not be negative");
    }
    paused = micros(paused);
    Check.notNull(pausedSince, "pausedSince");
    pausedSince = pausedSince.map(t -> Check.instant(t, "pausedSince"));
    Check.noNulls(alerts, "alerts");
    alerts = alerts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(alerts));
  }

  /**
   * Checks a pair of targets.
   *
   * @throws ValidationException (field {@code responseTarget} or {@code resolutionTarget}) if one
   *     is null, not positive, longer than {@link #LONGEST_TARGET} or not whole minutes, or the
   *     response target is longer than the resolution target
   */
  public static void checkTargets(Duration response, Duration resolution) {
    checkTargets(response, resolution, "responseTarget", "resolutionTarget");
  }

  /**
   * Checks a pair of targets, naming them as given.
   *
   * @throws ValidationException (field {@code responseField} or {@code resolutionField}) as
   *     {@link #checkTargets(Duration, Duration)}
   */
  public static void checkTargets(Duration response, Duration resolution, String responseField, String resolutionField) {
    target(response, responseField);
    target(resolution, resolutionField);
    if (response.compareTo(resolution) > 0) {
      throw new ValidationException(responseField, "must not be longer than the resolution target");
    }
  }

  private static void target(Duration d, String field) {
    Check.notNull(d, field);
    if (d.isZero() || d.isNegative()) {
      throw new ValidationException(field, "must be positive");
    }
    if (d.compareTo(LONGEST_TARGET) > 0) {
      throw new ValidationException(field, "must be at most 366 days");
    }
    if (d.toSecondsPart() != 0 || d.toNanosPart() != 0) {
      throw new ValidationException(field, "must be whole minutes");
    }
  }

  private static Duration micros(Duration d) {
    return d.getNano() % 1000 == 0 ? d : Duration.ofSeconds(d.getSeconds(), d.getNano() / 1000 * 1000L);
  }

  /**
   * The level of a case opened at {@code openedAt}: both clocks start then.
   *
   * @throws ValidationException if an argument is null or out of range (see the canonical constructor)
   */
  public static CaseLevel start(String tier, int rank, Duration response, Duration resolution, int atRiskPercent,
      Instant openedAt, BusinessCalendar calendar) {
    checkTargets(response, resolution);
    Check.range(atRiskPercent, "atRiskPercent", 1, 99);
    Check.notNull(calendar, "calendar");
    Check.notNull(openedAt, "openedAt");
    return new CaseLevel(tier, rank, response, resolution, atRiskPercent,
        calendar.plus(openedAt, response), calendar.plus(openedAt, share(response, atRiskPercent)),
        calendar.plus(openedAt, resolution), calendar.plus(openedAt, share(resolution, atRiskPercent)),
        Duration.ZERO, Optional.empty(), Set.of());
  }

  private static Duration share(Duration target, int percent) {
    return micros(Duration.ofNanos(target.toNanos() / 100 * percent));
  }

  /** The same level with other targets (a new priority), due instants recomputed from the opening. */
  CaseLevel retarget(Duration response, Duration resolution, Instant openedAt, BusinessCalendar calendar) {
    CaseLevel fresh = start(tier, rank, response, resolution, atRiskPercent, openedAt, calendar);
    CaseLevel moved = new CaseLevel(tier, rank, response, resolution, atRiskPercent, fresh.responseDue,
        fresh.responseAtRisk, fresh.resolutionDue, fresh.resolutionAtRisk, paused, pausedSince, alerts);
    return moved.resumedDue(openedAt, calendar);
  }

  /** Stops the resolution clock at {@code at}; unchanged when it stands still already. */
  CaseLevel pause(Instant at) {
    if (pausedSince.isPresent()) {
      return this;
    }
    return new CaseLevel(tier, rank, responseTarget, resolutionTarget, atRiskPercent, responseDue, responseAtRisk,
        resolutionDue, resolutionAtRisk, paused, Optional.of(at), alerts);
  }

  /**
   * Starts the resolution clock again at {@code at}: the business time it stood still is added to
   * {@link #paused()} and the resolution instants move on by it. Unchanged when it runs.
   */
  CaseLevel resume(Instant at, Instant openedAt, BusinessCalendar calendar) {
    if (pausedSince.isEmpty()) {
      return this;
    }
    Duration more = calendar.between(pausedSince.get(), at);
    CaseLevel running = new CaseLevel(tier, rank, responseTarget, resolutionTarget, atRiskPercent, responseDue,
        responseAtRisk, resolutionDue, resolutionAtRisk, paused.plus(more), Optional.empty(), alerts);
    return running.resumedDue(openedAt, calendar);
  }

  private CaseLevel resumedDue(Instant openedAt, BusinessCalendar calendar) {
    return new CaseLevel(tier, rank, responseTarget, resolutionTarget, atRiskPercent, responseDue, responseAtRisk,
        calendar.plus(openedAt, resolutionTarget.plus(paused)),
        calendar.plus(openedAt, share(resolutionTarget, atRiskPercent).plus(paused)), paused, pausedSince, alerts);
  }

  /** The same level with these alerts raised too. */
  CaseLevel alerted(Set<Alert> raised) {
    EnumSet<Alert> all = alerts.isEmpty() ? EnumSet.noneOf(Alert.class) : EnumSet.copyOf(alerts);
    all.addAll(raised);
    return new CaseLevel(tier, rank, responseTarget, resolutionTarget, atRiskPercent, responseDue, responseAtRisk,
        resolutionDue, resolutionAtRisk, paused, pausedSince, all);
  }

  /** The due instant of a target. */
  public Instant due(Target target) {
    return target == Target.RESPONSE ? responseDue : resolutionDue;
  }

  /** The target of a case's priority and of this level's tier, in business time. */
  public Duration target(Target target) {
    return target == Target.RESPONSE ? responseTarget : resolutionTarget;
  }

  /**
   * The instant an alert comes due for a case with this level (its first response, if any, and
   * whether it is open given), or empty when it never will: a raised alert, a response alert once
   * answered, a resolution alert once resolved, and an alert falling after the clock stopped (one
   * falling on the very instant it stopped still comes: the target was used up then).
   */
  Optional<Instant> alertDue(Alert alert, Optional<Instant> firstResponse, boolean open) {
    if (alerts.contains(alert) || !open) {
      return Optional.empty();
    }
    Instant at = switch (alert) {
      case RESPONSE_AT_RISK -> responseAtRisk;
      case RESPONSE_BREACHED -> responseDue;
      case RESOLUTION_AT_RISK -> resolutionAtRisk;
      case RESOLUTION_BREACHED -> resolutionDue;
    };
    if (alert.target() == Target.RESPONSE && firstResponse.isPresent()) {
      return Optional.empty();
    }
    if (alert.target() == Target.RESOLUTION && pausedSince.isPresent() && at.isAfter(pausedSince.get())) {
      return Optional.empty();
    }
    return Optional.of(at);
  }
}
