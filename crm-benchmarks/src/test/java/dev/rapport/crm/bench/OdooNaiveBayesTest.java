package dev.rapport.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The baseline computes what Odoo computes, worked out by hand; the metrics are right. */
class OdooNaiveBayesTest {
  static final Instant T = Instant.parse("2026-01-10T00:00:00Z");
  private long next;

  private Lead lead(LeadSource source) {
    return lead(source, Temperature.COLD);
  }

  private Lead lead(LeadSource source, Temperature temperature) {
    next++;
    return new Lead(LeadId.of(new UUID(7, next)), ScoringData.TENANT, 1, PersonName.of("P" + next),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), source, Optional.empty(),
        LeadStatus.NEW, Optional.empty(), List.of(), temperature, Optional.empty(), Optional.empty(), 0,
        T.minus(Duration.ofDays(2)), T, Optional.empty(), Optional.empty(), Optional.empty(), dev.rapport.crm.field.CustomFields.empty());
  }

  @Test
  void naiveBayesWithOdoosSmoothingRoundingAndUnsetValues() {
    // won: 2 referral; lost: 1 referral, 1 cold call; every other field has one value for all four.
    // source: referral won 2.1 lost 1.1, cold call won 0.1 lost 1.1; totals 2.2 and 2.2; prior 2.1 : 2.1.
    // A field of one value: (2.1 / 2.1) / (2.1 / 2.1) = 1. So referral: 2.1 : 1.1 = 65.625 % -> 65.63 %;
    // cold call: 0.1 : 1.1 = 8.333 % -> 8.33 %; a source not in the table is not counted: 50 %.
    List<Lead> leads = List.of(lead(LeadSource.REFERRAL), lead(LeadSource.REFERRAL), lead(LeadSource.REFERRAL),
        lead(LeadSource.COLD_CALL));
    OdooNaiveBayes nb = OdooNaiveBayes.train(leads, new boolean[] {true, true, false, false},
        new Instant[] {T, T, T, T});
    assertThat(nb.probability(lead(LeadSource.REFERRAL), T)).isCloseTo(0.6563, within(1e-12));
    assertThat(nb.probability(lead(LeadSource.COLD_CALL), T)).isCloseTo(0.0833, within(1e-12));
    assertThat(nb.probability(lead(LeadSource.WEBINAR), T)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void probabilitiesAreClampedTo0_01And99_99Percent() {
    // two fields each with odds 1000.1 / 0.1 (in the totals' ratio): about 10^8 to 1, which rounds
    // to 100.00 % before the clamp
    List<Lead> leads = new java.util.ArrayList<>();
    boolean[] won = new boolean[2000];
    Instant[] at = new Instant[2000];
    for (int i = 0; i < 2000; i++) {
      leads.add(i < 1000 ? lead(LeadSource.REFERRAL, Temperature.HOT) : lead(LeadSource.COLD_CALL, Temperature.COLD));
      won[i] = i < 1000;
      at[i] = T;
    }
    OdooNaiveBayes nb = OdooNaiveBayes.train(leads, won, at);
    assertThat(nb.probability(lead(LeadSource.REFERRAL, Temperature.HOT), T)).isCloseTo(0.9999, within(1e-15));
    assertThat(nb.probability(lead(LeadSource.COLD_CALL, Temperature.COLD), T)).isCloseTo(0.0001, within(1e-15));
  }

  @Test
  void aucCountsPairsAndTiesHalfAndBrierIsTheMeanSquare() {
    assertThat(ScoringComparison.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
        .isEqualTo(0.75);
    assertThat(ScoringComparison.auc(new double[] {0.5, 0.5}, new boolean[] {true, false})).isEqualTo(0.5);
    assertThat(ScoringComparison.brier(new double[] {0.9, 0.2}, new boolean[] {true, false}))
        .isCloseTo((0.01 + 0.04) / 2, within(1e-15));
  }
}
