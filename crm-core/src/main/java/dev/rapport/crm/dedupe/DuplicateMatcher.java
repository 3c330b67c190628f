package dev.rapport.crm.dedupe;

import dev.rapport.crm.contact.Account;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.Domains;
import dev.rapport.crm.internal.Fold;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Decides whether two {@link MatchProfile}s are likely one person, the way record-linkage tools
 * since Fellegi and Sunter do: each field both profiles have gives evidence, the base-2 logarithm
 * of how much likelier its comparison is for one person ({@code m}) than for two ({@code u}), and
 * the sum decides. The {@code m} chances are fixed (documented on {@link #standard()}); the {@code
 * u} chances of an exact agreement are either defaults or, with {@link #trainedOn}, the chance
 * that two random profiles of the host's own data agree, counted from its values: no labelled
 * pairs are needed.
 *
 * <p>Shared office numbers and company domains are evidence of one company, not one person: a
 * shared number or company weighs less than a different given name, so colleagues do not match.
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateMatcher {
  /** The default threshold, in bits: a pair at least 2^12 times likelier one person than two. */
  public static final double DEFAULT_THRESHOLD = 12.0;
  /** Blocks (records sharing one key) larger than this are skipped by a scan: the key is common. */
  public static final int DEFAULT_MAX_BLOCK = 500;

  private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
  private static final double SIMILAR = 0.94;
  private static final double CLOSE = 0.88;

  private final double threshold;
  private final double familyU;
  private final double givenU;
  private final Map<String, Double> attributeU;
  /** Trained: the share of profiles with each family and given name (an unseen one: {@code rare}). */
  private final Map<String, Double> familyShare;
  private final Map<String, Double> givenShare;
  private final double rare;

  private DuplicateMatcher(double threshold, double familyU, double givenU, Map<String, Double> attributeU,
      Map<String, Double> familyShare, Map<String, Double> givenShare, double rare) {
    this.threshold = threshold;
    this.familyU = familyU;
    this.givenU = givenU;
    this.attributeU = Map.copyOf(attributeU);
    this.familyShare = familyShare;
    this.givenShare = givenShare;
    this.rare = rare;
  }

  /**
   * The matcher with the default threshold ({@value #DEFAULT_THRESHOLD} bits) and default chances.
   * For one person ({@code m}): the same family name 0.88, similar 0.06, close 0.03; the same or
   * an equivalent given name 0.85; a shared e-mail address 0.6; a shared number 0.55; the same
   * company 0.7; the same attribute 0.9. For two people ({@code u}): the same family name 0.003,
   * the same given name 0.01, a shared address 0.00001, a shared number 0.01 (office lines are
   * shared), the same company 0.08, the same attribute 0.01.
   */
  public static DuplicateMatcher standard() {
    return new DuplicateMatcher(DEFAULT_THRESHOLD, 0.003, 0.01, Map.of(), Map.of(), Map.of(), 0);
  }

  /**
   * This matcher with another threshold: higher misses more duplicates and merges fewer people.
   *
   * @throws ValidationException if it is not a finite number
   */
  public DuplicateMatcher withThreshold(double bits) {
    if (!Double.isFinite(bits)) {
      throw new ValidationException("threshold", "must be a finite number");
    }
    return new DuplicateMatcher(bits, familyU, givenU, attributeU, familyShare, givenShare, rare);
  }

  /** The weight from which two profiles are called one person. */
  public double threshold() {
    return threshold;
  }

  /**
   * This matcher with the chances that two different people agree on a name or an attribute
   * counted from the host's data, without labels: for a family or given name, the share of
   * profiles having that very name, at least 1 in 1,000 (Smith weighs less than a rare name; a
   * name the sample lacks counts as held by one profile); for an attribute, the sum over its values of their squared
   * shares. Fields seen in fewer than 50 profiles keep their defaults.
   *
   * @throws ValidationException if the sample is null or holds a null
   */
  public DuplicateMatcher trainedOn(Collection<MatchProfile> sample) {
    Check.notNull(sample, "sample");
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (MatchProfile p : sample) {
      Check.notNull(p, "sample");
      p.familyName().map(Fold::name).filter(s -> !s.isEmpty())
          .ifPresent(v -> counts.computeIfAbsent(" family", k -> new HashMap<>()).merge(v, 1, Integer::sum));
      p.givenName().map(Fold::givenName).filter(s -> !s.isEmpty())
          .ifPresent(v -> counts.computeIfAbsent(" given", k -> new HashMap<>()).merge(v, 1, Integer::sum));
      p.attributes().forEach((k, v) -> counts.computeIfAbsent(k, x -> new HashMap<>())
          .merge(Fold.name(v), 1, Integer::sum));
    }
    Map<String, Double> u = new HashMap<>(attributeU);
    Map<String, Double> family = familyShare;
    Map<String, Double> given = givenShare;
    double rareShare = rare;
    for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
      long n = 0;
      for (int c : e.getValue().values()) {
        n += c;
      }
      if (n < 50) {
        continue;
      }
      double sum = 0;
      Map<String, Double> shares = new HashMap<>(e.getValue().size() * 2);
      for (Map.Entry<String, Integer> v : e.getValue().entrySet()) {
        double share = (double) v.getValue() / n;
        sum += share * share;
        shares.put(v.getKey(), share);
      }
      switch (e.getKey()) {
        case " family" -> family = Map.copyOf(shares);
        case " given" -> given = Map.copyOf(shares);
        default -> u.put(e.getKey(), Math.max(sum, 1e-5));
      }
      rareShare = Math.max(rareShare, 1.0 / n);
    }
    return new DuplicateMatcher(threshold, familyU, givenU, u, family, given, rareShare);
  }

  /**
   * Compares two profiles field by field.
   *
   * @throws ValidationException if a profile is null
   */
  public Comparison compare(MatchProfile a, MatchProfile b) {
    Check.notNull(a, "a");
    Check.notNull(b, "b");
    return compare(new Prepared(a), new Prepared(b));
  }

  /**
   * Compares two accounts: likely one company when the names agree once folded (case, accents,
   * punctuation, the legal form: {@code ACME Inc.} and {@code Acme GmbH}; +12.1 bits, a typo +4.9
   * or +1.6, else −4.6) and the domains do not disagree (the same +10.6, different −2.3); two
   * different external references (the host's customer numbers) weigh −4.3.
   *
   * @throws ValidationException if an account is null
   */
  public Comparison compare(Account a, Account b) {
    Check.notNull(a, "a");
    Check.notNull(b, "b");
    return compareCompanies(a.name(), a.domain(), a.externalReference(), b.name(), b.domain(),
        b.externalReference());
  }

  Comparison compareCompanies(String nameA, Optional<String> domainA, Optional<String> refA,
      String nameB, Optional<String> domainB, Optional<String> refB) {
    List<Evidence> ev = new ArrayList<>(3);
    String a = Fold.company(nameA);
    String b = Fold.company(nameB);
    if (!a.isEmpty() && !b.isEmpty()) {
      double s = a.equals(b) ? 1 : JW.apply(a, b);
      ev.add(a.equals(b) ? new Evidence("name", Agreement.SAME, bits(0.9, 0.0002))
          : s >= SIMILAR ? new Evidence("name", Agreement.SIMILAR, bits(0.06, 0.002))
          : s >= CLOSE || oneEdit(a, b) ? new Evidence("name", Agreement.SIMILAR, bits(0.03, 0.01))
          : new Evidence("name", Agreement.DIFFERENT, bits(0.04, 0.9998)));
    }
    if (domainA.isPresent() && domainB.isPresent()) {
      boolean same = domainA.get().equalsIgnoreCase(domainB.get());
      ev.add(same ? new Evidence("domain", Agreement.SAME, bits(0.8, 0.0005))
          : new Evidence("domain", Agreement.DIFFERENT, bits(0.2, 0.9995)));
    }
    if (refA.isPresent() && refB.isPresent()) {
      boolean same = refA.get().equals(refB.get());
      ev.add(same ? new Evidence("externalReference", Agreement.SAME, bits(0.95, 0.00001))
          : new Evidence("externalReference", Agreement.DIFFERENT, bits(0.05, 0.9999)));
    }
    double w = 0;
    for (Evidence e : ev) {
      w += e.weight();
    }
    ev.sort(Comparator.comparingDouble((Evidence e) -> -e.weight()));
    return new Comparison(w, threshold, ev);
  }

  /**
   * Whether two profiles are likely one person.
   *
   * @throws ValidationException if a profile is null
   */
  public boolean likelyDuplicates(MatchProfile a, MatchProfile b) {
    return compare(a, b).likelyDuplicate();
  }

  /**
   * The likely duplicate pairs among the profiles, found by blocking: only profiles sharing a key
   * (the sound of a family name with a given name's initial, either way round; an e-mail address;
   * a number; an attribute's value) are compared, and keys shared by more than {@code maxBlock}
   * profiles are skipped. In order of the first index, then the second.
   *
   * @param progress told the number of profiles done after each 1,000 and at the end; may do nothing
   * @throws ValidationException if an argument is null or {@code maxBlock} below 2
   */
  public List<Pair> pairs(List<MatchProfile> profiles, int maxBlock, IntConsumer progress) {
    Check.notNull(profiles, "profiles");
    Check.notNull(progress, "progress");
    if (maxBlock < 2) {
      throw new ValidationException("maxBlock", "must be at least 2");
    }
    List<Prepared> prepared = new ArrayList<>(profiles.size());
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < profiles.size(); i++) {
      Prepared p = new Prepared(Check.notNull(profiles.get(i), "profiles"));
      prepared.add(p);
      for (String key : p.keys()) {
        List<Integer> block = blocks.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (block.size() <= maxBlock) {
          block.add(i);
        }
      }
    }
    List<Pair> found = new ArrayList<>();
    int[] lastSeenBy = new int[prepared.size()]; // j was compared with lastSeenBy[j] last: once per pair
    java.util.Arrays.fill(lastSeenBy, -1);
    for (int i = 0; i < prepared.size(); i++) {
      for (String key : prepared.get(i).keys()) {
        List<Integer> block = blocks.get(key);
        if (block.size() > maxBlock) {
          continue;
        }
        for (int j : block) {
          if (j <= i || lastSeenBy[j] == i) {
            continue;
          }
          lastSeenBy[j] = i;
          Comparison c = compare(prepared.get(i), prepared.get(j));
          if (c.likelyDuplicate()) {
            found.add(new Pair(i, j, c));
          }
        }
      }
      if ((i + 1) % 1000 == 0) {
        progress.accept(i + 1);
      }
    }
    progress.accept(prepared.size());
    found.sort(Comparator.comparingInt(Pair::first).thenComparingInt(Pair::second));
    return found;
  }

  /**
   * Groups profiles into clusters of one person each: the connected groups of {@link #pairs}.
   * Clusters of one are left out; each cluster's indexes ascend, clusters in order of their first.
   *
   * @throws ValidationException if an argument is null or {@code maxBlock} below 2
   */
  public List<List<Integer>> clusters(List<MatchProfile> profiles, int maxBlock, IntConsumer progress) {
    List<Pair> pairs = pairs(profiles, maxBlock, progress);
    return Clusters.of(profiles.size(), pairs);
  }

  /**
   * Two profiles the matcher calls one person.
   *
   * @param first the smaller index
   * @param second the larger index
   * @param comparison how they compared
   */
  public record Pair(int first, int second, Comparison comparison) {
    /** @throws ValidationException if an index is negative or the comparison null */
    public Pair {
      Check.notNegative(first, "first");
      Check.notNegative(second, "second");
      Check.notNull(comparison, "comparison");
    }
  }

  // ---- comparison

  Comparison compare(Prepared a, Prepared b) {
    List<Evidence> ev = new ArrayList<>(8);
    boolean othersGiven = names(a, b, ev);
    // e-mail: a shared address is close to proof; different ones weigh little (people have several).
    // Under different given names a shared address or number is a household's or an office's:
    // among people sharing one, two different given names are the rule (u 0.3), not one person.
    if (!a.emails.isEmpty() && !b.emails.isEmpty()) {
      boolean shared = anyShared(a.emails, b.emails);
      ev.add(shared ? new Evidence("email", Agreement.SAME, bits(0.6, othersGiven ? 0.3 : 0.00001))
          : new Evidence("email", Agreement.DIFFERENT, bits(0.4, 0.99999)));
    }
    if (!a.phones.isEmpty() && !b.phones.isEmpty()) {
      boolean shared = anyShared(a.phones, b.phones);
      ev.add(shared ? new Evidence("phone", Agreement.SAME, bits(0.55, othersGiven ? 0.3 : 0.01))
          : new Evidence("phone", Agreement.DIFFERENT, bits(0.45, 0.99)));
    }
    // the company: by its own mail domain where both have one (two firms may share a name, never
    // a domain), else by name
    Set<String> ca = a.domains;
    Set<String> cb = b.domains;
    if (ca.isEmpty() || cb.isEmpty()) {
      ca = a.companies;
      cb = b.companies;
    }
    if (!ca.isEmpty() && !cb.isEmpty()) {
      boolean shared = anyShared(ca, cb);
      ev.add(shared ? new Evidence("company", Agreement.SAME, bits(0.7, 0.08))
          : new Evidence("company", Agreement.DIFFERENT, bits(0.3, 0.92)));
    }
    for (Map.Entry<String, String> e : a.attributes.entrySet()) {
      String other = b.attributes.get(e.getKey());
      if (other == null) {
        continue;
      }
      double u = attributeU.getOrDefault(e.getKey(), 0.01);
      String field = e.getKey();
      if (e.getValue().equals(other)) {
        ev.add(new Evidence(field, Agreement.SAME, bits(0.9, u)));
      } else if (JW.apply(e.getValue(), other) >= 0.9) {
        ev.add(new Evidence(field, Agreement.SIMILAR, bits(0.06, 0.01)));
      } else {
        ev.add(new Evidence(field, Agreement.DIFFERENT, bits(0.04, 1 - u)));
      }
    }
    double w = 0;
    for (Evidence e : ev) {
      w += e.weight();
    }
    ev.sort(Comparator.comparingDouble((Evidence e) -> -e.weight()));
    return new Comparison(w, threshold, ev);
  }

  /**
   * Family and given names, either way round: the better reading counts. Returns whether the
   * given names are different ones (both present, neither equivalent, similar nor an initial).
   */
  private boolean names(Prepared a, Prepared b, List<Evidence> ev) {
    List<Evidence> direct = new ArrayList<>(2);
    double straight = family(a.family, b.family, direct, false) + given(a.given, b.given, direct, false);
    if (!a.family.isEmpty() && !b.family.isEmpty() && !a.given.isEmpty() && !b.given.isEmpty()
        && !a.family.equals(b.family)
        // swapped only if a name meets its counterpart's first letter (a typo seldom hits it)
        && (a.family.charAt(0) == b.given.charAt(0) || a.given.charAt(0) == b.family.charAt(0))) {
      List<Evidence> swapped = new ArrayList<>(2);
      double crossed = family(a.family, b.given, swapped, true) + given(a.given, b.family, swapped, true) - 1;
      if (crossed > straight) {
        ev.add(new Evidence("name", Agreement.SWAPPED, crossed));
        return swapped.stream().anyMatch(e -> e.field().equals("givenName")
            && e.agreement() == Agreement.DIFFERENT);
      }
    }
    // the same given name only through a nickname: equivalent, as strong
    for (Evidence e : direct) {
      ev.add(e.field().equals("givenName") && e.agreement() == Agreement.SAME
          && !a.givenAsWritten.equals(b.givenAsWritten)
          ? new Evidence("givenName", Agreement.EQUIVALENT, e.weight()) : e);
    }
    return direct.stream().anyMatch(e -> e.field().equals("givenName")
        && e.agreement() == Agreement.DIFFERENT);
  }

  private double family(String a, String b, List<Evidence> ev, boolean crossed) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Evidence e;
    if (a.equals(b)) {
      e = new Evidence("familyName", Agreement.SAME, bits(0.88, crossed ? crossedShare(a, familyU) : share(familyShare, a, familyU)));
    } else {
      double s = JW.apply(a, b);
      e = s >= SIMILAR ? new Evidence("familyName", Agreement.SIMILAR, bits(0.06, 0.002))
          : s >= CLOSE || oneEdit(a, b) ? new Evidence("familyName", Agreement.SIMILAR, bits(0.03, 0.01))
          : new Evidence("familyName", Agreement.DIFFERENT, bits(0.03, 1 - familyU));
    }
    ev.add(e);
    return e.weight();
  }

  private double given(String a, String b, List<Evidence> ev, boolean crossed) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Evidence e;
    if (a.length() == 1 && b.length() == 1 && a.equals(b)) {
      e = new Evidence("givenName", Agreement.INITIAL, bits(0.04, 0.003)); // two initials: no more
    } else if (a.equals(b)) {
      e = new Evidence("givenName", Agreement.SAME, bits(0.85, crossed ? crossedShare(a, givenU) : share(givenShare, a, givenU)));
    } else if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) {
      // one side abbreviated (m 0.04) and, among two people, the same letter too (0.04 x 0.07)
      e = new Evidence("givenName", Agreement.INITIAL, bits(0.04, 0.003));
    } else {
      double s = JW.apply(a, b);
      e = s >= SIMILAR ? new Evidence("givenName", Agreement.SIMILAR, bits(0.05, 0.003))
          : s >= CLOSE || oneEdit(a, b) ? new Evidence("givenName", Agreement.SIMILAR, bits(0.03, 0.01))
          : new Evidence("givenName", Agreement.DIFFERENT, bits(0.015, 1 - givenU));
    }
    ev.add(e);
    return e.weight();
  }

  /**
   * The chance two people share this name: its share of the sample, at least 1 in 1,000 (a
   * misspelling the sample holds twice is no rare name), or the default untrained.
   */
  private double share(Map<String, Double> shares, String name, double untrained) {
    if (shares.isEmpty()) {
      return untrained;
    }
    return Math.max(shares.getOrDefault(name, rare), RAREST);
  }

  private static final double RAREST = 0.001;

  /** A name compared across the given and family slots: the larger of its shares as either. */
  private double crossedShare(String name, double untrained) {
    if (familyShare.isEmpty() && givenShare.isEmpty()) {
      return untrained;
    }
    return Math.max(share(familyShare, name, untrained), share(givenShare, name, untrained));
  }

  private static boolean anyShared(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  /** One typo apart (Levenshtein distance 1): short names fall below the similarity levels. */
  private static boolean oneEdit(String a, String b) {
    return Math.abs(a.length() - b.length()) <= 1 && ONE_EDIT.apply(a, b) >= 0;
  }

  private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

  private static double bits(double m, double u) {
    return Math.log(m / u) / Math.log(2);
  }

  /** A profile in the forms compared, folded once. */
  static final class Prepared {
    final String given;
    final String givenAsWritten;
    final String family;
    final Set<String> emails;
    final Set<String> phones;
    final Set<String> companies;
    final Set<String> domains;
    final Map<String, String> attributes;

    Prepared(MatchProfile p) {
      this.given = p.givenName().map(Fold::givenName).orElse("");
      this.givenAsWritten = p.givenName().map(Fold::name).orElse("");
      this.family = p.familyName().map(Fold::name).orElse("");
      this.emails = new LinkedHashSet<>();
      for (String e : p.emails()) {
        emails.add(Fold.email(e));
      }
      this.phones = new LinkedHashSet<>(p.phones());
      this.companies = new LinkedHashSet<>(2);
      p.company().map(Fold::company).filter(s -> !s.isEmpty()).ifPresent(companies::add);
      this.domains = new LinkedHashSet<>(2);
      // an address at a company's own domain names the company too (not at a free-mail provider)
      for (String e : emails) {
        String domain = e.substring(e.lastIndexOf('@') + 1);
        Optional<String> reg = Domains.ascii(domain).map(Domains::registrable);
        reg.filter(d -> !Domains.isFreeMail(d)).ifPresent(domains::add);
      }
      this.attributes = new HashMap<>();
      p.attributes().forEach((k, v) -> attributes.put(k, Fold.name(v)));
    }

    /** The blocking keys: name (both ways round), addresses, numbers, attributes. */
    List<String> keys() {
      List<String> keys = new ArrayList<>(4 + emails.size() + phones.size() + attributes.size());
      if (!family.isEmpty() || !given.isEmpty()) {
        keys.add("n:" + Fold.sound(family) + "|" + Fold.initial(given).map(String::valueOf).orElse(""));
        if (!given.isEmpty() && !family.isEmpty()) {
          keys.add("n:" + Fold.sound(given) + "|" + family.charAt(0));
        }
      }
      for (String e : emails) {
        keys.add("e:" + e);
      }
      for (String p : phones) {
        keys.add("p:" + p);
      }
      attributes.forEach((k, v) -> {
        if (!v.isEmpty()) {
          keys.add("a:" + k + "=" + v);
        }
      });
      return keys;
    }
  }
}
