package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * Which page of a query to return: at most {@code size} records after the cursor of the previous
 * page (keyset paging). Records come in creation order (their time-ordered ids); a record written
 * while a caller pages is never returned twice and never makes another one skipped.
 *
 * @param size the page size, 1 to 500
 * @param after the {@link Page#nextCursor()} of the previous page, or empty for the first page
 */
public record PageRequest(int size, Optional<String> after) {
  /** The largest page size. */
  public static final int MAX_SIZE = 500;

  /** @throws ValidationException if the size is not 1 to 500, or the cursor is null */
  public PageRequest {
    Check.range(size, "size", 1, MAX_SIZE);
    Check.notNull(after, "after");
    // the canonical form of the cursor, so every adapter reads the same text
    after = after.map(c -> Ids.parse(c, "after").toString());
  }

  /**
   * The first page of the given size.
   *
   * @throws ValidationException if the size is not 1 to 500
   */
  public static PageRequest first(int size) {
    return new PageRequest(size, Optional.empty());
  }

  /**
   * The page after the given cursor.
   *
   * @throws ValidationException if the size is not 1 to 500, or the cursor is null or not one
   *     that a {@link Page} gave
   */
  public static PageRequest after(String cursor, int size) {
    return new PageRequest(size, Optional.of(Check.notNull(cursor, "after")));
  }

  /** The page after {@code page}, of the same size, or empty when {@code page} was the last. */
  public Optional<PageRequest> next(Page<?> page) {
    return page.nextCursor().map(c -> new PageRequest(size, Optional.of(c)));
  }
}
