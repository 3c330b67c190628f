package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.sales.CreditHistory;
import dev.rapport.crm.sales.CustomerSummary;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
 * Sales and payment history (issue 9): the customer summary ({@code crm.sales().summary(account)})
 * and the late-payer list ({@code crm.sales().latePayers()}) over the seeded history of {@link
 * SalesData} (by default 2,000 accounts, 200,000 invoices of 5 lines: 1,000,000 invoice lines, some
 * credit notes, 200,000 payments), as of {@link SalesData#TODAY}:
 *
 * <ul>
 *   <li>JPA on embedded PostgreSQL ({@code provider}: Hibernate, EclipseLink): Rapport's answers,
 *       which read the balances the adapter keeps on each invoice, against hand-written SQL over the
 *       same tables that works from the raw sales, lines, credit notes and allocations ({@link
 *       SalesSql}), on the same connection pool. The tables are filled by JDBC batch inserts with the
 *       rows the adapter would have written ({@link SalesSql#load});
 *   <li>memory: the memory adapter against a hand-written loop over the plain records and arrays of
 *       {@link SalesData} ({@link SalesLoops}), both computing from the raw sales and payments.
 * </ul>
 *
 * The summary is asked of a different account at each call, in the same sequence on both sides.
 * Throughput, single-threaded. Run: {@code ./mvnw -q -pl crm-benchmarks -am -DskipTests package
 * exec:java -Dexec.mainClass=dev.rapport.crm.bench.SalesBenchmarks} (JMH's own options may follow in
 * {@code -Dexec.args}, e.g. {@code "-wi 1 -i 3 -r 2"}), or through the runner, group {@code sales}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SalesBenchmarks {
  static final String TENANT = "bench-sales";
  static final long SEED = 20260115L;

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = SalesBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** The seeded history and the sizes it is made with. */
  @State(Scope.Benchmark)
  public static class Sizes {
    @Param("2000")
    public int accounts;

    @Param("200000")
    public int invoices;

    @Param("200000")
    public int payments;

    SalesData data() {
      return new SalesData(accounts, invoices, payments, SEED);
    }
  }

  /** The accounts the summary is asked of: every account in turn, in a fixed scattered order. */
  @State(Scope.Thread)
  public static class Cursor {
    private long calls;

    int next(int accounts) {
      return (int) ((calls++ * 7919L) % accounts);
    }
  }

  /**
   * The history in the memory adapter, recorded through {@code crm.sales().record} and {@code
   * recordPayment} in {@link SalesData#recordingOrder} (with their checks and events, about 40 µs a
   * command), and the same history as the plain records of {@link SalesData} for the hand-written
   * loops.
   */
  @State(Scope.Benchmark)
  public static class Memory {
    SalesData data;
    Crm crm;
    /** The day the answers are as of, as an epoch day. */
    int today;

    @Setup(Level.Trial)
    public void start(Sizes sizes) {
      data = sizes.data();
      today = (int) SalesData.TODAY.toEpochDay();
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).clock(SalesData.CLOCK).build();
      long started = System.nanoTime();
      for (int a = 0; a < data.accounts; a++) {
        data.accountIds[a] = crm.accounts().create(NewAccount.builder("Customer " + (a + 1)).build()).id().value();
      }
      int[] order = data.recordingOrder();
      for (int e : order) {
        if (e >= 0) {
          crm.sales().record(data.newSale(e));
        } else {
          crm.sales().recordPayment(data.newPayment(-e - 1));
        }
      }
      System.out.printf("# memory: %,d accounts, %,d sales (%,d lines), %,d payments recorded in %.1f s%n",
          data.accounts, data.sales.length, data.lines(), data.payments.length, (System.nanoTime() - started) / 1e9);
      System.gc(); // the recording's garbage is collected before measuring, not during the first iterations
    }
  }

  /** PostgreSQL with the accounts (made through Rapport) and the history (written by JDBC). */
  @State(Scope.Benchmark)
  public static class Db {
    @Param("postgresql")
    public String db;

    SalesData data;
    Database database;
    Map<UUID, Integer> accounts;
    Map<String, Integer> products;
    int today;

    @Setup(Level.Trial)
    public void start(Sizes sizes) throws SQLException {
      data = sizes.data();
      today = (int) SalesData.TODAY.toEpochDay();
      database = Database.start(db);
      long started = System.nanoTime();
      JpaFixture.seed(database, TENANT, SalesData.CLOCK, crm -> {
        for (int a = 0; a < data.accounts; a++) {
          data.accountIds[a] = crm.accounts().create(NewAccount.builder("Customer " + (a + 1)).build()).id().value();
        }
      });
      long loading = System.nanoTime();
      SalesSql.load(database.dataSource.getJdbcUrl(), database.dataSource.getUsername(),
          database.dataSource.getPassword(), TENANT, data);
      accounts = SalesSql.accountIndex(data);
      products = SalesSql.productIndex(data);
      System.out.printf("# %s: %,d accounts through Rapport in %.1f s; %,d sales (%,d lines), %,d payments by JDBC"
          + " in %.1f s%n", db, data.accounts, (loading - started) / 1e9, data.sales.length, data.lines(),
          data.payments.length, (System.nanoTime() - loading) / 1e9);
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
    Crm crm;

    @Setup(Level.Trial)
    public void start(Db db) {
      jpa = JpaFixture.open(db.database, provider, TENANT, SalesData.CLOCK);
      crm = jpa.crm;
    }

    @TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  // ---- JPA against hand-written SQL

  @Benchmark
  public CustomerSummary summaryJpaRapport(Db db, Rapport rapport, Cursor cursor) {
    return rapport.crm.sales().summary(AccountId.of(db.data.accountIds[cursor.next(db.data.accounts)]));
  }

  @Benchmark
  public SalesLoops.Summary summaryJpaBaseline(Db db, Cursor cursor) throws SQLException {
    return SalesSql.summary(db.database.dataSource, db.data, db.products, cursor.next(db.data.accounts), db.today);
  }

  @Benchmark
  public List<CreditHistory> latePayersJpaRapport(Rapport rapport) {
    return rapport.crm.sales().latePayers();
  }

  @Benchmark
  public List<SalesLoops.Late> latePayersJpaBaseline(Db db) throws SQLException {
    return SalesSql.latePayers(db.database.dataSource, db.accounts, db.today);
  }

  // ---- memory against hand-written loops

  @Benchmark
  public CustomerSummary summaryMemoryRapport(Memory memory, Cursor cursor) {
    return memory.crm.sales().summary(AccountId.of(memory.data.accountIds[cursor.next(memory.data.accounts)]));
  }

  @Benchmark
  public SalesLoops.Summary summaryMemoryBaseline(Memory memory, Cursor cursor) {
    return SalesLoops.summary(memory.data, cursor.next(memory.data.accounts), memory.today);
  }

  @Benchmark
  public List<CreditHistory> latePayersMemoryRapport(Memory memory) {
    return memory.crm.sales().latePayers();
  }

  @Benchmark
  public List<SalesLoops.Late> latePayersMemoryBaseline(Memory memory) {
    return SalesLoops.latePayers(memory.data, memory.today);
  }
}
