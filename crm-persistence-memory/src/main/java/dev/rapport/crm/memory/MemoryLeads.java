package dev.rapport.crm.memory;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The leads of one unit of work, in the tenant's leads table. */
final class MemoryLeads implements LeadRepository {
  static final Kind<LeadId, Lead> KIND = new Kind<>("lead", Lead::id, Lead::version,
      Versions.of(Lead.class)::with, Lead::tenantId, LeadId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.EMAIL, l -> l.email().map(EmailAddress::normalized).stream().toList()),
          new Kind.IndexDef<>(Kinds.MATCH, l -> Kinds.matchKeys(MatchKeys.of(l.name(), l.email(), l.phone()))),
          new Kind.IndexDef<>(Kinds.GRAM, l -> dev.rapport.crm.search.SearchText.of(l).grams()),
          new Kind.IndexDef<>(Kinds.STATUS, l -> List.of(l.status())),
          new Kind.IndexDef<>(Kinds.TEMPERATURE, l -> List.of(l.temperature())),
          new Kind.IndexDef<>(Kinds.OWNER, l -> l.owner().stream().toList()),
          new Kind.IndexDef<>(Kinds.SOURCE, l -> List.of(l.source())),
          new Kind.IndexDef<>(Kinds.INDUSTRY, l -> l.industry().stream().toList()),
          new Kind.IndexDef<>(Kinds.FIELD, l -> Kinds.fields(l.fields())),
          new Kind.IndexDef<>(Kinds.CAMPAIGN, l -> l.campaign().stream().toList()),
          new Kind.IndexDef<>(Kinds.CONVERTED_INTO, l -> l.convertedTo()
              .map(c -> List.<Object>of(c.contactId().value(), c.accountId().value())).orElse(List.of()))),
      Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<LeadId, Lead> buffer;

  MemoryLeads(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  /** Made on first use: a unit that only reads other kinds needs none. */
  Buffer<LeadId, Lead> buffer() {
  if (buffer == null) {
    buffer = uow.buffer(uow.store().leads);
  }
  return buffer;
  }

  @Override
  public Optional<Lead> find(LeadId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public List<Lead> findByMatchKeys(MatchKeys keys, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(keys, "keys");
    return Kinds.byMatchKeys(keys, limit, key -> buffer().lookup(Kinds.MATCH, key), Lead::id);
  }

  @Override
  public List<Lead> findByEmail(EmailAddress email) {
    uow.requireOpen();
    Objects.requireNonNull(email, "email");
    return buffer().lookup(Kinds.EMAIL, email.normalized());
  }

  @Override
  public Page<Lead> query(LeadQuery query, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    return buffer().page(candidates(query), query::matches, page);
  }

  @Override
  public long count(LeadQuery query) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    return buffer().count(candidates(query), query::matches);
  }

  /** The index keys that narrow the committed leads a query can match. */
  private static List<List<Buffer.IndexKey>> candidates(LeadQuery query) {
    List<List<Buffer.IndexKey>> candidates = new ArrayList<>();
    candidates.add(Buffer.keys(Kinds.STATUS, query.statuses()));
    candidates.add(Buffer.keys(Kinds.TEMPERATURE, query.temperatures()));
    candidates.add(Buffer.keys(Kinds.SOURCE, query.sources()));
    candidates.add(Buffer.keys(Kinds.INDUSTRY, query.industries()));
    query.fields().forEach((k, v) -> candidates.add(Buffer.keys(Kinds.FIELD, List.of(Kinds.field(k, v)))));
    candidates.add(Buffer.keys(Kinds.OWNER, query.owner().stream().toList()));
    return candidates;
  }

  @Override
  public Lead insert(Lead lead) {
    uow.requireOpen();
    return buffer().insert(lead);
  }

  @Override
  public Lead update(Lead lead) {
    uow.requireOpen();
    return buffer().update(lead);
  }

  @Override
  public void delete(Lead lead) {
    uow.requireOpen();
    buffer().delete(lead);
  }
}
