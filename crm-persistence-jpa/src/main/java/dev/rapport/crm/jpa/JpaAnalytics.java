package dev.rapport.crm.jpa;

import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.spi.AnalyticsRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The analytics aggregates in SQL. Not yet written: every method refuses. */
final class JpaAnalytics implements AnalyticsRepository {
  private final JpaUnitOfWork uow;

  JpaAnalytics(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  private static UnsupportedOperationException todo() {
    return new UnsupportedOperationException("analytics on JPA: not yet written");
  }

  @Override public List<LeadCount> leadCounts(Scope scope) { throw todo(); }
  @Override public List<ConversionDays> conversionDays(Scope scope) { throw todo(); }
  @Override public List<LeadOpportunities> leadOpportunities(Scope scope) { throw todo(); }
  @Override public Map<CampaignId, Campaign> campaigns(Collection<CampaignId> ids) { throw todo(); }
  @Override public List<StageVisits> stageVisits(Scope scope) { throw todo(); }
  @Override public long opportunitiesCreated(Scope scope) { throw todo(); }
  @Override public List<PipelineAmounts> openPipeline(Scope scope, LocalDate fromDay, LocalDate toDay) { throw todo(); }
  @Override public List<ClosedAmounts> closedByBucket(Scope scope, List<Instant> edges) { throw todo(); }
  @Override public List<ClosedCycles> closedCycles(Scope scope) { throw todo(); }
}
