package dev.rapport.crm.jpa;

import dev.rapport.crm.campaign.CampaignRepository;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.analytics.AnalyticsRepository;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The analytics aggregates of one unit of work in SQL: every method is one JPQL {@code group by}
 * (two for {@link #stageVisits}), never a walk over rows, whatever the number of leads and
 * opportunities. The whole days each method groups by are stored as the records are written
 * ({@code crm_lead.conversion_days}, {@code crm_opportunity.cycle_days}, {@code crm_stage_visit},
 * see {@code V7__rapport_analytics.sql}), so the SQL holds no date arithmetic. The campaign filter
 * of the opportunity methods joins the opportunity's origin lead. Instants are bound as the UTC
 * wall times the columns hold. Read-only. Not thread-safe.
 */
final class JpaAnalytics implements AnalyticsRepository {
  /** Campaign ids per {@code in} list, as {@link AnalyticsRepository#campaigns} promises. */
  private static final int IN_CHUNK = 500;

  private final JpaUnitOfWork uow;

  JpaAnalytics(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  // ---------------------------------------------------------------- leads

  @Override
  public List<LeadCount> leadCounts(Scope scope) {
    uow.requireOpen();
    Query q = leads(scope);
    List<LeadCount> rows = new ArrayList<>();
    for (Object[] r : q.run("select l.source, l.campaignId, l.status, count(l), l.industry",
        " group by l.source, l.campaignId, l.status, l.industry")) {
      rows.add(new LeadCount(new LeadSource((String) r[0]), campaign(r[1]), LeadStatus.valueOf((String) r[2]),
          Results.number(r[3]), industry(r[4])));
    }
    return rows;
  }

  @Override
  public List<ConversionDays> conversionDays(Scope scope) {
    uow.requireOpen();
    Query q = leads(scope);
    q.where.append(" and l.conversionDays is not null");
    List<ConversionDays> rows = new ArrayList<>();
    for (Object[] r : q.run("select l.source, l.campaignId, l.conversionDays, count(l), l.industry",
        " group by l.source, l.campaignId, l.conversionDays, l.industry")) {
      rows.add(new ConversionDays(new LeadSource((String) r[0]), campaign(r[1]), Results.number(r[2]), Results.number(r[3]),
          industry(r[4])));
    }
    return rows;
  }

  @Override
  public List<LeadOpportunities> leadOpportunities(Scope scope) {
    uow.requireOpen();
    Query q = leads(scope);
    q.from.append(", RapportOpportunity o");
    q.where.append(" and o.tenantId = l.tenantId and o.id = l.convertedOpportunityId");
    List<LeadOpportunities> rows = new ArrayList<>();
    for (Object[] r : q.run("select l.source, l.campaignId, o.status, o.currency, count(o), sum(o.amount), l.industry",
        " group by l.source, l.campaignId, o.status, o.currency, l.industry")) {
      Currency currency = Currency.getInstance((String) r[3]);
      rows.add(new LeadOpportunities(new LeadSource((String) r[0]), campaign(r[1]),
          OpportunityStatus.valueOf((String) r[2]), currency, Results.number(r[4]), Results.scaled(Results.decimal(r[5]), currency),
          industry(r[6])));
    }
    return rows;
  }

  private static Optional<Industry> industry(Object code) {
    return Optional.ofNullable((String) code).map(Industry::new);
  }

  /** The leads of the scope: captured in its instants, of its owner, source and campaign. */
  private Query leads(Scope scope) {
    Query q = new Query("RapportLead l", " l.tenantId = :tenant and l.createdAt >= :from and l.createdAt < :to");
    q.params.put("from", toColumn(scope.from()));
    q.params.put("to", toColumn(scope.to()));
    scope.owner().ifPresent(o -> q.where("l.owner", "owner", o));
    scope.source().ifPresent(s -> q.where("l.source", "source", s.code()));
    scope.campaign().ifPresent(c -> q.where("l.campaignId", "campaign", c.value()));
    return q;
  }

  @Override
  public Map<CampaignId, Campaign> campaigns(Collection<CampaignId> ids) {
    uow.requireOpen();
    Objects.requireNonNull(ids, "ids");
    List<UUID> all = ids.stream().map(CampaignId::value).distinct().toList();
    JpaCampaigns campaigns = (JpaCampaigns) uow.port(CampaignRepository.class);
    Map<CampaignId, Campaign> found = new HashMap<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      campaigns.byIds(all.subList(i, Math.min(all.size(), i + IN_CHUNK))).forEach(c -> found.put(c.id(), c));
    }
    return found;
  }

  // ---------------------------------------------------------------- opportunities

  @Override
  public List<StageVisits> stageVisits(Scope scope) {
    uow.requireOpen();
    List<StageVisits> rows = new ArrayList<>();
    // the visits that ended: their rows, joined with the opportunity only to filter it
    Query ended;
    if (scope.owner().isPresent() || scope.source().isPresent() || scope.campaign().isPresent()) {
      ended = opportunities(scope);
      ended.from.insert(0, "RapportStageVisit v, ");
      ended.where.append(" and v.tenantId = o.tenantId and v.opportunityId = o.id");
    } else {
      ended = new Query("RapportStageVisit v", " v.tenantId = :tenant");
    }
    ended.where.append(" and v.enteredAt >= :from and v.enteredAt < :to");
    within(ended, scope);
    for (Object[] r : ended.run("select v.stage, v.nextStage, v.days, count(v)",
        " group by v.stage, v.nextStage, v.days")) {
      rows.add(new StageVisits((String) r[0], Optional.of((String) r[1]), Optional.of(Results.number(r[2])), Results.number(r[3])));
    }
    // the visits going on: the opportunities' last history entries
    Query open = opportunities(scope);
    open.where.append(" and o.visitSince >= :from and o.visitSince < :to");
    within(open, scope);
    for (Object[] r : open.run("select o.visitStage, count(o)", " group by o.visitStage")) {
      rows.add(new StageVisits((String) r[0], Optional.empty(), Optional.empty(), Results.number(r[1])));
    }
    return rows;
  }

  @Override
  public long opportunitiesCreated(Scope scope) {
    uow.requireOpen();
    Query q = opportunities(scope);
    q.where.append(" and o.createdAt >= :from and o.createdAt < :to");
    within(q, scope);
    return Results.number(q.run("select count(o)", "").get(0)[0]);
  }

  @Override
  public List<PipelineAmounts> openPipeline(Scope scope, LocalDate fromDay, LocalDate toDay) {
    uow.requireOpen();
    Objects.requireNonNull(fromDay, "fromDay");
    Objects.requireNonNull(toDay, "toDay");
    Query q = opportunities(scope);
    q.where.append(" and o.status = :open and (o.expectedCloseDate is null"
        + " or (o.expectedCloseDate >= :fromDay and o.expectedCloseDate <= :toDay))");
    q.params.put("open", OpportunityStatus.OPEN.name());
    q.params.put("fromDay", fromDay);
    q.params.put("toDay", toDay);
    List<PipelineAmounts> rows = new ArrayList<>();
    for (Object[] r : q.run("select o.expectedCloseDate, o.forecastCategory, o.currency, count(o), sum(o.amount),"
        + " sum(o.amount * o.probability)", " group by o.expectedCloseDate, o.forecastCategory, o.currency")) {
      Currency currency = Currency.getInstance((String) r[2]);
      rows.add(new PipelineAmounts(Optional.ofNullable(day(r[0])), ForecastCategory.valueOf((String) r[1]), currency,
          Results.number(r[3]), Results.scaled(Results.decimal(r[4]), currency), Results.scaled(Results.decimal(r[5]), currency)));
    }
    return rows;
  }

  /**
   * One statement whatever the number of buckets: grouped by status and currency, with a count and
   * a sum per bucket ({@code sum(case when ... then ... else 0 end)}), not grouped by a bucket
   * expression (PostgreSQL would not see the same parameters in the select and group by clauses).
   */
  @Override
  public List<ClosedAmounts> closedByBucket(Scope scope, List<Instant> edges) {
    uow.requireOpen();
    Objects.requireNonNull(edges, "edges");
    if (edges.size() < 2) {
      return List.of();
    }
    Query q = opportunities(scope);
    q.where.append(" and o.closedAt >= :from and o.closedAt < :to");
    within(q, scope);
    StringBuilder select = new StringBuilder("select o.status, o.currency");
    for (int i = 0; i + 1 < edges.size(); i++) {
      String in = "o.closedAt >= :e" + i + " and o.closedAt < :e" + (i + 1);
      select.append(", sum(case when ").append(in).append(" then 1 else 0 end)")
          .append(", sum(case when ").append(in).append(" then o.amount else 0 end)");
    }
    for (int i = 0; i < edges.size(); i++) {
      q.params.put("e" + i, toColumn(edges.get(i)));
    }
    List<ClosedAmounts> rows = new ArrayList<>();
    for (Object[] r : q.run(select.toString(), " group by o.status, o.currency")) {
      OpportunityStatus status = OpportunityStatus.valueOf((String) r[0]);
      Currency currency = Currency.getInstance((String) r[1]);
      for (int i = 0; i + 1 < edges.size(); i++) {
        long n = Results.number(r[2 + 2 * i]);
        if (n > 0) {
          rows.add(new ClosedAmounts(i, status, currency, n, Results.scaled(Results.decimal(r[3 + 2 * i]), currency)));
        }
      }
    }
    return rows;
  }

  @Override
  public List<ClosedCycles> closedCycles(Scope scope) {
    uow.requireOpen();
    Query q = opportunities(scope);
    q.where.append(" and o.closedAt >= :from and o.closedAt < :to");
    within(q, scope);
    List<ClosedCycles> rows = new ArrayList<>();
    for (Object[] r : q.run("select o.owner, o.source, o.status, o.currency, o.cycleDays, count(o), sum(o.amount)",
        " group by o.owner, o.source, o.status, o.currency, o.cycleDays")) {
      Currency currency = Currency.getInstance((String) r[3]);
      rows.add(new ClosedCycles(Optional.ofNullable((String) r[0]), Optional.ofNullable((String) r[1]).map(LeadSource::new),
          OpportunityStatus.valueOf((String) r[2]), currency, Results.number(r[4]), Results.number(r[5]), Results.scaled(Results.decimal(r[6]), currency)));
    }
    return rows;
  }

  /**
   * The opportunities of the scope's owner, source and campaign (its instants are the caller's
   * business): the campaign is the origin lead's, joined.
   */
  private Query opportunities(Scope scope) {
    Query q = new Query("RapportOpportunity o", " o.tenantId = :tenant");
    scope.owner().ifPresent(o -> q.where("o.owner", "owner", o));
    scope.source().ifPresent(s -> q.where("o.source", "source", s.code()));
    scope.campaign().ifPresent(c -> {
      q.from.append(", RapportLead cl");
      q.where.append(" and cl.tenantId = o.tenantId and cl.id = o.originLeadId");
      q.where("cl.campaignId", "campaign", c.value());
    });
    return q;
  }

  private static void within(Query q, Scope scope) {
    q.params.put("from", toColumn(scope.from()));
    q.params.put("to", toColumn(scope.to()));
  }

  /** A JPQL aggregate over the tenant's rows, assembled from its parts. */
  private final class Query {
    final StringBuilder from;
    final StringBuilder where;
    final Map<String, Object> params = new LinkedHashMap<>();

    Query(String from, String where) {
      this.from = new StringBuilder(from);
      this.where = new StringBuilder(where);
    }

    void where(String path, String name, Object value) {
      where.append(" and ").append(path).append(" = :").append(name);
      params.put(name, value);
    }

    List<Object[]> run(String select, String groupBy) {
      String jpql = select + " from " + from + " where" + where + groupBy;
      TypedQuery<Object[]> q = uow.em().createQuery(jpql, Object[].class)
          .setParameter("tenant", uow.tenant().value());
      params.forEach(q::setParameter);
      List<Object[]> rows = new ArrayList<>();
      for (Object r : q.getResultList()) { // a single column comes back bare from some providers
        rows.add(r instanceof Object[] a ? a : new Object[] {r});
      }
      return rows;
    }
  }

  // ---------------------------------------------------------------- values

  private static Optional<CampaignId> campaign(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(CampaignId.of(value instanceof UUID u ? u : UUID.fromString(value.toString())));
  }

  private static LocalDate day(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException("a day came back as " + value.getClass().getName() + ": " + value);
  }
}
