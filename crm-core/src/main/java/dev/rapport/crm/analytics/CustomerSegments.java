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
    Map<AccountId, Rfm> byAccount = new HashMap<>(rows.size() * 2);
    for (SalesReports.RfmRow r : rows) {
      BigDecimal amount = money.convert(r.amount(), r.currency(), asOf);
      Rfm a = byAccount.get(r.accountId());
      if (a == null) {
        a = new Rfm();
        byAccount.put(r.accountId(), a);
      }
      if (r.lastPurchase().isPresent() && (a.last == null || r.lastPurchase().get().isAfter(a.last))) {
        a.last = r.lastPurchase().get();
      }
      a.purchases += r.purchases();
      a.amount = a.amount.add(amount);
    }
    List<AccountId> ids = new ArrayList<>(byAccount.size());
    byAccount.forEach((id, a) -> {
      if (a.purchases > 0) {
        ids.add(id);
      }
    });
    int n = ids.size(); // in no order: the sort below breaks its rare ties by id
    long[] negatedRecency = new long[n];
    long[] frequency = new long[n];
    Money[] monetary = new Money[n];
    LocalDate[] last = new LocalDate[n];
    long[] cents = new long[n]; // the monetary values in minor units, while they all fit a long
    boolean fits = true;
    for (int i = 0; i < n; i++) {
      Rfm a = byAccount.get(ids.get(i));
      last[i] = a.last;
      negatedRecency[i] = -Math.max(0, asOf.toEpochDay() - a.last.toEpochDay());
      frequency[i] = a.purchases;
      monetary[i] = money.money(a.amount);
      if (fits) {
        java.math.BigInteger unscaled = monetary[i].amount().unscaledValue();
        fits = unscaled.bitLength() < 63;
        cents[i] = fits ? unscaled.longValue() : 0;
      }
    }
    int[] r = Quintiles.scores(negatedRecency);
    int[] f = Quintiles.scores(frequency);
    // every amount is at the reporting currency's scale: comparing minor units compares amounts
    int[] m = fits ? Quintiles.scores(cents)
        : Quintiles.scores(java.util.Arrays.stream(monetary).map(Money::amount).toArray(BigDecimal[]::new));
    List<CustomerRfm> customers = new ArrayList<>(n);
    long[] counted = new long[Segment.values().length];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // best first: the scores' sum, then the amount, the purchases (both descending), then the id
    boolean byCents = fits;
    java.util.Arrays.sort(order, (x, y) -> {
      int c = Integer.compare(r[y] + f[y] + m[y], r[x] + f[x] + m[x]);
      if (c == 0) {
        c = byCents ? Long.compare(cents[y], cents[x]) : monetary[y].amount().compareTo(monetary[x].amount());
      }
      if (c == 0) {
        c = Long.compare(frequency[y], frequency[x]);
      }
      return c != 0 ? c : ids.get(x).compareTo(ids.get(y));
    });
    for (int i : order) {
      Segment segment = Segment.of(r[i], f[i], m[i]);
      counted[segment.ordinal()]++;
      customers.add(new CustomerRfm(ids.get(i), last[i], -negatedRecency[i], frequency[i], monetary[i], r[i], f[i],
          m[i], segment));
    }
    Map<Segment, Long> counts = new EnumMap<>(Segment.class);
    for (Segment segment : Segment.values()) {
      counts.put(segment, counted[segment.ordinal()]);
    }
    return new Segmentation(period, asOf, money.reporting(), customers, counts);
  }

  /** One account's figures over its currencies. */
  private static final class Rfm {
    LocalDate last;
    long purchases;
    BigDecimal amount = BigDecimal.ZERO;
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
