package dev.rapport.crm.search;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to search for: part of a name, company, e-mail address, phone number, domain or reference,
 * typed as a person would (case, accents and punctuation do not matter; a typo costs similarity,
 * not the match), narrowed to some kinds of record and to one owner. An immutable value: start
 * with {@link #of} and narrow with the {@code with...} methods.
 *
 * <p>A record matches when the {@linkplain #minimumSimilarity word similarity} of the text to one
 * of its fields reaches the minimum: the share of the text's trigrams found in the best run of
 * the field's trigrams, as PostgreSQL's {@code pg_trgm} measures it ({@code word_similarity}). A
 * phone number is compared with the text's digits, when it has three or more.
 *
 * @param text what the person typed, 1 to 100 characters with a letter or digit
 * @param kinds the kinds of record to find (at least one)
 * @param owner only records this owner works, if present
 * @param minimumSimilarity the least word similarity a match needs, 0.3 to 1 (1: the text occurs
 *     in the field as whole trigrams)
 */
public record SearchQuery(String text, Set<SearchKind> kinds, Optional<String> owner,
    double minimumSimilarity) {

  /** The longest text. */
  public static final int MAX_TEXT = 100;
  /** The similarity {@link #of} asks for: finds {@code Jon} for John and {@code Smiht} for Smith. */
  public static final double DEFAULT_SIMILARITY = 0.5;
  /** The least similarity a query may ask for. */
  public static final double LEAST_SIMILARITY = 0.3;

  /**
   * @throws ValidationException if the text is null, blank, longer than 100 characters, holds a
   *     character no store keeps (a control character) or has no letter or digit; if the kinds are null, empty or hold a null; if the owner is null, blank or over
   *     200 characters; or if the similarity is not 0.3 to 1
   */
  public SearchQuery {
    text = Check.text(text, "text", MAX_TEXT);
    if (SearchText.fold(text).isEmpty()) {
      throw new ValidationException("text", "must hold a letter or digit");
    }
    Check.noNulls(kinds, "kinds");
    if (kinds.isEmpty()) {
      throw new ValidationException("kinds", "must name at least one kind of record");
    }
    kinds = Set.copyOf(EnumSet.copyOf(kinds));
    Check.notNull(owner, "owner");
    owner = owner.map(o -> Check.text(o, "owner", dev.rapport.crm.common.Limits.TEXT));
    if (!(minimumSimilarity >= LEAST_SIMILARITY && minimumSimilarity <= 1.0)) {
      throw new ValidationException("minimumSimilarity", "must be 0.3 to 1");
    }
  }

  /**
   * Leads, contacts and accounts matching the text at the {@linkplain #DEFAULT_SIMILARITY default
   * similarity}, whoever owns them.
   *
   * @throws ValidationException as the canonical constructor
   */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, EnumSet.allOf(SearchKind.class), Optional.empty(), DEFAULT_SIMILARITY);
  }

  /**
   * This query for these kinds of record only.
   *
   * @throws ValidationException if none is given or one is null
   */
  public SearchQuery withKinds(SearchKind... kinds) {
    Check.notNull(kinds, "kinds");
    return new SearchQuery(text, Set.of(Check.noNulls(List.of(kinds), "kinds").toArray(SearchKind[]::new)),
        owner, minimumSimilarity);
  }

  /**
   * This query for the records this owner works only.
   *
   * @throws ValidationException if the owner is null, blank or over 200 characters
   */
  public SearchQuery withOwner(String owner) {
    return new SearchQuery(text, kinds, Optional.of(Check.notNull(owner, "owner")), minimumSimilarity);
  }

  /**
   * This query with another least similarity.
   *
   * @throws ValidationException if it is not 0.3 to 1
   */
  public SearchQuery withMinimumSimilarity(double minimumSimilarity) {
    return new SearchQuery(text, kinds, owner, minimumSimilarity);
  }

  /** The text folded as stored text is ({@link SearchText#fold}). */
  public String folded() {
    return SearchText.fold(text);
  }

  /** The text's digits, when it has three or more: what phone numbers are compared with. */
  public Optional<String> digits() {
    String d = SearchText.digits(text);
    return d.length() >= 3 ? Optional.of(d) : Optional.empty();
  }

  /** The distinct trigrams of the folded text, as {@link SearchText#grams()} forms them. */
  public List<String> grams() {
    return Trigrams.distinct(folded());
  }

  /** The distinct trigrams of the digits, if any. */
  public List<String> digitGrams() {
    return digits().map(Trigrams::distinct).orElse(List.of());
  }

  /**
   * How many of {@code gramCount} query trigrams a field must hold for its similarity to reach the
   * minimum: a record holding fewer of them in every field cannot match.
   */
  public int minimumShared(int gramCount) {
    return Math.max(1, (int) Math.ceil(minimumSimilarity * gramCount - 1e-9));
  }

  /**
   * A {@code LIKE} pattern that stored text (padded with spaces) matches exactly when it holds the
   * trigram: {@code "% jo%"} for {@code " jo"}, {@code "%hn %"} for {@code "hn "}. Letters, digits
   * and spaces only: no character needs escaping.
   */
  public static String likePattern(String gram) {
    Check.notNull(gram, "gram");
    String core = gram.startsWith("  ") ? gram.substring(1) : gram;
    return "%" + core + "%";
  }

  /**
   * How similar the record with this search text is to the query: the greatest word similarity of
   * the text to one of its fields (the digits to its phone numbers), 0 to 1, whether or not it
   * reaches the minimum. What {@link SearchHit#similarity()} reports.
   *
   * @throws ValidationException if the text is null
   */
  public double similarity(SearchText stored) {
    Check.notNull(stored, "text");
    return judge().best(stored).map(Match::similarity).orElse(0f);
  }

  /** Judges records for this query: its trigrams worked out once, for every record of a search. */
  Judge judge() {
    return new Judge(this, Trigrams.distinctCodes(folded()),
        digits().map(Trigrams::distinctCodes).orElse(new int[0]));
  }

  /** The query's trigrams, and how each stored text measures against them. */
  static final class Judge {
    private final SearchQuery query;
    private final int[] text;
    private final int[] digits;

    private Judge(SearchQuery query, int[] text, int[] digits) {
      this.query = query;
      this.text = text;
      this.digits = digits;
    }

    /** The best field of the text and its similarity, if it reaches the minimum. */
    Optional<Match> match(SearchText stored) {
      return best(stored).filter(m -> m.similarity() >= query.minimumSimilarity());
    }

    Optional<Match> best(SearchText stored) {
      SearchField best = null;
      float bestSimilarity = 0f;
      for (SearchField f : SearchField.values()) {
        Optional<String> value = stored.field(f);
        if (value.isEmpty()) {
          continue;
        }
        float s = Trigrams.wordSimilarity(f == SearchField.PHONE ? digits : text, Trigrams.ordered(value.get()));
        if (s > bestSimilarity) {
          bestSimilarity = s;
          best = f;
        }
      }
      return best == null ? Optional.empty() : Optional.of(new Match(best, bestSimilarity));
    }
  }

  /** A field and its similarity. */
  record Match(SearchField field, float similarity) {}
}
