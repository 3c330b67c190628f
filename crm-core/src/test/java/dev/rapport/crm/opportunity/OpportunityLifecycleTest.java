package dev.rapport.crm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpportunityLifecycleTest {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  static final Pipeline PIPELINE = Pipeline.standard();

  static Opportunity open() {
    return Opportunity.open(OpportunityId.of(UUID.randomUUID()), TenantId.of("t1"),
        AccountId.of(UUID.randomUUID()), Optional.empty(),
        NewOpportunity.builder("Ledger licences", Money.of("12000", "EUR")).build(), PIPELINE,
        Optional.empty(), Optional.empty(), Optional.empty(), T0);
  }

  @Test
  void theStandardPipelineHasTheUsualStagesAndProbabilities() {
    assertThat(PIPELINE.stages()).extracting(Stage::name, Stage::probability).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Prospecting", 10),
        org.assertj.core.groups.Tuple.tuple("Qualification", 20),
        org.assertj.core.groups.Tuple.tuple("Needs Analysis", 25),
        org.assertj.core.groups.Tuple.tuple("Proposal", 50),
        org.assertj.core.groups.Tuple.tuple("Negotiation", 80),
        org.assertj.core.groups.Tuple.tuple("Closed Won", 100),
        org.assertj.core.groups.Tuple.tuple("Closed Lost", 0));
  }

  @Test
  void anAmountInAnotherCurrencyIsRefusedAndTheCurrencyChangesOnlyExplicitly() {
    Opportunity o = open();
    assertThatThrownBy(() -> o.changeAmount(Money.of("12000", "JPY"), T0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount: must be in the opportunity's currency EUR, not JPY: change the currency with changeCurrency");
    assertThat(o.changeAmount(Money.of("15000", "EUR"), T0).amount()).isEqualTo(Money.of("15000", "EUR"));
    assertThat(o.changeCurrency(Money.of("2000000", "JPY"), T0).amount()).isEqualTo(Money.of("2000000", "JPY"));
  }

  @Test
  void aHistoryIsNeverCutSoAMoveBeyondItsLimitIsRefusedButTheOpportunityStillCloses() {
    Opportunity o = open();
    for (int i = 1; i < dev.rapport.crm.common.Limits.STAGE_CHANGES; i++) {
      o = o.moveTo(PIPELINE.stage(i % 2 == 0 ? "Prospecting" : "Proposal"), T0);
    }
    assertThat(o.history()).hasSize(dev.rapport.crm.common.Limits.STAGE_CHANGES);
    Opportunity full = o;
    assertThatThrownBy(() -> full.moveTo(PIPELINE.stage("Negotiation"), T0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("history: must hold at most 1000 stage changes: win or lose the opportunity instead");
    Opportunity won = full.win(PIPELINE, T0);
    assertThat(won.history()).hasSize(dev.rapport.crm.common.Limits.STAGE_CHANGES + 1);
    assertThatThrownBy(() -> won.reopen(PIPELINE.stage("Proposal"), T0)).isInstanceOf(ValidationException.class);
    assertThat(full.lose(PIPELINE, LostReason.PRICE, T0).status()).isEqualTo(OpportunityStatus.LOST);
  }

  @Test
  void aNewOpportunityStartsInTheFirstStageWithItsHistory() {
    Opportunity o = open();
    assertThat(o.stage()).isEqualTo("Prospecting");
    assertThat(o.probability()).isEqualTo(10);
    assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(o.history()).containsExactly(new StageChange(Optional.empty(), "Prospecting", T0));
    assertThat(o.weightedAmount()).isEqualTo(Money.of("1200", "EUR"));
  }

  @Test
  void movingTakesTheStageProbabilityAndClearsAnOverride() {
    Opportunity o = open().overrideProbability(15, T0);
    assertThat(o.probability()).isEqualTo(15);
    assertThat(o.probabilityOverridden()).isTrue();
    Opportunity moved = o.moveTo(PIPELINE.stage("negotiation"), T0.plusSeconds(5));
    assertThat(moved.stage()).isEqualTo("Negotiation");
    assertThat(moved.probability()).isEqualTo(80);
    assertThat(moved.probabilityOverridden()).isFalse();
    assertThat(moved.forecastCategory()).isEqualTo(ForecastCategory.COMMIT);
    assertThat(moved.history()).last().isEqualTo(
        new StageChange(Optional.of("Prospecting"), "Negotiation", T0.plusSeconds(5)));
  }

  @Test
  void winningAndLosingCloseTheOpportunity() {
    Opportunity won = open().win(PIPELINE, T0);
    assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
    assertThat(won.stage()).isEqualTo("Closed Won");
    assertThat(won.probability()).isEqualTo(100);
    assertThat(won.closedAt()).contains(T0);
    Opportunity lost = open().lose(PIPELINE, LostReason.PRICE, T0);
    assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
    assertThat(lost.lostReason()).contains(LostReason.PRICE);
    assertThat(lost.forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
    Opportunity reopened = lost.reopen(PIPELINE.stage("Proposal"), T0.plusSeconds(1));
    assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(reopened.lostReason()).isEmpty();
    assertThat(reopened.closedAt()).isEmpty();
    assertThat(reopened.history()).extracting(StageChange::to)
        .containsExactly("Prospecting", "Closed Lost", "Proposal");
  }

  @Test
  void closedOpportunitiesRefuseMovesNamingBothStates() {
    Opportunity won = open().win(PIPELINE, T0);
    assertThatThrownBy(() -> won.moveTo(PIPELINE.stage("Proposal"), T0))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("opportunity cannot move from WON to Proposal");
    assertThatThrownBy(() -> won.win(PIPELINE, T0)).isInstanceOf(IllegalTransitionException.class)
        .hasMessage("opportunity is already WON");
    assertThatThrownBy(() -> won.lose(PIPELINE, LostReason.PRICE, T0))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> won.overrideProbability(5, T0)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> won.changeAmount(Money.of("1", "EUR"), T0)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> won.expectCloseOn(LocalDate.of(2026, 5, 1), T0)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> open().reopen(PIPELINE.stage("Proposal"), T0))
        .isInstanceOf(IllegalTransitionException.class).hasMessage("opportunity cannot move from OPEN to reopen");
  }

  @Test
  void closingStagesAreReachedOnlyByWinningOrLosing() {
    assertThatThrownBy(() -> open().moveTo(PIPELINE.stage("Closed Won"), T0))
        .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
        .isEqualTo("stage");
    assertThatThrownBy(() -> PIPELINE.stage("Haggling")).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("stage: must be a stage of the pipeline");
    // where only open stages are allowed, the message lists only those
    assertThatThrownBy(() -> PIPELINE.openStage("Haggling")).isInstanceOf(ValidationException.class)
        .hasMessage("stage: must be an open stage of the pipeline (ignoring case): "
            + PIPELINE.stages().stream().filter(s -> s.outcome() == OpportunityStatus.OPEN).map(Stage::name).toList())
        .message().doesNotContain("Closed Won").doesNotContain("Closed Lost");
    assertThatThrownBy(() -> PIPELINE.openStage("closed won")).isInstanceOf(ValidationException.class)
        .hasMessageEndingWith("(Closed Won closes the opportunity: win or lose it instead)");
    assertThat(PIPELINE.openStage(" proposal ")).isEqualTo(PIPELINE.stage("Proposal"));
  }

  @Test
  void pipelinesAreConfigurableButMustBeComplete() {
    Pipeline p = Pipeline.builder().stage("Talk", 30, ForecastCategory.PIPELINE).won("Yes").lost("No").build();
    assertThat(p.firstStage().name()).isEqualTo("Talk");
    assertThatThrownBy(() -> Pipeline.builder().stage("Talk", 30, ForecastCategory.PIPELINE).won("Yes").build())
        .isInstanceOf(ValidationException.class).hasMessage("stages: must have one won and one lost stage");
    assertThatThrownBy(() -> Pipeline.builder().stage("A", 1, ForecastCategory.PIPELINE)
        .stage("a", 2, ForecastCategory.PIPELINE).won("W").lost("L").build())
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("stages[1].name: must not repeat");
    assertThatThrownBy(() -> Pipeline.builder().stage("A", 101, ForecastCategory.PIPELINE))
        .isInstanceOf(ValidationException.class).hasMessage("stage.probability: must be between 0 and 100");
  }

  @Test
  void amountsMustNotBeNegative() {
    assertThatThrownBy(() -> NewOpportunity.builder("x", Money.of("-1", "EUR")))
        .isInstanceOf(ValidationException.class).hasMessage("amount: must not be negative");
    assertThatThrownBy(() -> open().changeAmount(Money.of("-1", "EUR"), T0))
        .isInstanceOf(ValidationException.class).hasMessage("amount: must not be negative");
  }
}
