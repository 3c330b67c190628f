package dev.rapport.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.Temperature;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On H2, the JDBC baseline writes rows that Rapport reads as the leads it would have captured, and
 * reads what Rapport reads: the JPA benchmarks compare like with like.
 */
class JdbcBaselineAgreesWithRapportTest {
  private static final int ROWS = 1_000;

  @ParameterizedTest
  @ValueSource(strings = {"hibernate", "eclipselink"})
  void rapportReadsTheBaselinesRowsAndBothFindAndPageAlike(String provider) throws Exception {
    try (Database db = Database.start("h2")) {
      JdbcBaseline.insertLeads(db.dataSource, MemoryStores.STORED, 0, ROWS, JpaBenchmarks.CHUNK,
          "NEW", Instant.now());
      EntityManagerFactory emf = db.entityManagerFactory(provider);
      try {
        Crm crm = Crm.builder().persistence(JpaPersistence.create(emf)).tenant(Fixture.TENANT).build();

        List<Lead> found = crm.leads().findByEmail(Fixture.email(MemoryStores.STORED, 123));
        assertThat(found).singleElement()
            .satisfies(l -> assertThat(Fixture.sameAs(l, MemoryStores.STORED, 123)).isTrue());
        assertThat(JdbcBaseline.findByEmail(db.dataSource, Fixture.email(MemoryStores.STORED, 123)))
            .hasSize(1);
        // the baseline writes the capture's timeline entry as Rapport does
        assertThat(crm.timeline().lead(found.get(0).id(), PageRequest.first(5)).items()).singleElement()
            .satisfies(e -> assertThat(e.summary()).hasValue("Lead captured (source: "
                + found.get(0).source().code() + ")"));

        var page = crm.leads().query(LeadQuery.all().withOwner("owner-1")
            .withTemperatures(Set.of(Temperature.HOT)), PageRequest.first(2));
        List<Object[]> rows = JdbcBaseline.hotLeadsOf(db.dataSource, "owner-1", 2);
        assertThat(page.items()).extracting(l -> l.id().value())
            .containsExactlyElementsOf(rows.subList(0, 2).stream().map(r -> (UUID) r[0]).toList());
        long hot = crm.leads().count(LeadQuery.all().withOwner("owner-1").withTemperatures(Set.of(Temperature.HOT)));
        assertThat(hot).isPositive().isEqualTo(JdbcBaseline.countHotLeadsOf(db.dataSource, "owner-1"));

        List<UUID> qualified = JdbcBaseline.insertLeads(db.dataSource, "buyer", 5_000, 2,
            JpaBenchmarks.CHUNK, "QUALIFIED", Instant.now());
        ConversionResult result = crm.leads().convert(LeadId.of(qualified.get(0)),
            Conversion.standard().withOpportunity(Fixture.deal(0)));
        assertThat(result.accountCreated()).isTrue();
        assertThat(result.contactCreated()).isTrue();
        assertThat(result.opportunity()).isPresent();
        assertThat(JdbcBaseline.convert(db.dataSource, qualified.get(1), "Ledger suite 0",
            Instant.now())).isNotNull();
      } finally {
        emf.close();
      }
    }
  }
}
