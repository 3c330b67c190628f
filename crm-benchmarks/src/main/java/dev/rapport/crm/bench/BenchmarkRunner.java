package dev.rapport.crm.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs the benchmark suite through the JMH runner, divides each Rapport score by the score of its
 * baseline from the same run, measures the memory footprint, and prints the results as a markdown
 * table (also written to {@code crm-benchmarks/target/benchmarks.md}).
 *
 * <p>Arguments: {@code full} (the default) or {@code quick} (a smoke test on small datasets: every
 * benchmark method once on each of its parameters, in this JVM without forks, with no warm-up and
 * one measurement of 100 ms, every JPA benchmark on one PostgreSQL server started once; it checks
 * that every benchmark runs, not how fast, and adds the groups {@code feedback} and {@code
 * segmentation} that the full mode runs only when asked); then optionally
 * {@code --only=REGEX} to run only the benchmarks whose name matches, {@code --threads=1,2},
 * {@code --leads=N} and {@code --rows=N} for other dataset sizes (memory, JPA), {@code --purchases=N}
 * (segmentation), {@code --param=NAME=V1,V2}
 * to restrict a JMH parameter (e.g. {@code db=postgresql}), {@code --groups=memory,footprint,jpa} for some groups only, and {@code --prof=NAME} to add a JMH profiler (e.g.
 * {@code gc} or {@code jfr}).
 */
public final class BenchmarkRunner {

  /** How long and on how much data the suite runs. */
  record Settings(String name, int leads, int rows, int writeBatch, int writeWarmups,
      int writeIterations, int readWarmups, int readIterations, int readSeconds, String heap,
      int bulkIterations, int convertBatch, int salesInvoices, int salesWarmups, int salesSeconds) {
    static final Settings FULL = new Settings("full", 1_000_000, 100_000, 10_000, 10, 10, 3, 5, 2,
        "-Xmx6g", 3, 500, 200_000, 5, 5);
    /**
     * The smoke test: small data (1,000 rows: one unit of work of the JPA bulk capture), batches of
     * 100 writes or 10 conversions; and no forks, no warm-up, one short measurement (see run).
     */
    static final Settings QUICK = new Settings("quick", 10_000, 1_000, 100, 1, 2, 1, 1, 1,
        "-Xmx1g", 1, 10, 2_000, 1, 1);

    /** Sales history (issue 9): one account per 100 invoices, as many payments as invoices. */
    int salesAccounts() {
      return Math.max(10, salesInvoices / 100);
    }
  }

  /** One line of the table: a Rapport figure, its baseline, and their ratio. */
  record Line(String measure, String threads, double rapport, double baseline, String unit,
      double ratio, String target, Boolean met) {}

  /** The groups the full mode runs unless {@code --groups} says otherwise. */
  static final List<String> FULL_GROUPS = List.of("memory", "values", "footprint", "jpa", "campaigns", "timeline",
      "sales", "scoring", "analytics", "dedupe", "import", "merge", "mail", "delete", "audit", "board", "search",
      "fields", "servicelevels");
  /** The groups the quick mode runs unless {@code --groups} says otherwise: every benchmark class. */
  static final List<String> QUICK_GROUPS = List.of("memory", "values", "footprint", "jpa", "campaigns", "timeline",
      "sales", "scoring", "analytics", "feedback", "segmentation", "dedupe", "import", "merge", "mail", "delete",
      "audit", "board", "search", "fields", "servicelevels");

  private final Settings settings;
  private final String only;
  private final List<Integer> threadCounts;
  private final List<String> profilers;
  private final List<String> groups;
  private final Map<String, String[]> params;
  private final List<Line> lines = new ArrayList<>();

  private final int purchases;

  private BenchmarkRunner(Settings settings, String only, List<Integer> threadCounts,
      List<String> profilers, List<String> groups, Map<String, String[]> params, int purchases) {
    this.purchases = purchases;
    this.groups = groups;
    this.params = params;
    this.settings = settings;
    this.only = only;
    this.threadCounts = threadCounts;
    this.profilers = profilers;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.FULL;
    String only = ".*";
    List<Integer> threads = List.of(1, 2);
    List<String> profilers = new ArrayList<>();
    List<String> groups = null;
    Integer purchases = null;
    Map<String, String[]> params = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("quick")) {
        settings = Settings.QUICK;
      } else if (arg.equals("full")) {
        settings = Settings.FULL;
      } else if (arg.startsWith("--only=")) {
        only = arg.substring("--only=".length());
      } else if (arg.startsWith("--threads=")) {
        threads = java.util.Arrays.stream(arg.substring("--threads=".length()).split(","))
            .map(Integer::valueOf).toList();
      } else if (arg.startsWith("--leads=")) {
        int n = Integer.parseInt(arg.substring("--leads=".length()));
        Settings base = settings;
        settings = new Settings(base.name() + ", --leads=" + n, n, base.rows(), base.writeBatch(),
            base.writeWarmups(), base.writeIterations(), base.readWarmups(), base.readIterations(),
            base.readSeconds(), base.heap(), base.bulkIterations(), base.convertBatch(),
            base.salesInvoices(), base.salesWarmups(), base.salesSeconds());
      } else if (arg.startsWith("--rows=")) {
        int n = Integer.parseInt(arg.substring("--rows=".length()));
        Settings base = settings;
        settings = new Settings(base.name() + ", --rows=" + n, base.leads(), n, base.writeBatch(),
            base.writeWarmups(), base.writeIterations(), base.readWarmups(), base.readIterations(),
            base.readSeconds(), base.heap(), base.bulkIterations(), base.convertBatch(),
            base.salesInvoices(), base.salesWarmups(), base.salesSeconds());
      } else if (arg.startsWith("--invoices=")) {
        int n = Integer.parseInt(arg.substring("--invoices=".length()));
        Settings base = settings;
        settings = new Settings(base.name() + ", --invoices=" + n, base.leads(), base.rows(), base.writeBatch(),
            base.writeWarmups(), base.writeIterations(), base.readWarmups(), base.readIterations(),
            base.readSeconds(), base.heap(), base.bulkIterations(), base.convertBatch(), n, base.salesWarmups(),
            base.salesSeconds());
      } else if (arg.startsWith("--purchases=")) {
        purchases = Integer.valueOf(arg.substring("--purchases=".length()));
      } else if (arg.startsWith("--param=")) {
        String[] kv = arg.substring("--param=".length()).split("=", 2);
        params.put(kv[0], kv[1].split(","));
      } else if (arg.startsWith("--groups=")) {
        groups = List.of(arg.substring("--groups=".length()).split(","));
      } else if (arg.startsWith("--prof=")) {
        profilers.add(arg.substring("--prof=".length()));
      } else if (!arg.isBlank()) {
        throw new IllegalArgumentException("unknown argument " + arg
            + " (use: full | quick [--only=REGEX] [--groups=memory,values,footprint,jpa,campaigns,timeline,sales,scoring,analytics,feedback,segmentation] [--threads=1,2] [--leads=N] [--rows=N] [--invoices=N] [--purchases=N] [--param=db=h2] [--prof=gc])");
      }
    }
    boolean quick = settings.name().startsWith("quick");
    if (groups == null) {
      groups = quick ? QUICK_GROUPS : FULL_GROUPS;
    }
    exposeClassPath();
    BenchmarkRunner runner = new BenchmarkRunner(settings, only, threads, profilers, groups, params,
        purchases != null ? purchases : quick ? 10_000 : 10_000_000);
    if (quick) {
      Database.shareOneServer(); // every benchmark runs in this JVM: one PostgreSQL server for all
    }
    try {
      runner.run();
    } finally {
      Database.stopSharedServer();
    }
  }

  private void run() throws RunnerException, IOException, InterruptedException {
    long start = System.nanoTime();
    if (groups.contains("memory")) {
      for (int t : threadCounts) {
        memoryReads(t);
        memoryWrites(t);
      }
    }
    if (groups.contains("values")) {
      valueChecks();
    }
    if (groups.contains("footprint")) {
      footprint();
    }
    if (groups.contains("jpa")) {
      jpa();
    }
    if (groups.contains("campaigns")) {
      campaigns();
    }
    if (groups.contains("timeline")) {
      timeline();
    }
    if (groups.contains("sales")) {
      sales();
    }
    if (groups.contains("scoring")) {
      scoring();
    }
    if (groups.contains("analytics")) {
      analytics();
    }
    if (groups.contains("feedback")) {
      feedback();
    }
    if (groups.contains("segmentation")) {
      segmentation();
    }
    if (groups.contains("dedupe")) {
      dedupe();
    }
    if (groups.contains("import")) {
      importMemory();
    }
    if (groups.contains("merge")) {
      merge();
    }
    if (groups.contains("delete")) {
      delete();
    }
    if (groups.contains("audit")) {
      audit();
    }
    if (groups.contains("search")) {
      search();
    }
    if (groups.contains("servicelevels")) {
      serviceLevels();
    }
    if (groups.contains("fields")) {
      fields();
    }
    if (groups.contains("board")) {
      board();
    }
    if (groups.contains("mail")) {
      mail();
    }
    String table = table(java.time.Duration.ofNanos(System.nanoTime() - start));
    System.out.println();
    System.out.println(table);
    Path out = output();
    Files.createDirectories(out.getParent());
    Files.writeString(out, table, StandardCharsets.UTF_8);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  private ChainedOptionsBuilder options(Class<?> benchmarks, int threads) {
    return options(benchmarks.getName() + "\\.(" + only + ")", threads)
        .param("leads", String.valueOf(settings.leads()));
  }

  private ChainedOptionsBuilder options(String include, int threads) {
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include(include)
        .forks(1)
        .threads(threads)
        .shouldFailOnError(true)
        .jvmArgsAppend(settings.heap(), "-Xms" + settings.heap().substring(4),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    for (String p : profilers) {
      o.addProfiler(p);
    }
    params.forEach(o::param);
    return o;
  }

  private boolean quick() {
    return settings.name().startsWith("quick");
  }

  private Map<String, RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    return run(options, List.of("db", "provider"));
  }

  /** Runs the options; each result keyed by its method and the values of {@code keyParams} it has. */
  private Map<String, RunResult> run(ChainedOptionsBuilder options, List<String> keyParams) throws RunnerException {
    if (quick()) {
      // A smoke test: each benchmark once on each of its parameters, in this JVM (no fork to start,
      // the databases' server shared: see Database), no warm-up, one short measurement (one batch in
      // the single-shot modes). Set last, over each group's own settings.
      options.forks(0)
          .warmupIterations(0)
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(100));
    }
    Map<String, RunResult> byMethod = new LinkedHashMap<>();
    Collection<RunResult> results;
    try {
      results = new Runner(options.build()).run();
    } catch (NoBenchmarksException e) {
      return byMethod; // --only left none of this group
    }
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String key = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      for (String p : keyParams) {
        String v = r.getParams().getParam(p);
        if (v != null) {
          key += "/" + v;
        }
      }
      byMethod.put(key, r);
    }
    return byMethod;
  }

  /** Throughput in operations per second, with the read settings' warm-ups and iterations. */
  private ChainedOptionsBuilder throughputOf(ChainedOptionsBuilder o) {
    return o.mode(Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        .warmupIterations(settings.readWarmups())
        .warmupTime(TimeValue.seconds(settings.readSeconds()))
        .measurementIterations(settings.readIterations())
        .measurementTime(TimeValue.seconds(settings.readSeconds()));
  }

  private void valueChecks() throws RunnerException {
    Map<String, RunResult> r = run(throughputOf(options(ValueChecks.class.getName() + "\\.(" + only + ")", 1)));
    throughput(r, "moneyRapport", "moneyBaseline", "read an amount: Money.of(\"12345.67\", \"EUR\") vs "
        + "BigDecimal parse + setScale", 1, "", Double.NaN);
    throughput(r, "textRapport", "textBaseline", "check a 200-character text (code points, NUL, "
        + "unpaired surrogates) vs strip + length", 1, "", Double.NaN);
  }

  private void memoryReads(int threads) throws RunnerException {
    Map<String, RunResult> r = run(throughputOf(options(MemoryReads.class, threads)));
    String store = String.format(Locale.ROOT, "memory, %,d leads", settings.leads());
    throughput(r, "emailRapport", "emailBaseline", "look up a lead by e-mail (" + store
        + ") vs ConcurrentHashMap.get", threads, "≥ 0.5", 0.5);
    throughput(r, "pageRapport", "pageBaseline", "page of 50 hot leads of one owner (" + store
        + ") vs hand-written index walk", threads, "", Double.NaN);
    throughput(r, "countRapport", "countBaseline", "count the hot leads of one owner (" + store
        + ") vs hand-written index walk", threads, "", Double.NaN);
  }

  private void memoryWrites(int threads) throws RunnerException {
    Map<String, RunResult> r = run(options(MemoryWrites.class, threads)
        .mode(Mode.SingleShotTime)
        .timeUnit(TimeUnit.MICROSECONDS)
        .warmupIterations(settings.writeWarmups())
        .warmupBatchSize(settings.writeBatch())
        .measurementIterations(settings.writeIterations())
        .measurementBatchSize(settings.writeBatch()));
    String store = String.format(Locale.ROOT, "memory, %,d leads", settings.leads());
    batch(r, "captureRapport", "captureBaseline", "capture a lead (" + store
        + ") vs ConcurrentHashMap + hand-written indexes", threads, "≥ 0.5", 0.5);
    batch(r, "convertRapport", "convertBaseline", "convert a lead to contact + account + "
        + "opportunity (" + store + ") vs hand-written maps", threads, "", Double.NaN);
  }

  private ChainedOptionsBuilder jpaOptions(String methods) {
    return options(JpaBenchmarks.class.getName() + "\\.(" + methods + ")", 1)
        .param("rows", String.valueOf(settings.rows()));
  }

  private boolean selected(String methods) {
    return java.util.Arrays.stream(methods.split("\\|")).anyMatch(m -> m.matches(only));
  }

  private void jpa() throws RunnerException {
    Map<String, RunResult> r = new LinkedHashMap<>();
    String bulk = "bulkRapport|bulkOneByOneRapport|bulkBaseline|bulkCopy|importRapport";
    if (selected(bulk)) {
      // One call stores every row: long enough to warm itself up (100,000 captures), so the full
      // mode measures it once without a warm-up; the quick mode has a warm-up on small data.
      r.putAll(run(jpaOptions(selectedOf(bulk))
          .mode(Mode.SingleShotTime)
          .timeUnit(TimeUnit.MILLISECONDS)
          .warmupIterations(settings.bulkIterations() == 1 ? 1 : 0)
          .measurementIterations(1)));
    }
    String reads = "emailRapport|emailBaseline|pageRapport|pageBaseline|countRapport|countBaseline";
    if (selected(reads)) {
      r.putAll(run(jpaOptions(selectedOf(reads))
          .mode(Mode.Throughput)
          .timeUnit(TimeUnit.SECONDS)
          .warmupIterations(Math.min(2, settings.readWarmups()))
          .warmupTime(TimeValue.seconds(settings.readSeconds()))
          .measurementIterations(Math.min(3, settings.readIterations()))
          .measurementTime(TimeValue.seconds(settings.readSeconds()))));
    }
    String convert = "convertRapport|convertBaseline";
    if (selected(convert)) {
      r.putAll(run(jpaOptions(selectedOf(convert))
          .mode(Mode.SingleShotTime)
          .timeUnit(TimeUnit.MILLISECONDS)
          .warmupIterations(1)
          .warmupBatchSize(settings.convertBatch())
          .measurementIterations(settings.writeIterations() > 2 ? 3 : 1)
          .measurementBatchSize(settings.convertBatch())));
    }
    String rows = String.format(Locale.ROOT, "%,d", settings.rows());
    for (String db : DATABASES) {
      for (String provider : List.of("hibernate", "eclipselink")) {
        String on = "JPA, " + label(db) + ", "
            + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": ";
        String rp = "/" + db + "/" + provider;
        String bp = "/" + db;
        RunResult a = r.get("bulkRapport" + rp);
        RunResult b = r.get("bulkBaseline" + bp);
        if (a != null && b != null) {
          double ra = settings.rows() / (a.getPrimaryResult().getScore() / 1e3);
          double rb = settings.rows() / (b.getPrimaryResult().getScore() / 1e3);
          boolean server = !db.equals("h2");
          lines.add(new Line(on + "bulk capture of " + rows + " leads (captureAll, 1,000 per unit of "
              + "work) vs raw JDBC batch inserts of the same rows", "1", ra, rb, "leads/s", ra / rb,
              server ? "≥ 0.8" : "", server ? ra / rb >= 0.8 : null));
        }
        RunResult copy = r.get("bulkCopy" + bp);
        if (b != null && copy != null && db.equals("postgresql") && provider.equals("hibernate")) {
          double rb = settings.rows() / (b.getPrimaryResult().getScore() / 1e3);
          double rc = settings.rows() / (copy.getPrimaryResult().getScore() / 1e3);
          lines.add(new Line("PostgreSQL: the bulk baseline (JDBC batches of 1,000, reWriteBatchedInserts) vs COPY of "
              + "the same rows (absolute rows/s of both)", "1", rb, rc, "leads/s", rb / rc, "", null));
        }
        RunResult imported = r.get("importRapport" + rp);
        if (imported != null && copy != null && db.equals("postgresql")) { // COPY runs on PostgreSQL only
          double ri = settings.rows() / (imported.getPrimaryResult().getScore() / 1e3);
          double rc = settings.rows() / (copy.getPrimaryResult().getScore() / 1e3);
          lines.add(new Line(on + "import " + rows + " leads from CSV (crm-io, 1,000 per batch) vs COPY of the same "
              + "rows (issue 22)", "1", ri, rc, "leads/s", ri / rc, "≥ 0.8", ri / rc >= 0.8));
        }
        a = r.get("bulkOneByOneRapport" + rp);
        if (a != null && b != null) {
          double ra = settings.rows() / (a.getPrimaryResult().getScore() / 1e3);
          double rb = settings.rows() / (b.getPrimaryResult().getScore() / 1e3);
          lines.add(new Line(on + "the same, one capture command per lead inside host transactions of "
              + "1,000 (joining mode)", "1", ra, rb, "leads/s", ra / rb, "", null));
        }
        boolean server = !db.equals("h2"); // the targets of issue 21 are for the server databases
        throughput(r, "emailRapport" + rp, "emailBaseline" + bp,
            on + "look up a lead by e-mail (" + rows + " leads) vs JDBC select", 1, server ? "≥ 0.7" : "",
            server ? 0.7 : Double.NaN);
        throughput(r, "pageRapport" + rp, "pageBaseline" + bp,
            on + "page of 50 hot leads of one owner (" + rows + " leads) vs JDBC select", 1, server ? "≥ 0.5" : "",
            server ? 0.5 : Double.NaN);
        throughput(r, "countRapport" + rp, "countBaseline" + bp, on + "count the hot leads of one owner ("
            + rows + " leads) vs JDBC select count(*)", 1, server ? "≥ 0.7" : "", server ? 0.7 : Double.NaN);
        a = r.get("convertRapport" + rp);
        b = r.get("convertBaseline" + bp);
        if (a != null && b != null) {
          double la = a.getPrimaryResult().getScore() * 1e3 / settings.convertBatch();
          double lb = b.getPrimaryResult().getScore() * 1e3 / settings.convertBatch();
          lines.add(new Line(on + "conversion latency (contact + account + opportunity) vs "
              + "hand-written JDBC transaction; ratio = baseline / Rapport", "1", la, lb,
              "µs/conversion", lb / la, db.equals("h2") ? "" : "≥ 0.5", db.equals("h2") ? null : lb / la >= 0.5));
        }
      }
    }
  }

  /** The results of a campaign of {@code rows} members: JPA vs hand-written SQL, memory vs hand-written maps. */
  private void campaigns() throws RunnerException {
    Map<String, RunResult> r = run(options(CampaignBenchmarks.class.getName() + "\\.(" + only + ")", 1)
        .param("members", String.valueOf(settings.rows()))
        .mode(Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .warmupTime(TimeValue.seconds(settings.readSeconds()))
        .measurementIterations(Math.min(3, settings.readIterations()))
        .measurementTime(TimeValue.seconds(settings.readSeconds())));
    String members = String.format(Locale.ROOT, "%,d", settings.rows());
    throughput(r, "memoryResultsRapport", "memoryResultsBaseline", "campaign results (memory, "
        + members + " members) vs hand-written maps with the same indexes", 1, "", Double.NaN);
    for (String db : DATABASES) {
      for (String provider : List.of("hibernate", "eclipselink")) {
        RunResult a = r.get("jpaResultsRapport/" + db + "/" + provider);
        RunResult b = r.get("jpaResultsBaseline/" + db);
        if (a != null && b != null) {
          double sa = a.getPrimaryResult().getScore();
          double sb = b.getPrimaryResult().getScore();
          lines.add(new Line("JPA, " + label(db) + ", "
              + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": campaign results ("
              + members + " members) vs hand-written SQL (4 statements)", "1", sa, sb, "ops/s", sa / sb, "", null));
        }
      }
    }
  }

  /** A timeline page of 50 of a contact with 10,000 activities (issue 8): JPA and memory. */
  private void timeline() throws RunnerException {
    Map<String, RunResult> r = run(throughputOf(options(TimelineBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "memoryRapport", "memoryBaseline", "timeline page of 50 of a contact with 10,000 "
        + "activities (memory) vs hand-written sorted map", 1, "", Double.NaN);
    for (String db : DATABASES) {
      for (String provider : List.of("hibernate", "eclipselink")) {
        RunResult a = r.get("jpaRapport/" + db + "/" + provider);
        RunResult b = r.get("jpaBaseline/" + db);
        if (a != null && b != null) {
          double sa = a.getPrimaryResult().getScore();
          double sb = b.getPrimaryResult().getScore();
          lines.add(new Line("JPA, " + label(db) + ", "
              + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": timeline page of 50 "
              + "of a contact with 10,000 activities vs one hand-written JDBC join", "1", sa, sb,
              "ops/s", sa / sb, "", null));
        }
      }
    }
  }

  /**
   * Sales history (issue 9): the customer summary and the late-payer list over {@code
   * salesInvoices} invoices of 5 lines and as many payments, in memory against hand-written loops,
   * on PostgreSQL (JPA, both providers) against hand-written SQL.
   */
  private void sales() throws RunnerException {
    Map<String, RunResult> r = run(options(SalesBenchmarks.class.getName() + "\\.(" + only + ")", 1)
        .param("accounts", String.valueOf(settings.salesAccounts()))
        .param("invoices", String.valueOf(settings.salesInvoices()))
        .param("payments", String.valueOf(settings.salesInvoices()))
        .mode(Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        // the memory adapter's summary takes about 20 s to reach its steady speed on this machine
        .warmupIterations(settings.salesWarmups())
        .warmupTime(TimeValue.seconds(settings.salesSeconds()))
        .measurementIterations(Math.min(3, settings.readIterations()))
        .measurementTime(TimeValue.seconds(settings.salesSeconds())));
    String history = String.format(Locale.ROOT, "%,d accounts, %,d invoice lines, %,d payments",
        settings.salesAccounts(), settings.salesInvoices() * (long) SalesData.LINES, settings.salesInvoices());
    throughput(r, "summaryMemoryRapport", "summaryMemoryBaseline", "customer summary of an account (memory, "
        + history + ") vs hand-written loop over plain records", 1, "≥ 0.5", 0.5);
    throughput(r, "latePayersMemoryRapport", "latePayersMemoryBaseline", "late-payer list (memory, " + history
        + ") vs hand-written loop over plain records", 1, "≥ 0.5", 0.5);
    for (String provider : List.of("hibernate", "eclipselink")) {
      String on = "JPA, PostgreSQL, " + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": ";
      throughput(r, "summaryJpaRapport/postgresql/" + provider, "summaryJpaBaseline/postgresql", on
          + "customer summary of an account (" + history + ") vs hand-written SQL", 1, "≥ 0.7", 0.7);
      throughput(r, "latePayersJpaRapport/postgresql/" + provider, "latePayersJpaBaseline/postgresql", on
          + "late-payer list (" + history + ") vs hand-written SQL from the raw lines and allocations", 1, "≥ 0.5", 0.5);
    }
  }

  /**
   * Predictive lead scoring (issue 10): first the quality comparison with the Odoo baseline
   * ({@link ScoringComparison}: ROC AUC and Brier score on held-out generated leads, both
   * datasets), then the JMH timings ({@link ScoringBenchmarks}): scoring all the leads and training
   * on them, 100,000 closed leads in full mode, 5,000 in quick mode.
   */
  private void scoring() throws RunnerException {
    boolean quick = settings.name().startsWith("quick");
    int closed = quick ? 5_000 : 100_000;
    if (".*".equals(only) || "comparison".matches(only)) {
      for (ScoringComparison.Result c : ScoringComparison.run(2 * closed, ScoringComparison.SEED)) {
        String data = String.format(Locale.ROOT, "%s, %,d training / %,d held-out leads", c.dataset(), c.train(), c.test());
        boolean engagement = c.dataset().startsWith("engagement");
        lines.add(new Line("lead scoring ROC AUC (" + data + "; truth " + String.format(Locale.ROOT, "%.4f", c.aucTruth())
            + ") vs Odoo naive Bayes", "1", c.aucRapport(), c.aucOdoo(), "AUC", c.aucRapport() / c.aucOdoo(),
            engagement ? "> 1" : "", engagement ? c.aucRapport() > c.aucOdoo() : null));
        lines.add(new Line("lead scoring Brier score, lower is better (" + data + "; truth "
            + String.format(Locale.ROOT, "%.4f", c.brierTruth()) + ") vs Odoo naive Bayes", "1", c.brierRapport(),
            c.brierOdoo(), "Brier", c.brierRapport() / c.brierOdoo(), engagement ? "< 1" : "",
            engagement ? c.brierRapport() < c.brierOdoo() : null));
      }
    }
    Map<String, RunResult> r = run(options(ScoringBenchmarks.class.getName() + "\\.(" + only + ")", 1)
        .param("closed", String.valueOf(closed))
        .mode(Mode.SingleShotTime)
        .timeUnit(TimeUnit.MILLISECONDS)
        .warmupIterations(quick ? 1 : 3)
        .measurementIterations(quick ? 1 : 5));
    String n = String.format(Locale.ROOT, "%,d", closed);
    RunResult a = r.get("scoreAllRapport");
    RunResult b = r.get("scoreAllOdoo");
    if (a != null && b != null) {
      double ra = closed / (a.getPrimaryResult().getScore() / 1e3);
      double rb = closed / (b.getPrimaryResult().getScore() / 1e3);
      lines.add(new Line("score " + n + " leads (probability + top factors) vs Odoo naive Bayes probability only",
          "1", ra, rb, "leads/s", ra / rb, "≥ 0.5", ra / rb >= 0.5));
    }
    a = r.get("trainRapport");
    b = r.get("trainOdoo");
    if (a != null && b != null) {
      double ta = a.getPrimaryResult().getScore();
      double tb = b.getPrimaryResult().getScore();
      lines.add(new Line("train on " + n + " closed leads (logistic regression, Newton) vs Odoo frequency table; "
          + "ratio = baseline / Rapport", "1", ta, tb, "ms", tb / ta, "", null));
    }
  }

  /**
   * Analytics (issue 10): source effectiveness over {@code leads} leads and the forecast over a fifth
   * as many opportunities, on PostgreSQL (JPA, both providers) against hand-written SQL.
   */
  private void analytics() throws RunnerException {
    int opportunities = settings.leads() / 5;
    Map<String, RunResult> r = run(options(AnalyticsBenchmarks.class.getName() + "\\.(" + only + ")", 1)
        .param("leads", String.valueOf(settings.leads()))
        .param("opportunities", String.valueOf(opportunities))
        .mode(Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        .warmupIterations(settings.salesWarmups())
        .warmupTime(TimeValue.seconds(settings.salesSeconds()))
        .measurementIterations(Math.min(3, settings.readIterations()))
        .measurementTime(TimeValue.seconds(settings.salesSeconds())));
    for (String provider : List.of("hibernate", "eclipselink")) {
      String on = "JPA, PostgreSQL, " + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": ";
      throughput(r, "effectivenessRapport/postgresql/" + provider, "effectivenessBaseline/postgresql", on
          + String.format(Locale.ROOT, "source effectiveness over %,d leads", settings.leads())
          + " vs hand-written SQL", 1, "≥ 0.5", 0.5);
      throughput(r, "forecastRapport/postgresql/" + provider, "forecastBaseline/postgresql", on
          + String.format(Locale.ROOT, "forecast over %,d opportunities", opportunities)
          + " vs hand-written SQL", 1, "≥ 0.5", 0.5);
    }
  }

  /**
   * NPS and CSAT of a tenant with {@code rows} answers ({@link FeedbackBenchmarks}): JPA against
   * hand-written SQL, memory against a hand-written loop. Not in the full mode's default groups.
   */
  private void feedback() throws RunnerException {
    Map<String, RunResult> r = run(throughputOf(options(FeedbackBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("answers", String.valueOf(settings.rows()))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    String answers = String.format(Locale.ROOT, "%,d", settings.rows());
    throughput(r, "npsMemoryRapport", "npsMemoryBaseline", "NPS of a tenant (memory, " + answers
        + " answers) vs hand-written loop over a map", 1, "", Double.NaN);
    for (String db : DATABASES) {
      for (String provider : List.of("hibernate", "eclipselink")) {
        String on = "JPA, " + label(db) + ", "
            + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": ";
        throughput(r, "npsRapport/" + db + "/" + provider, "npsJdbc/" + db, on + "NPS of a tenant (" + answers
            + " answers) vs hand-written SQL", 1, "", Double.NaN);
        throughput(r, "csatRapport/" + db + "/" + provider, "csatJdbc/" + db, on + "CSAT of a tenant (" + answers
            + " answers) vs hand-written SQL", 1, "", Double.NaN);
      }
    }
  }

  /**
   * RFM segmentation over {@code purchases} sales in memory against a primitive loop ({@link
   * SegmentationBenchmarks}), with its own settings in the full mode (3 warm-ups and 3
   * measurements of 10 s, a 14 GiB heap). Not in the full mode's default groups.
   */
  private void segmentation() throws RunnerException {
    ChainedOptionsBuilder o = options(SegmentationBenchmarks.class.getName() + "\\.(" + only + ")", 1)
        .param("purchases", String.valueOf(purchases))
        .mode(Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(10))
        .measurementIterations(3)
        .measurementTime(TimeValue.seconds(10));
    if (!quick()) {
      o.jvmArgsAppend("-Xms14g", "-Xmx14g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    }
    Map<String, RunResult> r = run(o);
    throughput(r, "rapport", "baseline", String.format(Locale.ROOT, "RFM segmentation (memory, %,d purchases, "
        + "%,d accounts) vs hand-written primitive loop", purchases, Math.max(1, purchases / 100)), 1, "≥ 0.5", 0.5);
  }

  /**
   * Duplicate detection ({@link DedupeBenchmarks}): one new contact against {@code leads} stored
   * ones in memory and {@code rows} on each database, and a whole-tenant scan of up to 100,000
   * contacts in memory, each against a hand-written baseline; then the quality figures of {@link
   * DedupeQuality} (FEBRL3, FEBRL4 and the generated sets, beside Odoo's rule) in the same table.
   */
  private void dedupe() throws RunnerException {
    int scanned = Math.min(100_000, settings.leads());
    Map<String, RunResult> r = run(throughputOf(options(DedupeBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("contacts", String.valueOf(settings.leads()))
        .param("scanned", String.valueOf(scanned))
        .param("rows", String.valueOf(settings.rows()))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "lookUpMemoryRapport", "lookUpMemoryBaseline", String.format(Locale.ROOT,
        "duplicates of one new contact (memory, %,d stored) vs hand-written key maps", settings.leads()), 1,
        "≥ 0.5", 0.5);
    throughput(r, "scanMemoryRapport", "scanMemoryBaseline", String.format(Locale.ROOT,
        "whole-tenant duplicate scan (memory, %,d contacts) vs the matcher over a list", scanned), 1, "", Double.NaN);
    for (String db : DATABASES) {
      for (String provider : List.of("hibernate", "eclipselink")) {
        String on = "JPA, " + label(db) + ", " + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": ";
        throughput(r, "lookUpRapport/" + db + "/" + provider, "lookUpJdbc/" + db, on + String.format(Locale.ROOT,
            "duplicates of one new contact (%,d stored, 2 statements) vs hand-written SQL", settings.rows()), 1,
            "≥ 0.5", 0.5);
      }
    }
    if (".*".equals(only) || "quality".matches(only)) {
      List<DedupeQuality.Row> rows = DedupeQuality.run(quick() ? 2_000 : 20_000, DedupeQuality.SEED);
      for (int i = 0; i + 1 < rows.size(); i += 2) {
        DedupeQuality.Row rapport = rows.get(i);
        DedupeQuality.Row odoo = rows.get(i + 1);
        boolean target = rapport.dataset().equals("FEBRL3") || rapport.dataset().endsWith("contacts");
        double wanted = rapport.dataset().equals("FEBRL3") ? 0.99 : 0.97;
        lines.add(new Line(String.format(Locale.ROOT, "duplicate detection F1 (%s; precision %.3f / %.3f, recall %.3f / %.3f)"
            + " vs Odoo 17's rule", rapport.dataset(), rapport.precision(), odoo.precision(), rapport.recall(),
            odoo.recall()), "1", rapport.f1(), odoo.f1(), "F1", odoo.f1() == 0 ? Double.NaN : rapport.f1() / odoo.f1(),
            target ? "F1 ≥ " + wanted : "", target ? rapport.f1() >= wanted : null));
      }
    }
  }

  /**
   * Issue 22's memory import ({@link ImportBenchmarks}): {@code leads} leads from CSV text into an
   * empty memory store against a hand-written loop into maps; rows/s of both.
   */
  private void importMemory() throws RunnerException {
    Map<String, RunResult> r = run(options(ImportBenchmarks.class.getName() + "\\.(" + only + ")", 1)
        .param("leads", String.valueOf(settings.leads()))
        .mode(Mode.SingleShotTime)
        .timeUnit(TimeUnit.MILLISECONDS)
        .warmupIterations(1)
        .measurementIterations(quick() ? 1 : 3));
    RunResult a = r.get("importMemoryRapport");
    RunResult b = r.get("importMemoryBaseline");
    if (a != null && b != null) {
      double ra = settings.leads() / (a.getPrimaryResult().getScore() / 1e3);
      double rb = settings.leads() / (b.getPrimaryResult().getScore() / 1e3);
      lines.add(new Line(String.format(Locale.ROOT, "import %,d leads from CSV into memory (crm-io, 1,000 per batch)"
          + " vs a hand-written loop into maps (issue 22)", settings.leads()), "1", ra, rb, "leads/s", ra / rb,
          "≥ 0.5", ra / rb >= 0.5));
    }
  }

  /** Issue 22's merge ({@link MergeBenchmarks}): a merge of two contacts and its undo, in memory, vs hand-written maps. */
  private void merge() throws RunnerException {
    int contacts = Math.min(100_000, settings.leads());
    int dbContacts = quick() ? 200 : 2_000;
    Map<String, RunResult> r = run(throughputOf(options(MergeBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("contacts", String.valueOf(contacts))
        .param("dbContacts", String.valueOf(dbContacts))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "mergeAndUndoMemoryRapport", "mergeAndUndoMemoryBaseline", String.format(Locale.ROOT,
        "merge two contacts and undo it (memory, %,d contacts with %d notes each) vs hand-written maps", contacts,
        MergeBenchmarks.NOTES), 1, "", Double.NaN);
    for (String db : DATABASES) {
      for (String provider : List.of("hibernate", "eclipselink")) {
        String on = "JPA, " + label(db) + ", " + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": ";
        throughput(r, "mergeAndUndoJpaRapport/" + db + "/" + provider, "mergeAndUndoJdbc/" + db, on + String.format(
            Locale.ROOT, "merge two contacts and undo it (%,d contacts with %d notes each) vs the same moves in"
            + " hand-written SQL", dbContacts, MergeBenchmarks.NOTES), 1, "", Double.NaN);
      }
    }
  }

  /** Issue 24's lead deletion ({@link DeleteBenchmarks}) in memory, beside a capture. */
  private void delete() throws RunnerException {
    int leads = given("leads", quick() ? 2_000 : 100_000);
    Map<String, RunResult> r = run(throughputOf(options(DeleteBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("leads", String.valueOf(leads))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "deleteLeadMemory", "captureLeadMemory", String.format(Locale.ROOT,
        "delete a lead with %d notes of its own and one shared with a contact (memory, %,d leads) vs capture a lead"
        + " (issue 24)", DeleteBenchmarks.NOTES, leads), 1, "", Double.NaN);
  }

  /** Issue 24's audit trail ({@link AuditBenchmarks}): a capture and a stage move with the trail vs without. */
  private void audit() throws RunnerException {
    Map<String, RunResult> r = run(throughputOf(options(AuditBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "captureWithTrailMemory", "captureWithoutTrailMemory",
        "capture a lead with the audit trail vs without (memory; issue 24)", 1, "", Double.NaN);
    throughput(r, "moveStageWithTrailMemory", "moveStageWithoutTrailMemory",
        "move a deal to another stage with the audit trail vs without (memory)", 1, "", Double.NaN);
    for (String db : List.of("h2", "postgresql")) {
      String on = "h2".equals(db) ? "H2" : "PostgreSQL";
      throughput(r, "captureWithTrailJpa/" + db, "captureWithoutTrailJpa/" + db,
          "capture a lead with the audit trail vs without (" + on + ", Hibernate)", 1, "", Double.NaN);
      throughput(r, "moveStageWithTrailJpa/" + db, "moveStageWithoutTrailJpa/" + db,
          "move a deal with the audit trail vs without (" + on + ", Hibernate)", 1, "", Double.NaN);
    }
  }

  /**
   * Issue 25's text search ({@link SearchBenchmarks}): memory and PostgreSQL at 10,000, 100,000 and
   * 1,000,000 contacts, vs a hand-written trigram query on the same index and vs a scan.
   */
  private void search() throws RunnerException {
    String[] sizes = params.getOrDefault("contacts", quick() ? new String[] {"2000"}
        : new String[] {"10000", "100000", "1000000"});
    String[] dbSizes = params.getOrDefault("dbContacts", quick() ? new String[] {"1000"}
        : new String[] {"10000", "100000", "1000000"});
    Map<String, RunResult> r = run(throughputOf(options(SearchBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("contacts", sizes)
        .param("dbContacts", dbSizes)
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())), List.of("contacts", "dbContacts"));
    for (String n : sizes) {
      String rows = String.format(Locale.ROOT, "%,d", Integer.parseInt(n));
      throughput(r, "searchMemory/" + n, "searchHandIndexMemory/" + n, "search a typed name among " + rows
          + " contacts (memory) vs a hand-written trigram query on the same index", 1, ">= 0.5", 0.5);
      throughput(r, "searchMemory/" + n, "searchScanMemory/" + n, "search a typed name among " + rows
          + " contacts (memory) vs a scan computing every similarity", 1, "", Double.NaN);
    }
    for (String n : dbSizes) {
      String rows = String.format(Locale.ROOT, "%,d", Integer.parseInt(n));
      throughput(r, "searchJpa/" + n, "searchIndexJdbc/" + n, "search a typed name among " + rows
          + " contacts (PostgreSQL, Hibernate) vs the trigram select on the same index in JDBC", 1, ">= 0.5", 0.5);
      throughput(r, "searchJpa/" + n, "searchScanJdbc/" + n, "search a typed name among " + rows
          + " contacts (PostgreSQL, Hibernate) vs word_similarity on every row in JDBC", 1, "", Double.NaN);
    }
  }

  /** Issue 25's custom fields ({@link CustomFieldBenchmarks}): leads counted by a value vs hand-written. */
  private void fields() throws RunnerException {
    int leads = given("leads", quick() ? 500 : 100_000);
    int dbLeads = given("dbLeads", quick() ? 100 : 10_000);
    Map<String, RunResult> r = run(throughputOf(options(CustomFieldBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("leads", String.valueOf(leads))
        .param("dbLeads", String.valueOf(dbLeads))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "countMemory", "countHandMemory", String.format(Locale.ROOT,
        "count leads by a custom field value (memory, %,d leads) vs a hand-written loop over the same leads (issue 25)",
        leads), 1, "", Double.NaN);
    for (String db : List.of("h2", "postgresql")) {
      throughput(r, "countJpa/" + db, "countJdbc/" + db, String.format(Locale.ROOT,
          "count leads by a custom field value (%s, Hibernate, %,d leads) vs the same LIKE in plain JDBC", db, dbLeads),
          1, "", Double.NaN);
    }
  }

  /** Issue 26's service levels ({@link ServiceLevelBenchmarks}): re-tiering and the open-case list by due instant. */
  private void serviceLevels() throws RunnerException {
    int accounts = given("accounts", quick() ? 500 : 100_000);
    int dbAccounts = given("dbAccounts", quick() ? 100 : 100_000);
    int cases = given("cases", quick() ? 500 : 100_000);
    int dbCases = given("dbCases", quick() ? 2_000 : 1_000_000);
    Map<String, RunResult> r = run(throughputOf(options(ServiceLevelBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("accounts", String.valueOf(accounts))
        .param("dbAccounts", String.valueOf(dbAccounts))
        .param("cases", String.valueOf(cases))
        .param("dbCases", String.valueOf(dbCases))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "retierMemory", "retierHandMemory", String.format(Locale.ROOT,
        "re-tier every account, a whole run of retier(10,000) (memory, %,d accounts) vs a loop computing the same tiers (issue 26)",
        accounts), 1, "", Double.NaN);
    throughput(r, "retierJpa", "retierJdbc", String.format(Locale.ROOT,
        "re-tier every account (postgresql, Hibernate, %,d accounts) vs the same selects in plain JDBC and the same loop",
        dbAccounts), 1, "", Double.NaN);
    throughput(r, "dueListMemory", "dueListHandMemory", String.format(Locale.ROOT,
        "the first 50 open cases by due instant (memory, %,d open cases) vs a bounded heap over a list of them", cases),
        1, "", Double.NaN);
    throughput(r, "dueListJpa", "dueListJdbc", String.format(Locale.ROOT,
        "the first 50 open cases by due instant (postgresql, Hibernate, %,d cases, a tenth open) vs the same select in plain JDBC",
        dbCases), 1, "", Double.NaN);
    throughput(r, "dueNextPageJpa", "dueNextPageJdbc", String.format(Locale.ROOT,
        "a later page (after the 500th) by due instant (postgresql, %,d cases) vs the same keyset select in plain JDBC",
        dbCases), 1, "", Double.NaN);
  }

  /** Issue 25's pipeline board ({@link BoardBenchmarks}) vs hand-written sums over the same records. */
  private void board() throws RunnerException {
    int deals = given("deals", quick() ? 500 : 100_000);
    int dbDeals = given("dbDeals", quick() ? 100 : 10_000);
    Map<String, RunResult> r = run(throughputOf(options(BoardBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("deals", String.valueOf(deals))
        .param("dbDeals", String.valueOf(dbDeals))
        .warmupIterations(Math.min(2, settings.readWarmups()))
        .measurementIterations(Math.min(3, settings.readIterations())));
    throughput(r, "boardMemory", "boardHandMemory", String.format(Locale.ROOT,
        "the pipeline board (memory, %,d deals) vs a hand-written loop summing the same records (issue 25)", deals),
        1, ">= 0.5", 0.5);
    for (String db : List.of("h2", "postgresql")) {
      throughput(r, "boardJpa/" + db, "boardJdbc/" + db, String.format(Locale.ROOT,
          "the pipeline board (%s, Hibernate, %,d deals) vs the grouped select in plain JDBC", db, dbDeals), 1, "", Double.NaN);
    }
  }

  /** Issue 23's ingest ({@link MailBenchmarks}): parse and log a message in memory vs the parse alone. */
  private void mail() throws RunnerException {
    int contacts = given("contacts", quick() ? 2_000 : Math.min(100_000, settings.leads()));
    int dbContacts = given("dbContacts", quick() ? 200 : 10_000);
    int mboxContacts = given("mboxContacts", quick() ? 2_000 : 1_000_000);
    Map<String, RunResult> r = run(throughputOf(options(MailBenchmarks.class.getName() + "\\.(" + only + ")", 1))
        .param("contacts", String.valueOf(contacts))
        .param("dbContacts", String.valueOf(dbContacts))
        .param("mboxContacts", String.valueOf(mboxContacts))
        // an mbox invocation logs 10,000 messages (a second or more): longer iterations, or a few invocations decide
        .warmupIterations(quick() ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick() ? settings.readSeconds() : 6))
        .measurementIterations(quick() ? 1 : 5)
        .measurementTime(TimeValue.seconds(quick() ? settings.readSeconds() : 6)));
    throughput(r, "parseAndIngestMemory", "parseOnly", String.format(Locale.ROOT,
        "parse and log a message (memory, %,d contacts) vs crm-mail's parse alone of the same bytes (issue 23)",
        contacts), 1, "≥ 0.5 (own cost ≤ the parse)", 0.5);
    throughput(r, "sendCampaignMemory", "sendOneByOneMemory", String.format(Locale.ROOT,
        "campaign mail per member (plan, add %d members, start, sendCampaign: consent, suppressions, unsubscribe"
        + " token) vs send of the same messages one by one (memory, %,d consenting contacts) (issue 23)",
        MailBenchmarks.CAMPAIGN, 10_000), 1, "", Double.NaN);
    throughput(r, "mboxImportMemory", "mboxParseOnly", String.format(Locale.ROOT,
        "an mbox of %,d new messages logged by MailboxImport (memory, %,d contacts) vs the parser alone on the"
        + " same messages (issue 23)", MailBenchmarks.MBOX, mboxContacts), 1, "≥ 0.5 (own cost ≤ the parse)", 0.5);
    for (String db : DATABASES) {
      for (String provider : List.of("hibernate", "eclipselink")) {
        String on = "JPA, " + label(db) + ", " + (provider.equals("hibernate") ? "Hibernate" : "EclipseLink") + ": ";
        throughput(r, "parseAndIngestJpa/" + db + "/" + provider, "parseOnly", on + String.format(Locale.ROOT,
            "parse and log a message (%,d contacts) vs the parse alone (issue 23)", dbContacts), 1, "", Double.NaN);
        throughput(r, "parseAndIngestBatchJpa/" + db + "/" + provider, "parseOnly", on + String.format(Locale.ROOT,
            "parse and log messages %d per unit of work, as an mbox import does (%,d contacts), vs the parse alone"
            + " (issue 23)", MailBenchmarks.BATCH, dbContacts), 1, "", Double.NaN);
        throughput(r, "mboxImportJpa/" + db + "/" + provider, "mboxParseOnly", on + String.format(Locale.ROOT,
            "an mbox of %,d new messages logged by MailboxImport (%,d contacts) vs the parser alone (issue 23)",
            MailBenchmarks.MBOX_DB, dbContacts), 1, "", Double.NaN);
      }
    }
  }

  /** The value of a benchmark parameter given with {@code --param=name=value}, else {@code otherwise}. */
  private int given(String name, int otherwise) {
    return params.containsKey(name) ? Integer.parseInt(params.get(name)[0]) : otherwise;
  }

  private String selectedOf(String methods) {
    return String.join("|", java.util.Arrays.stream(methods.split("\\|"))
        .filter(m -> m.matches(only)).toList());
  }

  /** Adds a line for a pair of throughput benchmarks (scores in ops/s, higher is better). */
  /**
   * The databases of the JPA rows: H2 and PostgreSQL by default, MariaDB (the machine's server)
   * when asked with {@code --param=db=mariadb}; a database not run has no rows.
   */
  private static final List<String> DATABASES = List.of("h2", "postgresql", "mariadb");

  private static String label(String db) {
    return switch (db) {
      case "h2" -> "H2";
      case "postgresql" -> "PostgreSQL";
      case "mariadb" -> "MariaDB";
      default -> db;
    };
  }

  private void throughput(Map<String, RunResult> r, String rapport, String baseline, String measure,
      int threads, String target, double minimum) {
    if (!r.containsKey(rapport) || !r.containsKey(baseline)) {
      return;
    }
    double a = r.get(rapport).getPrimaryResult().getScore();
    double b = r.get(baseline).getPrimaryResult().getScore();
    add(measure, threads, a, b, minimum, target);
  }

  /**
   * Adds a line for a pair of single-shot benchmarks whose every iteration is one batch of calls
   * per thread (scores in microseconds per batch, lower is better), as operations per second.
   */
  private void batch(Map<String, RunResult> r, String rapport, String baseline, String measure,
      int threads, String target, double minimum) {
    if (!r.containsKey(rapport) || !r.containsKey(baseline)) {
      return;
    }
    double a = opsPerSecond(r.get(rapport), threads);
    double b = opsPerSecond(r.get(baseline), threads);
    add(measure, threads, a, b, minimum, target);
  }

  private double opsPerSecond(RunResult result, int threads) {
    double microsPerBatch = result.getPrimaryResult().getScore();
    return threads * (double) settings.writeBatch() / (microsPerBatch / 1e6);
  }

  private void add(String measure, int threads, double rapport, double baseline, double minimum,
      String target) {
    double ratio = rapport / baseline;
    lines.add(new Line(measure, String.valueOf(threads), rapport, baseline, "ops/s", ratio, target,
        Double.isNaN(minimum) ? null : ratio >= minimum));
  }

  private void footprint() throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC",
        settings.heap(), "-cp", System.getProperty("java.class.path"),
        Footprint.class.getName(), String.valueOf(settings.leads()));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    Map<String, Double> bytes = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println("# footprint: " + line);
        int eq = line.indexOf('=');
        if (eq > 0) {
          bytes.put(line.substring(0, eq), Double.valueOf(line.substring(eq + 1)));
        }
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("footprint measurement failed, exit " + p.exitValue());
    }
    String n = String.format(Locale.ROOT, "%,d", settings.leads());
    double lead = bytes.get("lead.rapport");
    lines.add(new Line("bytes retained per lead, memory adapter (" + n
        + " leads) vs the same fields in a plain record", "–", lead, bytes.get("lead.plain"),
        "bytes", lead / bytes.get("lead.plain"), "≤ 1,024 B/lead", lead <= 1024));
    lines.add(new Line("bytes retained per lead, memory adapter vs plain records in hand-written "
        + "maps + indexes", "–", lead, bytes.get("lead.hand"), "bytes",
        lead / bytes.get("lead.hand"), "", null));
    double opp = bytes.get("opportunity.rapport");
    lines.add(new Line("bytes retained per opportunity, memory adapter (" + n
        + ") vs the same fields in a plain record", "–", opp, bytes.get("opportunity.plain"),
        "bytes", opp / bytes.get("opportunity.plain"), "", null));
  }

  private String table(java.time.Duration took) {
    StringBuilder s = new StringBuilder();
    s.append("| measure | threads | Rapport | baseline | unit | ratio | target | met |\n");
    s.append("|---|---|---:|---:|---|---:|---|---|\n");
    for (Line l : lines) {
      s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %s | %s |%n",
          l.measure(), l.threads(), number(l.rapport()), number(l.baseline()), l.unit(), l.ratio(),
          l.target(), l.met() == null ? "" : l.met() ? "yes" : "**no**"));
    }
    s.append(String.format(Locale.ROOT, "%nMode `%s`, %s UTC, %d processors, %s %s, took %d s. "
        + "Ratio: Rapport / baseline for speed (higher is better), Rapport / baseline bytes for "
        + "memory (lower is better).%n", settings.name(),
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), took.toSeconds()));
    return s.toString();
  }

  private static String number(double v) {
    if (v > 0 && v < 1) {
      return String.format(Locale.ROOT, "%.4f", v); // ROC AUC, Brier score
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static Path output() {
    String configured = System.getProperty("rapport.bench.out");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    Path module = Paths.get("crm-benchmarks");
    return Files.isDirectory(module) ? module.resolve("target/benchmarks.md")
        : Paths.get("target/benchmarks.md");
  }

  /**
   * Makes the JVMs JMH forks see the benchmark classes: under {@code exec:java} the class path of
   * this JVM is Maven's, and the benchmarks are on the class loader the plugin made, so the
   * loader's entries become {@code java.class.path}, which JMH passes to its forks.
   */
  static void exposeClassPath() throws URISyntaxException {
    ClassLoader loader = BenchmarkRunner.class.getClassLoader();
    if (!(loader instanceof URLClassLoader urls) || loader == ClassLoader.getSystemClassLoader()) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (URL url : urls.getURLs()) {
      entries.add(Paths.get(url.toURI()).toString());
    }
    System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
  }
}
