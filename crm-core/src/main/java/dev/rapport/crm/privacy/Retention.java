package dev.rapport.crm.privacy;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Period;
import java.util.Objects;

/**
 * A retention rule for {@link PrivacyService#applyRetention}: leads nobody touched (their last
 * change) for longer than a period, not converted, are erased (the default: the counts stay) or
 * deleted, a batch at a time, each batch its own unit of work. Immutable.
 */
public final class Retention {
  /** The most leads one batch takes. */
  public static final int MAX_BATCH = 1_000;

  /** What happens to a lead past the period. */
  public enum Action {
    /** Erased as {@link PrivacyService#erase} does: anonymised, with an erased marker; its counts stay in the reports. */
    ERASE,
    /** Deleted as {@code crm.leads().delete} does, with what concerns only the lead. */
    DELETE
  }

  private final Period untouchedFor;
  private final Action action;
  private final int batchSize;

  private Retention(Period untouchedFor, Action action, int batchSize) {
    this.untouchedFor = untouchedFor;
    this.action = action;
    this.batchSize = batchSize;
  }

  /**
   * Leads untouched for longer than {@code period} (e.g. {@code Period.ofMonths(24)}), erased in
   * batches of 100.
   *
   * @throws ValidationException if the period is null, negative or zero, or over 100 years (field {@code untouchedFor})
   */
  public static Retention leadsUntouchedFor(Period period) {
    Check.notNull(period, "untouchedFor");
    if (period.isNegative() || period.isZero() || period.toTotalMonths() > 1_200) {
      throw new ValidationException("untouchedFor", "must be more than zero and at most 100 years, not " + period);
    }
    return new Retention(period, Action.ERASE, 100);
  }

  /** The same rule, deleting instead of erasing. */
  public Retention delete() {
    return new Retention(untouchedFor, Action.DELETE, batchSize);
  }

  /** The same rule, erasing (the default). */
  public Retention erase() {
    return new Retention(untouchedFor, Action.ERASE, batchSize);
  }

  /**
   * The same rule with another batch size: how many leads one unit of work takes.
   *
   * @throws ValidationException if below 1 or above {@link #MAX_BATCH} (field {@code batchSize})
   */
  public Retention batchSize(int size) {
    Check.range(size, "batchSize", 1, MAX_BATCH);
    return new Retention(untouchedFor, action, size);
  }

  /** How long a lead stays untouched before the rule takes it. */
  public Period untouchedFor() {
    return untouchedFor;
  }

  /** Erase or delete. */
  public Action action() {
    return action;
  }

  /** How many leads one unit of work takes. */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Retention r && r.untouchedFor.equals(untouchedFor) && r.action == action && r.batchSize == batchSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(untouchedFor, action, batchSize);
  }

  @Override
  public String toString() {
    return "Retention[" + action + " leads untouched for " + untouchedFor + ", " + batchSize + " per batch]";
  }
}
