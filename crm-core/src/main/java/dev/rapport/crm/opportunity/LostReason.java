package dev.rapport.crm.opportunity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Locale;

/**
 * Why an opportunity was lost. An open vocabulary: well-known reasons are constants, and a host
 * adds its own with {@link #of(String)}.
 *
 * @param code 1 to 50 of lower-case letters, digits and {@code _}
 */
public record LostReason(String code) {

  /** The price was too high. */
  public static final LostReason PRICE = new LostReason("price");
  /** A competitor won. */
  public static final LostReason COMPETITOR = new LostReason("competitor");
  /** The customer had no budget. */
  public static final LostReason NO_BUDGET = new LostReason("no_budget");
  /** The customer decided to do nothing. */
  public static final LostReason NO_DECISION = new LostReason("no_decision");
  /** The timing was wrong. */
  public static final LostReason TIMING = new LostReason("timing");
  /** The product did not fit the need. */
  public static final LostReason PRODUCT_FIT = new LostReason("product_fit");
  /** Anything else. */
  public static final LostReason OTHER = new LostReason("other");

  /** @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]} */
  public LostReason {
    Check.notNull(code, "lostReason");
    if (!Check.isCode(code)) {
      throw new ValidationException("lostReason", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
  }

  /**
   * The reason with this code, stripped and in lower case.
   *
   * @throws ValidationException if malformed
   */
  public static LostReason of(String code) {
    Check.notNull(code, "lostReason");
    return new LostReason(code.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return code;
  }
}
