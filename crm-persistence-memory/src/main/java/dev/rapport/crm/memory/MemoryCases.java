package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.service.CaseRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The service cases of one unit of work, in the tenant's cases table. */
final class MemoryCases implements CaseRepository {
  /** The index of cases by priority. */
  static final String PRIORITY = "priority";

  static final Kind<CaseId, ServiceCase> KIND = new Kind<>("case", ServiceCase::id,
      ServiceCase::version, Versions.of(ServiceCase.class)::with, ServiceCase::tenantId, CaseId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.STATUS, c -> List.of(c.status())),
          new Kind.IndexDef<>(Kinds.ACCOUNT, c -> List.of(c.accountId())),
          new Kind.IndexDef<>(Kinds.OWNER, c -> c.owner().stream().toList()),
          new Kind.IndexDef<>(Kinds.FIELD, c -> Kinds.fields(c.fields())),
          new Kind.IndexDef<>(PRIORITY, c -> List.of(c.priority()))),
      Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<CaseId, ServiceCase> buffer;

  MemoryCases(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  /** Made on first use: a unit that only reads other kinds needs none. */
  private Buffer<CaseId, ServiceCase> buffer() {
    if (buffer == null) {
      buffer = uow.buffer(uow.store().cases);
    }
    return buffer;
  }

  @Override
  public Optional<ServiceCase> find(CaseId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public Page<ServiceCase> query(CaseQuery query, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    if (query.order() == CaseQuery.Order.OPENED) {
      return buffer().page(candidates(query), query::matches, page);
    }
    return sorted(query, page);
  }

  /**
   * A page in due or value order: the matching open cases sorted by the query's comparator, after
   * the cursor's case where it stands now (none: a cursor whose case is gone ends the walk).
   */
  private Page<ServiceCase> sorted(CaseQuery query, PageRequest page) {
    java.util.Comparator<ServiceCase> order = query.comparator();
    Optional<ServiceCase> cursor = Optional.empty();
    if (page.after().isPresent()) {
      cursor = buffer().find(CaseId.parse(page.after().get()));
      if (cursor.isEmpty()) {
        return new Page<>(List.of(), Optional.empty());
      }
    }
    ServiceCase from = cursor.orElse(null);
    // the page and one more, by a bounded heap (its worst case on top): no sort of every open case
    int wanted = page.size() + 1;
    java.util.PriorityQueue<ServiceCase> best = new java.util.PriorityQueue<>(wanted + 1, order.reversed());
    buffer().forEach(Buffer.keys(Kinds.STATUS, CaseStatus.OPEN),
        c -> query.matches(c) && (from == null || order.compare(c, from) > 0), c -> {
          if (best.size() < wanted) {
            best.add(c);
          } else if (order.compare(c, best.peek()) < 0) {
            best.poll();
            best.add(c);
          }
        });
    List<ServiceCase> all = new ArrayList<>(best);
    all.sort(order);
    if (all.size() <= page.size()) {
      return new Page<>(List.copyOf(all), Optional.empty());
    }
    List<ServiceCase> items = List.copyOf(all.subList(0, page.size()));
    return new Page<>(items, Optional.of(items.get(items.size() - 1).id().toString()));
  }

  @Override
  public long count(CaseQuery query) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    return buffer().count(candidates(query), query::matches);
  }

  /** The index keys that narrow the committed cases a query can match. */
  private static List<List<Buffer.IndexKey>> candidates(CaseQuery query) {
    List<List<Buffer.IndexKey>> candidates = new ArrayList<>();
    candidates.add(Buffer.keys(Kinds.STATUS, CaseStatus.OPEN));
    candidates.add(Buffer.keys(PRIORITY, query.priorities()));
    candidates.add(Buffer.keys(Kinds.OWNER, query.owner().stream().toList()));
    query.fields().forEach((k, v) -> candidates.add(Buffer.keys(Kinds.FIELD, List.of(Kinds.field(k, v)))));
    return candidates;
  }

  @Override
  public List<ServiceCase> alertsDue(java.time.Instant now, int limit) {
    uow.requireOpen();
    List<ServiceCase> due = new ArrayList<>();
    buffer().forEach(Buffer.keys(Kinds.STATUS, CaseStatus.OPEN),
        c -> c.alertAt().filter(t -> !t.isAfter(now)).isPresent(), due::add);
    due.sort(java.util.Comparator.comparing((ServiceCase c) -> c.alertAt().orElseThrow()).thenComparing(ServiceCase::id));
    return List.copyOf(due.subList(0, Math.min(limit, due.size())));
  }

  @Override
  public Page<ServiceCase> byAccount(AccountId account, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    return buffer().page(List.of(Buffer.keys(Kinds.ACCOUNT, List.of(account))),
        c -> c.accountId().equals(account), page);
  }

  @Override
  public long countByAccount(AccountId account) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    return buffer().count(List.of(Buffer.keys(Kinds.ACCOUNT, List.of(account))), c -> c.accountId().equals(account));
  }

  @Override
  public Page<ServiceCase> list(PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(), c -> true, page);
  }

  @Override
  public ServiceCase insert(ServiceCase serviceCase) {
    uow.requireOpen();
    return buffer().insert(serviceCase);
  }

  @Override
  public ServiceCase update(ServiceCase serviceCase) {
    uow.requireOpen();
    return buffer().update(serviceCase);
  }

  @Override
  public void delete(ServiceCase serviceCase) {
    uow.requireOpen();
    buffer().delete(java.util.Objects.requireNonNull(serviceCase, "serviceCase"));
  }
}
