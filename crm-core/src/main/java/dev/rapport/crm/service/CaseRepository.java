package dev.rapport.crm.service;

import dev.rapport.crm.spi.Pages;
import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Optional;

/**
 * The service cases of one tenant, inside one {@link UnitOfWork}. Insert and update follow the
 * same version rules as {@link LeadRepository#insert} and {@link LeadRepository#update}. Pages
 * are in id (creation) order; the next cursor is the last item's id, present only when more
 * matching cases follow.
 */
public interface CaseRepository {

  /** The case with this id, or empty. */
  Optional<ServiceCase> find(CaseId id);

  /** The page of open cases matching the query ({@link CaseQuery#matches}). */
  Page<ServiceCase> query(CaseQuery query, PageRequest page);

  /**
   * How many open cases match the query: as many as walking every page of {@link #query}
   * returns. The default walks the pages; an adapter should count in its store.
   */
  default long count(CaseQuery query) {
    return Pages.count(p -> query(query, p));
  }

  /** The page of the account's cases, in every status. */
  Page<ServiceCase> byAccount(AccountId account, PageRequest page);

  /**
   * How many cases the account has, in every status: as many as walking every page of
   * {@link #byAccount} returns. The default walks the pages; an adapter should count in its store.
   */
  default long countByAccount(AccountId account) {
    return Pages.count(p -> byAccount(account, p));
  }

  /** The page of all cases of the tenant. */
  Page<ServiceCase> list(PageRequest page);

  /** Stores a new case (version 0) and returns it with version 1. */
  ServiceCase insert(ServiceCase serviceCase);

  /** Stores a changed case read at its version; returns it with the next version. */
  ServiceCase update(ServiceCase serviceCase);

  /**
   * Deletes the case.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   *     (checked at once or at commit)
   */
  void delete(ServiceCase serviceCase);

  /**
   * The cases with an alert due at or before {@code now} ({@link ServiceCase#alertAt()}), soonest
   * first (then by id), at most {@code limit}. The default walks every page of {@link #list}; an
   * adapter should select them in its store by the instant it keeps.
   */
  default java.util.List<ServiceCase> alertsDue(java.time.Instant now, int limit) {
    java.util.List<ServiceCase> due = new java.util.ArrayList<>();
    Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    while (next.isPresent()) {
      Page<ServiceCase> p = list(next.get());
      p.items().stream().filter(c -> c.alertAt().filter(t -> !t.isAfter(now)).isPresent()).forEach(due::add);
      next = next.get().next(p);
    }
    due.sort(java.util.Comparator.comparing((ServiceCase c) -> c.alertAt().orElseThrow()).thenComparing(ServiceCase::id));
    return java.util.List.copyOf(due.subList(0, Math.min(limit, due.size())));
  }
}
