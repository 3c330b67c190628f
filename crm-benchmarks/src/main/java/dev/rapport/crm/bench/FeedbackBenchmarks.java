package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.feedback.NpsResult;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
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
 * NPS and CSAT of a whole tenant with {@code answers} feedback answers (half NPS, half CSAT, over
 * a year), for one year:
 *
 * <ul>
 *   <li>JPA ({@code db} x {@code provider}): {@code crm.feedback().nps/csat(from, to)}, one JPQL
 *       aggregate each, against the same aggregate written by hand in SQL over JDBC on the same
 *       data source ({@code jdbc*});
 *   <li>memory: the memory adapter against a hand-written list of the answers in a
 *       {@code HashMap} by id, looped over with the same filter ({@code memory*Baseline}).
 * </ul>
 *
 * Throughput, single-threaded. Run: {@code ./mvnw -q -pl crm-benchmarks -am -DskipTests package
 * exec:java -Dexec.mainClass=dev.rapport.crm.bench.FeedbackBenchmarks} (JMH's own options may
 * follow in {@code -Dexec.args}, e.g. {@code "-wi 1 -i 3 -r 2"}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FeedbackBenchmarks {
  static final String TENANT = "bench-feedback";

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = FeedbackBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
  /** Seconds between answers: {@code answers} of them spread over the year. */
  static long spacing(int answers) {
    return Math.max(1, 365L * 24 * 3600 / answers);
  }

  /** A database with one account, one contact and {@code answers} answers written by JDBC. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("100000")
    public int answers;

    Database database;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start(db);
      UUID[] rated = new UUID[2];
      JpaFixture.seed(database, TENANT, Clock.systemUTC(), crm -> {
        Account account = crm.accounts().create(NewAccount.builder("Rated Ltd").build());
        Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Rater")).account(account.id()).build());
        rated[0] = account.id().value();
        rated[1] = contact.id().value();
      });
      insertAnswers(rated[0], rated[1]);
    }

    private void insertAnswers(UUID account, UUID contact) throws SQLException {
      SplittableRandom random = new SplittableRandom(42);
      long step = spacing(answers);
      try (Connection c = database.dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement("insert into crm_feedback (id, tenant_id, version,"
              + " account_id, contact_id, scale, score, channel, answered_at, recorded_at)"
              + " values (?, ?, 1, ?, ?, ?, ?, 'email', ?, ?)")) {
        c.setAutoCommit(false);
        for (int i = 0; i < answers; i++) {
          boolean nps = i % 2 == 0;
          LocalDateTime at = LocalDateTime.ofInstant(FROM.plusSeconds(step * i), ZoneOffset.UTC);
          ps.setObject(1, UUID.randomUUID());
          ps.setString(2, TENANT);
          ps.setObject(3, account);
          ps.setObject(4, contact);
          ps.setString(5, nps ? "NPS" : "CSAT");
          ps.setInt(6, nps ? random.nextInt(11) : 1 + random.nextInt(5));
          ps.setObject(7, at);
          ps.setObject(8, at);
          ps.addBatch();
          if (i % 1000 == 999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
        c.commit();
      }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      database.close();
    }
  }

  /** Rapport on the JPA adapter of one provider. */
  @State(Scope.Benchmark)
  public static class Rapport {
    @Param({"hibernate", "eclipselink"})
    public String provider;

    JpaFixture jpa;
    Crm crm;

    @Setup(Level.Trial)
    public void start(Db db) {
      jpa = JpaFixture.open(db.database, provider, TENANT);
      crm = jpa.crm;
    }

    @TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  /** The same answers in the memory adapter, and in hand-written maps. */
  @State(Scope.Benchmark)
  public static class Memory {
    @Param("100000")
    public int answers;

    Crm crm;
    /** The baseline: every answer by id, as a plain record. */
    final Map<UUID, Row> rows = new HashMap<>();

    record Row(UUID id, UUID account, boolean nps, int score, Instant answeredAt) {}

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).build();
      Account account = crm.accounts().create(NewAccount.builder("Rated Ltd").build());
      Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Rater")).account(account.id()).build());
      SplittableRandom random = new SplittableRandom(42);
      long step = spacing(answers);
      for (int i = 0; i < answers; i++) {
        boolean nps = i % 2 == 0;
        int score = nps ? random.nextInt(11) : 1 + random.nextInt(5);
        Instant at = FROM.plusSeconds(step * i);
        var f = crm.feedback().record((nps ? NewFeedback.nps(account.id(), contact.id(), score)
            : NewFeedback.csat(account.id(), contact.id(), score)).answeredAt(at).build());
        rows.put(f.id().value(), new Row(f.id().value(), account.id().value(), nps, score, at));
      }
    }
  }

  // ---- JPA against hand-written SQL

  @Benchmark
  public NpsResult npsRapport(Rapport rapport) {
    return rapport.crm.feedback().nps(FROM, TO);
  }

  @Benchmark
  public long[] npsJdbc(Db db) throws SQLException {
    return aggregate(db, "select count(*), sum(case when score >= 9 then 1 else 0 end),"
        + " sum(case when score <= 6 then 1 else 0 end) from crm_feedback"
        + " where tenant_id = ? and scale = 'NPS' and answered_at >= ? and answered_at < ?");
  }

  @Benchmark
  public CsatResult csatRapport(Rapport rapport) {
    return rapport.crm.feedback().csat(FROM, TO);
  }

  @Benchmark
  public long[] csatJdbc(Db db) throws SQLException {
    return aggregate(db, "select count(*), sum(case when score >= 4 then 1 else 0 end), sum(score)"
        + " from crm_feedback where tenant_id = ? and scale = 'CSAT' and answered_at >= ? and answered_at < ?");
  }

  private static long[] aggregate(Db db, String sql) throws SQLException {
    try (Connection c = db.database.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, TENANT);
      ps.setObject(2, LocalDateTime.ofInstant(FROM, ZoneOffset.UTC));
      ps.setObject(3, LocalDateTime.ofInstant(TO, ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
      }
    }
  }

  // ---- memory against hand-written maps

  @Benchmark
  public NpsResult npsMemoryRapport(Memory memory) {
    return memory.crm.feedback().nps(FROM, TO);
  }

  @Benchmark
  public long[] npsMemoryBaseline(Memory memory) {
    long answers = 0;
    long promoters = 0;
    long detractors = 0;
    for (Memory.Row r : memory.rows.values()) {
      if (r.nps() && !r.answeredAt().isBefore(FROM) && r.answeredAt().isBefore(TO)) {
        answers++;
        promoters += r.score() >= 9 ? 1 : 0;
        detractors += r.score() <= 6 ? 1 : 0;
      }
    }
    return new long[] {answers, promoters, detractors};
  }
}
