package dev.rapport.crm.dedupe;

import java.util.List;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * How two records compared: the evidence of each field that both have, its sum, and the verdict.
 *
 * @param weight the sum of the evidence, in bits (see {@link Evidence})
 * @param threshold the weight from which the matcher calls two records one person
 * @param evidence each compared field's evidence, strongest first
 */
public record Comparison(double weight, double threshold, List<Evidence> evidence) {
  /** @throws ValidationException if the evidence is null or holds null, or a weight is not finite */
  public Comparison {
    Checks.finite(weight, "weight");
    Checks.finite(threshold, "threshold");
    evidence = List.copyOf(Check.noNulls(evidence, "evidence"));
  }

  /** Whether the two records are likely one person: the weight reaches the threshold. */
  public boolean likelyDuplicate() {
    return weight >= threshold;
  }

  /**
   * The weight as a score between 0 and 1, 0.9 at the threshold: {@code 1 / (1 + 2^-(weight -
   * threshold + log2 9))}. Each bit above the threshold halves the odds against.
   */
  public double score() {
    return 1 / (1 + Math.pow(2, -(weight - threshold + LOG2_9)));
  }

  /** The fields that counted for the match, e.g. {@code [email, familyName]}. */
  public List<String> matchedFields() {
    return evidence.stream().filter(e -> e.weight() > 0).map(Evidence::field).toList();
  }

  private static final double LOG2_9 = Math.log(9) / Math.log(2);
}
