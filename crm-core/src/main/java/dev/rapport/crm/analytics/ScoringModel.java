package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.InsufficientHistoryException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.lead.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A predictive lead scoring model: the probability that a lead ends won, learned from a tenant's
 * closed leads. Immutable and thread-safe; train it with {@link AnalyticsService#trainScoring()}
 * (or {@link #train} on leads the host has), keep it as long as it serves, score with it.
 *
 * <h2>What it learns</h2>
 * Each closed lead is seen as it was when it closed: a converted lead as of its conversion, any
 * other as of its last change ({@code updatedAt}); signals after that instant do not count. Its
 * values (see {@code docs/scoring.md}: source, campaign, temperature, e-mail on a company domain
 * or at a free-mail provider, phone country, owner, company given, industry, signal count,
 * signals in the last 14 days, days since the last signal, days since the last buying signal, how
 * many signals of each kind, days since capture, and six crosses: source × temperature,
 * temperature × recent signals, e-mail kind × buying signal, source × e-mail kind, source × buying
 * signal, owner × buying signal) become
 * binary features; a value seen on fewer than 5 closed leads shares its field's
 * "other" feature. The weights are those of an L2-regularised logistic regression (penalty 1.0
 * on each weight), fitted by Newton's method: deterministic, the same leads give the same model.
 *
 * <h2>Factors</h2>
 * The log-odds of a lead minus those of the average closed lead split exactly into one term per
 * field: the weights of the lead's values in that field minus the field's weights times how often
 * each value occurred in the history. The {@value #FACTORS} largest positive terms are the factors
 * that raised the score, the {@value #FACTORS} most negative those that lowered it (terms under
 * 0.01 in size are left out).
 */
public final class ScoringModel {
  /** The fewest won, and the fewest lost, closed leads a model is trained on. */
  public static final int MINIMUM = 20;
  /** The most factors of each sign a score reports. */
  public static final int FACTORS = 3;
  /** How often a value must occur in the history to get a feature of its own. */
  static final int MIN_SUPPORT = 5;
  /** The L2 penalty on each weight. */
  static final double LAMBDA = 1.0;
  /** How far a probability stays from 0 and 1. */
  static final double EDGE = 1e-6;
  private static final String OTHER = "\u0000other";
  private static final double SMALLEST_FACTOR = 0.01;

  private final long won;
  private final long lost;
  private final Instant trainedAt;
  private final Map<ScoringFeatures.Value, Integer> features; // value -> feature
  private final Map<String, Integer> others; // group -> its "other" feature, where it has one
  private final java.util.Set<String> predictive; // the custom lead fields learned from
  private final String[] groups;
  private final int[] groupOf;
  private final String[] descriptions;
  private final String[] absent; // per group: what it says when the lead has none of its values
  private final double[] weights; // features, then the intercept
  private final double[] baseline; // per group: sum of weight x mean

  private ScoringModel(long won, long lost, Instant trainedAt, Map<ScoringFeatures.Value, Integer> features,
      Map<String, Integer> others, String[] groups, int[] groupOf, String[] descriptions,
      double[] weights, double[] baseline, java.util.Set<String> predictive) {
    this.predictive = predictive;
    this.won = won;
    this.lost = lost;
    this.trainedAt = trainedAt;
    this.features = features;
    this.others = others;
    this.groups = groups;
    this.groupOf = groupOf;
    this.descriptions = descriptions;
    this.absent = new String[groups.length];
    for (int g = 0; g < groups.length; g++) {
      absent[g] = ScoringFeatures.absent(groups[g]);
    }
    this.weights = weights;
    this.baseline = baseline;
  }

  /**
   * Trains a model on closed leads: those that ended won (converted, their opportunity won) and
   * those that did not (disqualified, or converted and their opportunity lost). Each is seen as of
   * its conversion if converted, else as of its last change.
   *
   * @param wonLeads the leads that ended won
   * @param lostLeads the leads that ended lost or disqualified
   * @param trainedAt when the model is trained (reported by {@link #trainedAt()})
   * @throws ValidationException if an argument is null or a collection holds null
   * @throws InsufficientHistoryException if there are fewer than {@value #MINIMUM} won or fewer
   *     than {@value #MINIMUM} lost leads
   */
  public static ScoringModel train(Collection<Lead> wonLeads, Collection<Lead> lostLeads, Instant trainedAt) {
    return train(wonLeads, lostLeads, trainedAt, java.util.Set.of());
  }

  /**
   * Trains a model as {@link #train(Collection, Collection, Instant)} does, learning also from the
   * leads' values of the custom fields named (those the tenant marks {@code predictive}): each
   * value one more of the lead's values (a number or an amount by its order of magnitude, several
   * options one value each, a text as written).
   *
   * @param predictiveFields the keys of the custom lead fields to learn from
   * @throws ValidationException if an argument is null or a collection holds null
   * @throws InsufficientHistoryException if there are fewer than {@value #MINIMUM} won or fewer
   *     than {@value #MINIMUM} lost leads
   */
  public static ScoringModel train(Collection<Lead> wonLeads, Collection<Lead> lostLeads, Instant trainedAt,
      java.util.Set<String> predictiveFields) {
    Check.noNulls(wonLeads, "won");
    java.util.Set<String> predictive = java.util.Set.copyOf(Check.noNulls(predictiveFields, "predictiveFields"));
    Check.noNulls(lostLeads, "lost");
    Check.notNull(trainedAt, "trainedAt");
    if (wonLeads.size() < MINIMUM || lostLeads.size() < MINIMUM) {
      throw new InsufficientHistoryException(wonLeads.size(), lostLeads.size(), MINIMUM);
    }
    int n = wonLeads.size() + lostLeads.size();
    List<List<ScoringFeatures.Value>> values = new ArrayList<>(n);
    boolean[] label = new boolean[n];
    int i = 0;
    for (Lead l : wonLeads) {
      values.add(ScoringFeatures.values(l, ScoringFeatures.decidedAt(l), predictive));
      label[i++] = true;
    }
    for (Lead l : lostLeads) {
      values.add(ScoringFeatures.values(l, ScoringFeatures.decidedAt(l), predictive));
      label[i++] = false;
    }
    // the vocabulary: groups in order of first sight, values seen often enough, the rest "other"
    Map<ScoringFeatures.Value, int[]> counts = new HashMap<>();
    Map<String, Integer> groupIndex = new LinkedHashMap<>();
    for (List<ScoringFeatures.Value> vs : values) {
      for (ScoringFeatures.Value v : vs) {
        int[] c = counts.get(v);
        if (c == null) {
          counts.put(v, new int[] {1});
          groupIndex.putIfAbsent(v.groupName(), groupIndex.size());
        } else {
          c[0]++;
        }
      }
    }
    // features in the order of their keys, "group \u0001 value", the rare values of a group as one
    Map<String, ScoringFeatures.Value> kept = new java.util.TreeMap<>();
    java.util.Set<String> otherGroups = new java.util.TreeSet<>();
    counts.forEach((v, c) -> {
      if (c[0] >= MIN_SUPPORT) {
        kept.put(key(v.groupName(), v.valueKey()), v);
      } else {
        otherGroups.add(v.groupName());
      }
    });
    otherGroups.forEach(g -> kept.put(key(g, OTHER), null));
    Map<ScoringFeatures.Value, Integer> features = new HashMap<>();
    Map<String, Integer> others = new HashMap<>();
    int[] groupOf = new int[kept.size()];
    String[] descriptions = new String[kept.size()];
    int f = 0;
    for (Map.Entry<String, ScoringFeatures.Value> e : kept.entrySet()) {
      String k = e.getKey();
      String group = k.substring(0, k.indexOf('\u0001'));
      String value = k.substring(k.indexOf('\u0001') + 1);
      if (e.getValue() == null) {
        others.put(group, f);
        descriptions[f] = group + ": other (rare)";
      } else {
        features.put(e.getValue(), f);
        descriptions[f] = ScoringFeatures.describe(group, value);
      }
      groupOf[f] = groupIndex.get(group);
      f++;
    }
    String[] groups = new String[groupIndex.size()];
    groupIndex.forEach((g, gi) -> groups[gi] = g);

    int[][] rows = new int[n][];
    double[] mean = new double[kept.size()];
    for (int r = 0; r < n; r++) {
      rows[r] = encode(values.get(r), features, others);
      for (int feature : rows[r]) {
        mean[feature] += 1.0 / n;
      }
    }
    double[] w = Logistic.fit(rows, label, kept.size(), LAMBDA);
    double[] baseline = new double[groups.length];
    for (int k = 0; k < kept.size(); k++) {
      baseline[groupOf[k]] += w[k] * mean[k];
    }
    // HashMaps, never changed after this: look-ups of a freshly built key are faster than in Map.copyOf's
    return new ScoringModel(wonLeads.size(), lostLeads.size(), trainedAt, features, others,
        groups, groupOf, descriptions, w, baseline, predictive);
  }

  private static String key(String group, String value) {
    return group + '\u0001' + value;
  }

  /** The sorted, distinct features of a lead's values; unknown values fall to "other" or nothing. */
  private static int[] encode(List<ScoringFeatures.Value> values, Map<ScoringFeatures.Value, Integer> features,
      Map<String, Integer> others) {
    int[] x = new int[values.size()];
    int k = 0;
    for (ScoringFeatures.Value v : values) {
      Integer f = features.get(v);
      if (f == null) {
        f = others.get(v.groupName());
      }
      if (f != null) {
        x[k++] = f;
      }
    }
    x = Arrays.copyOf(x, k);
    Arrays.sort(x);
    int distinct = 0;
    for (int a = 0; a < x.length; a++) {
      if (a == 0 || x[a] != x[a - 1]) {
        x[distinct++] = x[a];
      }
    }
    return Arrays.copyOf(x, distinct);
  }

  /**
   * The lead's score as of an instant: the probability that it ends won (kept within 10⁻⁶ of 0
   * and 1) with the factors that raised and lowered it most. Signals after {@code asOf} are not
   * seen. Any lead may be scored, also one of another store; the model does not change.
   *
   * @throws ValidationException if an argument is null
   */
  public LeadScore score(Lead lead, Instant asOf) {
    Check.notNull(lead, "lead");
    Check.notNull(asOf, "asOf");
    List<ScoringFeatures.Value> values = ScoringFeatures.values(lead, asOf, predictive);
    int[] x = encode(values, features, others);
    int intercept = weights.length - 1;
    double z = Logistic.eta(x, weights, intercept);
    double p = Math.min(1 - EDGE, Math.max(EDGE, Logistic.sigmoid(z)));
    double[] effect = new double[groups.length];
    int[] active = new int[groups.length];
    Arrays.fill(active, -1);
    for (int f : x) {
      effect[groupOf[f]] += weights[f];
      active[groupOf[f]] = f;
    }
    // one pass: the FACTORS largest terms of each sign, largest first, ties by field name
    int[] up = new int[FACTORS];
    int[] down = new int[FACTORS];
    int ups = 0;
    int downs = 0;
    for (int g = 0; g < groups.length; g++) {
      double v = effect[g] - baseline[g];
      if (v >= SMALLEST_FACTOR) {
        ups = insert(up, ups, g, v, 1, effect);
      } else if (-v >= SMALLEST_FACTOR) {
        downs = insert(down, downs, g, v, -1, effect);
      }
    }
    List<ScoreFactor> factors = new ArrayList<>(ups + downs);
    add(up, ups, active, effect, factors);
    add(down, downs, active, effect, factors);
    return new LeadScore(lead.id(), p, factors);
  }

  /**
   * Puts group {@code g}, whose term {@code v} has the sign given, into the {@code n} best so far
   * ({@code top}, best first); returns how many there are now.
   */
  private int insert(int[] top, int n, int g, double v, int sign, double[] effect) {
    int at = n;
    while (at > 0 && before(sign * v, g, sign * (effect[top[at - 1]] - baseline[top[at - 1]]), top[at - 1])) {
      at--;
    }
    if (at >= FACTORS) {
      return n;
    }
    int last = Math.min(n, FACTORS - 1);
    System.arraycopy(top, at, top, at + 1, last - at);
    top[at] = g;
    return Math.min(n + 1, FACTORS);
  }

  private void add(int[] top, int n, int[] active, double[] effect, List<ScoreFactor> into) {
    for (int k = 0; k < n; k++) {
      int g = top[k];
      into.add(new ScoreFactor(groups[g], active[g] >= 0 ? descriptions[active[g]] : absent[g], effect[g] - baseline[g]));
    }
  }

  /** Whether the term of group {@code g} and size {@code v} comes before that of {@code h} and size {@code w}. */
  private boolean before(double v, int g, double w, int h) {
    return v > w || (v == w && groups[g].compareTo(groups[h]) < 0);
  }

  /** How many won leads the model learned from. */
  public long won() {
    return won;
  }

  /** How many lost or disqualified leads the model learned from. */
  public long lost() {
    return lost;
  }

  /** When the model was trained. */
  public Instant trainedAt() {
    return trainedAt;
  }

  /** How many binary features the model has. */
  public int features() {
    return weights.length - 1;
  }

  @Override
  public String toString() {
    return "ScoringModel[won=" + won + ", lost=" + lost + ", features=" + features()
        + ", trainedAt=" + trainedAt + "]";
  }
}
