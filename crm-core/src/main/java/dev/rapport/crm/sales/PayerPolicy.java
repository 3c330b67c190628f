package dev.rapport.crm.sales;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * The rules that class an account as a payer. An invoice is <em>late</em> when it was settled more
 * than {@code graceDays} after its due day, or is still open more than {@code graceDays} after it
 * (its days late are then counted up to today). Of the account's <em>judged</em> invoices (settled,
 * or open and late):
 * <ul>
 *   <li>{@link PayerClass#CHRONICALLY_LATE}: at least {@code chronicMinimum} are late and they are
 *       at least {@code chronicPercent} % of the judged, or one is {@code chronicDays} or more days
 *       late;
 *   <li>{@link PayerClass#OCCASIONALLY_LATE}: otherwise, at least one is late;
 *   <li>{@link PayerClass#ON_TIME}: none is late.
 * </ul>
 *
 * @param graceDays days after the due day still counted as on time, 0 to 365
 * @param chronicPercent the share of late invoices (in %) that makes a chronic payer, 1 to 100
 * @param chronicMinimum the fewest late invoices that make a chronic payer, at least 1
 * @param chronicDays the days late of one invoice that alone make a chronic payer, 1 to 36,500
 */
public record PayerPolicy(int graceDays, int chronicPercent, int chronicMinimum, int chronicDays) {
  /** @throws ValidationException if a value is out of its range */
  public PayerPolicy {
    Check.range(graceDays, "graceDays", 0, 365);
    Check.range(chronicPercent, "chronicPercent", 1, 100);
    Check.range(chronicMinimum, "chronicMinimum", 1, 1_000_000);
    Check.range(chronicDays, "chronicDays", 1, 36_500);
  }

  /**
   * No grace; chronically late with 3 or more late invoices making at least half of the judged
   * ones, or one invoice 90 or more days late.
   */
  public static PayerPolicy standard() {
    return new PayerPolicy(0, 50, 3, 90);
  }

  /** The class of a record of {@code judged} invoices, {@code late} of them late, the worst {@code worstDaysLate}. */
  public PayerClass classify(long judged, long late, long worstDaysLate) {
    if (late == 0) {
      return PayerClass.ON_TIME;
    }
    if (worstDaysLate >= chronicDays || (late >= chronicMinimum && late * 100 >= (long) chronicPercent * judged)) {
      return PayerClass.CHRONICALLY_LATE;
    }
    return PayerClass.OCCASIONALLY_LATE;
  }
}
