package dev.rapport.crm.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A case's clocks, worked by hand on a UTC calendar of 09:00-17:00 weekdays: Monday 2026-03-02
 * 09:00, 2 h to answer, 10 h to resolve, at risk at 50 %.
 */
class CaseLevelTest {
  static final BusinessCalendar CAL = BusinessCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0));
  static final Instant MON_9 = Instant.parse("2026-03-02T09:00:00Z");

  static CaseLevel level() {
    return CaseLevel.start("Gold", 0, Duration.ofHours(2), Duration.ofHours(10), 50, MON_9, CAL);
  }

  @Test
  void dueAndAtRiskInstantsCountBusinessHours() {
    CaseLevel l = level();
    assertThat(l.responseDue()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    assertThat(l.responseAtRisk()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    // 8 h on Monday, 2 h on Tuesday
    assertThat(l.resolutionDue()).isEqualTo(Instant.parse("2026-03-03T11:00:00Z"));
    assertThat(l.resolutionAtRisk()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
  }

  @Test
  void aPauseMovesTheResolutionOnByTheBusinessTimeItLasted() {
    // paused Monday 12:00 to Wednesday 10:00: Monday 5 h, Tuesday 8 h, Wednesday 1 h = 14 h
    CaseLevel paused = level().pause(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(paused.pause(Instant.parse("2026-03-02T13:00:00Z"))).isEqualTo(paused);
    CaseLevel resumed = paused.resume(Instant.parse("2026-03-04T10:00:00Z"), MON_9, CAL);
    assertThat(resumed.paused()).isEqualTo(Duration.ofHours(14));
    // 3 h used before the pause, 7 h left from Wednesday 10:00: 17:00
    assertThat(resumed.resolutionDue()).isEqualTo(Instant.parse("2026-03-04T17:00:00Z"));
    // at risk at 5 h used: 2 h after Wednesday 10:00
    assertThat(resumed.resolutionAtRisk()).isEqualTo(Instant.parse("2026-03-04T12:00:00Z"));
    assertThat(resumed.responseDue()).isEqualTo(level().responseDue());
    assertThat(resumed.resume(Instant.parse("2026-03-05T10:00:00Z"), MON_9, CAL)).isEqualTo(resumed);
  }

  @Test
  void aNewPriorityTakesItsTargetsFromTheOpeningWithTheTimePausedSoFar() {
    CaseLevel resumed = level().pause(Instant.parse("2026-03-02T12:00:00Z"))
        .resume(Instant.parse("2026-03-02T15:00:00Z"), MON_9, CAL); // 3 h paused
    CaseLevel urgent = resumed.retarget(Duration.ofHours(1), Duration.ofHours(4), MON_9, CAL);
    assertThat(urgent.responseDue()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(urgent.resolutionDue()).isEqualTo(Instant.parse("2026-03-02T16:00:00Z")); // 4 h + 3 h from 09:00
    assertThat(urgent.paused()).isEqualTo(Duration.ofHours(3));
  }

  private static ServiceCase open(CaseLevel l) {
    return new ServiceCase(CaseId.of(UUID.randomUUID()), TenantId.of("t"), 1, AccountId.of(UUID.randomUUID()),
        Optional.empty(), "S", Optional.empty(), CasePriority.HIGH, CaseStatus.NEW, Optional.empty(), Optional.empty(),
        MON_9, MON_9, Optional.empty(), Optional.empty(), dev.rapport.crm.field.CustomFields.empty(), Optional.of(l));
  }

  @Test
  void theNextDueInstantAndAlertFollowTheCasesState() {
    ServiceCase c = open(level());
    assertThat(c.dueAt()).contains(level().responseDue());
    assertThat(c.alertAt()).contains(level().responseAtRisk());
    ServiceCase answered = c.moveTo(CaseStatus.IN_PROGRESS, Instant.parse("2026-03-02T09:30:00Z"));
    assertThat(answered.dueAt()).contains(level().resolutionDue());
    assertThat(answered.alertAt()).contains(level().resolutionAtRisk());
    ServiceCase alerted = answered.withLevel(Optional.of(level().alerted(Set.of(CaseLevel.Alert.RESOLUTION_AT_RISK))));
    assertThat(alerted.alertAt()).contains(level().resolutionDue());
    // waiting from 15:00: the resolution stopped after its at-risk instant (14:00) but before its due instant
    ServiceCase waiting = answered.moveTo(CaseStatus.WAITING_ON_CUSTOMER, Instant.parse("2026-03-02T15:00:00Z"));
    waiting = waiting.withLevel(Optional.of(level().pause(Instant.parse("2026-03-02T15:00:00Z"))));
    assertThat(waiting.dueAt()).isEmpty();
    assertThat(waiting.alertAt()).contains(level().resolutionAtRisk());
    assertThat(waiting.alertDue(CaseLevel.Alert.RESOLUTION_BREACHED)).isEmpty();
    // waiting from the very instant the resolution became at risk: the alert still comes
    ServiceCase atTheInstant = answered.withLevel(Optional.of(level().pause(level().resolutionAtRisk())));
    assertThat(atTheInstant.alertDue(CaseLevel.Alert.RESOLUTION_AT_RISK)).contains(level().resolutionAtRisk());
    ServiceCase resolved = answered.resolve("done", Instant.parse("2026-03-02T16:00:00Z"));
    assertThat(resolved.dueAt()).isEmpty();
    assertThat(resolved.alertAt()).isEmpty();
    assertThat(CaseQuery.rankKey(resolved)).isEqualTo(Integer.MAX_VALUE);
    assertThat(CaseQuery.dueKey(resolved)).isEqualTo(Long.MAX_VALUE);
    assertThat(CaseQuery.rankKey(c)).isZero();
  }
}
