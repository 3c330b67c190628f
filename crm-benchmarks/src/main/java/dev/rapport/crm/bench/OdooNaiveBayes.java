package dev.rapport.crm.bench;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The baseline: Odoo's predictive lead scoring ({@code crm.lead._pls_get_naive_bayes_probabilities}
 * and its frequency table {@code crm.lead.scoring.frequency}), re-implemented over the lead fields
 * Rapport's model sees. As Odoo does it:
 *
 * <ul>
 *   <li>a frequency table of won and lost counts per (field, value) over the closed leads; each
 *       (field, value) that occurs gets 0.1 added to both its won and its lost count (Odoo's
 *       smoothing against zero frequencies); unset values are not counted;
 *   <li>a multi-valued field (Odoo's tags; here the signal kinds a lead has) counts each value,
 *       and a value with fewer than 50 won + lost leads is ignored (Odoo's rule for tags);
 *   <li>the prior is the won and lost totals (Odoo takes them from its first stage, which every
 *       lead passes, 0.1 smoothed like every value);
 *   <li>a lead's won score is {@code P(won) × Π count_won(field, value) / total_won(field)} over
 *       its fields whose value is in the table (the total of a field summed over its values), the
 *       lost score likewise, and the probability {@code won / (won + lost)}, rounded to 0.01 % and
 *       clamped to 0.01 % .. 99.99 %.
 * </ul>
 *
 * The product is taken as a sum of logarithms (the same value, without underflow). The fields:
 * source, campaign, temperature, e-mail kind (company, free-mail, none), phone country, owner,
 * company given, industry (a field an Odoo user adds to the scoring fields), signal count,
 * signals in the last 14 days, days since the last signal, days
 * since capture (binned as Rapport bins them), and the signal kinds as tags. No crosses: naive
 * Bayes has none.
 */
final class OdooNaiveBayes {
  static final double SMOOTHING = 0.1;
  static final double TAG_MINIMUM = 50;
  static final String TAGS = "tag_ids";

  private final boolean countUnset;
  private final double logPriorOdds;
  /** field -> value -> {won, lost}. */
  private final Map<String, Map<String, double[]>> table;
  /** field -> {won total, lost total}. */
  private final Map<String, double[]> totals;

  private OdooNaiveBayes(boolean countUnset, double logPriorOdds, Map<String, Map<String, double[]>> table,
      Map<String, double[]> totals) {
    this.countUnset = countUnset;
    this.logPriorOdds = logPriorOdds;
    this.table = table;
    this.totals = totals;
  }

  /** Learns the frequency table from closed leads, each seen as of {@code asOf[i]}. */
  static OdooNaiveBayes train(List<Lead> leads, boolean[] won, Instant[] asOf) {
    return train(leads, won, asOf, false);
  }

  /**
   * The same, and with {@code countUnset} a variant that is not Odoo's: an unset campaign, phone,
   * owner or last signal counts as the value "none", so that naive Bayes sees what Rapport sees.
   */
  static OdooNaiveBayes train(List<Lead> leads, boolean[] won, Instant[] asOf, boolean countUnset) {
    Map<String, Map<String, double[]>> table = new HashMap<>();
    long w = 0;
    for (int i = 0; i < leads.size(); i++) {
      int side = won[i] ? 0 : 1;
      w += won[i] ? 1 : 0;
      for (String[] fv : fields(leads.get(i), asOf[i], countUnset)) {
        table.computeIfAbsent(fv[0], k -> new HashMap<>())
            .computeIfAbsent(fv[1], k -> new double[] {SMOOTHING, SMOOTHING})[side] += 1;
      }
    }
    table.getOrDefault(TAGS, Map.of()).values()
        .removeIf(c -> c[0] + c[1] - 2 * SMOOTHING < TAG_MINIMUM);
    Map<String, double[]> totals = new HashMap<>();
    table.forEach((field, values) -> {
      double[] t = new double[2];
      values.values().forEach(c -> {
        t[0] += c[0];
        t[1] += c[1];
      });
      totals.put(field, t);
    });
    double wonTotal = w + SMOOTHING;
    double lostTotal = leads.size() - w + SMOOTHING;
    return new OdooNaiveBayes(countUnset, Math.log(wonTotal / lostTotal), table, totals);
  }

  /** The probability that the lead is won, as Odoo computes it (0.0001 .. 0.9999). */
  double probability(Lead lead, Instant asOf) {
    double logOdds = logPriorOdds;
    for (String[] fv : fields(lead, asOf, countUnset)) {
      Map<String, double[]> values = table.get(fv[0]);
      double[] c = values == null ? null : values.get(fv[1]);
      if (c != null) {
        double[] t = totals.get(fv[0]);
        logOdds += Math.log(c[0] / t[0]) - Math.log(c[1] / t[1]);
      }
    }
    double p = 1 / (1 + Math.exp(-logOdds));
    double percent = Math.round(100 * p * 100) / 100.0; // round(100 * p, 2)
    return Math.min(99.99, Math.max(0.01, percent)) / 100;
  }

  /** The (field, value) pairs of a lead as of an instant, binned as Rapport's model bins them. */
  static List<String[]> fields(Lead lead, Instant asOf, boolean countUnset) {
    List<String[]> f = new ArrayList<>(16);
    String none = countUnset ? "none" : null;
    f.add(new String[] {"source", lead.source().code()});
    add(f, "campaign", lead.campaign().map(Object::toString).orElse(none));
    f.add(new String[] {"temperature", lead.temperature().name()});
    f.add(new String[] {"email", lead.email().map(OdooNaiveBayes::emailKind).orElse("none")});
    add(f, "phone", lead.phone().map(p -> country(p.e164())).orElse(none));
    add(f, "owner", lead.owner().orElse(none));
    f.add(new String[] {"company", lead.company().isPresent() ? "yes" : "no"});
    add(f, "industry", lead.industry().map(i -> i.code()).orElse(none));
    int count = 0;
    int recent = 0;
    Instant last = null;
    TreeSet<String> kinds = new TreeSet<>();
    for (EngagementSignal s : lead.signals()) {
      if (s.occurredAt().isAfter(asOf)) {
        continue;
      }
      count++;
      if (s.occurredAt().isAfter(asOf.minus(Duration.ofDays(14)))) {
        recent++;
      }
      if (last == null || s.occurredAt().isAfter(last)) {
        last = s.occurredAt();
      }
      kinds.add(s.type().code());
    }
    f.add(new String[] {"signals", count == 0 ? "0" : count == 1 ? "1" : count == 2 ? "2" : count <= 5 ? "3-5" : "6+"});
    f.add(new String[] {"recent", recent == 0 ? "0" : recent <= 2 ? "1-2" : "3+"});
    if (last != null) {
      long d = Math.max(0, Duration.between(last, asOf).toDays());
      f.add(new String[] {"last", d <= 7 ? "7" : d <= 30 ? "30" : d <= 90 ? "90" : "90+"});
    } else {
      add(f, "last", none);
    }
    long age = Math.max(0, Duration.between(lead.createdAt(), asOf).toDays());
    f.add(new String[] {"age", age <= 7 ? "7" : age <= 30 ? "30" : age <= 90 ? "90" : age <= 365 ? "365" : "365+"});
    for (String k : kinds) {
      f.add(new String[] {TAGS, k});
    }
    return f;
  }

  private static void add(List<String[]> f, String field, String value) {
    if (value != null) {
      f.add(new String[] {field, value});
    }
  }

  private static String emailKind(EmailAddress e) {
    return ScoringData.FREE_MAIL.contains(e.domain()) ? "free" : "company";
  }

  private static String country(String e164) {
    return ScoringData.country(e164);
  }
}
