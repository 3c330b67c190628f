package dev.rapport.crm.common;

import dev.rapport.crm.internal.Check;
import java.util.List;
import java.util.Optional;

/**
 * One page of a query's results. Rapport's own queries and stores give their records in creation
 * (id) order; a page a host's {@link dev.rapport.crm.sales.SalesLedger} returns is in the order the
 * host chooses.
 *
 * @param items the records of the page (immutable)
 * @param nextCursor the cursor to pass to {@link PageRequest#after(String, int)} for the next page,
 *     or empty when this is the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  /** @throws dev.rapport.crm.exception.ValidationException if either is null or an item is null */
  public Page {
    items = List.copyOf(Check.noNulls(items, "items"));
    Check.notNull(nextCursor, "nextCursor");
  }

  /** Whether more records follow. */
  public boolean hasNext() {
    return nextCursor.isPresent();
  }
}
