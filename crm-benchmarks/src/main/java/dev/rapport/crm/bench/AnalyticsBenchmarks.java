package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.Effectiveness;
import dev.rapport.crm.analytics.Forecast;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.Money;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * Analytics (issue 10) on the JPA adapter over embedded PostgreSQL ({@code provider}: Hibernate,
 * EclipseLink): lead source and campaign effectiveness over {@code leads} leads (by default
 * 1,000,000, over two years) and the forecast of 2025 over {@code opportunities} opportunities (by
 * default 200,000), against the same answers in hand-written SQL ({@link AnalyticsSql}) on the same
 * connection pool. The rows are written by bulk SQL ({@link AnalyticsSql#load}); the campaigns
 * through Rapport. Throughput, single-threaded. Run: {@code ./mvnw -q -pl crm-benchmarks -am
 * -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.bench.AnalyticsBenchmarks}, or
 * through the runner, group {@code analytics}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AnalyticsBenchmarks {
  static final String TENANT = "bench-analytics";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
  static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 31);
  static final LocalDate FORECAST_FROM = LocalDate.of(2025, 1, 1);

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = AnalyticsBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** PostgreSQL with ten campaigns (made through Rapport), the leads and opportunities (bulk SQL). */
  @State(Scope.Benchmark)
  public static class Db {
    @Param("postgresql")
    public String db;

    @Param("1000000")
    public int leads;

    @Param("200000")
    public int opportunities;

    Database database;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start(db);
      long started = System.nanoTime();
      List<UUID> campaigns = new ArrayList<>();
      JpaFixture.seed(database, TENANT, CLOCK, crm -> {
        for (int i = 0; i < 10; i++) {
          campaigns.add(crm.campaigns().plan(NewCampaign.builder("Campaign " + i, Channel.EMAIL, FROM.plusMonths(2L * i),
              FROM.plusMonths(2L * i + 3), Money.of("5000.00", "EUR")).build()).id().value());
        }
      });
      AnalyticsSql.load(database.dataSource, TENANT, campaigns, leads, opportunities);
      System.out.printf("# %s: %,d leads, %,d opportunities by bulk SQL in %.1f s%n", db, leads, opportunities,
          (System.nanoTime() - started) / 1e9);
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
      jpa = JpaFixture.open(db.database, provider, TENANT, CLOCK);
      crm = jpa.crm;
    }

    @TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  @Benchmark
  public Effectiveness effectivenessRapport(Rapport rapport) {
    return rapport.crm.analytics().effectiveness(Period.of(FROM, TO), ReportFilter.all());
  }

  @Benchmark
  public List<Object[]> effectivenessBaseline(Db db) throws SQLException {
    return AnalyticsSql.effectiveness(db.database.dataSource, TENANT, FROM, TO);
  }

  @Benchmark
  public Forecast forecastRapport(Rapport rapport) {
    return rapport.crm.analytics().forecast(Period.of(FORECAST_FROM, TO), ReportFilter.all());
  }

  @Benchmark
  public List<Object[]> forecastBaseline(Db db) throws SQLException {
    return AnalyticsSql.forecast(db.database.dataSource, TENANT, FORECAST_FROM, TO);
  }
}
