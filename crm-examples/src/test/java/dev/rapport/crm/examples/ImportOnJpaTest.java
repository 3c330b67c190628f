package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.io.ImportReport;
import dev.rapport.crm.io.LeadExport;
import dev.rapport.crm.io.LeadImport;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.memory.MemoryPersistence;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The importer reaches a store only through the services, so the JPA adapter (H2, Hibernate, the
 * shipped scripts) stores and gives back exactly what the memory adapter does: the same report,
 * and the same export, field for field.
 */
class ImportOnJpaTest {
  @Test
  void aFileImportedIntoTheDatabaseExportsAsItDoesFromMemory() {
    StringBuilder csv = new StringBuilder("givenName,familyName,email,phone,company,title,source,owner\n");
    for (int i = 0; i < 1_200; i++) {
      csv.append(i % 9 == 0 ? "" : "Given " + i).append(",\"Family, ").append(i).append("\",")
          .append(i % 4 == 0 ? "" : "p" + i + "@example.com").append(',')
          .append(i % 5 == 0 ? "+4930123456" + (i % 100) : "").append(",\"Firm \"\"").append(i % 40).append("\"\"\",")
          .append(i % 3 == 0 ? "Chief" : "").append(',').append(i % 2 == 0 ? "webinar" : "referral").append(',')
          .append(i % 6 == 0 ? "owner-1" : "").append('\n');
    }
    csv.append(",NoSource,,,,,,\n"); // a bad row: no source
    String url = "jdbc:h2:mem:import-jpa;DB_CLOSE_DELAY=-1";
    AccountingEmbedding.migrate(url, "sa", "");
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("invoicing",
        Map.of("jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", "sa",
            "jakarta.persistence.jdbc.password", ""));
    try {
      Crm jpa = Crm.builder().persistence(JpaPersistence.create(emf)).tenant("import").build();
      Crm memory = Crm.builder().persistence(MemoryPersistence.create()).tenant("import").build();
      ImportReport onJpa = LeadImport.into(jpa).batchSize(500).csv(() -> new StringReader(csv.toString()));
      ImportReport inMemory = LeadImport.into(memory).batchSize(500).csv(() -> new StringReader(csv.toString()));

      assertThat(onJpa.stored()).isEqualTo(1_200);
      assertThat(onJpa.errors()).isEqualTo(inMemory.errors()).singleElement()
          .satisfies(e -> assertThat(e.field()).isEqualTo("source"));
      StringWriter fromJpa = new StringWriter();
      StringWriter fromMemory = new StringWriter();
      LeadExport.csv(jpa, LeadQuery.all(), fromJpa);
      LeadExport.csv(memory, LeadQuery.all(), fromMemory);
      assertThat(fromJpa.toString()).isEqualTo(fromMemory.toString()).contains("\"Firm \"\"7\"\"\"");
    } finally {
      emf.close();
    }
  }
}
