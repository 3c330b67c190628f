package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.service.CaseLevel;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.CaseTargetAtRisk;
import dev.rapport.crm.service.CaseTargetBreached;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.servicelevel.AccountTierChanged;
import dev.rapport.crm.servicelevel.CaseServiceLevel;
import dev.rapport.crm.servicelevel.Retiered;
import dev.rapport.crm.servicelevel.ServiceLevelReport;
import dev.rapport.crm.servicelevel.ServicePolicy;
import dev.rapport.crm.servicelevel.ServicePolicyChanged;
import dev.rapport.crm.servicelevel.ServiceTarget;
import dev.rapport.crm.servicelevel.ServiceTier;
import dev.rapport.crm.servicelevel.TargetStatus;
import dev.rapport.crm.servicelevel.TierRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service levels on the adapter: the policy and the accounts' tiers stored and read back, a case's
 * level kept through its moves and stored unchanged, the due instants worked by hand on a fixed
 * clock across a weekend, a daylight-saving change, holidays and time waiting on the customer,
 * alerts raised exactly once, the open-case list by due instant and by value page by page, and the
 * report.
 *
 * <p>The calendar: Europe/Berlin, Monday to Friday 09:00-17:00, Good Friday (2026-04-03) and Easter
 * Monday (2026-04-06) off. Berlin moves from CET (UTC+1) to CEST (UTC+2) on Sunday 2026-03-29.
 */
public abstract class ServiceLevelContract extends ContractSupport {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final BusinessCalendar CALENDAR = BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0))
      .withHoliday(BusinessCalendar.Holiday.on(LocalDate.of(2026, 4, 3), "Karfreitag"))
      .withHoliday(BusinessCalendar.Holiday.on(LocalDate.of(2026, 4, 6), "Ostermontag"));

  /** Gold: flagged key accounts, at least HIGH; HIGH answered within 1 h and resolved within 8 h. */
  static final ServiceTier GOLD = ServiceTier.named("Gold", ServiceTarget.hours(2, 16))
      .withTarget(CasePriority.HIGH, ServiceTarget.hours(1, 8))
      .withTarget(CasePriority.URGENT, new ServiceTarget(Duration.ofMinutes(30), Duration.ofHours(4)))
      .when(TierRule.flag("key_account", FieldValue.bool(true)))
      .atLeast(CasePriority.HIGH);
  /** Everyone else: 8 h to answer, 40 h to resolve. */
  static final ServiceTier STANDARD = ServiceTier.named("Standard", ServiceTarget.hours(8, 40));
  static final ServicePolicy POLICY = ServicePolicy.of(CALENDAR, GOLD, STANDARD);

  Account gold;
  Account standard;

  static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  @BeforeEach
  void policyAndAccounts() {
    clock.set(berlin("2026-03-20T12:00"));
    crm.customFields().define(CustomField.of(RecordKind.ACCOUNT, "key_account", "Key account", FieldType.BOOLEAN));
    gold = crm.accounts().create(NewAccount.builder("Müller & Söhne GmbH").build());
    gold = crm.accounts().setFields(gold.id(), CustomFields.empty().with("key_account", FieldValue.bool(true)));
    standard = crm.accounts().create(NewAccount.builder("Kiosk am Eck").build());
    crm.serviceLevels().define(POLICY);
    Retiered r;
    do {
      r = crm.serviceLevels().retier(1);
    } while (!r.done());
    events.clear();
  }

  @Test
  public void thePolicyIsStoredAndReadBackEqual() {
    assertThat(crm.serviceLevels().policy()).contains(POLICY);
    ServicePolicy odd = ServicePolicy.of(CALENDAR.withZone(ZoneId.of("America/New_York"))
            .withHours(java.time.DayOfWeek.SATURDAY, List.of(new BusinessCalendar.Hours(LocalTime.of(10, 0), LocalTime.MIDNIGHT)))
            .withHoliday(new BusinessCalendar.Holiday(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 1), "Winter “break” 🎄")),
        GOLD.when(TierRule.segment("champions", "LOYAL")).when(TierRule.bestCustomers(1_000))
            .when(TierRule.revenueAtLeast(dev.rapport.crm.common.Money.of("12345.67", "EUR")))
            .when(TierRule.payerClass(dev.rapport.crm.sales.PayerClass.ON_TIME))
            .when(TierRule.churnRiskAtLeast(dev.rapport.crm.analytics.ChurnRisk.Level.HIGH)),
        ServiceTier.named("Silver ü", new ServiceTarget(Duration.ofMinutes(1), Duration.ofDays(366)))
            .when(TierRule.payerClass(dev.rapport.crm.sales.PayerClass.ON_TIME, dev.rapport.crm.sales.PayerClass.OCCASIONALLY_LATE)),
        STANDARD).withAtRiskPercent(99).withLookbackDays(3_660);
    crm.serviceLevels().define(odd);
    assertThat(crm.serviceLevels().policy()).contains(odd);
    assertThat(events).filteredOn(ServicePolicyChanged.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((ServicePolicyChanged) e).revision()).isEqualTo(2));
  }

  @Test
  public void retieringPutsEachAccountInTheFirstTierWhoseRuleMatchesOnceAndAgainWhenItChanges() {
    assertThat(crm.serviceLevels().tierOf(gold.id())).contains("Gold");
    assertThat(crm.serviceLevels().tierOf(standard.id())).contains("Standard");
    Retiered again = crm.serviceLevels().retier(10);
    assertThat(again.done()).isTrue();
    assertThat(again.accounts()).isEqualTo(2);
    assertThat(again.changes()).isEmpty();
    assertThat(events).isEmpty();

    crm.accounts().setFields(gold.id(), CustomFields.empty().with("key_account", FieldValue.bool(false)));
    Retiered changed = crm.serviceLevels().retier(10);
    assertThat(changed.changes()).singleElement().satisfies(c -> {
      assertThat(c.accountId()).isEqualTo(gold.id());
      assertThat(c.from()).contains("Gold");
      assertThat(c.to()).isEqualTo("Standard");
    });
    assertThat(events).filteredOn(AccountTierChanged.class::isInstance).hasSize(1);
    assertThat(crm.serviceLevels().tierOf(gold.id())).contains("Standard");
  }

  @Test
  public void aFlagRuleOnAnUnknownFieldIsRefusedAndChangesNothing() {
    StoreSnapshot before = snapshot();
    ServicePolicy bad = ServicePolicy.of(CALENDAR, GOLD.when(TierRule.flag("no_such_field", FieldValue.bool(true))), STANDARD);
    assertThatThrownBy(() -> crm.serviceLevels().define(bad)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("rule.field").hasMessageContaining("no_such_field");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(crm.serviceLevels().policy()).contains(POLICY);
  }

  /**
   * Opened Friday 2026-03-27 15:00 CET by a Gold account, asked NORMAL, raised to HIGH (1 h, 8 h).
   * Response due Friday 16:00 CET. Resolution: Friday 15-17 (2 h) and Monday 09-15 CEST (6 h): due
   * Monday 15:00 CEST, 13:00Z, one hour earlier in UTC than a clock that forgot the switch. Answered
   * Friday 15:30 by moving it to waiting on the customer (30 min of resolution used); the customer
   * answers Tuesday 10:00 CEST. Paused: Friday 15:30-17:00 (1.5 h), Monday (8 h), Tuesday 09-10 (1
   * h): 10.5 h. Left: 7.5 h from Tuesday 10:00: Tuesday 7 h, Wednesday 0.5 h: due Wednesday
   * 2026-04-01 09:30 CEST. At risk at 80 % (6 h 24 min): 5 h 54 min after Tuesday 10:00: 15:54 CEST.
   */
  @Test
  public void dueInstantsWorkedByHandAcrossAWeekendADaylightSavingChangeAndWaiting() {
    clock.set(berlin("2026-03-27T15:00"));
    ServiceCase c = crm.cases().open(NewCase.builder(gold.id(), "Lohnexport bricht ab").build());
    assertThat(c.priority()).isEqualTo(CasePriority.HIGH);
    CaseLevel l = c.level().orElseThrow();
    assertThat(l.tier()).isEqualTo("Gold");
    assertThat(l.rank()).isZero();
    assertThat(l.responseDue()).isEqualTo(berlin("2026-03-27T16:00"));
    assertThat(l.responseAtRisk()).isEqualTo(berlin("2026-03-27T15:48"));
    assertThat(l.resolutionDue()).isEqualTo(Instant.parse("2026-03-30T13:00:00Z")).isEqualTo(berlin("2026-03-30T15:00"));
    assertThat(l.resolutionAtRisk()).isEqualTo(berlin("2026-03-30T13:24"));
    assertThat(c.dueAt()).contains(berlin("2026-03-27T16:00"));
    assertThat(storedCase(c.id())).contains(c);

    clock.set(berlin("2026-03-27T15:30"));
    ServiceCase waiting = crm.cases().changeStatus(c.id(), CaseStatus.WAITING_ON_CUSTOMER);
    assertThat(waiting.firstResponseAt()).contains(berlin("2026-03-27T15:30"));
    assertThat(waiting.level().orElseThrow().pausedSince()).contains(berlin("2026-03-27T15:30"));
    assertThat(waiting.dueAt()).isEmpty();

    clock.set(berlin("2026-03-31T10:00"));
    ServiceCase back = crm.cases().changeStatus(c.id(), CaseStatus.IN_PROGRESS);
    CaseLevel resumed = back.level().orElseThrow();
    assertThat(resumed.paused()).isEqualTo(Duration.ofMinutes(630));
    assertThat(resumed.pausedSince()).isEmpty();
    assertThat(resumed.resolutionDue()).isEqualTo(berlin("2026-04-01T09:30"));
    assertThat(resumed.resolutionAtRisk()).isEqualTo(berlin("2026-03-31T15:54"));
    assertThat(back.dueAt()).contains(berlin("2026-04-01T09:30"));
    assertThat(storedCase(c.id())).contains(back);

    CaseServiceLevel now = crm.serviceLevels().of(c.id()).orElseThrow();
    assertThat(now.response().state()).isEqualTo(TargetStatus.State.MET);
    assertThat(now.response().used()).isEqualTo(Duration.ofMinutes(30));
    assertThat(now.resolution().used()).isEqualTo(Duration.ofMinutes(30));
    assertThat(now.resolution().state()).isEqualTo(TargetStatus.State.ON_TRACK);
  }

  /**
   * A case resolved while it waits on the customer: its clock stopped when it began to wait (30 min
   * used of 8 h), so its resolution is within target however long the wait.
   */
  @Test
  public void aCaseResolvedWhileWaitingIsMeasuredUpToTheWait() {
    clock.set(berlin("2026-03-27T15:00"));
    ServiceCase c = crm.cases().open(NewCase.builder(gold.id(), "Lohnexport bricht ab").build());
    clock.set(berlin("2026-03-27T15:30"));
    crm.cases().changeStatus(c.id(), CaseStatus.WAITING_ON_CUSTOMER);
    clock.set(berlin("2026-04-08T10:00"));
    crm.cases().resolve(c.id(), "No answer; closed as solved");
    CaseServiceLevel level = crm.serviceLevels().of(c.id()).orElseThrow();
    assertThat(level.resolution().used()).isEqualTo(Duration.ofMinutes(30));
    assertThat(level.resolution().state()).isEqualTo(TargetStatus.State.MET);
    assertThat(crm.cases().refreshServiceLevels()).isEmpty();
    ServiceLevelReport.Row g = crm.serviceLevels().report(Period.month(java.time.YearMonth.of(2026, 3))).byTier().get(0);
    assertThat(List.of(g.resolved(), g.resolvedInTarget(), g.resolutionBreaches())).containsExactly(1L, 1L, 0L);
  }

  /**
   * Opened Thursday 2026-04-02 16:00 CEST by a Standard account (8 h, 40 h). Response: Thursday 1 h;
   * Good Friday, the weekend and Easter Monday off; Tuesday 09:00 + 7 h: 16:00 CEST. Resolution:
   * Thursday 1 h, Tuesday to Friday 32 h, Monday 2026-04-13 7 h: 16:00 CEST.
   */
  @Test
  public void holidaysAndWeekendsStopTheClock() {
    clock.set(berlin("2026-04-02T16:00"));
    ServiceCase c = crm.cases().open(NewCase.builder(standard.id(), "Frage zur Rechnung").build());
    assertThat(c.priority()).isEqualTo(CasePriority.NORMAL);
    assertThat(c.level().orElseThrow().responseDue()).isEqualTo(berlin("2026-04-07T16:00"));
    assertThat(c.level().orElseThrow().resolutionDue()).isEqualTo(berlin("2026-04-13T16:00"));
    assertThat(storedCase(c.id())).contains(c);
  }

  @Test
  public void alertsAreRaisedOnceEachWhenTheyComeDue() {
    clock.set(berlin("2026-03-27T15:00"));
    ServiceCase c = crm.cases().open(NewCase.builder(gold.id(), "Lohnexport bricht ab").build());
    events.clear();
    clock.set(berlin("2026-03-27T15:47"));
    assertThat(crm.cases().refreshServiceLevels()).isEmpty();
    clock.set(berlin("2026-03-27T15:48"));
    List<? extends CrmEvent> first = crm.cases().refreshServiceLevels();
    assertThat(first).singleElement().isInstanceOfSatisfying(CaseTargetAtRisk.class, e -> {
      assertThat(e.target()).isEqualTo(CaseLevel.Target.RESPONSE);
      assertThat(e.dueAt()).isEqualTo(berlin("2026-03-27T16:00"));
      assertThat(e.tier()).isEqualTo("Gold");
    });
    assertThat(crm.cases().refreshServiceLevels()).isEmpty();
    // Monday 14:00 CEST: the response is overdue, the resolution at risk (13:24), not yet breached (15:00)
    clock.set(berlin("2026-03-30T14:00"));
    List<? extends CrmEvent> second = crm.cases().refreshServiceLevels();
    assertThat(second).hasSize(2);
    assertThat(second).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CaseTargetBreached.class,
        b -> assertThat(b.target()).isEqualTo(CaseLevel.Target.RESPONSE)));
    assertThat(second).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CaseTargetAtRisk.class,
        b -> assertThat(b.target()).isEqualTo(CaseLevel.Target.RESOLUTION)));
    assertThat(crm.cases().refreshServiceLevels()).isEmpty();
    clock.set(berlin("2026-03-30T15:00"));
    assertThat(crm.cases().refreshServiceLevels()).singleElement().isInstanceOf(CaseTargetBreached.class);
    assertThat(crm.cases().refreshServiceLevels()).isEmpty();
    assertThat(events).hasSize(4);
    assertThat(storedCase(c.id()).orElseThrow().level().orElseThrow().alerts()).hasSize(4);
    CaseServiceLevel level = crm.serviceLevels().of(c.id()).orElseThrow();
    assertThat(level.response().state()).isEqualTo(TargetStatus.State.BREACHED);
    assertThat(level.resolution().state()).isEqualTo(TargetStatus.State.BREACHED);
  }

  @Test
  public void theOpenCaseListPagesByDueInstantAndByValue() {
    clock.set(berlin("2026-03-23T09:00")); // a Monday
    ServiceCase slow = crm.cases().open(NewCase.builder(standard.id(), "A").build()); // response due 17:00
    clock.set(berlin("2026-03-23T10:00"));
    ServiceCase urgent = crm.cases().open(NewCase.builder(standard.id(), "B").priority(CasePriority.URGENT).build()); // 18:00 → Tue 10:00
    clock.set(berlin("2026-03-23T11:00"));
    ServiceCase goldCase = crm.cases().open(NewCase.builder(gold.id(), "C").build()); // HIGH, 12:00
    clock.set(berlin("2026-03-23T11:30"));
    ServiceCase waits = crm.cases().open(NewCase.builder(standard.id(), "D").build());
    waits = crm.cases().changeStatus(waits.id(), CaseStatus.WAITING_ON_CUSTOMER); // no clock runs
    assertThat(walk(CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE)))
        .containsExactly(goldCase.id(), slow.id(), urgent.id(), waits.id());
    assertThat(walk(CaseQuery.allOpen().orderedBy(CaseQuery.Order.VALUE)))
        .containsExactly(goldCase.id(), slow.id(), urgent.id(), waits.id());
    assertThat(walk(CaseQuery.allOpen().withPriorities(java.util.Set.of(CasePriority.NORMAL)).orderedBy(CaseQuery.Order.DUE)))
        .containsExactly(slow.id(), waits.id());
    assertThat(crm.cases().count(CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE))).isEqualTo(4);
  }

  private List<dev.rapport.crm.common.CaseId> walk(CaseQuery q) {
    List<dev.rapport.crm.common.CaseId> ids = new ArrayList<>();
    Optional<PageRequest> next = Optional.of(PageRequest.first(1));
    while (next.isPresent()) {
      dev.rapport.crm.common.Page<ServiceCase> p = crm.cases().query(q, next.get());
      p.items().forEach(c -> ids.add(c.id()));
      next = next.get().next(p);
    }
    return ids;
  }

  /**
   * Two Gold cases and one Standard case opened in March 2026; the report counts by hand: Gold's
   * first case answered in 30 min (in target), the second answered after 2 h against 1 h (late);
   * Standard's answered in 1 h of 8. Resolution: Gold's first resolved in 1 h (in target).
   */
  @Test
  public void theReportCountsByTierAndOwnerWithTheTiersFeedback() {
    clock.set(berlin("2026-03-23T09:00"));
    ServiceCase g1 = crm.cases().open(NewCase.builder(gold.id(), "g1").build());
    ServiceCase g2 = crm.cases().open(NewCase.builder(gold.id(), "g2").build());
    ServiceCase s1 = crm.cases().open(NewCase.builder(standard.id(), "s1").build());
    crm.cases().assign(g1.id(), "anna");
    crm.cases().assign(g2.id(), "anna");
    crm.cases().assign(s1.id(), "ben");
    clock.set(berlin("2026-03-23T09:30"));
    crm.cases().recordFirstResponse(g1.id());
    clock.set(berlin("2026-03-23T10:00"));
    crm.cases().resolve(g1.id(), "fixed");
    crm.cases().recordFirstResponse(s1.id());
    clock.set(berlin("2026-03-23T11:00"));
    crm.cases().recordFirstResponse(g2.id());
    var eva = crm.contacts().create(NewContact.builder(PersonName.of("Eva", "Müller")).account(gold.id()).build());
    var kai = crm.contacts().create(NewContact.builder(PersonName.of("Kai", "Eck")).account(standard.id()).build());
    crm.feedback().record(NewFeedback.csat(gold.id(), eva.id(), 5).build());
    crm.feedback().record(NewFeedback.nps(gold.id(), eva.id(), 10).aboutCase(g1.id()).build());
    crm.feedback().record(NewFeedback.csat(standard.id(), kai.id(), 2).aboutCase(s1.id()).build());
    ServiceLevelReport r = crm.serviceLevels().report(Period.month(java.time.YearMonth.of(2026, 3)));
    assertThat(r.byTier()).extracting(ServiceLevelReport.Row::key).containsExactly("Gold", "Standard");
    ServiceLevelReport.Row g = r.byTier().get(0);
    assertThat(List.of(g.opened(), g.responded(), g.respondedInTarget(), g.responseBreaches(), g.resolved(),
        g.resolvedInTarget(), g.resolutionBreaches())).containsExactly(2L, 2L, 1L, 1L, 1L, 1L, 0L);
    assertThat(g.responseInTargetPercent()).contains(new java.math.BigDecimal("50.0"));
    assertThat(g.medianResponse()).contains(Duration.ofMinutes(30));
    assertThat(g.p90Response()).contains(Duration.ofHours(2));
    assertThat(g.medianResolution()).contains(Duration.ofHours(1));
    assertThat(g.csat().answers()).isEqualTo(1);
    assertThat(g.nps().promoters()).isEqualTo(1);
    ServiceLevelReport.Row s = r.byTier().get(1);
    assertThat(List.of(s.opened(), s.responded(), s.respondedInTarget())).containsExactly(1L, 1L, 1L);
    assertThat(s.csat().satisfied()).isZero();
    assertThat(r.byOwner()).extracting(ServiceLevelReport.Row::key).containsExactly("anna", "ben");
    assertThat(r.byOwner().get(0).opened()).isEqualTo(2);
    assertThat(r.byOwner().get(0).nps().answers()).isEqualTo(1);
    assertThat(r.byOwner().get(1).csat().answers()).isEqualTo(1);
  }

  @Test
  public void aStateSavedAtAStaleVersionIsRefusedAndChangesNothing() {
    dev.rapport.crm.servicelevel.ServiceLevelRepository.State read = inUnitOfWork(
        uow -> uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class).state().orElseThrow());
    crm.serviceLevels().define(POLICY.withAtRiskPercent(50));
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class)
        .save(new dev.rapport.crm.servicelevel.ServiceLevelRepository.State(POLICY.withAtRiskPercent(60),
            read.revision(), read.version(), Optional.empty(), read.changedAt()))))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(crm.serviceLevels().policy()).contains(POLICY.withAtRiskPercent(50));
  }

  @Test
  public void accountTiersAreStoredReadBackAndForgotten() {
    inUnitOfWork(uow -> {
      var repo = uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class);
      repo.saveTiers(java.util.Map.of(gold.id(), "é".repeat(50), standard.id(), "Silver “B” 🥈"));
      repo.saveTiers(java.util.Map.of(gold.id(), "Gold"));
      return null;
    });
    java.util.Map<dev.rapport.crm.common.AccountId, String> read = inUnitOfWork(uow -> uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class)
        .tiers(List.of(gold.id(), standard.id(), dev.rapport.crm.common.AccountId.of(Fixtures.uuid()))));
    assertThat(read)
        .isEqualTo(java.util.Map.of(gold.id(), "Gold", standard.id(), "Silver “B” 🥈"));
    crm.accounts().delete(standard.id());
    java.util.Map<dev.rapport.crm.common.AccountId, String> after = inUnitOfWork(uow -> uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class)
        .tiers(List.of(gold.id(), standard.id())));
    assertThat(after).isEqualTo(java.util.Map.of(gold.id(), "Gold"));
  }
}
