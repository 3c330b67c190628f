package dev.rapport.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.NpsResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On H2, the hand-written SQL of {@link FeedbackBenchmarks} counts what Rapport counts, and the
 * hand-written map of the memory rows counts what the memory adapter counts: the benchmarks
 * compare like with like.
 */
class FeedbackBaselineAgreesWithRapportTest {
  private final FeedbackBenchmarks benchmarks = new FeedbackBenchmarks();

  @ParameterizedTest
  @ValueSource(strings = {"hibernate", "eclipselink"})
  void theJdbcAggregatesCountWhatRapportCounts(String provider) throws Exception {
    FeedbackBenchmarks.Db db = new FeedbackBenchmarks.Db();
    db.db = "h2";
    db.answers = 1_000;
    db.start();
    FeedbackBenchmarks.Rapport rapport = new FeedbackBenchmarks.Rapport();
    rapport.provider = provider;
    try {
      rapport.start(db);
      NpsResult nps = benchmarks.npsRapport(rapport);
      assertThat(nps.answers()).isEqualTo(500);
      assertThat(benchmarks.npsJdbc(db)).containsExactly(nps.answers(), nps.promoters(), nps.detractors());
      CsatResult csat = benchmarks.csatRapport(rapport);
      assertThat(csat.answers()).isEqualTo(500);
      assertThat(benchmarks.csatJdbc(db)).containsExactly(csat.answers(), csat.satisfied(), csat.scoreSum());
    } finally {
      rapport.stop();
      db.stop();
    }
  }

  @Test
  void theHandWrittenMapCountsWhatTheMemoryAdapterCounts() {
    FeedbackBenchmarks.Memory memory = new FeedbackBenchmarks.Memory();
    memory.answers = 1_000;
    memory.start();
    NpsResult nps = benchmarks.npsMemoryRapport(memory);
    assertThat(nps.answers()).isEqualTo(500);
    assertThat(benchmarks.npsMemoryBaseline(memory)).containsExactly(nps.answers(), nps.promoters(), nps.detractors());
  }
}
