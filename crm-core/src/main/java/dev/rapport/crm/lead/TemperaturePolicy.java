package dev.rapport.crm.lead;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides a lead's temperature from its engagement signals. Replaceable: pass your own to
 * {@code Crm.Builder.temperaturePolicy}. A manual override on the lead wins over the policy.
 * Implementations must be pure functions of their arguments (the same signals and time give the
 * same temperature) and thread-safe.
 */
@FunctionalInterface
public interface TemperaturePolicy {

  /**
   * The temperature that the signals give at time {@code now}.
   *
   * @param signals the lead's signals, oldest first (never null)
   * @param now the current time
   */
  Temperature evaluate(List<EngagementSignal> signals, Instant now);

  /**
   * The standard policy with its standard windows: buying interest within 30 days is hot,
   * marketing engagement (or older buying interest) within 90 days is warm, anything else cold.
   */
  static TemperaturePolicy standard() {
    return standard(Duration.ofDays(30), Duration.ofDays(90));
  }

  /**
   * The standard policy: a buying signal (demo, quote, pricing, meeting) younger than
   * {@code hotFor} makes a lead hot; a marketing signal, or a buying signal past {@code hotFor},
   * younger than {@code warmFor} makes it warm; with no such signal it is cold. Old signals thus
   * count less, and then not at all.
   *
   * @throws ValidationException if a window is null, not positive, or {@code hotFor > warmFor}
   */
  static TemperaturePolicy standard(Duration hotFor, Duration warmFor) {
    Check.notNull(hotFor, "hotFor");
    Check.notNull(warmFor, "warmFor");
    if (hotFor.isNegative() || hotFor.isZero()) {
      throw new ValidationException("hotFor", "must be positive");
    }
    if (warmFor.compareTo(hotFor) < 0) {
      throw new ValidationException("warmFor", "must be at least hotFor");
    }
    return (signals, now) -> {
      Temperature result = Temperature.COLD;
      for (EngagementSignal s : signals) {
        Duration age = Duration.between(s.occurredAt(), now);
        if (age.isNegative()) {
          age = Duration.ZERO; // a signal stamped slightly ahead of the clock counts as fresh
        }
        if (s.type().intent() == SignalType.Intent.BUYING && age.compareTo(hotFor) <= 0) {
          return Temperature.HOT;
        }
        if (age.compareTo(warmFor) <= 0) {
          result = Temperature.WARM;
        }
      }
      return result;
    };
  }
}
