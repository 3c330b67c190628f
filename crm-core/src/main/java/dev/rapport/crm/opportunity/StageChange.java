package dev.rapport.crm.opportunity;

import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of an opportunity's stage history.
 *
 * @param from the stage it left (empty for the first entry)
 * @param to the stage it entered
 * @param at when
 */
public record StageChange(Optional<String> from, String to, Instant at) {
  /** @throws dev.rapport.crm.exception.ValidationException if a part is null or a name blank */
  public StageChange {
    Check.notNull(from, "history.from");
    to = Check.text(to, "history.to", Limits.STAGE_NAME);
    at = Check.instant(at, "history.at");
    from = from.map(f -> Check.text(f, "history.from", Limits.STAGE_NAME));
  }
}
