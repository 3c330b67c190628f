package dev.rapport.crm.bench;

import dev.rapport.crm.sales.SalesRepository;
import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.analytics.Segmentation;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.spi.Persistence;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * RFM segmentation (issue 10): {@code crm.analytics().segmentation(period)} on the memory adapter
 * over {@code purchases} seeded sales (default 10,000,000: one line each, EUR, issued over two
 * years to one of {@code purchases / 100} accounts, 1 % of them credit notes of half the account's
 * previous invoice), against a hand-written loop over the same history as primitive arrays (account
 * index, epoch day, cents, credit-note flag) that computes the same answer: per account last day,
 * invoices and amount, the quintile scores of the documented rule (sorting and binary search) and
 * the segment counts. Both compute everything from the raw sales on each call. The memory store is
 * filled through the adapter's SPI in units of 100 (recording 10,000,000 sales through {@code
 * crm.sales().record} would take about 7 minutes); the setup checks that both sides give the same
 * segment counts. Throughput, single-threaded.
 *
 * <p>Run: {@code ./mvnw -B -ntp -o -q -pl crm-benchmarks -am -DskipTests package exec:java
 * -Dexec.mainClass=dev.rapport.crm.bench.SegmentationBenchmarks -Dexec.args=full} (or {@code quick}:
 * 100,000 purchases, a smoke test of a few seconds; {@code --purchases=N} sets another size). The
 * ratio Rapport / baseline is printed last.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms14g", "-Xmx14g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 3, time = 10)
public class SegmentationBenchmarks {
  static final TenantId TENANT = TenantId.of("bench-segments");
  static final long SEED = 20261202L;
  static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  static final int DAYS = 731;
  static final Period PERIOD = Period.of(FIRST, FIRST.plusDays(DAYS - 1));
  static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");
  /**
   * Sales stored per unit of work: small, as when the figures of BENCHMARKS.md were taken (the
   * memory adapter's unique check was then quadratic in the unit's size; it is linear now).
   */
  static final int UNIT = 100;

  /**
   * Runs the benchmark: {@code quick} (100,000 purchases, 1 warm-up and 1 measurement of 1 s, 1 GiB)
   * or {@code full} (10,000,000 purchases, 3 and 3 of 10 s, 14 GiB); prints the ratio.
   */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    boolean quick = args.length > 0 && args[0].equals("quick");
    String purchases = quick ? "100000" : "10000000";
    for (String arg : args) {
      if (arg.startsWith("--purchases=")) {
        purchases = arg.substring("--purchases=".length());
      }
    }
    ChainedOptionsBuilder o = new OptionsBuilder().include(SegmentationBenchmarks.class.getName() + "\\.")
        .forks(1).threads(1)
        .param("purchases", purchases)
        .jvmArgs(quick ? "-Xmx1g" : "-Xmx14g", quick ? "-Xms1g" : "-Xms14g")
        .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 10))
        .measurementIterations(quick ? 1 : 3).measurementTime(TimeValue.seconds(quick ? 1 : 10));
    Collection<RunResult> results = new Runner(o.build()).run();
    double rapport = 0;
    double baseline = 0;
    for (RunResult r : results) {
      double score = r.getPrimaryResult().getScore();
      if (r.getParams().getBenchmark().endsWith("rapport")) {
        rapport = score;
      } else {
        baseline = score;
      }
    }
    System.out.printf("%nRFM segmentation, memory, %s purchases: Rapport %.3f ops/s, baseline %.3f ops/s,"
        + " ratio %.3f (target >= 0.5)%n", purchases, rapport, baseline, rapport / baseline);
  }

  /** The seeded history, as primitive arrays. */
  static final class History {
    final int accounts;
    final int[] account;
    final int[] day;
    final long[] cents;
    final boolean[] credit;
    final UUID[] accountIds;

    History(int purchases, long seed) {
      Random random = new Random(seed);
      accounts = Math.max(1, purchases / 100);
      accountIds = new UUID[accounts];
      for (int a = 0; a < accounts; a++) {
        accountIds[a] = new UUID(random.nextLong(), random.nextLong());
      }
      account = new int[purchases];
      day = new int[purchases];
      cents = new long[purchases];
      credit = new boolean[purchases];
      long[] lastInvoice = new long[accounts];
      Arrays.fill(lastInvoice, -1);
      int first = (int) FIRST.toEpochDay();
      for (int i = 0; i < purchases; i++) {
        int a = random.nextInt(accounts);
        account[i] = a;
        day[i] = first + random.nextInt(DAYS);
        if (lastInvoice[a] >= 0 && random.nextInt(100) == 0) {
          int inv = (int) lastInvoice[a];
          credit[i] = true;
          cents[i] = -(cents[inv] / 2);
          day[i] = Math.max(day[i], day[inv]);
          lastInvoice[a] = -1;
        } else {
          cents[i] = 100 + random.nextInt(99_900);
          lastInvoice[a] = i;
        }
      }
    }

    /** The sale {@code i} as Rapport stores it. */
    Sale sale(int i, LocalDate[] days, Map<Long, Money> prices, int lastInvoiceOf) {
      AccountId a = AccountId.of(accountIds[account[i]]);
      LocalDate issued = days[day[i] - (int) FIRST.toEpochDay()];
      NewSale content;
      if (credit[i]) {
        content = NewSale.creditNote("CN-" + i, "INV-" + lastInvoiceOf, a, issued, "EUR")
            .line(SaleLine.of("ITEM", BigDecimal.ONE.negate(), prices.computeIfAbsent(-cents[i],
                c -> new Money(BigDecimal.valueOf(c, 2), java.util.Currency.getInstance("EUR"))))).build();
      } else {
        content = NewSale.invoice("INV-" + i, a, issued, "EUR").dueInDays(30)
            .line(SaleLine.of("ITEM", BigDecimal.ONE, prices.computeIfAbsent(cents[i],
                c -> new Money(BigDecimal.valueOf(c, 2), java.util.Currency.getInstance("EUR"))))).build();
      }
      return new Sale(SaleId.of(new UUID(i, 42)), TENANT, 0, content, NOW, NOW);
    }
  }

  /** The history's size. */
  @State(Scope.Benchmark)
  public static class Sizes {
    @Param("10000000")
    public int purchases;
  }

  /** The history as primitive arrays: all the baseline needs. */
  @State(Scope.Benchmark)
  public static class Data {
    History history;

    @Setup(Level.Trial)
    public void start(Sizes sizes) {
      history = new History(sizes.purchases, SEED);
    }
  }

  /** The same history in the memory adapter, checked against the baseline's answer. */
  @State(Scope.Benchmark)
  public static class Memory {
    Crm crm;

    @Setup(Level.Trial)
    public void start(Data data) {
      long started = System.nanoTime();
      History history = data.history;
      Persistence store = MemoryPersistence.create();
      LocalDate[] days = new LocalDate[DAYS];
      for (int d = 0; d < DAYS; d++) {
        days[d] = FIRST.plusDays(d);
      }
      Map<Long, Money> prices = new java.util.HashMap<>();
      int[] lastInvoice = new int[history.accounts];
      int n = history.account.length;
      for (int from = 0; from < n; from += UNIT) {
        int start = from;
        int end = Math.min(n, from + UNIT);
        store.inUnitOfWork(TENANT, uow -> {
          for (int i = start; i < end; i++) {
            uow.port(SalesRepository.class).insert(history.sale(i, days, prices, lastInvoice[history.account[i]]));
            if (!history.credit[i]) {
              lastInvoice[history.account[i]] = i;
            }
          }
          return null;
        });
      }
      crm = Crm.builder().persistence(store).tenant(TENANT).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
      System.out.printf("# memory: %,d sales of %,d accounts stored in %.1f s%n", n, history.accounts,
          (System.nanoTime() - started) / 1e9);
      long[] expected = baseline(history);
      Segmentation s = crm.analytics().segmentation(PERIOD);
      for (Segment segment : Segment.values()) {
        if (s.segments().get(segment) != expected[segment.ordinal()]) {
          throw new IllegalStateException("the baseline disagrees with Rapport on " + segment + ": "
              + expected[segment.ordinal()] + " against " + s.segments());
        }
      }
      System.out.printf("# segments: %s%n", s.segments());
      System.gc();
    }
  }

  @Benchmark
  public Segmentation rapport(Memory m) {
    return m.crm.analytics().segmentation(PERIOD);
  }

  @Benchmark
  public long[] baseline(Data d) {
    return baseline(d.history);
  }

  /**
   * The segment counts by the documented rules, by hand: per account the last invoice day, the
   * invoices and the amount in cents over the period; the scores {@code 1 + floor(5 w / n)}; the grid.
   */
  static long[] baseline(History h) {
    int from = (int) PERIOD.from().toEpochDay();
    int to = (int) PERIOD.to().toEpochDay();
    int asOf = to;
    int[] last = new int[h.accounts];
    int[] invoices = new int[h.accounts];
    long[] amount = new long[h.accounts];
    Arrays.fill(last, Integer.MIN_VALUE);
    boolean[] seen = new boolean[h.accounts];
    int[] account = h.account;
    int[] day = h.day;
    long[] cents = h.cents;
    boolean[] credit = h.credit;
    for (int i = 0; i < account.length; i++) {
      int d = day[i];
      if (d < from || d > to) {
        continue;
      }
      int a = account[i];
      seen[a] = true;
      amount[a] += cents[i];
      if (!credit[i]) {
        invoices[a]++;
        if (d > last[a]) {
          last[a] = d;
        }
      }
    }
    int n = 0;
    for (int a = 0; a < h.accounts; a++) {
      if (invoices[a] > 0) {
        n++;
      }
    }
    long[] recency = new long[n];
    long[] frequency = new long[n];
    long[] money = new long[n];
    int k = 0;
    for (int a = 0; a < h.accounts; a++) {
      if (invoices[a] > 0) {
        recency[k] = -Math.max(0, asOf - last[a]);
        frequency[k] = invoices[a];
        money[k] = amount[a];
        k++;
      }
    }
    int[] r = scores(recency);
    int[] f = scores(frequency);
    int[] m = scores(money);
    long[] counts = new long[Segment.values().length];
    for (int i = 0; i < n; i++) {
      counts[segment(r[i], (f[i] + m[i] + 1) / 2)]++;
    }
    return counts;
  }

  private static int[] scores(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = values.length;
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] < values[i]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      scores[i] = 1 + (int) (5L * lo / n);
    }
    return scores;
  }

  /** The grid, as ordinals of {@link Segment}: CHAMPIONS 0 ... LOST 7. */
  private static int segment(int r, int fm) {
    return switch (r) {
      case 5 -> fm == 1 ? 3 : fm <= 3 ? 2 : 0;
      case 4 -> fm == 1 ? 3 : fm <= 3 ? 2 : 1;
      case 3 -> fm == 1 ? 6 : fm <= 3 ? 2 : 1;
      case 2 -> fm <= 2 ? 6 : fm <= 4 ? 4 : 5;
      default -> fm <= 2 ? 7 : fm <= 4 ? 4 : 5;
    };
  }
}
