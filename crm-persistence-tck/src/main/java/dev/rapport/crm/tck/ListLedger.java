package dev.rapport.crm.tck;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.SalesLedger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A host's ledger kept in two lists, as a test's stand-in for an accounting package's invoice
 * and payment tables: pages of {@code pageSize} (smaller than Rapport asks for, so that paging is
 * exercised), the cursor the index of the next item. Counts the pages it served.
 */
final class ListLedger implements SalesLedger {
  final TenantId tenant;
  final List<NewSale> sales = new CopyOnWriteArrayList<>();
  final List<NewPayment> payments = new CopyOnWriteArrayList<>();
  final AtomicInteger pagesServed = new AtomicInteger();
  private final int pageSize;

  ListLedger(TenantId tenant, int pageSize) {
    this.tenant = tenant;
    this.pageSize = pageSize;
  }

  @Override
  public Page<NewSale> sales(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size) {
    return page(t, sales, s -> account.isEmpty() || account.get().equals(s.accountId()),
        s -> !s.issuedOn().isBefore(from) && !s.issuedOn().isAfter(to), after, size);
  }

  @Override
  public Page<NewPayment> payments(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size) {
    return page(t, payments, p -> account.isEmpty() || account.get().equals(p.accountId()),
        p -> !p.paidOn().isBefore(from) && !p.paidOn().isAfter(to), after, size);
  }

  private <T> Page<T> page(TenantId t, List<T> all, Function<T, Boolean> ofAccount, Function<T, Boolean> inPeriod,
      Optional<String> after, int size) {
    if (!t.equals(tenant)) {
      throw new AssertionError("the ledger of " + tenant + " was asked for " + t);
    }
    if (size < 1 || size > 500) {
      throw new AssertionError("page size " + size);
    }
    pagesServed.incrementAndGet();
    List<T> matching = new ArrayList<>();
    for (T item : all) {
      if (ofAccount.apply(item) && inPeriod.apply(item)) {
        matching.add(item);
      }
    }
    int start = after.map(Integer::parseInt).orElse(0);
    int end = Math.min(matching.size(), start + Math.min(size, pageSize));
    return new Page<>(matching.subList(start, end), end < matching.size() ? Optional.of(Integer.toString(end))
        : Optional.empty());
  }
}
