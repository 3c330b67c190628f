package dev.rapport.crm.analytics;

import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.OpportunityStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The aggregates behind {@code crm.analytics()}: counts and sums grouped in the store, never the
 * rows themselves. The core turns them into rates, medians and money in the reporting currency.
 * {@link AnalyticsFigures} computes every method from plain lists of leads and opportunities: it is
 * the reference definition the SQL of a durable adapter must match (the contract suite checks it),
 * and what an adapter without a query language uses. Rows come in no particular order; a group
 * with nothing in it has no row.
 *
 * <p>Durations are whole days: {@code floor((end - start) / 24 h)}, independent of any zone.
 *
 * <p>A {@link Scope} selects records: its instants bound the moment each method names (capture,
 * entering a stage, closing), {@code from} included and {@code to} excluded; owner, source and
 * campaign must match where given, as {@link dev.rapport.crm.analytics.ReportFilter} defines.
 */
public interface AnalyticsRepository {

  /** Leads captured in the scope, by source, campaign, current status and industry. */
  List<LeadCount> leadCounts(Scope scope);

  /**
   * Converted leads captured in the scope, by source, campaign, whole days from capture to
   * conversion and industry.
   */
  List<ConversionDays> conversionDays(Scope scope);

  /**
   * The opportunities that converted leads captured in the scope became, by the lead's source,
   * campaign and industry, the opportunity's status and currency.
   */
  List<LeadOpportunities> leadOpportunities(Scope scope);

  /** The campaigns with these ids (one statement per 500 ids at most). */
  Map<CampaignId, Campaign> campaigns(Collection<CampaignId> ids);

  /**
   * Visits to stages that began in the scope (an opportunity's history entry {@code i} begins a
   * visit to {@code history[i].to}; entry {@code i + 1}, if any, ends it), by stage, the stage it
   * left for (empty while still in it) and whole days in the stage (empty while still in it).
   * Visits to the won and lost stages are included like any other.
   */
  List<StageVisits> stageVisits(Scope scope);

  /** How many opportunities were created in the scope. */
  long opportunitiesCreated(Scope scope);

  /**
   * Open opportunities in the scope's owner, source and campaign (its instants ignored) whose
   * expected close day is empty or from {@code fromDay} to {@code toDay} included: by expected
   * close day, forecast category and currency, with {@code sum(amount)} and {@code
   * sum(amount × probability)}.
   */
  List<PipelineAmounts> openPipeline(Scope scope, LocalDate fromDay, LocalDate toDay);

  /**
   * Opportunities closed (won or lost) in the scope, by the bucket of their closing instant (bucket
   * {@code i} is {@code [edges[i], edges[i + 1])}; {@code edges} ascending, the first equal to the
   * scope's {@code from} and the last to its {@code to}), status and currency.
   */
  List<ClosedAmounts> closedByBucket(Scope scope, List<Instant> edges);

  /**
   * Opportunities closed in the scope, by owner, source, status, currency and whole days from
   * creation to close.
   */
  List<ClosedCycles> closedCycles(Scope scope);

  /** What selects records: see the interface's description. */
  record Scope(Instant from, Instant to, Optional<String> owner, Optional<LeadSource> source,
      Optional<CampaignId> campaign) {
    public Scope {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(campaign, "campaign");
    }
  }

  record LeadCount(LeadSource source, Optional<CampaignId> campaign, LeadStatus status, long leads,
      Optional<Industry> industry) {
    public LeadCount {
      Objects.requireNonNull(industry, "industry");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(campaign, "campaign");
      Objects.requireNonNull(status, "status");
    }
  }

  record ConversionDays(LeadSource source, Optional<CampaignId> campaign, long days, long leads,
      Optional<Industry> industry) {
    public ConversionDays {
      Objects.requireNonNull(industry, "industry");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(campaign, "campaign");
    }
  }

  record LeadOpportunities(LeadSource source, Optional<CampaignId> campaign,
      OpportunityStatus status, Currency currency, long opportunities, BigDecimal amount,
      Optional<Industry> industry) {
    public LeadOpportunities {
      Objects.requireNonNull(industry, "industry");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(campaign, "campaign");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(amount, "amount");
    }
  }

  record StageVisits(String stage, Optional<String> next, Optional<Long> days, long visits) {
    public StageVisits {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(next, "next");
      Objects.requireNonNull(days, "days");
      if (next.isPresent() != days.isPresent()) {
        throw new IllegalArgumentException("next and days are present together");
      }
    }
  }

  record PipelineAmounts(Optional<LocalDate> expectedClose, ForecastCategory category,
      Currency currency, long open, BigDecimal amount, BigDecimal amountTimesProbability) {
    public PipelineAmounts {
      Objects.requireNonNull(expectedClose, "expectedClose");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(amountTimesProbability, "amountTimesProbability");
    }
  }

  record ClosedAmounts(int bucket, OpportunityStatus status, Currency currency, long opportunities,
      BigDecimal amount) {
    public ClosedAmounts {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(amount, "amount");
    }
  }

  record ClosedCycles(Optional<String> owner, Optional<LeadSource> source, OpportunityStatus status,
      Currency currency, long days, long opportunities, BigDecimal amount) {
    public ClosedCycles {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
