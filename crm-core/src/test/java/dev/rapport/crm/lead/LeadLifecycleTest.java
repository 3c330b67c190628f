package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadSource;
import static dev.rapport.crm.lead.LeadStatus.CONTACTED;
import static dev.rapport.crm.lead.LeadStatus.CONVERTED;
import static dev.rapport.crm.lead.LeadStatus.DISQUALIFIED;
import static dev.rapport.crm.lead.LeadStatus.NEW;
import static dev.rapport.crm.lead.LeadStatus.NURTURING;
import static dev.rapport.crm.lead.LeadStatus.QUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LeadLifecycleTest {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  static final TemperaturePolicy POLICY = TemperaturePolicy.standard();

  static Lead newLead() {
    NewLead draft = NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@analytical.example").company("Analytical Engines Ltd").build();
    return Lead.capture(LeadId.of(UUID.randomUUID()), TenantId.of("t1"), draft, POLICY, T0);
  }

  static Lead in(LeadStatus status) {
    Lead l = newLead();
    return switch (status) {
      case NEW -> l;
      case CONTACTED, NURTURING, QUALIFIED -> l.moveTo(status, T0);
      case DISQUALIFIED -> l.disqualify("no budget", T0);
      case CONVERTED -> l.moveTo(QUALIFIED, T0).converted(new ConvertedTo(
          ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), Optional.empty(), T0));
    };
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "NEW, CONTACTED", "NEW, NURTURING", "NEW, QUALIFIED",
      "CONTACTED, NURTURING", "CONTACTED, QUALIFIED",
      "NURTURING, CONTACTED", "NURTURING, QUALIFIED",
      "QUALIFIED, CONTACTED", "QUALIFIED, NURTURING"})
  void openLeadsMoveAlongTheLifecycle(LeadStatus from, LeadStatus to) {
    Lead moved = in(from).moveTo(to, T0.plusSeconds(60));
    assertThat(moved.status()).isEqualTo(to);
    assertThat(moved.updatedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "NEW, NEW", "CONTACTED, CONTACTED", "NURTURING, NEW", "QUALIFIED, NEW", "CONTACTED, NEW",
      "DISQUALIFIED, NEW", "DISQUALIFIED, CONTACTED", "DISQUALIFIED, QUALIFIED",
      "CONVERTED, NEW", "CONVERTED, QUALIFIED", "CONVERTED, NURTURING"})
  void illegalMovesAreRefusedNamingBothStates(LeadStatus from, LeadStatus to) {
    Lead lead = in(from);
    assertThatThrownBy(() -> lead.moveTo(to, T0))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(from == to ? "lead is already " + from : "lead cannot move from " + from + " to " + to)
        .satisfies(e -> {
          assertThat(((IllegalTransitionException) e).from()).isEqualTo(from.name());
          assertThat(((IllegalTransitionException) e).to()).isEqualTo(to.name());
        });
  }

  @ParameterizedTest
  @CsvSource({"CONVERTED", "DISQUALIFIED"})
  void endStatesAreReachedOnlyThroughTheirOwnCommands(LeadStatus to) {
    assertThatThrownBy(() -> newLead().moveTo(to, T0))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("status");
  }

  @Test
  void disqualifiedLeadsKeepTheirReasonAndCanBeReopened() {
    Lead out = in(CONTACTED).disqualify("  bought a competitor  ", T0);
    assertThat(out.status()).isEqualTo(DISQUALIFIED);
    assertThat(out.disqualificationReason()).contains("bought a competitor");
    Lead back = out.reopen(T0.plusSeconds(1));
    assertThat(back.status()).isEqualTo(NEW);
    assertThat(back.disqualificationReason()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"NEW", "CONTACTED", "NURTURING", "QUALIFIED", "CONVERTED"})
  void onlyDisqualifiedLeadsReopen(LeadStatus from) {
    assertThatThrownBy(() -> in(from).reopen(T0)).isInstanceOf(IllegalTransitionException.class)
        .hasMessage("lead cannot move from " + from + " to reopen");
  }

  @ParameterizedTest
  @CsvSource({"CONVERTED", "DISQUALIFIED"})
  void closedLeadsCannotBeDisqualified(LeadStatus from) {
    assertThatThrownBy(() -> in(from).disqualify("x", T0)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aDisqualificationNeedsAReason() {
    assertThatThrownBy(() -> newLead().disqualify(" ", T0)).isInstanceOf(ValidationException.class)
        .hasMessage("reason: must not be blank");
    assertThatThrownBy(() -> newLead().disqualify("x".repeat(201), T0))
        .isInstanceOf(ValidationException.class).hasMessage("reason: must be at most 200 characters");
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("recordSignal", (UnaryOperator<Lead>) l ->
            l.recordSignal(EngagementSignal.of(SignalType.DEMO_REQUEST, T0), POLICY, T0)),
        Arguments.of("overrideTemperature", (UnaryOperator<Lead>) l -> l.overrideTemperature(Temperature.HOT, T0)),
        Arguments.of("clearTemperatureOverride", (UnaryOperator<Lead>) l -> l.clearTemperatureOverride(POLICY, T0)),
        Arguments.of("assign", (UnaryOperator<Lead>) l -> l.assignTo("bob", T0)),
        Arguments.of("score", (UnaryOperator<Lead>) l -> l.withScore(50, T0)),
        Arguments.of("update", (UnaryOperator<Lead>) l -> l.update(LeadUpdate.builder().title("CTO").build(), T0)),
        Arguments.of("refreshTemperature", (UnaryOperator<Lead>) l -> l.refreshTemperature(POLICY, T0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aConvertedLeadNoLongerChanges(String action, UnaryOperator<Lead> change) {
    Lead converted = in(CONVERTED);
    assertThatThrownBy(() -> change.apply(converted))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageStartingWith("lead cannot move from CONVERTED to " + action
            + ": a converted lead no longer changes; change the contact ");
  }

  @Test
  void onlyAQualifiedLeadConverts() {
    assertThatThrownBy(() -> in(CONTACTED).converted(new ConvertedTo(ContactId.of(UUID.randomUUID()),
        AccountId.of(UUID.randomUUID()), Optional.empty(), T0)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("lead cannot move from CONTACTED to CONVERTED: only a QUALIFIED lead converts (qualify it first)");
    Lead converted = in(CONVERTED);
    assertThatThrownBy(() -> converted.converted(converted.convertedTo().orElseThrow()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("lead is already CONVERTED: it was converted on "
            + converted.convertedTo().get().convertedAt() + " into contact " + converted.convertedTo().get().contactId()
            + " at account " + converted.convertedTo().get().accountId());
  }

  @Test
  void engagementWarmsAndHeatsALeadAndAnOverrideWins() {
    Lead lead = newLead();
    assertThat(lead.temperature()).isEqualTo(Temperature.COLD);
    Lead warm = lead.recordSignal(EngagementSignal.of(SignalType.NEWSLETTER_SIGNUP, T0), POLICY, T0);
    assertThat(warm.temperature()).isEqualTo(Temperature.WARM);
    Lead hot = warm.recordSignal(EngagementSignal.of(SignalType.QUOTE_REQUEST, T0), POLICY, T0);
    assertThat(hot.temperature()).isEqualTo(Temperature.HOT);
    Lead overridden = hot.overrideTemperature(Temperature.COLD, T0);
    assertThat(overridden.temperature()).isEqualTo(Temperature.COLD);
    assertThat(overridden.recordSignal(EngagementSignal.of(SignalType.DEMO_REQUEST, T0), POLICY, T0)
        .temperature()).isEqualTo(Temperature.COLD);
    assertThat(overridden.clearTemperatureOverride(POLICY, T0).temperature()).isEqualTo(Temperature.HOT);
  }

  @Test
  void detailsAreCorrectedOnlyWhereTheUpdateSaysSo() {
    Lead lead = newLead();
    Lead updated = lead.update(LeadUpdate.builder().email("Ada@Engines.example").title("Analyst").build(),
        T0.plusSeconds(9));
    assertThat(updated.email()).map(e -> e.address()).contains("Ada@Engines.example");
    assertThat(updated.title()).contains("Analyst");
    assertThat(updated.company()).isEqualTo(lead.company());
    assertThat(updated.name()).isEqualTo(lead.name());
    assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(lead.update(LeadUpdate.builder().build(), T0.plusSeconds(9))).isSameAs(lead);
  }

  @Test
  void lateSignalsAreKeptInTimeOrder() {
    Lead lead = newLead()
        .recordSignal(EngagementSignal.of(SignalType.WEBSITE_VISIT, T0.plusSeconds(20)), POLICY, T0)
        .recordSignal(EngagementSignal.of(SignalType.NEWSLETTER_SIGNUP, T0.plusSeconds(10)), POLICY, T0);
    assertThat(lead.signals()).extracting(EngagementSignal::type)
        .containsExactly(SignalType.NEWSLETTER_SIGNUP, SignalType.WEBSITE_VISIT);
  }

  @Test
  void aLeadKeepsItsMostRecentSignalsUpToTheLimitAndTheOldestDropsOff() {
    Lead lead = newLead();
    for (int i = 0; i < dev.rapport.crm.common.Limits.SIGNALS_PER_LEAD + 5; i++) {
      lead = lead.recordSignal(EngagementSignal.of(SignalType.WEBSITE_VISIT, T0.plusSeconds(i)), POLICY, T0);
    }
    assertThat(lead.signals()).hasSize(dev.rapport.crm.common.Limits.SIGNALS_PER_LEAD);
    assertThat(lead.signals().get(0).occurredAt()).isEqualTo(T0.plusSeconds(5));
    Lead full = lead;
    assertThatThrownBy(() -> new Lead(full.id(), full.tenantId(), 0, full.name(), full.email(), full.phone(),
        full.company(), full.title(), full.source(), full.sourceDetail(), full.status(), full.disqualificationReason(),
        java.util.Collections.nCopies(dev.rapport.crm.common.Limits.SIGNALS_PER_LEAD + 1, full.signals().get(0)),
        full.temperature(), full.temperatureOverride(), full.owner(), full.score(), full.createdAt(),
        full.updatedAt(), full.convertedTo()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("signals: must hold at most 1000");
  }

  @Test
  void oldSignalsCoolALeadDown() {
    Lead hot = newLead().recordSignal(EngagementSignal.of(SignalType.DEMO_REQUEST, T0), POLICY, T0);
    assertThat(hot.refreshTemperature(POLICY, T0.plus(Duration.ofDays(30))).temperature()).isEqualTo(Temperature.HOT);
    assertThat(hot.refreshTemperature(POLICY, T0.plus(Duration.ofDays(31))).temperature()).isEqualTo(Temperature.WARM);
    assertThat(hot.refreshTemperature(POLICY, T0.plus(Duration.ofDays(91))).temperature()).isEqualTo(Temperature.COLD);
    assertThat(hot.refreshTemperature(POLICY, T0)).isSameAs(hot);
  }

  @Test
  void aPolicyIsReplaceable() {
    TemperaturePolicy everyoneIsHot = (signals, now) -> Temperature.HOT;
    Lead lead = newLead().recordSignal(EngagementSignal.of(SignalType.WEBSITE_VISIT, T0), everyoneIsHot, T0);
    assertThat(lead.temperature()).isEqualTo(Temperature.HOT);
  }

  @Test
  void badPolicyWindowsAreRefused() {
    assertThatThrownBy(() -> TemperaturePolicy.standard(Duration.ZERO, Duration.ofDays(1)))
        .isInstanceOf(ValidationException.class).hasMessage("hotFor: must be positive");
    assertThatThrownBy(() -> TemperaturePolicy.standard(Duration.ofDays(10), Duration.ofDays(1)))
        .isInstanceOf(ValidationException.class).hasMessage("warmFor: must be at least hotFor");
  }

  @Test
  void scoresAreZeroToHundred() {
    assertThat(newLead().withScore(100, T0).score()).isEqualTo(100);
    assertThatThrownBy(() -> newLead().withScore(101, T0)).isInstanceOf(ValidationException.class)
        .hasMessage("score: must be between 0 and 100");
    assertThatThrownBy(() -> newLead().withScore(-1, T0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void theRecordRefusesAStatusThatDisagreesWithItsReasonOrLinks() {
    Lead l = newLead();
    assertThatThrownBy(() -> new Lead(l.id(), l.tenantId(), 0, l.name(), l.email(), l.phone(),
        l.company(), l.title(), l.source(), l.sourceDetail(), DISQUALIFIED, Optional.empty(),
        l.signals(), l.temperature(), l.temperatureOverride(), l.owner(), 0, T0, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("reason:");
    assertThatThrownBy(() -> new Lead(l.id(), l.tenantId(), 0, l.name(), l.email(), l.phone(),
        l.company(), l.title(), l.source(), l.sourceDetail(), CONVERTED, Optional.empty(),
        l.signals(), l.temperature(), l.temperatureOverride(), l.owner(), 0, T0, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("convertedTo:");
  }

  @Test
  void leadSourcesAreAnOpenVocabulary() {
    assertThat(LeadSource.of(" Webinar ")).isEqualTo(LeadSource.WEBINAR);
    assertThat(LeadSource.of("podcast").code()).isEqualTo("podcast");
    assertThatThrownBy(() -> LeadSource.of("two words")).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("source:");
    assertThat(NURTURING.isOpen()).isTrue();
  }
}
