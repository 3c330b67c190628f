package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.Temperature;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.infra.IterationParams;

/**
 * Rapport on its JPA adapter against raw JDBC on the same tables ({@link JdbcBaseline}), on H2 and
 * on embedded PostgreSQL, with Hibernate and with EclipseLink. Single-threaded. The runner runs
 * three groups with their own modes: {@code bulk*} (single shot: one call stores {@code rows} leads),
 * {@code email*} and {@code page*} (throughput on a table of {@code rows} leads), {@code convert*}
 * (single shot, one batch of conversions per iteration).
 */
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JpaBenchmarks {
  /** Leads per transaction in a bulk capture, for Rapport and for the baseline alike. */
  static final int CHUNK = 1_000;
  private static final Set<Temperature> HOT = Set.of(Temperature.HOT);

  /** The database, with {@code rows} leads stored, and the numbering of leads written later. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("100000")
    public int rows;

    Database database;
    final AtomicLong written = new AtomicLong(10_000_000L);

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start(db);
      JdbcBaseline.insertLeads(database.dataSource, MemoryStores.STORED, 0, rows, CHUNK, "NEW",
          Instant.now());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      database.close();
    }
  }

  /** Rapport on the JPA adapter of one provider, over the database. */
  @State(Scope.Benchmark)
  public static class Rapport {
    @Param({"hibernate", "eclipselink"})
    public String provider;

    JpaFixture jpa;
    EntityManagerFactory factory;
    /** Each unit of work in its own transaction: the ordinary use. */
    Crm crm;
    /** Joining a transaction of the caller's: what a bulk import does. */
    Crm joined;
    EntityManager current;

    @Setup(Level.Trial)
    public void start(Db db) {
      jpa = JpaFixture.open(db.database, provider, Fixture.TENANT);
      factory = jpa.factory;
      crm = jpa.crm;
      joined = Crm.builder().persistence(JpaPersistence.joining(() -> current))
          .tenant(Fixture.TENANT).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  /** Random stored e-mail addresses and owners. */
  @State(Scope.Thread)
  public static class Keys {
    private static final int SIZE = 1024;
    String[] emails = new String[SIZE];
    String[] owners = new String[SIZE];
    int next;

    @Setup
    public void setUp(Db db) {
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < SIZE; i++) {
        emails[i] = Fixture.email(MemoryStores.STORED, random.nextInt(db.rows));
        owners[i] = Fixture.owner(random.nextInt(Fixture.OWNERS));
      }
    }

    String email() {
      return emails[next++ & (SIZE - 1)];
    }

    String owner() {
      return owners[next++ & (SIZE - 1)];
    }
  }

  /** Qualified leads, inserted before each iteration, one per conversion of the batch. */
  @State(Scope.Thread)
  public static class Qualified {
    final ArrayDeque<UUID> leads = new ArrayDeque<>();

    @Setup(Level.Iteration)
    public void insert(Db db, IterationParams it) throws SQLException {
      leads.clear();
      int n = it.getBatchSize();
      leads.addAll(JdbcBaseline.insertLeads(db.database.dataSource, "buyer",
          db.written.getAndAdd(n), n, CHUNK, "QUALIFIED", Instant.now()));
    }
  }

  // ---- bulk capture: rows leads, in transactions of CHUNK

  @Benchmark
  public void bulkRapport(Db db, Rapport rapport) {
    long from = db.written.getAndAdd(db.rows);
    Instant now = Instant.now();
    for (int k = 0; k < db.rows; k += CHUNK) {
      List<NewLead> chunk = new ArrayList<>(CHUNK);
      for (int j = k; j < Math.min(db.rows, k + CHUNK); j++) {
        chunk.add(Fixture.newLead("bulk", from + j, now));
      }
      rapport.crm.leads().captureAll(chunk); // one unit of work, one transaction, per chunk
    }
  }

  /** The same leads captured one command at a time, inside transactions of CHUNK that a host opened. */
  @Benchmark
  public void bulkOneByOneRapport(Db db, Rapport rapport) {
    long from = db.written.getAndAdd(db.rows);
    Instant now = Instant.now();
    for (int k = 0; k < db.rows; k += CHUNK) {
      EntityManager em = rapport.factory.createEntityManager();
      try {
        em.getTransaction().begin();
        rapport.current = em;
        for (int j = k; j < Math.min(db.rows, k + CHUNK); j++) {
          rapport.joined.leads().capture(Fixture.newLead("bulk", from + j, now));
        }
        em.getTransaction().commit();
      } finally {
        rapport.current = null;
        em.close();
      }
    }
  }

  @Benchmark
  public List<UUID> bulkBaseline(Db db) throws SQLException {
    long from = db.written.getAndAdd(db.rows);
    return JdbcBaseline.insertLeads(db.database.dataSource, "bulk", from, db.rows, CHUNK, "NEW",
        Instant.now());
  }

  /** The leads of one bulk pass as a CSV file's text, made once per trial: what {@link #importRapport} reads. */
  @State(Scope.Benchmark)
  public static class Csv {
    String text;

    @Setup(Level.Trial)
    public void start(Db db) {
      StringBuilder b = new StringBuilder("givenName,familyName,email,company,source,owner\n");
      for (int i = 0; i < db.rows; i++) {
        b.append(Fixture.given(i)).append(',').append(Fixture.family(i)).append(',')
            .append(Fixture.email("import", i)).append(',').append(Fixture.company(i)).append(',')
            .append(Fixture.source(i).code()).append(',').append(Fixture.owner(i)).append('\n');
      }
      text = b.toString();
    }
  }

  /**
   * The rows read from CSV text and stored by {@code crm-io}'s {@link dev.rapport.crm.io.LeadImport}
   * (batches of 1,000 through {@code captureAll}): issue 22's import against {@link #bulkCopy}.
   */
  @Benchmark
  public dev.rapport.crm.io.ImportReport importRapport(Rapport rapport, Csv csv) {
    return dev.rapport.crm.io.LeadImport.into(rapport.crm).csv(() -> new java.io.StringReader(csv.text));
  }

  /**
   * The same rows through PostgreSQL's {@code COPY}, 1,000 leads per transaction: the bound of any
   * bulk path, printed beside the bulk rows (on another database it does nothing).
   */
  @Benchmark
  public List<UUID> bulkCopy(Db db) throws SQLException {
    if (!db.db.equals("postgresql")) {
      return List.of();
    }
    long from = db.written.getAndAdd(db.rows);
    return JdbcBaseline.copyLeads(db.database.dataSource, "bulk", from, db.rows, CHUNK, "NEW", Instant.now());
  }

  // ---- reads

  @Benchmark
  public List<Lead> emailRapport(Rapport rapport, Keys keys) {
    return rapport.crm.leads().findByEmail(keys.email());
  }

  @Benchmark
  public List<Object[]> emailBaseline(Db db, Keys keys) throws SQLException {
    return JdbcBaseline.findByEmail(db.database.dataSource, keys.email());
  }

  @Benchmark
  public Page<Lead> pageRapport(Rapport rapport, Keys keys) {
    return rapport.crm.leads().query(LeadQuery.all().withOwner(keys.owner()).withTemperatures(HOT),
        PageRequest.first(MemoryReads.PAGE));
  }

  @Benchmark
  public List<Object[]> pageBaseline(Db db, Keys keys) throws SQLException {
    return JdbcBaseline.hotLeadsOf(db.database.dataSource, keys.owner(), MemoryReads.PAGE);
  }

  @Benchmark
  public long countRapport(Rapport rapport, Keys keys) {
    return rapport.crm.leads().count(LeadQuery.all().withOwner(keys.owner()).withTemperatures(HOT));
  }

  @Benchmark
  public long countBaseline(Db db, Keys keys) throws SQLException {
    return JdbcBaseline.countHotLeadsOf(db.database.dataSource, keys.owner());
  }

  // ---- conversion

  @Benchmark
  public ConversionResult convertRapport(Rapport rapport, Qualified qualified) {
    return rapport.crm.leads().convert(LeadId.of(qualified.leads.poll()),
        Conversion.standard().withOpportunity(Fixture.deal(0)));
  }

  @Benchmark
  public UUID convertBaseline(Db db, Qualified qualified) throws SQLException {
    return JdbcBaseline.convert(db.database.dataSource, qualified.leads.poll(), "Ledger suite 0",
        Instant.now());
  }
}
