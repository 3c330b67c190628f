package dev.rapport.crm.analytics;

import dev.rapport.crm.common.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * How the opportunities of one owner or one source closed in a period. Immutable.
 *
 * @param group the owner's id or the source's code; empty for opportunities with no owner or no
 *     source
 * @param won opportunities won in the period
 * @param lost opportunities lost in the period
 * @param wonRevenue the amount won, in the reporting currency
 * @param medianCycleDays the median of the whole days from creation to win over the won
 *     opportunities; empty when none was won
 */
public record Performance(Optional<String> group, long won, long lost, Money wonRevenue,
    Optional<Double> medianCycleDays) {
  public Performance {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(wonRevenue, "wonRevenue");
    Objects.requireNonNull(medianCycleDays, "medianCycleDays");
  }

  /** {@code won / (won + lost)}, or empty when nothing closed. */
  public Optional<Double> winRate() {
    return won + lost == 0 ? Optional.empty() : Optional.of((double) won / (won + lost));
  }
}
