package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema scripts shipped in the jar: a host's Flyway applies them as they are, Hibernate
 * validates the mapping against them, and a drifted table fails that validation. The three
 * scripts declare the same tables, columns and indexes.
 */
class SchemaScriptTest {

  @ParameterizedTest
  @EnumSource(names = {"H2", "POSTGRES"})
  void flywayAppliesTheShippedScriptAndTheAdapterWorksOnTheResult(Database database) {
    DataSource ds = database.empty("flyway", Map.of());
    MigrateResult result = Flyway.configure().dataSource(ds)
        .locations("classpath:db/rapport/" + database.scriptFolder()).load().migrate();
    assertThat(result.migrationsExecuted).isEqualTo(Database.SCRIPTS.size());
    assertThat(result.targetSchemaVersion) // the last script's version (versions may skip a number)
        .isEqualTo(Database.SCRIPTS.get(Database.SCRIPTS.size() - 1).replaceFirst("^V(\\d+)__.*", "$1"));

    EntityManagerFactory factory = Provider.HIBERNATE.factory(ds); // validates the mapping
    try {
      TenantId tenant = TenantId.of("flyway");
      Crm crm = Crm.builder().persistence(JpaPersistence.create(factory)).tenant(tenant).build();
      // the lead as stored: instants kept to the microsecond, as every database keeps them
      Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Migrated"), LeadSource.OTHER).build());
      assertThat(crm.leads().get(lead.id())).isEqualTo(lead);
    } finally {
      factory.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "alter table crm_lead drop column score",
      "alter table crm_contact_email drop column list_index",
      "drop table crm_outbox"})
  void hibernateRefusesAMappingThatDriftedFromTheTables(String drift) throws SQLException {
    DataSource ds = Database.H2.fresh("drift", Map.of());
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(drift);
    }
    assertThatThrownBy(() -> Provider.HIBERNATE.factory(ds).close())
        .hasStackTraceContaining("Schema-validation");
  }

  @Test
  void theThreeScriptsDeclareTheSameTablesColumnsAndIndexes() {
    assertThat(shape("mariadb")).isEqualTo(shape("h2"));
    assertThat(shape("postgresql")).isEqualTo(shape("h2"));
  }

  /** The script with its types removed: table, column and index names, in order. */
  private static String shape(String folder) {
    StringBuilder out = new StringBuilder();
    Pattern column = Pattern.compile("^\\s+([a-z_]+) ", Pattern.MULTILINE);
    for (String sql : Database.statements("db/rapport/" + folder + "/V1__rapport_crm.sql")) {
      String first = sql.lines().findFirst().orElseThrow();
      out.append(first.replaceAll("\\).*$", ")")).append('\n');
      Matcher m = column.matcher(sql);
      while (m.find()) {
        out.append("  ").append(m.group(1)).append('\n');
      }
      sql.lines().filter(l -> l.contains("constraint")).forEach(l -> out.append(l.strip()).append('\n'));
    }
    return out.toString();
  }
}
