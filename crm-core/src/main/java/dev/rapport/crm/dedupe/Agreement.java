package dev.rapport.crm.dedupe;

/** How a field of two records compared, from the strongest evidence of one person to the weakest. */
public enum Agreement {
  /** The same value once folded (case, accents, spacing, an e-mail provider's ignored parts). */
  SAME,
  /** Equivalent values: a nickname and the name it shortens, e.g. Bob and Robert. */
  EQUIVALENT,
  /** Close values (Jaro-Winkler similarity of 0.88 or more): a typo or a variant spelling. */
  SIMILAR,
  /** Given and family name swapped between the two records. */
  SWAPPED,
  /** One name is the other's initial, e.g. J. and John. */
  INITIAL,
  /** Both records have the field and the values differ. */
  DIFFERENT
}
