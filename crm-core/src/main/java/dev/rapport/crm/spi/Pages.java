package dev.rapport.crm.spi;

import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Optional;
import java.util.function.Function;

/** Counting by walking pages: the SPI's default for adapters that do not count in their store. */
final class Pages {
  private Pages() {}

  static long count(Function<PageRequest, Page<?>> query) {
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
