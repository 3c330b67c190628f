package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.AMOUNT_SCALE;
import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.text;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.StageChange;
import dev.rapport.crm.analytics.AnalyticsFigures;
import dev.rapport.crm.opportunity.OpportunityRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The opportunities of one unit of work, in {@code crm_opportunity}. */
final class JpaOpportunities implements OpportunityRepository {
  static final Kind<Opportunity, OpportunityEntity> KIND = new Kind<>("opportunity",
      "RapportOpportunity", OpportunityEntity.class, o -> o.id().value(), Opportunity::tenantId,
      Opportunity::version, Versions.of(Opportunity.class)::with, OpportunityEntity::new,
      JpaOpportunities::domainToEntity, e -> e.id, e -> e.version, JpaOpportunities::state);

  private final JpaUnitOfWork uow;
  private final Rows<Opportunity, OpportunityEntity> rows;
  /** The visit rows this unit wrote, to detach at the end. */
  private final List<StageVisitEntity> visits = new ArrayList<>();

  JpaOpportunities(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaOpportunities::entityToDomain);
    uow.detachable(() -> visits);
  }

  @Override
  public Optional<Opportunity> find(OpportunityId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public Page<Opportunity> query(OpportunityQuery query, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    Map<String, Object> p = new LinkedHashMap<>();
    List<Opportunity> found = rows.page(where(query, p), p, page).stream()
        .map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), o -> o.id().value());
  }

  @Override
  public long count(OpportunityQuery query) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    Map<String, Object> p = new LinkedHashMap<>();
    return rows.count(where(query, p), p);
  }

  /** The query's conditions, to append to the tenant's; their parameters go into {@code p}. */
  private static String where(OpportunityQuery query, Map<String, Object> p) {
    StringBuilder where = new StringBuilder();
    if (!query.statuses().isEmpty()) {
      Rows.oneOf(where, "e.status", "statuses", query.statuses().stream().map(Enum::name).sorted().toList(), p);
    }
    if (!query.stages().isEmpty()) {
      Rows.oneOf(where, "e.stage", "stages", query.stages().stream().sorted().toList(), p);
    }
    query.accountId().ifPresent(a -> {
      where.append(" and e.accountId = :account");
      p.put("account", a.value());
    });
    query.owner().ifPresent(o -> {
      where.append(" and e.owner = :owner");
      p.put("owner", o);
    });
    if (!query.sources().isEmpty()) {
      Rows.oneOf(where, "e.source", "sources", query.sources().stream().map(LeadSource::code).sorted().toList(), p);
    }
    query.expectedCloseFrom().ifPresent(d -> {
      where.append(" and e.expectedCloseDate >= :closeFrom");
      p.put("closeFrom", d);
    });
    query.expectedCloseTo().ifPresent(d -> {
      where.append(" and e.expectedCloseDate <= :closeTo");
      p.put("closeTo", d);
    });
    int field = 0;
    for (Map.Entry<String, dev.rapport.crm.field.FieldValue> f : query.fields().entrySet()) {
      // the JSON of the one entry, anywhere in the column (schema version 17)
      where.append(" and e.customFields like :field").append(field).append(" escape '!'");
      p.put("field" + field++, FieldsJson.holding(f.getKey(), f.getValue()));
    }
    return where.toString();
  }

  @Override
  public Opportunity insert(Opportunity opportunity) {
    uow.requireOpen();
    OpportunityEntity e = rows.insert(opportunity);
    if (opportunity.history().size() > 1) {
      // the opportunity's row first, for the visits' foreign key whatever order the provider flushes in
      uow.flush();
      insertVisits(opportunity, 0);
    }
    return rows.toDomain(e);
  }

  @Override
  public Opportunity update(Opportunity opportunity) {
    uow.requireOpen();
    rows.checkTenant(opportunity);
    // the history as stored: the visits it ended have their rows already
    List<StageChange> before = rows.load(opportunity.id().value()).map(e -> history(e.history)).orElse(List.of());
    OpportunityEntity e = rows.update(opportunity);
    List<StageChange> after = opportunity.history();
    if (e != null && !after.equals(before)) {
      // The versioned update first: of two units that move the same opportunity at once, the second
      // fails on the version (a ConcurrentUpdateException), not on the key of a visit row.
      uow.flush();
      if (after.size() >= before.size() && after.subList(0, before.size()).equals(before)) {
        insertVisits(opportunity, Math.max(before.size() - 1, 0));
      } else { // not an extension of the stored history (never so through the core): rewrite the rows
        dropVisits(opportunity);
        insertVisits(opportunity, 0);
      }
    }
    return rows.stored(e, opportunity);
  }

  /**
   * Persists a row for each visit of the opportunity's history that began at entry {@code from} or
   * later and has ended (entry {@code i + 1} exists): they go in one batch at the next flush.
   */
  private void insertVisits(Opportunity o, int from) {
    List<StageChange> h = o.history();
    for (int i = from; i + 1 < h.size(); i++) {
      StageVisitEntity v = new StageVisitEntity();
      v.tenantId = o.tenantId().value();
      v.opportunityId = o.id().value();
      v.seq = i;
      v.stage = h.get(i).to();
      v.nextStage = h.get(i + 1).to();
      v.enteredAt = toColumn(h.get(i).at());
      v.days = AnalyticsFigures.wholeDays(fromColumn(v.enteredAt), fromColumn(toColumn(h.get(i + 1).at())));
      uow.em().persist(v);
      visits.add(v);
    }
  }

  // ---- mapping

  static void domainToEntity(Opportunity o, OpportunityEntity e) {
    e.customFields = FieldsJson.write(o.fields());
    e.id = o.id().value();
    e.tenantId = o.tenantId().value();
    e.name = o.name();
    e.accountId = o.accountId().value();
    e.primaryContactId = o.primaryContact().map(ContactId::value).orElse(null);
    e.amount = o.amount().amount().setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
    e.currency = o.amount().currency().getCurrencyCode();
    e.stage = o.stage();
    e.probability = o.probability();
    e.probabilityOverridden = o.probabilityOverridden();
    e.forecastCategory = o.forecastCategory().name();
    e.expectedCloseDate = orNull(o.expectedCloseDate());
    e.status = o.status().name();
    e.lostReason = o.lostReason().map(LostReason::code).orElse(null);
    e.source = o.source().map(LeadSource::code).orElse(null);
    e.originLeadId = o.originLead().map(LeadId::value).orElse(null);
    e.owner = orNull(o.owner());
    e.history = historyJson(o.history());
    e.createdAt = toColumn(o.createdAt());
    e.updatedAt = toColumn(o.updatedAt());
    e.closedAt = o.closedAt().map(Mapping::toColumn).orElse(null);
    // stored for the analytics (whole days cannot be computed portably in JPQL), from the instants as stored
    e.cycleDays = e.closedAt == null ? null : AnalyticsFigures.wholeDays(fromColumn(e.createdAt), fromColumn(e.closedAt));
    StageChange last = o.history().isEmpty() ? null : o.history().get(o.history().size() - 1);
    e.visitStage = last == null ? null : last.to();
    e.visitSince = last == null ? null : toColumn(last.at());
  }

  static Opportunity entityToDomain(OpportunityEntity e, long version) {
    Currency currency = Currency.getInstance(e.currency);
    BigDecimal amount = e.amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
    return new Opportunity(OpportunityId.of(e.id), TenantId.of(e.tenantId), version, e.name,
        AccountId.of(e.accountId), Optional.ofNullable(e.primaryContactId).map(ContactId::of),
        new Money(amount, currency), e.stage, e.probability, e.probabilityOverridden,
        ForecastCategory.valueOf(e.forecastCategory), Optional.ofNullable(e.expectedCloseDate),
        OpportunityStatus.valueOf(e.status), Optional.ofNullable(e.lostReason).map(LostReason::new),
        Optional.ofNullable(e.source).map(LeadSource::new),
        Optional.ofNullable(e.originLeadId).map(LeadId::of), Optional.ofNullable(e.owner),
        history(e.history), fromColumn(e.createdAt), fromColumn(e.updatedAt),
        Optional.ofNullable(e.closedAt).map(Mapping::fromColumn),
        FieldsJson.read(e.customFields));
  }

  static List<Object> state(OpportunityEntity e) {
    return Arrays.asList(e.tenantId, e.name, e.accountId, e.primaryContactId, e.amount,
        e.currency, e.stage, e.probability, e.probabilityOverridden, e.forecastCategory,
        e.expectedCloseDate, e.status, e.lostReason, e.source, e.originLeadId, e.owner, e.history,
        e.createdAt, e.updatedAt, e.closedAt, e.cycleDays, e.visitStage, e.visitSince, e.customFields);
  }

  private static String historyJson(List<StageChange> history) {
    List<Object> list = new ArrayList<>(history.size());
    for (StageChange c : history) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("from", orNull(c.from()));
      m.put("to", c.to());
      m.put("at", c.at().toString());
      list.add(m);
    }
    return Json.write(list);
  }

  private static List<StageChange> history(String json) {
    List<StageChange> out = new ArrayList<>();
    for (Map<String, Object> m : Json.readObjects(json)) {
      out.add(new StageChange(text(m, "from"), (String) m.get("to"), Results.instant((String) m.get("at"))));
    }
    return out;
  }

  @Override
  public void delete(Opportunity opportunity) {
    uow.requireOpen();
    rows.checkTenant(opportunity);
    uow.flush(); // visits this unit wrote are rows before they go
    dropVisits(opportunity);
    rows.delete(opportunity);
  }

  /** Deletes the opportunity's visit rows, and forgets those this unit wrote. */
  private void dropVisits(Opportunity opportunity) {
    visits.removeIf(v -> {
      boolean mine = v.opportunityId.equals(opportunity.id().value());
      if (mine && uow.em().contains(v)) {
        uow.em().detach(v);
      }
      return mine;
    });
    uow.em().createQuery("delete from RapportStageVisit v where v.tenantId = :tenant and v.opportunityId = :id")
        .setParameter("tenant", uow.tenant().value())
        .setParameter("id", opportunity.id().value())
        .executeUpdate();
  }

  @Override
  public List<BoardRow> board(OpportunityQuery query) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    uow.flush(); // this unit's own changes count
    Map<String, Object> p = new LinkedHashMap<>();
    String where = where(query, p);
    jakarta.persistence.TypedQuery<Object[]> q = uow.em().createQuery("select e.stage, e.currency, count(e), sum(e.amount),"
        + " sum(e.amount * e.probability) from RapportOpportunity e where e.tenantId = :tenant" + where
        + " group by e.stage, e.currency", Object[].class).setParameter("tenant", uow.tenant().value());
    p.forEach(q::setParameter);
    List<BoardRow> rows = new ArrayList<>();
    for (Object[] r : q.getResultList()) {
      rows.add(new BoardRow((String) r[0], java.util.Currency.getInstance((String) r[1]), ((Number) r[2]).longValue(),
          decimal(r[3]), decimal(r[4])));
    }
    return rows;
  }

  private static java.math.BigDecimal decimal(Object sum) {
    return sum instanceof java.math.BigDecimal b ? b : new java.math.BigDecimal(sum.toString());
  }
}
