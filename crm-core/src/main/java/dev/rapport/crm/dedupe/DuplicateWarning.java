package dev.rapport.crm.dedupe;

import java.util.List;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * What a {@link DuplicatePolicy#warn warning} duplicate policy tells the host: a new lead or
 * contact, about to be stored, looks like stored ones. The command goes on.
 *
 * @param kind {@code "lead"}, {@code "contact"} or {@code "account"}
 * @param id the new record's id
 * @param matches the stored records it looks like, likeliest first
 */
public record DuplicateWarning(String kind, String id, List<DuplicateMatch<?>> matches) {
  /** @throws ValidationException if an argument is null, a text blank or over 100 characters */
  public DuplicateWarning {
    Check.text(kind, "kind", 100);
    Check.text(id, "id", 100);
    matches = List.copyOf(Check.noNulls(matches, "matches"));
  }
}
