package dev.rapport.crm.analytics;

import dev.rapport.crm.sales.SalesReports;
import dev.rapport.crm.sales.SalesSettings;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.sales.Converter;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Services;
import dev.rapport.crm.sales.LedgerReader;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.sales.SalesFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer segmentation and churn risk behind {@link AnalyticsService#segmentation} and {@link
 * AnalyticsService#churnRisk}.
 */
final class CustomerSegments extends Reporting {
  CustomerSegments(CrmContext ctx) {
    super(ctx);
  }

  /** Days of each feedback window of {@link #churnRisk}: the recent one ends today. */
  static final int FEEDBACK_WINDOW_DAYS = 90;

  /** See {@link AnalyticsService#segmentation}. */
  Segmentation segmentation(Period period) {
    Check.notNull(period, "period");
    LocalDate asOf = rateDay(period);
    List<SalesReports.RfmRow> rows = ctx.setting(SalesSettings.class).ledger().isPresent()
        ? SalesFigures.rfm(Services.create(LedgerReader.class, ctx).sales(Optional.empty()),
            period.from(), period.to())
        : ctx.read(uow -> uow.port(SalesReports.class).rfm(period.from(), period.to()));
    Converter money = converter();
    // every rate first: a missing rate is the answer's error whatever the order of the rows
    Map<AccountId, Object[]> byAccount = new HashMap<>();
    for (SalesReports.RfmRow r : rows) {
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

  /** See {@link AnalyticsService#churnRisk}. */
  List<ChurnRisk> churnRisk() {
    LocalDate today = ctx.today();
    dev.rapport.crm.sales.SalesService sales = Services.create(dev.rapport.crm.sales.SalesService.class, ctx);
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
}
