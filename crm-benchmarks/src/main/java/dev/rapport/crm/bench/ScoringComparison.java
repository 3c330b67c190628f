package dev.rapport.crm.bench;

import dev.rapport.crm.analytics.ScoringModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well Rapport's lead scoring model and the Odoo baseline ({@link OdooNaiveBayes}) predict, on
 * the three generated datasets of {@link ScoringData}: each model is trained on the first half and
 * judged on the second (held out): ranking by ROC AUC (higher is better, 0.5 is chance), calibration
 * by the Brier score (the mean squared difference between probability and outcome; lower is
 * better). The truth's own figures (the probability each lead was drawn with) show the ceiling;
 * a last column shows naive Bayes counting unset values too (not Odoo's rule), for honesty.
 * Deterministic: the same sizes and seed give the same figures.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-benchmarks -am -DskipTests package exec:java
 * -Dexec.mainClass=dev.rapport.crm.bench.ScoringComparison} (arguments: leads per dataset, seed);
 * the benchmark runner's group {@code scoring} runs it too and puts the figures in its table.
 */
public final class ScoringComparison {
  static final long SEED = 20261202L;

  /** One dataset's figures. */
  record Result(String dataset, int train, int test, double baseRate, double aucRapport,
      double aucOdoo, double aucTruth, double brierRapport, double brierOdoo, double brierTruth,
      double aucOdooUnset, double brierOdooUnset) {}

  private ScoringComparison() {}

  /**
   * Arguments: leads per dataset (100,000), then either a seed, or {@code seeds=K} for K seeds from
   * {@link #SEED} on and each figure as mean ± standard deviation over them.
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    if (args.length > 1 && args[1].startsWith("seeds=")) {
      int k = Integer.parseInt(args[1].substring("seeds=".length()));
      List<List<Result>> runs = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        runs.add(run(n, SEED + 10L * i));
      }
      System.out.print(spreadTable(runs));
      return;
    }
    long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
    List<Result> results = run(n, seed);
    System.out.print(table(results));
  }

  /** Per dataset, each figure's mean ± standard deviation over the runs (one run per seed). */
  static String spreadTable(List<List<Result>> runs) {
    StringBuilder s = new StringBuilder();
    s.append("| dataset (train / held out each, seeds) | ROC AUC Rapport | ROC AUC Odoo NB | ROC AUC truth "
        + "| Brier Rapport | Brier Odoo NB | Brier truth | Rapport ahead of NB on AUC, on Brier |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (int d = 0; d < runs.get(0).size(); d++) {
      List<Result> rs = new ArrayList<>();
      for (List<Result> run : runs) {
        rs.add(run.get(d));
      }
      long aheadAuc = rs.stream().filter(r -> r.aucRapport() > r.aucOdoo()).count();
      long aheadBrier = rs.stream().filter(r -> r.brierRapport() < r.brierOdoo()).count();
      s.append(String.format(Locale.ROOT, "| %s (%,d / %,d, %d) | %s | %s | %s | %s | %s | %s | %d of %d, %d of %d |%n",
          rs.get(0).dataset(), rs.get(0).train(), rs.get(0).test(), rs.size(),
          spread(rs, Result::aucRapport), spread(rs, Result::aucOdoo), spread(rs, Result::aucTruth),
          spread(rs, Result::brierRapport), spread(rs, Result::brierOdoo), spread(rs, Result::brierTruth),
          aheadAuc, rs.size(), aheadBrier, rs.size()));
    }
    return s.toString();
  }

  private static String spread(List<Result> rs, java.util.function.ToDoubleFunction<Result> f) {
    double mean = rs.stream().mapToDouble(f).average().orElse(Double.NaN);
    double var = rs.stream().mapToDouble(r -> (f.applyAsDouble(r) - mean) * (f.applyAsDouble(r) - mean)).sum()
        / Math.max(1, rs.size() - 1);
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(var));
  }

  /** Both datasets of {@code n} leads each (half to train, half to judge). */
  static List<Result> run(int n, long seed) {
    List<Result> out = new ArrayList<>();
    out.add(compare("engagement (correlated fields, interactions)", ScoringData.engagement(n, seed)));
    out.add(compare("independent (naive Bayes's assumptions hold)", ScoringData.independent(n, seed + 1)));
    out.add(compare("interactions (logistic truth over counts, buying recency, strong crosses)",
        ScoringData.interactions(n, seed + 2)));
    return out;
  }

  static Result compare(String name, ScoringData data) {
    int half = data.size() / 2;
    ScoringData train = data.slice(0, half);
    ScoringData test = data.slice(half, data.size());
    ScoringModel model = ScoringModel.train(train.won(), train.lost(), ScoringData.START);
    OdooNaiveBayes odoo = OdooNaiveBayes.train(train.leads, train.won, train.asOf);
    OdooNaiveBayes unset = OdooNaiveBayes.train(train.leads, train.won, train.asOf, true);
    int m = test.size();
    double[] rapport = new double[m];
    double[] nb = new double[m];
    double[] nbUnset = new double[m];
    long positives = 0;
    for (int i = 0; i < m; i++) {
      rapport[i] = model.score(test.leads.get(i), test.asOf[i]).probability();
      nb[i] = odoo.probability(test.leads.get(i), test.asOf[i]);
      nbUnset[i] = unset.probability(test.leads.get(i), test.asOf[i]);
      positives += test.won[i] ? 1 : 0;
    }
    return new Result(name, half, m, positives / (double) m, auc(rapport, test.won), auc(nb, test.won),
        auc(test.truth, test.won), brier(rapport, test.won), brier(nb, test.won), brier(test.truth, test.won),
        auc(nbUnset, test.won), brier(nbUnset, test.won));
  }

  /** The area under the ROC curve: the chance a won lead scores above a lost one (ties count half). */
  static double auc(double[] p, boolean[] won) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1; // average rank of the tie group, 1-based
      for (int k = i; k <= j; k++) {
        if (won[order[k]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = p.length - pos;
    return (rankSum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
  }

  /** The mean squared difference between the probability and the outcome (1 won, 0 not). */
  static double brier(double[] p, boolean[] won) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double d = p[i] - (won[i] ? 1 : 0);
      s += d * d;
    }
    return s / p.length;
  }

  static String table(List<Result> results) {
    StringBuilder s = new StringBuilder();
    s.append("| dataset (train / held out, won share) | ROC AUC Rapport | ROC AUC Odoo NB | ROC AUC truth "
        + "| Brier Rapport | Brier Odoo NB | Brier truth | NB counting unset values: AUC, Brier |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      s.append(String.format(Locale.ROOT, "| %s (%,d / %,d, %.1f %% won) | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f, %.4f |%n",
          r.dataset(), r.train(), r.test(), 100 * r.baseRate(), r.aucRapport(), r.aucOdoo(), r.aucTruth(),
          r.brierRapport(), r.brierOdoo(), r.brierTruth(), r.aucOdooUnset(), r.brierOdooUnset()));
    }
    return s.toString();
  }
}
