package dev.rapport.crm.analytics;

import dev.rapport.crm.sales.SalesSettings;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.InsufficientHistoryException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.ConvertedTo;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.sales.Converter;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.sales.LedgerReader;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.sales.SalesRepository;
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
 * Analytics: the answers a marketing team, a sales manager and a business owner ask of their CRM,
 * computed where the data lives. Reached through {@code crm.analytics()}. Thread-safe; nothing is
 * cached between calls. On the JPA adapter each report is a fixed number of SQL aggregate
 * statements (see the adapter's README), never a walk over rows.
 *
 * <h2>Periods, filters and money</h2>
 * Each report takes a {@link Period} (days in the zone of the {@code Crm}'s clock) and a
 * {@link ReportFilter}. Amounts are in the reporting currency ({@code
 * Crm.builder().reportingCurrency(...)}, default EUR): each currency is converted through the
 * host's {@link dev.rapport.crm.sales.ExchangeRates} at the rate of the report's <em>rate day</em>,
 * the period's last day or today, whichever is earlier; every amount is converted before any sum,
 * and each figure is rounded once, half-even, to the currency's decimals. Durations are whole days
 * ({@code floor((end - start) / 24 h)}); a median of an even count is the mean of the two middle
 * values; a percentile is the nearest rank.
 *
 * <h2>Reports</h2>
 * <ul>
 *   <li>{@link #effectiveness}: what the leads of each source and campaign became.
 *   <li>{@link #funnel}: the lead status funnel and the flow through the pipeline's stages.
 *   <li>{@link #forecast}: the weighted pipeline by month and forecast category beside what was
 *       won, and win rate and sales cycle by owner and source.
 *   <li>{@link #segmentation}: RFM scores and named segments of the customers of a period; {@link
 *       #churnRisk}: who is drifting away, and why.
 *   <li>{@link #trainScoring}, {@link #score}, {@link #rescoreLeads}: predictive lead scoring, the
 *       probability that an open lead ends won, learned from the tenant's closed leads.
 * </ul>
 */
public final class AnalyticsService {
  /** The longest forecast, in months: each month is one bucket of one statement. */
  static final int MAX_FORECAST_MONTHS = 120;

  private final CrmContext ctx;

  /** Made by {@code Crm}. */
  public AnalyticsService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Lead source and campaign effectiveness: of the leads captured in the period that match the
   * filter, per source and per campaign:
   *
   * <ul>
   *   <li>{@code leads}: how many were captured;
   *   <li>{@code contacted}, {@code qualified}, {@code converted}, {@code disqualified}: how many
   *       are now at least that far, by their current status (contacted counts CONTACTED,
   *       NURTURING, QUALIFIED and CONVERTED; qualified counts QUALIFIED and CONVERTED). A lead
   *       keeps no status history, so a disqualified lead counts as disqualified only, however far
   *       it had come;
   *   <li>{@code opportunities}, {@code won}, {@code lost}, {@code wonRevenue}: the opportunities
   *       the converted leads became, and how they have closed so far (at any time, not only in
   *       the period: the question is what the leads of the period were worth);
   *   <li>{@code medianDaysToConversion}: over the converted leads, whole days from capture to
   *       conversion;
   *   <li>{@code cost}, {@code costPerLead}, {@code costPerWon}: on a campaign row, the campaign's
   *       actual cost (all of it, however the period cuts the campaign) divided by the row's leads
   *       and won deals.
   * </ul>
   *
   * @throws ValidationException (field {@code period} or {@code filter}) if either is null
   * @throws MissingExchangeRateException if an amount's currency has no rate on the rate day
   * @throws StoreException if the store fails
   */
  public Effectiveness effectiveness(Period period, ReportFilter filter) {
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
    Tally total = new Tally();
    for (LeadCount c : d.counts()) {
      for (Tally t : List.of(bySource.computeIfAbsent(c.source(), k -> new Tally()),
          byCampaign.computeIfAbsent(c.campaign(), k -> new Tally()), total)) {
        t.count(c.status(), c.leads());
      }
    }
    for (ConversionDays c : d.days()) {
      for (Tally t : List.of(bySource.computeIfAbsent(c.source(), k -> new Tally()),
          byCampaign.computeIfAbsent(c.campaign(), k -> new Tally()), total)) {
        t.days.add(c.days(), c.leads());
      }
    }
    for (LeadOpportunities o : d.opps()) {
      BigDecimal amount = o.status() == OpportunityStatus.WON
          ? money.convert(o.amount(), o.currency(), rateDay) : BigDecimal.ZERO;
      for (Tally t : List.of(bySource.computeIfAbsent(o.source(), k -> new Tally()),
          byCampaign.computeIfAbsent(o.campaign(), k -> new Tally()), total)) {
        t.opportunity(o.status(), o.opportunities(), amount);
      }
    }
    List<EffectivenessRow> sources = new ArrayList<>();
    bySource.entrySet().stream()
        .sorted(Comparator.<Map.Entry<LeadSource, Tally>>comparingLong(e -> -e.getValue().leads)
            .thenComparing(e -> e.getKey().code()))
        .forEach(e -> sources.add(e.getValue().row(Optional.of(e.getKey()), Optional.empty(),
            Optional.empty(), money, rateDay)));
    List<EffectivenessRow> campaigns = new ArrayList<>();
    byCampaign.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Optional<CampaignId>, Tally>, Boolean>comparing(e -> e.getKey().isEmpty())
            .thenComparingLong(e -> -e.getValue().leads)
            .thenComparing(e -> e.getKey().map(CampaignId::toString).orElse("")))
        .forEach(e -> campaigns.add(e.getValue().row(Optional.empty(), e.getKey(),
            e.getKey().map(d.campaigns()::get), money, rateDay)));
    return new Effectiveness(period, filter, money.reporting(), sources, campaigns,
        total.row(Optional.empty(), Optional.empty(), Optional.empty(), money, rateDay));
  }

  /**
   * The funnel of a period:
   *
   * <ul>
   *   <li>{@code leadsByStatus}: the leads captured in the period that match the filter, by their
   *       status now;
   *   <li>{@code stages}: for each open stage of the pipeline, the visits that began in the period
   *       (an opportunity's entry into the stage, from its stage history), and how each ended:
   *       advanced to a later stage, moved back to an earlier one, won, lost, or still in the stage;
   *       with the median and 90th percentile of the whole days the ended visits spent in it.
   *       Visits to a stage the pipeline no longer has are left out;
   *   <li>{@code opportunitiesCreated} and {@code velocityPerDay}: see {@link Funnel}.
   * </ul>
   *
   * @throws ValidationException (field {@code period} or {@code filter}) if either is null
   * @throws MissingExchangeRateException if a won amount's currency has no rate on the rate day
   * @throws StoreException if the store fails
   */
  public Funnel funnel(Period period, ReportFilter filter) {
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

  /**
   * The forecast of a period:
   *
   * <ul>
   *   <li>{@code months}: for each calendar month the period touches, the open opportunities
   *       matching the filter whose expected close day falls in the period and that month, by
   *       forecast category, with their amounts and their amounts each times its probability; and
   *       the opportunities won in that month (by the instant they were closed, in the clock's
   *       zone);
   *   <li>{@code undated*}: open opportunities with no expected close day;
   *   <li>{@code byOwner}, {@code bySource}: of the opportunities closed in the period, won and lost
   *       counts, win rate, revenue and the median sales cycle (whole days from creation to win).
   * </ul>
   *
   * @throws ValidationException (field {@code period} or {@code filter}) if either is null, or
   *     (field {@code period}) if the period touches more than 120 calendar months
   * @throws MissingExchangeRateException if an amount's currency has no rate on the rate day
   * @throws StoreException if the store fails
   */
  public Forecast forecast(Period period, ReportFilter filter) {
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

  // --- segmentation and churn risk ---

  /** Days of each feedback window of {@link #churnRisk}: the recent one ends today. */
  static final int FEEDBACK_WINDOW_DAYS = 90;

  /**
   * The RFM segmentation of the customers of a period: every account invoiced in the period (at
   * least one invoice issued on one of its days; an account with only credit notes there is left
   * out), with
   *
   * <ul>
   *   <li>{@code recencyDays}: whole days from its last invoice in the period to the <em>as-of
   *       day</em>, the period's last day or today, whichever is earlier (0 if the invoice is
   *       later than the as-of day);
   *   <li>{@code frequency}: its invoices issued in the period;
   *   <li>{@code monetary}: the totals of its invoices less its credit notes issued in the
   *       period, each currency converted at the rate of the as-of day, rounded once, half-even,
   *       to the reporting currency's decimals;
   *   <li>the scores, by quintile of rank: with {@code n} customers, a customer's score is {@code
   *       1 + floor(5 × w / n)} where {@code w} is the number of customers with a strictly worse
   *       value (a longer recency; a lower frequency; a lower monetary value, compared rounded).
   *       Equal values share a score, the best value scores {@code 1 + floor(5 × (n − 1) / n)} (5
   *       from 5 customers on), the worst 1;
   *   <li>{@code segment}: by {@link Segment#of}.
   * </ul>
   *
   * Customers are listed best first (see {@link Segmentation#customers}). Host ledger or store,
   * the answer is the same; on the JPA adapter it is one SQL aggregate statement.
   *
   * @throws ValidationException (field {@code period}) if the period is null
   * @throws MissingExchangeRateException if an amount's currency has no rate on the as-of day
   * @throws StoreException if the store or the host's ledger fails
   */
  public Segmentation segmentation(Period period) {
    Check.notNull(period, "period");
    LocalDate asOf = rateDay(period);
    List<SalesRepository.RfmRow> rows = ctx.setting(SalesSettings.class).ledger().isPresent()
        ? SalesFigures.rfm(new LedgerReader(ctx).sales(Optional.empty()),
            period.from(), period.to())
        : ctx.read(uow -> uow.port(SalesRepository.class).rfm(period.from(), period.to()));
    Converter money = converter();
    // every rate first: a missing rate is the answer's error whatever the order of the rows
    Map<AccountId, Object[]> byAccount = new HashMap<>();
    for (SalesRepository.RfmRow r : rows) {
      BigDecimal amount = money.convert(r.amount(), r.currency(), asOf);
      Object[] a = byAccount.computeIfAbsent(r.accountId(), k -> new Object[] {null, 0L, BigDecimal.ZERO});
      if (r.lastPurchase().isPresent() && (a[0] == null || r.lastPurchase().get().isAfter((LocalDate) a[0]))) {
        a[0] = r.lastPurchase().get();
      }
      a[1] = (Long) a[1] + r.purchases();
      a[2] = ((BigDecimal) a[2]).add(amount);
    }
    List<AccountId> ids = new ArrayList<>();
    byAccount.forEach((id, a) -> {
      if ((Long) a[1] > 0) {
        ids.add(id);
      }
    });
    ids.sort(null);
    int n = ids.size();
    long[] recency = new long[n];
    long[] frequency = new long[n];
    Money[] monetary = new Money[n];
    for (int i = 0; i < n; i++) {
      Object[] a = byAccount.get(ids.get(i));
      recency[i] = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between((LocalDate) a[0], asOf));
      frequency[i] = (Long) a[1];
      monetary[i] = money.money((BigDecimal) a[2]);
    }
    long[] negatedRecency = new long[n];
    for (int i = 0; i < n; i++) {
      negatedRecency[i] = -recency[i];
    }
    int[] r = Quintiles.scores(negatedRecency);
    int[] f = Quintiles.scores(frequency);
    int[] m = Quintiles.scores(java.util.Arrays.stream(monetary).map(Money::amount).toArray(BigDecimal[]::new));
    List<CustomerRfm> customers = new ArrayList<>(n);
    Map<Segment, Long> counts = new EnumMap<>(Segment.class);
    for (Segment segment : Segment.values()) {
      counts.put(segment, 0L);
    }
    for (int i = 0; i < n; i++) {
      Segment segment = Segment.of(r[i], f[i], m[i]);
      counts.merge(segment, 1L, Long::sum);
      customers.add(new CustomerRfm(ids.get(i), (LocalDate) byAccount.get(ids.get(i))[0], recency[i], frequency[i],
          monetary[i], r[i], f[i], m[i], segment));
    }
    customers.sort(Comparator.comparingInt((CustomerRfm c) -> -(c.recencyScore() + c.frequencyScore() + c.monetaryScore()))
        .thenComparing((CustomerRfm c) -> c.monetary().amount(), Comparator.reverseOrder())
        .thenComparing(CustomerRfm::frequency, Comparator.reverseOrder())
        .thenComparing(CustomerRfm::accountId));
    return new Segmentation(period, asOf, money.reporting(), customers, counts);
  }

  /**
   * The accounts at risk of no longer buying as of today, highest risk first (then by account
   * id), each with its reasons (see {@link ChurnReason.Code} for each reason's figure and weight):
   *
   * <ul>
   *   <li>{@code OVERDUE_REPURCHASE}: the account's next purchase, by its own rhythm, is overdue
   *       (the whole-account reminders of {@code crm.sales().reminders(0)} with a negative {@code
   *       dueInDays});
   *   <li>{@code FALLING_FEEDBACK} and {@code RECENT_DETRACTOR}: from its NPS and CSAT answers of
   *       the 90 days ending today (today and the 89 days before it, in the clock's zone) against
   *       the 90 days before those;
   *   <li>{@code LATE_PAYMENTS}: its payer class as of today, as {@code crm.sales().latePayers()}.
   * </ul>
   *
   * The risk is {@code 1 − Π(1 − weight)} over the reasons; weights and risk are rounded half-up
   * to 4 decimals, the level follows from the rounded risk. Accounts without a reason are not
   * listed. The sales figures come from the host's ledger when there is one; feedback always from
   * Rapport's store. On the JPA adapter it is seven SQL aggregate statements (see the adapter's README).
   *
   * @throws StoreException if the store or the host's ledger fails
   */
  public List<ChurnRisk> churnRisk() {
    LocalDate today = ctx.today();
    dev.rapport.crm.sales.SalesService sales = new dev.rapport.crm.sales.SalesService(ctx);
    Map<AccountId, List<ChurnReason>> reasons = new HashMap<>();
    for (dev.rapport.crm.sales.RepurchaseReminder rem : sales.reminders(0)) {
      if (rem.productCode().isEmpty() && rem.isOverdue()) {
        double ratio = -rem.dueInDays() / rem.medianDaysBetween();
        reasons.computeIfAbsent(rem.accountId(), k -> new ArrayList<>())
            .add(reason(ChurnReason.Code.OVERDUE_REPURCHASE, ratio, Math.min(0.8, 0.4 * ratio)));
      }
    }
    Instant recent = startOf(today.minusDays(FEEDBACK_WINDOW_DAYS - 1));
    Instant previous = startOf(today.minusDays(2L * FEEDBACK_WINDOW_DAYS - 1));
    Instant end = startOf(today.plusDays(1));
    record Windows(List<FeedbackRepository.ScoreRow> before, List<FeedbackRepository.ScoreRow> now) {}
    Windows w = ctx.read(uow -> new Windows(uow.port(FeedbackRepository.class).scores(previous, recent), uow.port(FeedbackRepository.class).scores(recent, end)));
    Map<AccountId, double[]> before = feedbackMeans(w.before());
    Map<AccountId, double[]> now = feedbackMeans(w.now());
    now.forEach((account, s) -> {
      double[] b = before.get(account);
      if (b != null) {
        double fall = round4(b[0] / b[1] - s[0] / s[1]);
        if (fall >= 0.1) {
          reasons.computeIfAbsent(account, k -> new ArrayList<>())
              .add(reason(ChurnReason.Code.FALLING_FEEDBACK, fall, Math.min(0.6, 2 * fall)));
        }
      }
      if (s[2] > 0) {
        reasons.computeIfAbsent(account, k -> new ArrayList<>())
            .add(reason(ChurnReason.Code.RECENT_DETRACTOR, s[2], Math.min(0.5, 0.25 * s[2])));
      }
    });
    for (dev.rapport.crm.sales.CreditHistory h : sales.latePayers()) {
      double weight = h.payerClass() == dev.rapport.crm.sales.PayerClass.CHRONICALLY_LATE ? 0.5 : 0.2;
      reasons.computeIfAbsent(h.accountId(), k -> new ArrayList<>())
          .add(reason(ChurnReason.Code.LATE_PAYMENTS, h.paidLate() + h.openLate(), weight));
    }
    List<ChurnRisk> risks = new ArrayList<>();
    reasons.forEach((account, list) -> {
      list.sort(Comparator.comparingDouble(ChurnReason::weight).reversed().thenComparing(ChurnReason::code));
      double keep = 1;
      for (ChurnReason x : list) {
        keep *= 1 - x.weight();
      }
      double risk = round4(1 - keep);
      risks.add(new ChurnRisk(account, today, risk, ChurnRisk.Level.of(risk), list));
    });
    risks.sort(Comparator.comparingDouble(ChurnRisk::risk).reversed().thenComparing(ChurnRisk::accountId));
    return risks;
  }

  private static ChurnReason reason(ChurnReason.Code code, double figure, double weight) {
    return new ChurnReason(code, round4(figure), round4(weight));
  }

  private static double round4(double x) {
    return BigDecimal.valueOf(x).setScale(4, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  /** Per account: the sum of its answers' scores counted 0 to 1, how many answers, how many detractors. */
  private static Map<AccountId, double[]> feedbackMeans(List<FeedbackRepository.ScoreRow> rows) {
    Map<AccountId, double[]> means = new HashMap<>();
    for (FeedbackRepository.ScoreRow r : rows) {
      double[] s = means.computeIfAbsent(r.accountId(), k -> new double[3]);
      s[0] += r.scale() == FeedbackScale.NPS ? r.scoreSum() / 10.0 : (r.scoreSum() - r.answers()) / 4.0;
      s[1] += r.answers();
      s[2] += r.detractors();
    }
    means.values().removeIf(s -> s[1] == 0);
    return means;
  }

  // --- predictive lead scoring ---

  /** How often a batch of {@link #rescoreLeads} refused for a concurrent change is run. */
  static final int RESCORE_ATTEMPTS = 3;

  /**
   * Trains a predictive lead scoring model on the tenant's closed history: the converted leads
   * whose opportunity was won, against the converted leads whose opportunity was lost and the
   * disqualified leads (converted leads without an opportunity, or whose opportunity is open, are
   * left out). What it learns and how is in {@link ScoringModel}. Reads the history a page at a
   * time in one unit of work; stores nothing. Keep the model and score with it; train again when
   * the history has grown (e.g. weekly).
   *
   * @throws InsufficientHistoryException if the tenant has fewer than {@value
   *     ScoringModel#MINIMUM} won or fewer than {@value ScoringModel#MINIMUM} lost leads
   * @throws StoreException if the store fails
   */
  public ScoringModel trainScoring() {
    record History(List<Lead> won, List<Lead> lost) {}
    History h = ctx.read(uow -> {
      Map<OpportunityId, OpportunityStatus> closed = new HashMap<>();
      OpportunityQuery ended = OpportunityQuery.all()
          .withStatuses(Set.of(OpportunityStatus.WON, OpportunityStatus.LOST));
      pages(request -> uow.port(OpportunityRepository.class).query(ended, request),
          o -> closed.put(o.id(), o.status()));
      List<Lead> won = new ArrayList<>();
      List<Lead> lost = new ArrayList<>();
      pages(request -> uow.port(LeadRepository.class).query(LeadQuery.all().withStatuses(Set.of(LeadStatus.CONVERTED)), request),
          l -> {
            OpportunityStatus s = l.convertedTo().flatMap(ConvertedTo::opportunityId).map(closed::get).orElse(null);
            if (s == OpportunityStatus.WON) {
              won.add(l);
            } else if (s == OpportunityStatus.LOST) {
              lost.add(l);
            }
          });
      pages(request -> uow.port(LeadRepository.class).query(LeadQuery.all().withStatuses(Set.of(LeadStatus.DISQUALIFIED)), request),
          lost::add);
      return new History(won, lost);
    });
    return ScoringModel.train(h.won(), h.lost(), ctx.now());
  }

  /**
   * Scores one lead now with a model: the probability that it ends won, and why.
   *
   * @throws ValidationException (field {@code model} or {@code leadId}) if either is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws StoreException if the store fails
   */
  public LeadScore score(ScoringModel model, LeadId leadId) {
    Check.notNull(model, "model");
    Check.notNull(leadId, "leadId");
    Lead lead = ctx.read(uow -> uow.port(LeadRepository.class).find(leadId)).orElseThrow(() -> new NotFoundException("lead", leadId));
    return model.score(lead, ctx.now());
  }

  /**
   * Stores each open lead's score ({@code Lead.score()}: {@code round(100 × probability)}) as the
   * model scores it now, in batches of {@code batchSize} open leads in creation order, each batch
   * one unit of work; a host calls it when it wants (Rapport starts no threads). A lead whose
   * stored score already is that is not written; a written lead gets a new version and {@code
   * updatedAt}, and no event (as {@code crm.leads().score}). Converted and disqualified leads, and
   * everything else, are untouched. A batch refused because a lead in it changed meanwhile ({@link
   * ConcurrentUpdateException}) is read and scored again, up to {@value #RESCORE_ATTEMPTS} times in
   * all; if it is still refused its leads are left as they are and counted as skipped, and the next
   * batches go on. Batches that committed stay committed if a later one fails.
   *
   * @throws ValidationException (field {@code model}) if the model is null, or (field {@code
   *     batchSize}) if the batch size is not 1 to {@value PageRequest#MAX_SIZE}
   * @throws StoreException if the store fails
   */
  public Rescored rescoreLeads(ScoringModel model, int batchSize) {
    Check.notNull(model, "model");
    Check.range(batchSize, "batchSize", 1, PageRequest.MAX_SIZE);
    LeadQuery open = LeadQuery.all().withStatuses(
        Set.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.NURTURING, LeadStatus.QUALIFIED));
    long leads = 0;
    long changed = 0;
    long skipped = 0;
    int batches = 0;
    Optional<PageRequest> next = Optional.of(PageRequest.first(batchSize));
    while (next.isPresent()) {
      PageRequest request = next.get();
      Page<Lead> page = null;
      long[] written = {0};
      for (int attempt = 1; page == null; attempt++) {
        try {
          written[0] = 0;
          page = ctx.command(cmd -> {
            Page<Lead> p = cmd.uow().port(LeadRepository.class).query(open, request);
            Instant now = ctx.now();
            for (Lead lead : p.items()) {
              int percent = model.score(lead, now).percent();
              if (percent != lead.score()) {
                cmd.uow().port(LeadRepository.class).update(lead.withScore(percent, now));
                written[0]++;
              }
            }
            return p;
          });
          leads += page.items().size();
          changed += written[0];
        } catch (ConcurrentUpdateException e) {
          if (attempt >= RESCORE_ATTEMPTS) {
            page = ctx.read(uow -> uow.port(LeadRepository.class).query(open, request));
            skipped += page.items().size();
          }
        }
      }
      batches++;
      next = request.next(page);
    }
    return new Rescored(leads, changed, skipped, batches);
  }

  private static <T> void pages(java.util.function.Function<PageRequest, Page<T>> query,
      java.util.function.Consumer<T> each) {
    Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    while (next.isPresent()) {
      Page<T> page = query.apply(next.get());
      page.items().forEach(each);
      next = next.get().next(page);
    }
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

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(ctx.clockZone()).toInstant();
  }

  private LocalDate rateDay(Period period) {
    LocalDate today = ctx.today();
    return period.to().isBefore(today) ? period.to() : today;
  }

  private Converter converter() {
    return new Converter(ctx.setting(SalesSettings.class).rates(), ctx.setting(SalesSettings.class).reportingCurrency());
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
        Optional<Campaign> found, Converter money, LocalDate rateDay) {
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
          days.median(), cost, perLead, perWon);
    }
  }
}
