package dev.rapport.crm.memory;

import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.OpportunityRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The opportunities of one unit of work, in the tenant's opportunities table. */
final class MemoryOpportunities implements OpportunityRepository {
  static final Kind<OpportunityId, Opportunity> KIND = new Kind<>("opportunity",
      Opportunity::id, Opportunity::version, Versions.of(Opportunity.class)::with, Opportunity::tenantId,
      OpportunityId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.STATUS, o -> List.of(o.status())),
          new Kind.IndexDef<>(Kinds.ACCOUNT, o -> List.of(o.accountId())),
          new Kind.IndexDef<>(Kinds.OWNER, o -> o.owner().stream().toList()),
          new Kind.IndexDef<>(Kinds.STAGE, o -> List.of(o.stage())),
          new Kind.IndexDef<>(Kinds.SOURCE, o -> o.source().stream().toList()),
          new Kind.IndexDef<>(Kinds.FIELD, o -> Kinds.fields(o.fields())),
          new Kind.IndexDef<>(Kinds.ORIGIN_LEAD, o -> o.originLead().stream().toList())),
      Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<OpportunityId, Opportunity> buffer;

  MemoryOpportunities(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  /** Made on first use: a unit that only reads other kinds needs none. */
  Buffer<OpportunityId, Opportunity> buffer() {
  if (buffer == null) {
    buffer = uow.buffer(uow.store().opportunities);
  }
  return buffer;
  }

  @Override
  public Optional<Opportunity> find(OpportunityId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public Page<Opportunity> query(OpportunityQuery query, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    return buffer().page(candidates(query), query::matches, page);
  }

  @Override
  public long count(OpportunityQuery query) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    return buffer().count(candidates(query), query::matches);
  }

  /** The index keys that narrow the committed opportunities a query can match. */
  private static List<List<Buffer.IndexKey>> candidates(OpportunityQuery query) {
    List<List<Buffer.IndexKey>> candidates = new ArrayList<>();
    candidates.add(Buffer.keys(Kinds.STATUS, query.statuses()));
    candidates.add(Buffer.keys(Kinds.STAGE, query.stages()));
    candidates.add(Buffer.keys(Kinds.ACCOUNT, query.accountId().stream().toList()));
    candidates.add(Buffer.keys(Kinds.OWNER, query.owner().stream().toList()));
    candidates.add(Buffer.keys(Kinds.SOURCE, query.sources()));
    query.fields().forEach((k, v) -> candidates.add(Buffer.keys(Kinds.FIELD, List.of(Kinds.field(k, v)))));
    return candidates;
  }

  @Override
  public Opportunity insert(Opportunity opportunity) {
    uow.requireOpen();
    return buffer().insert(opportunity);
  }

  @Override
  public Opportunity update(Opportunity opportunity) {
    uow.requireOpen();
    return buffer().update(opportunity);
  }

  @Override
  public void delete(Opportunity opportunity) {
    uow.requireOpen();
    buffer().delete(java.util.Objects.requireNonNull(opportunity, "opportunity"));
  }

  @Override
  public List<BoardRow> board(OpportunityQuery query) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(query, "query");
    java.util.Map<List<Object>, Object[]> sums = new java.util.LinkedHashMap<>();
    buffer().forEach(candidates(query).stream().filter(l -> !l.isEmpty())
            .min(java.util.Comparator.comparingInt(List::size)).orElse(List.of()),
        query::matches, o -> {
          Object[] s = sums.computeIfAbsent(List.of(o.stage(), o.amount().currency()),
              k -> new Object[] {0L, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO});
          s[0] = (Long) s[0] + 1;
          s[1] = ((java.math.BigDecimal) s[1]).add(o.amount().amount());
          s[2] = ((java.math.BigDecimal) s[2]).add(o.amount().amount().multiply(java.math.BigDecimal.valueOf(o.probability())));
        });
    List<BoardRow> rows = new java.util.ArrayList<>();
    sums.forEach((k, s) -> rows.add(new BoardRow((String) k.get(0), (java.util.Currency) k.get(1), (Long) s[0],
        (java.math.BigDecimal) s[1], (java.math.BigDecimal) s[2])));
    return rows;
  }
}
