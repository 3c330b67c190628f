package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.PipelineBoard;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.Stage;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Issue 25's pipeline board: {@code crm.analytics().board(OpportunityQuery.all())} over
 * {@code deals} opportunities (in euros, spread over the open stages), against a hand-written
 * baseline in the same run: in memory a loop over the same records summing per stage, on H2 and
 * embedded PostgreSQL the grouped {@code select} over {@code crm_opportunity} in plain JDBC.
 * Throughput, single-threaded.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BoardBenchmarks {
  static final String TENANT = "bench-board";

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = BoardBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  static void seed(Crm crm, int deals) {
    Account account = crm.accounts().create(NewAccount.builder("Board").build());
    List<Stage> stages = crm.opportunities().pipeline().stages();
    for (int i = 0; i < deals; i++) {
      crm.opportunities().open(account.id(), NewOpportunity.builder("Deal " + i, Money.of(100 + i % 900 + ".00", "EUR"))
          .stage(stages.get(i % 5).name()).owner(i % 2 == 0 ? "ann" : "bob").build());
    }
  }

  /** The memory store with the deals, and the same deals as a list for the hand-written loop. */
  @State(Scope.Benchmark)
  public static class Memory {
    @Param("100000")
    public int deals;

    Crm crm;
    List<Opportunity> all;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).auditTrail(false).build();
      seed(crm, deals);
      all = new ArrayList<>();
      dev.rapport.crm.common.PageRequest page = dev.rapport.crm.common.PageRequest.first(500);
      while (true) {
        dev.rapport.crm.common.Page<Opportunity> p = crm.opportunities().query(OpportunityQuery.all(), page);
        all.addAll(p.items());
        if (p.nextCursor().isEmpty()) {
          break;
        }
        page = dev.rapport.crm.common.PageRequest.after(p.nextCursor().get(), 500);
      }
    }
  }

  /** A database with the deals, Rapport on it through Hibernate. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("10000")
    public int dbDeals;

    Database database;
    EntityManagerFactory factory;
    Crm crm;

    @Setup(Level.Trial)
    public void start() {
      database = Database.start(db);
      factory = database.entityManagerFactory("hibernate");
      crm = Crm.builder().persistence(JpaPersistence.create(factory)).tenant(TENANT).auditTrail(false).build();
      seed(crm, dbDeals);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      factory.close();
      database.close();
    }
  }

  /** Rapport's board in memory. */
  @Benchmark
  public PipelineBoard boardMemory(Memory m) {
    return m.crm.analytics().board(OpportunityQuery.all());
  }

  /** The baseline: a loop over the same records, summing count, amount and amount times probability per stage. */
  @Benchmark
  public Map<String, BigDecimal[]> boardHandMemory(Memory m) {
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    for (Opportunity o : m.all) {
      BigDecimal[] s = sums.computeIfAbsent(o.stage(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(BigDecimal.ONE);
      s[1] = s[1].add(o.amount().amount());
      s[2] = s[2].add(o.amount().amount().multiply(BigDecimal.valueOf(o.probability())));
    }
    return sums;
  }

  /** Rapport's board on the database. */
  @Benchmark
  public PipelineBoard boardJpa(Db d) {
    return d.crm.analytics().board(OpportunityQuery.all());
  }

  /** The baseline: the grouped select in plain JDBC. */
  @Benchmark
  public Map<String, BigDecimal[]> boardJdbc(Db d) throws SQLException {
    Map<String, BigDecimal[]> sums = new HashMap<>();
    try (Connection c = d.database.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select stage, currency, count(*), sum(amount), sum(amount * probability)"
            + " from crm_opportunity where tenant_id = ? group by stage, currency")) {
      ps.setString(1, TENANT);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sums.put(rs.getString(1) + "/" + rs.getString(2), new BigDecimal[] {BigDecimal.valueOf(rs.getLong(3)),
              rs.getBigDecimal(4), rs.getBigDecimal(5)});
        }
      }
    }
    return sums;
  }
}
