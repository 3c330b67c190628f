package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.sales.Converter;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.Pipeline;
import dev.rapport.crm.opportunity.Stage;
import dev.rapport.crm.analytics.AnalyticsRepository.ClosedAmounts;
import dev.rapport.crm.analytics.AnalyticsRepository.ClosedCycles;
import dev.rapport.crm.analytics.AnalyticsRepository.ConversionDays;
import dev.rapport.crm.analytics.AnalyticsRepository.LeadCount;
import dev.rapport.crm.analytics.AnalyticsRepository.LeadOpportunities;
import dev.rapport.crm.analytics.AnalyticsRepository.PipelineAmounts;
import dev.rapport.crm.analytics.AnalyticsRepository.Scope;
import dev.rapport.crm.analytics.AnalyticsRepository.StageVisits;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pipeline reports behind {@link AnalyticsService#effectiveness}, {@link
 * AnalyticsService#funnel} and {@link AnalyticsService#forecast}.
 */
final class PipelineReports extends Reporting {
  PipelineReports(CrmContext ctx) {
    super(ctx);
  }

  /** The longest forecast, in months: each month is one bucket of one statement. */
  static final int MAX_FORECAST_MONTHS = 120;

  /** See {@link AnalyticsService#effectiveness}. */
  Effectiveness effectiveness(Period period, ReportFilter filter) {
    Scope scope = scope(period, filter);
    record Data(List<LeadCount> counts, List<ConversionDays> days, List<LeadOpportunities> opps,
        Map<CampaignId, Campaign> campaigns) {}
    Data d = ctx.read(uow -> {
      AnalyticsRepository a = uow.port(AnalyticsRepository.class);
      List<LeadCount> counts = a.leadCounts(scope);
      Set<CampaignId> ids = new TreeSet<>(Comparator.comparing(CampaignId::toString));
      counts.forEach(c -> c.campaign().ifPresent(ids::add));
      return new Data(counts, a.conversionDays(scope), a.leadOpportunities(scope),
          ids.isEmpty() ? Map.of() : a.campaigns(ids));
    });
    Converter money = converter();
    LocalDate rateDay = rateDay(period);
    Map<LeadSource, Tally> bySource = new HashMap<>();
    Map<Optional<CampaignId>, Tally> byCampaign = new HashMap<>();
    Map<Optional<Industry>, Tally> byIndustry = new HashMap<>();
    Tally total = new Tally();
    for (LeadCount c : d.counts()) {
      for (Tally t : tallies(bySource, byCampaign, byIndustry, total, c.source(), c.campaign(), c.industry())) {
        t.count(c.status(), c.leads());
      }
    }
    for (ConversionDays c : d.days()) {
      for (Tally t : tallies(bySource, byCampaign, byIndustry, total, c.source(), c.campaign(), c.industry())) {
        t.days.add(c.days(), c.leads());
      }
    }
    for (LeadOpportunities o : d.opps()) {
      BigDecimal amount = o.status() == OpportunityStatus.WON
          ? money.convert(o.amount(), o.currency(), rateDay) : BigDecimal.ZERO;
      for (Tally t : tallies(bySource, byCampaign, byIndustry, total, o.source(), o.campaign(), o.industry())) {
        t.opportunity(o.status(), o.opportunities(), amount);
      }
    }
    List<EffectivenessRow> sources = new ArrayList<>();
    bySource.entrySet().stream()
        .sorted(Comparator.<Map.Entry<LeadSource, Tally>>comparingLong(e -> -e.getValue().leads)
            .thenComparing(e -> e.getKey().code()))
        .forEach(e -> sources.add(e.getValue().row(Optional.of(e.getKey()), Optional.empty(),
            Optional.empty(), Optional.empty(), money, rateDay)));
    List<EffectivenessRow> campaigns = new ArrayList<>();
    byCampaign.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Optional<CampaignId>, Tally>, Boolean>comparing(e -> e.getKey().isEmpty())
            .thenComparingLong(e -> -e.getValue().leads)
            .thenComparing(e -> e.getKey().map(CampaignId::toString).orElse("")))
        .forEach(e -> campaigns.add(e.getValue().row(Optional.empty(), e.getKey(),
            e.getKey().map(d.campaigns()::get), Optional.empty(), money, rateDay)));
    List<EffectivenessRow> industries = new ArrayList<>();
    byIndustry.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Optional<Industry>, Tally>, Boolean>comparing(e -> e.getKey().isEmpty())
            .thenComparingLong(e -> -e.getValue().leads)
            .thenComparing(e -> e.getKey().map(Industry::code).orElse("")))
        .forEach(e -> industries.add(e.getValue().row(Optional.empty(), Optional.empty(), Optional.empty(),
            e.getKey(), money, rateDay)));
    return new Effectiveness(period, filter, money.reporting(), sources, campaigns,
        total.row(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), money, rateDay),
        industries);
  }

  /** The tallies a group of leads counts in: its source's, its campaign's, its industry's and the total. */
  private static List<Tally> tallies(Map<LeadSource, Tally> bySource, Map<Optional<CampaignId>, Tally> byCampaign,
      Map<Optional<Industry>, Tally> byIndustry, Tally total, LeadSource source, Optional<CampaignId> campaign,
      Optional<Industry> industry) {
    return List.of(bySource.computeIfAbsent(source, k -> new Tally()),
        byCampaign.computeIfAbsent(campaign, k -> new Tally()),
        byIndustry.computeIfAbsent(industry, k -> new Tally()), total);
  }

  /** See {@link AnalyticsService#funnel}. */
  Funnel funnel(Period period, ReportFilter filter) {
    Scope scope = scope(period, filter);
    record Data(List<LeadCount> counts, List<StageVisits> visits, long created, List<ClosedCycles> closed) {}
    Data d = ctx.read(uow -> {
      AnalyticsRepository a = uow.port(AnalyticsRepository.class);
      return new Data(a.leadCounts(scope), a.stageVisits(scope), a.opportunitiesCreated(scope), a.closedCycles(scope));
    });
    Map<LeadStatus, Long> statuses = new EnumMap<>(LeadStatus.class);
    d.counts().forEach(c -> statuses.merge(c.status(), c.leads(), Long::sum));

    Pipeline pipeline = ctx.setting(Pipeline.class);
    Map<String, Integer> order = new HashMap<>();
    List<Stage> stages = pipeline.stages();
    for (int i = 0; i < stages.size(); i++) {
      order.put(key(stages.get(i).name()), i);
    }
    String won = key(pipeline.wonStage().name());
    String lost = key(pipeline.lostStage().name());
    Map<String, long[]> flows = new LinkedHashMap<>();
    Map<String, Histogram> times = new HashMap<>();
    for (Stage s : stages) {
      if (s.outcome() == OpportunityStatus.OPEN) {
        flows.put(key(s.name()), new long[6]);
        times.put(key(s.name()), new Histogram());
      }
    }
    for (StageVisits v : d.visits()) {
      long[] f = flows.get(key(v.stage()));
      if (f == null) {
        continue;
      }
      f[0] += v.visits();
      if (v.next().isEmpty()) {
        f[5] += v.visits();
        continue;
      }
      times.get(key(v.stage())).add(v.days().orElseThrow(), v.visits());
      String next = key(v.next().get());
      if (next.equals(won)) {
        f[3] += v.visits();
      } else if (next.equals(lost)) {
        f[4] += v.visits();
      } else if (order.getOrDefault(next, -1) > order.get(key(v.stage()))) {
        f[1] += v.visits();
      } else {
        f[2] += v.visits();
      }
    }
    List<StageFlow> rows = new ArrayList<>();
    for (Stage s : stages) {
      long[] f = flows.get(key(s.name()));
      if (f != null) {
        Histogram h = times.get(key(s.name()));
        rows.add(new StageFlow(s.name(), f[0], f[1], f[2], f[3], f[4], f[5], h.median(), h.percentile(90)));
      }
    }
    Converter money = converter();
    LocalDate rateDay = rateDay(period);
    Performance all = performances(d.closed(), c -> Optional.empty(), money, rateDay).stream()
        .findFirst().orElse(null);
    Optional<Money> velocity = Optional.empty();
    if (all != null && all.won() > 0 && all.medianCycleDays().orElse(0.0) > 0) {
      // created × (won / closed) × (revenue / won) ÷ median days = created × revenue ÷ (closed × median)
      BigDecimal perDay = all.wonRevenue().amount().multiply(BigDecimal.valueOf(d.created()))
          .divide(BigDecimal.valueOf((all.won() + all.lost()) * all.medianCycleDays().get()), MathContext.DECIMAL64);
      velocity = Optional.of(money.money(perDay));
    }
    return new Funnel(period, filter, money.reporting(), statuses, rows, d.created(), velocity);
  }

  /** See {@link AnalyticsService#forecast}. */
  Forecast forecast(Period period, ReportFilter filter) {
    Scope scope = scope(period, filter);
    if (period.months() > MAX_FORECAST_MONTHS) {
      throw new ValidationException("period", "must touch at most " + MAX_FORECAST_MONTHS
          + " calendar months for a forecast (it touches " + period.months() + ")");
    }
    List<YearMonth> months = new ArrayList<>();
    List<Instant> edges = new ArrayList<>();
    for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
      months.add(m);
      LocalDate first = m.atDay(1).isBefore(period.from()) ? period.from() : m.atDay(1);
      edges.add(startOf(first));
    }
    edges.add(scope.to());
    record Data(List<PipelineAmounts> open, List<ClosedAmounts> closed, List<ClosedCycles> cycles) {}
    Data d = ctx.read(uow -> {
      AnalyticsRepository a = uow.port(AnalyticsRepository.class);
      return new Data(a.openPipeline(scope, period.from(), period.to()), a.closedByBucket(scope, edges),
          a.closedCycles(scope));
    });
    Converter money = converter();
    LocalDate rateDay = rateDay(period);
    int n = months.size();
    long[] open = new long[n + 1];
    BigDecimal[] amount = zeros(n + 1);
    BigDecimal[] weighted = zeros(n + 1);
    List<Map<ForecastCategory, Object[]>> categories = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      categories.add(new EnumMap<>(ForecastCategory.class));
    }
    BigDecimal hundred = BigDecimal.valueOf(100);
    for (PipelineAmounts p : d.open()) {
      int i = p.expectedClose().map(day -> months.indexOf(YearMonth.from(day))).orElse(n);
      BigDecimal a = money.convert(p.amount(), p.currency(), rateDay);
      BigDecimal w = money.convert(p.amountTimesProbability(), p.currency(), rateDay).divide(hundred);
      open[i] += p.open();
      amount[i] = amount[i].add(a);
      weighted[i] = weighted[i].add(w);
      Object[] c = categories.get(i).computeIfAbsent(p.category(), k -> new Object[] {0L, BigDecimal.ZERO, BigDecimal.ZERO});
      c[0] = (Long) c[0] + p.open();
      c[1] = ((BigDecimal) c[1]).add(a);
      c[2] = ((BigDecimal) c[2]).add(w);
    }
    long[] won = new long[n];
    BigDecimal[] wonAmount = zeros(n);
    for (ClosedAmounts c : d.closed()) {
      if (c.status() == OpportunityStatus.WON) {
        won[c.bucket()] += c.opportunities();
        wonAmount[c.bucket()] = wonAmount[c.bucket()].add(money.convert(c.amount(), c.currency(), rateDay));
      }
    }
    List<ForecastMonth> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<CategoryTotal> cats = new ArrayList<>();
      categories.get(i).forEach((cat, c) -> cats.add(new CategoryTotal(cat, (Long) c[0],
          money.money((BigDecimal) c[1]), money.money((BigDecimal) c[2]))));
      rows.add(new ForecastMonth(months.get(i), open[i], money.money(amount[i]), money.money(weighted[i]),
          cats, won[i], money.money(wonAmount[i])));
    }
    return new Forecast(period, filter, money.reporting(), rows, open[n], money.money(amount[n]),
        money.money(weighted[n]), performances(d.cycles(), ClosedCycles::owner, money, rateDay),
        performances(d.cycles(), c -> c.source().map(LeadSource::code), money, rateDay));
  }

  private List<Performance> performances(List<ClosedCycles> rows,
      java.util.function.Function<ClosedCycles, Optional<String>> group, Converter money, LocalDate rateDay) {
    Map<Optional<String>, Object[]> groups = new HashMap<>();
    for (ClosedCycles c : rows) {
      Object[] g = groups.computeIfAbsent(group.apply(c), k -> new Object[] {new long[2], BigDecimal.ZERO, new Histogram()});
      long[] counts = (long[]) g[0];
      if (c.status() == OpportunityStatus.WON) {
        counts[0] += c.opportunities();
        g[1] = ((BigDecimal) g[1]).add(money.convert(c.amount(), c.currency(), rateDay));
        ((Histogram) g[2]).add(c.days(), c.opportunities());
      } else {
        counts[1] += c.opportunities();
      }
    }
    List<Performance> out = new ArrayList<>();
    groups.forEach((k, g) -> out.add(new Performance(k, ((long[]) g[0])[0], ((long[]) g[0])[1],
        money.money((BigDecimal) g[1]), ((Histogram) g[2]).median())));
    out.sort(Comparator.comparingLong(Performance::won).reversed()
        .thenComparing(p -> p.group().orElse("\uffff")));
    return out;
  }

  private Scope scope(Period period, ReportFilter filter) {
    Check.notNull(period, "period");
    Check.notNull(filter, "filter");
    return new Scope(startOf(period.from()), startOf(period.to().plusDays(1)), filter.owner(),
        filter.source(), filter.campaign());
  }

  private static String key(String stage) {
    return stage.strip().toLowerCase(Locale.ROOT);
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] a = new BigDecimal[n];
    java.util.Arrays.fill(a, BigDecimal.ZERO);
    return a;
  }

  /** The figures of one effectiveness row, gathered before they become money. */
  private static final class Tally {
    final Map<LeadStatus, Long> statuses = new EnumMap<>(LeadStatus.class);
    final Histogram days = new Histogram();
    long leads;
    long opportunities;
    long won;
    long lost;
    BigDecimal wonRevenue = BigDecimal.ZERO;

    void count(LeadStatus status, long n) {
      statuses.merge(status, n, Long::sum);
      leads += n;
    }

    void opportunity(OpportunityStatus status, long n, BigDecimal wonAmount) {
      opportunities += n;
      if (status == OpportunityStatus.WON) {
        won += n;
        wonRevenue = wonRevenue.add(wonAmount);
      } else if (status == OpportunityStatus.LOST) {
        lost += n;
      }
    }

    long count(LeadStatus... any) {
      long n = 0;
      for (LeadStatus s : any) {
        n += statuses.getOrDefault(s, 0L);
      }
      return n;
    }

    EffectivenessRow row(Optional<LeadSource> source, Optional<CampaignId> campaign,
        Optional<Campaign> found, Optional<Industry> industry, Converter money, LocalDate rateDay) {
      Optional<Money> cost = Optional.empty();
      Optional<Money> perLead = Optional.empty();
      Optional<Money> perWon = Optional.empty();
      if (found.isPresent() && found.get().actualCost().amount().signum() > 0) {
        Money c = found.get().actualCost();
        BigDecimal exact = money.convert(c.amount(), c.currency(), rateDay);
        cost = Optional.of(money.money(exact));
        if (leads > 0) {
          perLead = Optional.of(money.money(exact.divide(BigDecimal.valueOf(leads), MathContext.DECIMAL64)));
        }
        if (won > 0) {
          perWon = Optional.of(money.money(exact.divide(BigDecimal.valueOf(won), MathContext.DECIMAL64)));
        }
      }
      return new EffectivenessRow(source, campaign, found.map(Campaign::name), leads,
          count(LeadStatus.CONTACTED, LeadStatus.NURTURING, LeadStatus.QUALIFIED, LeadStatus.CONVERTED),
          count(LeadStatus.QUALIFIED, LeadStatus.CONVERTED), count(LeadStatus.CONVERTED),
          count(LeadStatus.DISQUALIFIED), opportunities, won, lost, money.money(wonRevenue),
          days.median(), cost, perLead, perWon, industry);
    }
  }

  /** See {@link AnalyticsService#board}. */
  PipelineBoard board(dev.rapport.crm.opportunity.OpportunityQuery query) {
    dev.rapport.crm.internal.Check.notNull(query, "query");
    dev.rapport.crm.opportunity.OpportunityQuery spelled = ctx.setting(dev.rapport.crm.opportunity.Pipeline.class)
        .spell(query);
    List<dev.rapport.crm.opportunity.OpportunityRepository.BoardRow> rows = ctx.read(uow -> uow.port(
        dev.rapport.crm.opportunity.OpportunityRepository.class).board(spelled));
    Converter money = converter();
    LocalDate today = ctx.today();
    Map<String, Object[]> byStage = new java.util.LinkedHashMap<>();
    for (dev.rapport.crm.opportunity.Stage stage : ctx.setting(dev.rapport.crm.opportunity.Pipeline.class).stages()) {
      byStage.put(stage.name(), new Object[] {0L, BigDecimal.ZERO, BigDecimal.ZERO});
    }
    // stages no longer in the pipeline come last, in name order
    rows.stream().map(dev.rapport.crm.opportunity.OpportunityRepository.BoardRow::stage).sorted().distinct()
        .forEach(stage -> byStage.putIfAbsent(stage, new Object[] {0L, BigDecimal.ZERO, BigDecimal.ZERO}));
    BigDecimal hundred = BigDecimal.valueOf(100);
    long total = 0;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    for (dev.rapport.crm.opportunity.OpportunityRepository.BoardRow r : rows) {
      Object[] s = byStage.get(r.stage());
      BigDecimal a = money.convert(r.amount(), r.currency(), today);
      BigDecimal w = money.convert(r.amountTimesProbability(), r.currency(), today).divide(hundred);
      s[0] = (Long) s[0] + r.count();
      s[1] = ((BigDecimal) s[1]).add(a);
      s[2] = ((BigDecimal) s[2]).add(w);
      total += r.count();
      amount = amount.add(a);
      weighted = weighted.add(w);
    }
    List<BoardColumn> columns = new ArrayList<>();
    byStage.forEach((stage, s) -> columns.add(new BoardColumn(stage, (Long) s[0], money.money((BigDecimal) s[1]),
        money.money((BigDecimal) s[2]))));
    return new PipelineBoard(columns, total, money.money(amount), money.money(weighted), today);
  }
}
