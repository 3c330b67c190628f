package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.privacy.Person;
import dev.rapport.crm.tck.PrivacyContract;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After a person is erased, no column of any {@code crm_} table of the database holds their
 * address, phone, names or free text: not the records, not the merge records that held copies,
 * not the outbox payloads (delivered or not), not the timeline. The records the TCK sees are
 * checked by {@code PrivacyContract}; this searches every text column of every table, so a table
 * added later is searched too. The tenant's rows only: other tests share the database.
 */
class ErasureLeavesNoTraceTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void noTableHoldsTheErasedPerson(Target target) throws SQLException {
    check(target);
  }

  /** The same on the external servers, with {@code -Pdatabases}. */
  @Nested
  @Tag("databases")
  class OnExternalServers {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void noTableHoldsTheErasedPerson(Target target) throws SQLException {
      check(target);
    }
  }

  private static void check(Target target) throws SQLException {
    TenantId tenant = TenantId.of("erase-" + UUID.randomUUID());
    Crm crm = Crm.builder().persistence(target.persistence()).tenant(tenant).clock(TestClock.at(NOW)).build();
    PrivacyContract.world(crm, NOW);
    DataSource ds = target.store().dataSource();
    assertThat(traces(ds, tenant)).as("the search finds Otto before the erasure").isNotEmpty()
        .anyMatch(t -> t.startsWith("crm_outbox.payload")).anyMatch(t -> t.startsWith("crm_merge.body"))
        .anyMatch(t -> t.startsWith("crm_audit.changes"));

    crm.privacy().erase(Person.withEmail("otto@lang.example"));

    assertThat(traces(ds, tenant)).as("columns that still name Otto").isEmpty();
  }

  /** {@code table.column: text} for every tenant row whose text column holds something of Otto's. */
  private static List<String> traces(DataSource ds, TenantId tenant) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(c.getCatalog(), null, "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          String schema = rs.getString("TABLE_SCHEM");
          if (table.startsWith("crm_") && TEXT_TYPES.contains(rs.getInt("DATA_TYPE"))
              && (schema == null || schema.equalsIgnoreCase("public"))) {
            columns.add(new String[] {table, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)});
          }
        }
      }
      assertThat(columns).as("text columns found").extracting(col -> col[0]).contains("crm_outbox", "crm_merge",
          "crm_lead", "crm_contact", "crm_mail", "crm_timeline_entry", "crm_erasure_marker", "crm_audit");
      for (String[] col : columns) {
        if (col[1].equals("tenant_id")) {
          continue;
        }
        String sql = "select " + col[1] + " from " + col[0] + " where tenant_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, tenant.value());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String value = rs.getString(1);
              if (value == null) {
                continue;
              }
              String lower = value.toLowerCase(Locale.ROOT);
              for (String s : PrivacyContract.OTTO) {
                if (lower.contains(s.toLowerCase(Locale.ROOT))) {
                  found.add(col[0] + "." + col[1] + ": " + s + " in " + value);
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR,
      Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB, Types.OTHER);
}
