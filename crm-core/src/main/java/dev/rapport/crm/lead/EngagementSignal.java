package dev.rapport.crm.lead;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * One engagement a lead showed, and when.
 *
 * @param type the kind of engagement
 * @param occurredAt when it happened
 * @param detail free text, e.g. the webinar's title; at most 500 characters
 */
public record EngagementSignal(SignalType type, Instant occurredAt, Optional<String> detail) {
  /** @throws ValidationException if a part is null, or the detail is blank or too long */
  public EngagementSignal {
    Check.notNull(type, "signal.type");
    occurredAt = Check.instant(occurredAt, "signal.occurredAt");
    Check.notNull(detail, "signal.detail");
    detail = detail.isEmpty() ? detail : Optional.of(Check.text(detail.get(), "signal.detail", Limits.SIGNAL_DETAIL));
  }

  /**
   * A signal without detail.
   *
   * @throws ValidationException if either is null
   */
  public static EngagementSignal of(SignalType type, Instant occurredAt) {
    return new EngagementSignal(type, occurredAt, Optional.empty());
  }
}
