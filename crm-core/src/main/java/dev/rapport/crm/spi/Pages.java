package dev.rapport.crm.spi;

import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * Counting by walking pages: the default of the repository ports for adapters that do not count in
 * their store.
 */
public final class Pages {
  private Pages() {}

  public static long count(Function<PageRequest, Page<?>> query) {
    long n = 0;
    Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    while (next.isPresent()) {
      Page<?> page = query.apply(next.get());
      n += page.items().size();
      next = next.get().next(page);
    }
    return n;
  }
}
