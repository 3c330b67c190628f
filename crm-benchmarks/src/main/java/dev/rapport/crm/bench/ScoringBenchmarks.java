package dev.rapport.crm.bench;

import dev.rapport.crm.analytics.LeadScore;
import dev.rapport.crm.analytics.ScoringModel;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Predictive lead scoring (issue 10), on {@code closed} generated closed leads of the engagement
 * data of {@link ScoringData} (by default 100,000), against the Odoo baseline ({@link
 * OdooNaiveBayes}) in the same run:
 *
 * <ul>
 *   <li>{@code scoreAllRapport}: one operation scores every one of the leads with a model trained
 *       on them, factors included ({@code ScoringModel.score}); {@code scoreAllOdoo}: the naive
 *       Bayes probability of every lead. Single-shot time per pass over all the leads;
 *   <li>{@code trainRapport}: trains Rapport's model on all the leads; {@code trainOdoo}: builds
 *       Odoo's frequency table from them. Single-shot time.
 * </ul>
 *
 * Both read the plain {@code Lead} values, not a store: the store's part of {@code trainScoring()}
 * is reading the leads, measured elsewhere. Run: {@code ./mvnw -q -pl crm-benchmarks -am -DskipTests
 * package exec:java -Dexec.mainClass=dev.rapport.crm.bench.ScoringBenchmarks}, or through the
 * runner, group {@code scoring}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ScoringBenchmarks {
  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = ScoringBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** The closed leads, and both models trained on them. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param("100000")
    public int closed;

    ScoringData data;
    ScoringModel model;
    OdooNaiveBayes odoo;

    @Setup(Level.Trial)
    public void start() {
      data = ScoringData.engagement(closed, ScoringComparison.SEED);
      model = ScoringModel.train(data.won(), data.lost(), ScoringData.START);
      odoo = OdooNaiveBayes.train(data.leads, data.won, data.asOf);
      System.gc();
    }
  }

  @Benchmark
  public void scoreAllRapport(Data d, Blackhole bh) {
    for (int i = 0; i < d.data.size(); i++) {
      LeadScore s = d.model.score(d.data.leads.get(i), d.data.asOf[i]);
      bh.consume(s);
    }
  }

  @Benchmark
  public void scoreAllOdoo(Data d, Blackhole bh) {
    for (int i = 0; i < d.data.size(); i++) {
      bh.consume(d.odoo.probability(d.data.leads.get(i), d.data.asOf[i]));
    }
  }

  @Benchmark
  public ScoringModel trainRapport(Data d) {
    return ScoringModel.train(d.data.won(), d.data.lost(), ScoringData.START);
  }

  @Benchmark
  public OdooNaiveBayes trainOdoo(Data d) {
    return OdooNaiveBayes.train(d.data.leads, d.data.won, d.data.asOf);
  }
}
