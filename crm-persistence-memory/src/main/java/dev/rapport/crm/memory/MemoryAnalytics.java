package dev.rapport.crm.memory;

import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.analytics.AnalyticsFigures;
import dev.rapport.crm.analytics.AnalyticsRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics aggregates of one unit of work: {@link AnalyticsFigures} over the tenant's leads
 * and opportunities as the unit sees them (its own buffers: a unit that reports does not write).
 */
final class MemoryAnalytics implements AnalyticsRepository {
  private final MemoryUnitOfWork uow;

  MemoryAnalytics(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private List<Lead> leads() {
    List<Lead> list = new ArrayList<>();
    uow.buffer(uow.store().leads).forEach(List.of(), l -> true, list::add);
    return list;
  }

  private Map<Object, Object> byId(boolean opportunities) {
    Map<Object, Object> map = new HashMap<>();
    if (opportunities) {
      uow.buffer(uow.store().opportunities).forEach(List.of(), o -> true, o -> map.put(o.id(), o));
    } else {
      uow.buffer(uow.store().leads).forEach(List.of(), l -> true, l -> map.put(l.id(), l));
    }
    return map;
  }

  private List<Opportunity> opportunities() {
    List<Opportunity> list = new ArrayList<>();
    uow.buffer(uow.store().opportunities).forEach(List.of(), o -> true, list::add);
    return list;
  }

  private java.util.function.Function<dev.rapport.crm.common.LeadId, java.util.Optional<Lead>> leadLookup() {
    Map<Object, Object> leads = byId(false);
    return id -> java.util.Optional.ofNullable((Lead) leads.get(id));
  }

  @Override
  public List<LeadCount> leadCounts(Scope scope) {
    uow.requireOpen();
    return AnalyticsFigures.leadCounts(leads(), scope);
  }

  @Override
  public List<ConversionDays> conversionDays(Scope scope) {
    uow.requireOpen();
    return AnalyticsFigures.conversionDays(leads(), scope);
  }

  @Override
  public List<LeadOpportunities> leadOpportunities(Scope scope) {
    uow.requireOpen();
    Map<Object, Object> opportunities = byId(true);
    return AnalyticsFigures.leadOpportunities(leads(),
        id -> java.util.Optional.ofNullable((Opportunity) opportunities.get(id)), scope);
  }

  @Override
  public Map<CampaignId, Campaign> campaigns(Collection<CampaignId> ids) {
    uow.requireOpen();
    Buffer<CampaignId, Campaign> campaigns = uow.buffer(uow.store().campaigns);
    Map<CampaignId, Campaign> found = new HashMap<>();
    for (CampaignId id : ids) {
      campaigns.find(id).ifPresent(c -> found.put(id, c));
    }
    return found;
  }

  @Override
  public List<StageVisits> stageVisits(Scope scope) {
    uow.requireOpen();
    return AnalyticsFigures.stageVisits(opportunities(), leadLookup(), scope);
  }

  @Override
  public long opportunitiesCreated(Scope scope) {
    uow.requireOpen();
    return AnalyticsFigures.opportunitiesCreated(opportunities(), leadLookup(), scope);
  }

  @Override
  public List<PipelineAmounts> openPipeline(Scope scope, LocalDate fromDay, LocalDate toDay) {
    uow.requireOpen();
    return AnalyticsFigures.openPipeline(opportunities(), leadLookup(), scope, fromDay, toDay);
  }

  @Override
  public List<ClosedAmounts> closedByBucket(Scope scope, List<Instant> edges) {
    uow.requireOpen();
    return AnalyticsFigures.closedByBucket(opportunities(), leadLookup(), scope, edges);
  }

  @Override
  public List<ClosedCycles> closedCycles(Scope scope) {
    uow.requireOpen();
    return AnalyticsFigures.closedCycles(opportunities(), leadLookup(), scope);
  }
}
