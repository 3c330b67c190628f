package dev.rapport.crm.dedupe;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * A stored record likely the same person as the one looked for, with the comparison that says why.
 *
 * @param <I> the kind of id ({@code LeadId}, {@code ContactId})
 * @param id the stored record's id
 * @param comparison how the two compared: the fields that matched and their weight
 */
public record DuplicateMatch<I>(I id, Comparison comparison) {
  /** @throws ValidationException if an argument is null */
  public DuplicateMatch {
    Check.notNull(id, "id");
    Check.notNull(comparison, "comparison");
  }
}
