package dev.rapport.crm.analytics;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.lead.ConvertedTo;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.StageChange;
import dev.rapport.crm.analytics.AnalyticsRepository.ClosedAmounts;
import dev.rapport.crm.analytics.AnalyticsRepository.ClosedCycles;
import dev.rapport.crm.analytics.AnalyticsRepository.ConversionDays;
import dev.rapport.crm.analytics.AnalyticsRepository.LeadCount;
import dev.rapport.crm.analytics.AnalyticsRepository.LeadOpportunities;
import dev.rapport.crm.analytics.AnalyticsRepository.PipelineAmounts;
import dev.rapport.crm.analytics.AnalyticsRepository.Scope;
import dev.rapport.crm.analytics.AnalyticsRepository.StageVisits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The aggregates of {@link AnalyticsRepository} computed from leads and opportunities in memory:
 * the reference definition a durable adapter's SQL must match, and what an adapter without a query
 * language uses. Each method takes every lead or opportunity of the tenant (in any order) and
 * returns the rows the repository method of the same name returns. Stateless.
 */
public final class AnalyticsFigures {
  private static final long DAY_SECONDS = 86_400;

  private AnalyticsFigures() {}

  /** Whole days from {@code start} to {@code end}: {@code floor((end - start) / 24 h)}. */
  public static long wholeDays(Instant start, Instant end) {
    return Math.floorDiv(Duration.between(start, end).getSeconds(), DAY_SECONDS);
  }

  /** See {@link AnalyticsRepository#leadCounts}. */
  public static List<LeadCount> leadCounts(Collection<Lead> leads, Scope scope) {
    Map<List<Object>, long[]> groups = new HashMap<>();
    for (Lead l : leads) {
      if (matches(l, scope)) {
        groups.computeIfAbsent(List.of(l.source(), l.campaign(), l.status(), l.industry()), k -> new long[1])[0]++;
      }
    }
    List<LeadCount> rows = new ArrayList<>();
    groups.forEach((k, n) -> rows.add(new LeadCount((dev.rapport.crm.common.LeadSource) k.get(0),
        campaign(k.get(1)), (LeadStatus) k.get(2), n[0], industry(k.get(3)))));
    return rows;
  }

  /** See {@link AnalyticsRepository#conversionDays}. */
  public static List<ConversionDays> conversionDays(Collection<Lead> leads, Scope scope) {
    Map<List<Object>, long[]> groups = new HashMap<>();
    for (Lead l : leads) {
      if (matches(l, scope) && l.convertedTo().isPresent()) {
        long days = wholeDays(l.createdAt(), l.convertedTo().get().convertedAt());
        groups.computeIfAbsent(List.of(l.source(), l.campaign(), days, l.industry()), k -> new long[1])[0]++;
      }
    }
    List<ConversionDays> rows = new ArrayList<>();
    groups.forEach((k, n) -> rows.add(new ConversionDays((dev.rapport.crm.common.LeadSource) k.get(0),
        campaign(k.get(1)), (Long) k.get(2), n[0], industry(k.get(3)))));
    return rows;
  }

  /** See {@link AnalyticsRepository#leadOpportunities}. */
  public static List<LeadOpportunities> leadOpportunities(Collection<Lead> leads,
      Function<OpportunityId, Optional<Opportunity>> opportunities, Scope scope) {
    Map<List<Object>, Sum> groups = new HashMap<>();
    for (Lead l : leads) {
      Optional<OpportunityId> id = l.convertedTo().flatMap(ConvertedTo::opportunityId);
      if (matches(l, scope) && id.isPresent()) {
        Optional<Opportunity> o = opportunities.apply(id.get());
        if (o.isPresent()) {
          groups.computeIfAbsent(List.of(l.source(), l.campaign(), o.get().status(),
              o.get().amount().currency(), l.industry()), k -> new Sum()).add(o.get().amount().amount());
        }
      }
    }
    List<LeadOpportunities> rows = new ArrayList<>();
    groups.forEach((k, s) -> rows.add(new LeadOpportunities((dev.rapport.crm.common.LeadSource) k.get(0),
        campaign(k.get(1)), (OpportunityStatus) k.get(2), (java.util.Currency) k.get(3), s.count, s.amount,
        industry(k.get(4)))));
    return rows;
  }

  /** See {@link AnalyticsRepository#stageVisits}. */
  public static List<StageVisits> stageVisits(Collection<Opportunity> opportunities,
      Function<LeadId, Optional<Lead>> leads, Scope scope) {
    Map<List<Object>, long[]> groups = new HashMap<>();
    for (Opportunity o : opportunities) {
      if (!matchesIgnoringTime(o, leads, scope)) {
        continue;
      }
      List<StageChange> h = o.history();
      for (int i = 0; i < h.size(); i++) {
        Instant at = h.get(i).at();
        if (within(at, scope)) {
          Optional<String> next = i + 1 < h.size() ? Optional.of(h.get(i + 1).to()) : Optional.empty();
          Optional<Long> days = i + 1 < h.size() ? Optional.of(wholeDays(at, h.get(i + 1).at())) : Optional.empty();
          groups.computeIfAbsent(List.of(h.get(i).to(), next, days), k -> new long[1])[0]++;
        }
      }
    }
    List<StageVisits> rows = new ArrayList<>();
    groups.forEach((k, n) -> rows.add(new StageVisits((String) k.get(0), optional(k.get(1)),
        optional(k.get(2)), n[0])));
    return rows;
  }

  /** See {@link AnalyticsRepository#opportunitiesCreated}. */
  public static long opportunitiesCreated(Collection<Opportunity> opportunities,
      Function<LeadId, Optional<Lead>> leads, Scope scope) {
    return opportunities.stream()
        .filter(o -> within(o.createdAt(), scope) && matchesIgnoringTime(o, leads, scope))
        .count();
  }

  /** See {@link AnalyticsRepository#openPipeline}. */
  public static List<PipelineAmounts> openPipeline(Collection<Opportunity> opportunities,
      Function<LeadId, Optional<Lead>> leads, Scope scope, LocalDate fromDay, LocalDate toDay) {
    Map<List<Object>, Sum> groups = new HashMap<>();
    for (Opportunity o : opportunities) {
      if (o.status() != OpportunityStatus.OPEN || !matchesIgnoringTime(o, leads, scope)) {
        continue;
      }
      Optional<LocalDate> close = o.expectedCloseDate();
      if (close.isPresent() && (close.get().isBefore(fromDay) || close.get().isAfter(toDay))) {
        continue;
      }
      Sum s = groups.computeIfAbsent(List.of(close, o.forecastCategory(), o.amount().currency()), k -> new Sum());
      s.add(o.amount().amount());
      s.weighted = s.weighted.add(o.amount().amount().multiply(BigDecimal.valueOf(o.probability())));
    }
    List<PipelineAmounts> rows = new ArrayList<>();
    groups.forEach((k, s) -> rows.add(new PipelineAmounts(optional(k.get(0)),
        (dev.rapport.crm.opportunity.ForecastCategory) k.get(1), (java.util.Currency) k.get(2),
        s.count, s.amount, s.weighted)));
    return rows;
  }

  /** See {@link AnalyticsRepository#closedByBucket}. */
  public static List<ClosedAmounts> closedByBucket(Collection<Opportunity> opportunities,
      Function<LeadId, Optional<Lead>> leads, Scope scope, List<Instant> edges) {
    Map<List<Object>, Sum> groups = new HashMap<>();
    for (Opportunity o : opportunities) {
      if (o.closedAt().isEmpty() || !within(o.closedAt().get(), scope)
          || !matchesIgnoringTime(o, leads, scope)) {
        continue;
      }
      Instant at = o.closedAt().get();
      for (int i = 0; i + 1 < edges.size(); i++) {
        if (!at.isBefore(edges.get(i)) && at.isBefore(edges.get(i + 1))) {
          groups.computeIfAbsent(List.of(i, o.status(), o.amount().currency()), k -> new Sum())
              .add(o.amount().amount());
          break;
        }
      }
    }
    List<ClosedAmounts> rows = new ArrayList<>();
    groups.forEach((k, s) -> rows.add(new ClosedAmounts((Integer) k.get(0),
        (OpportunityStatus) k.get(1), (java.util.Currency) k.get(2), s.count, s.amount)));
    return rows;
  }

  /** See {@link AnalyticsRepository#closedCycles}. */
  public static List<ClosedCycles> closedCycles(Collection<Opportunity> opportunities,
      Function<LeadId, Optional<Lead>> leads, Scope scope) {
    Map<List<Object>, Sum> groups = new HashMap<>();
    for (Opportunity o : opportunities) {
      if (o.closedAt().isEmpty() || !within(o.closedAt().get(), scope)
          || !matchesIgnoringTime(o, leads, scope)) {
        continue;
      }
      long days = wholeDays(o.createdAt(), o.closedAt().get());
      groups.computeIfAbsent(List.of(o.owner(), o.source(), o.status(), o.amount().currency(), days),
          k -> new Sum()).add(o.amount().amount());
    }
    List<ClosedCycles> rows = new ArrayList<>();
    groups.forEach((k, s) -> rows.add(new ClosedCycles(optional(k.get(0)), optional(k.get(1)),
        (OpportunityStatus) k.get(2), (java.util.Currency) k.get(3), (Long) k.get(4), s.count, s.amount)));
    return rows;
  }

  private static boolean within(Instant at, Scope scope) {
    return !at.isBefore(scope.from()) && at.isBefore(scope.to());
  }

  private static boolean matches(Lead l, Scope scope) {
    return within(l.createdAt(), scope)
        && (scope.owner().isEmpty() || scope.owner().equals(l.owner()))
        && (scope.source().isEmpty() || scope.source().get().equals(l.source()))
        && (scope.campaign().isEmpty() || scope.campaign().equals(l.campaign()));
  }

  private static boolean matchesIgnoringTime(Opportunity o, Function<LeadId, Optional<Lead>> leads, Scope scope) {
    if (scope.owner().isPresent() && !scope.owner().equals(o.owner())) {
      return false;
    }
    if (scope.source().isPresent() && !scope.source().equals(o.source())) {
      return false;
    }
    if (scope.campaign().isPresent()) {
      Optional<CampaignId> c = o.originLead().flatMap(leads).flatMap(Lead::campaign);
      return scope.campaign().equals(c);
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static <T> Optional<T> optional(Object o) {
    return (Optional<T>) o;
  }

  private static Optional<CampaignId> campaign(Object o) {
    return optional(o);
  }

  private static Optional<dev.rapport.crm.common.Industry> industry(Object o) {
    return optional(o);
  }

  private static final class Sum {
    long count;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;

    void add(BigDecimal a) {
      count++;
      amount = amount.add(a);
    }
  }
}
