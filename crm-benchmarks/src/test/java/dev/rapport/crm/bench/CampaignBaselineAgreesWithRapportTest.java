package dev.rapport.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.campaign.CampaignResults;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The campaign benchmarks compare like with like: on rows the seed writes, Rapport's results and
 * the hand-written SQL give the same figures, and so do the memory adapter and the hand-written maps.
 */
class CampaignBaselineAgreesWithRapportTest {
  private static final int MEMBERS = 2_000;

  @ParameterizedTest
  @ValueSource(strings = {"hibernate", "eclipselink"})
  void rapportAndTheHandWrittenSqlGiveTheSameResults(String provider) throws Exception {
    try (Database db = Database.start("h2")) {
      java.util.UUID campaign = CampaignBenchmarks.seed(db.dataSource, MEMBERS);
      EntityManagerFactory emf = db.entityManagerFactory(provider);
      try {
        Crm crm = Crm.builder().persistence(JpaPersistence.create(emf)).tenant(Fixture.TENANT).build();
        CampaignResults r = crm.campaigns().results(CampaignId.of(campaign));
        long[] sql = CampaignBenchmarks.resultsBySql(db.dataSource, campaign);
        // 2,000 members, every 5th responded: 400; every 100th lead attributed and converted: 20,
        // each with a deal, every other one won: 10 deals of 1,000.00 EUR
        assertThat(new long[] {r.members(), r.responses(), r.leads(), r.convertedLeads(),
            r.opportunities(), r.wonDeals()}).containsExactly(sql[0], sql[1], sql[2], sql[3], sql[4], sql[5]);
        assertThat(sql).startsWith(2_000, 400, 20, 20, 20, 10);
        assertThat(r.wonRevenue()).isEqualTo(Money.of("10000.00", "EUR"));
        assertThat(r.actualCost()).isEqualTo(Money.of("4200.00", "EUR"));
      } finally {
        emf.close();
      }
    }
  }

  @Test
  void theMemoryAdapterAndTheHandWrittenMapsGiveTheSameResults() {
    CampaignBenchmarks.Memory m = new CampaignBenchmarks.Memory();
    m.members = MEMBERS;
    m.start();
    CampaignResults r = m.crm.campaigns().results(m.campaign);
    CampaignBenchmarks.Hand.Totals t = m.hand.totals(m.campaign.value());
    assertThat(new long[] {r.members(), r.responses(), r.leads(), r.convertedLeads(), r.opportunities(), r.wonDeals()})
        .containsExactly(t.members(), t.responses(), t.leads(), t.converted(), t.deals(), t.won())
        .containsExactly(2_000, 400, 20, 20, 20, 10);
    assertThat(r.wonRevenue().amount()).isEqualByComparingTo(t.revenue().get("EUR")).isEqualByComparingTo(new BigDecimal("10000"));
  }
}
