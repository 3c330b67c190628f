package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 25's custom fields: counting the leads whose {@code tier} is {@code gold}
 * ({@code crm.leads().count(LeadQuery.all().withField(...))}) among {@code leads} leads (a third
 * gold, each with three values), against a hand-written baseline in the same run: in memory a loop
 * over the same leads testing the value, on H2 and embedded PostgreSQL the same {@code LIKE} over
 * {@code crm_lead.custom_fields} in plain JDBC. Throughput, single-threaded.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CustomFieldBenchmarks {
  static final String TENANT = "bench-fields";
  static final FieldValue GOLD = FieldValue.choice("gold");

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = CustomFieldBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  static void seed(Crm crm, int leads) {
    crm.customFields().define(CustomField.choice(RecordKind.LEAD, "tier", "Tier", false, List.of("gold", "silver", "bronze")));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "seats", "Seats", FieldType.NUMBER));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "note", "Note", FieldType.TEXT));
    List<NewLead> batch = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      batch.add(NewLead.builder(PersonName.of("Lead " + i), LeadSource.WEBINAR).fields(CustomFields.empty()
          .with("tier", FieldValue.choice(List.of("gold", "silver", "bronze").get(i % 3)))
          .with("seats", FieldValue.number(i % 500)).with("note", FieldValue.text("met at the fair, " + i))).build());
      if (batch.size() == 1_000 || i == leads - 1) {
        crm.leads().captureAll(batch);
        batch.clear();
      }
    }
  }

  /** The memory store with the leads, and the same leads as a list for the hand-written loop. */
  @State(Scope.Benchmark)
  public static class Memory {
    @Param("100000")
    public int leads;

    Crm crm;
    List<Lead> all;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).auditTrail(false).build();
      seed(crm, leads);
      all = new ArrayList<>();
      dev.rapport.crm.common.PageRequest page = dev.rapport.crm.common.PageRequest.first(500);
      while (true) {
        dev.rapport.crm.common.Page<Lead> p = crm.leads().query(LeadQuery.all(), page);
        all.addAll(p.items());
        if (p.nextCursor().isEmpty()) {
          break;
        }
        page = dev.rapport.crm.common.PageRequest.after(p.nextCursor().get(), 500);
      }
    }
  }

  /** A database with the leads, Rapport on it through Hibernate. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("10000")
    public int dbLeads;

    Database database;
    EntityManagerFactory factory;
    Crm crm;

    @Setup(Level.Trial)
    public void start() {
      database = Database.start(db);
      factory = database.entityManagerFactory("hibernate");
      crm = Crm.builder().persistence(JpaPersistence.create(factory)).tenant(TENANT).auditTrail(false).build();
      seed(crm, dbLeads);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      factory.close();
      database.close();
    }
  }

  /** Rapport's count in memory. */
  @Benchmark
  public long countMemory(Memory m) {
    return m.crm.leads().count(LeadQuery.all().withField("tier", GOLD));
  }

  /** The baseline: a loop over the same leads testing the value. */
  @Benchmark
  public long countHandMemory(Memory m) {
    long n = 0;
    for (Lead l : m.all) {
      if (GOLD.equals(l.fields().values().get("tier"))) {
        n++;
      }
    }
    return n;
  }

  /** Rapport's count on the database. */
  @Benchmark
  public long countJpa(Db d) {
    return d.crm.leads().count(LeadQuery.all().withField("tier", GOLD));
  }

  /** The baseline: the same LIKE over the JSON column in plain JDBC. */
  @Benchmark
  public long countJdbc(Db d) throws SQLException {
    try (Connection c = d.database.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from crm_lead where tenant_id = ?"
            + " and custom_fields like ?")) {
      ps.setString(1, TENANT);
      ps.setString(2, "%\"tier\":{\"type\":\"CHOICE\",\"value\":\"gold\"}%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
