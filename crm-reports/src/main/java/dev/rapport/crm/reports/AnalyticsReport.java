package dev.rapport.crm.reports;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.ValidationException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The analytics report of one tenant: where its leads came from and how far they got, how visits
 * to each pipeline stage ended, the weighted pipeline and the revenue won by month, the best
 * customers and the RFM segments, as one self-contained HTML page a host can serve or save.
 *
 * <p>The page holds its CSS inline and its charts as inline SVG; it runs no script and loads
 * nothing from elsewhere. Every text from the CRM (tenant, campaign, source, stage and account
 * names) is HTML-escaped, in the tables and in the charts. The figures are exactly what {@code
 * crm.analytics()} ({@code effectiveness}, {@code funnel}, {@code forecast}, {@code segmentation},
 * each with {@code ReportFilter.all()}) and {@code crm.sales().bestCustomers} (the ten largest by
 * revenue) answer for the periods given, so the same data gives the same page, byte for byte.
 *
 * <pre>{@code
 * String html = AnalyticsReport.of(crm, Period.months(YearMonth.of(2026, 1), YearMonth.of(2026, 6)))
 *     .forecast(Period.months(YearMonth.of(2026, 1), YearMonth.of(2026, 9)))
 *     .asOf(LocalDate.of(2026, 6, 30))
 *     .render();
 * }</pre>
 *
 * <p>An {@code AnalyticsReport} is an immutable description of a report: {@link
 * #forecast(Period)} and {@link #asOf(LocalDate)} return a new one, and nothing is read from the
 * CRM before {@link #render()}. It is safe
 * to share between threads; rendering reads from the {@link Crm}, which is thread-safe.
 */
public final class AnalyticsReport {
  /** The months a default forecast reaches past the history. */
  static final int FORECAST_MONTHS_AHEAD = 3;
  /** The most calendar months a forecast may touch, as {@code crm.analytics().forecast} allows. */
  static final int MAX_FORECAST_MONTHS = 120;

  private final Crm crm;
  private final Period history;
  private final Period forecast;
  private final LocalDate asOf;

  private AnalyticsReport(Crm crm, Period history, Period forecast, LocalDate asOf) {
    this.crm = crm;
    this.history = history;
    this.forecast = forecast;
    this.asOf = asOf;
  }

  /**
   * The report of {@code crm}'s tenant for the leads, stage visits, closings and sales of {@code
   * history}; its forecast covers the history and the three months after it, and the page says it
   * is as of the history's last day, until {@link #forecast(Period)} and {@link #asOf(LocalDate)}
   * say otherwise.
   *
   * @param crm the tenant's CRM the figures are asked of
   * @param history the days whose leads, stage visits, closings and sales the report counts
   * @return the report, not yet rendered
   * @throws ValidationException (field {@code crm}) if {@code crm} is null, or (field {@code
   *     history}) if {@code history} is null
   */
  public static AnalyticsReport of(Crm crm, Period history) {
    if (crm == null) {
      throw new ValidationException("crm", "must not be null");
    }
    if (history == null) {
      throw new ValidationException("history", "must not be null");
    }
    return new AnalyticsReport(crm, history, defaultForecast(history), history.to());
  }

  /**
   * This report with another forecast period: the open pipeline by expected close month and the
   * revenue won in each month of {@code forecast}.
   *
   * @param forecast the days of the forecast; at most 120 calendar months
   * @return a report like this one with that forecast
   * @throws ValidationException (field {@code forecast}) if {@code forecast} is null or touches
   *     more than 120 calendar months
   */
  public AnalyticsReport forecast(Period forecast) {
    if (forecast == null) {
      throw new ValidationException("forecast", "must not be null");
    }
    if (forecast.months() > MAX_FORECAST_MONTHS) {
      throw new ValidationException("forecast", "must touch at most " + MAX_FORECAST_MONTHS
          + " calendar months, not " + forecast.months());
    }
    return new AnalyticsReport(crm, history, forecast, asOf);
  }

  /**
   * This report, saying it is as of {@code day} (the page's date; the figures do not depend on it).
   *
   * @param day the day the page says it is of; not before the history's first day
   * @return a report like this one as of that day
   * @throws ValidationException (field {@code asOf}) if {@code day} is null or before the history's
   *     first day
   */
  public AnalyticsReport asOf(LocalDate day) {
    if (day == null) {
      throw new ValidationException("asOf", "must not be null");
    }
    if (day.isBefore(history.from())) {
      throw new ValidationException("asOf", "must not be before the history's first day " + history.from());
    }
    return new AnalyticsReport(crm, history, forecast, day);
  }

  /** The days whose leads, stage visits, closings and sales the report counts. */
  public Period history() {
    return history;
  }

  /** The days of the forecast. */
  public Period forecast() {
    return forecast;
  }

  /** The day the page says it is of. */
  public LocalDate asOf() {
    return asOf;
  }

  /**
   * Asks the CRM for the figures and writes the page: a complete HTML5 document in UTF-8 (it
   * declares its charset), of the tenant the {@link Crm} serves.
   *
   * @return the page
   * @throws MissingExchangeRateException if an amount's currency has no rate to the reporting
   *     currency on the day the CRM needs it
   * @throws StoreException if the store, or the host's sales ledger, fails
   */
  public String render() {
    return ReportPage.html(ReportPage.figures(crm, history, forecast, asOf));
  }

  /** The history and the three months after it, shortened at the front to 120 months. */
  static Period defaultForecast(Period history) {
    LocalDate last = Limits.LATEST_DATE.minusDays(1);
    LocalDate to = history.to().isAfter(last.minusMonths(FORECAST_MONTHS_AHEAD)) ? last
        : history.to().plusMonths(FORECAST_MONTHS_AHEAD);
    LocalDate earliest = to.withDayOfMonth(1).minusMonths(MAX_FORECAST_MONTHS - 1);
    return Period.of(history.from().isBefore(earliest) ? earliest : history.from(), to);
  }

  /** Two reports are equal when they report on the same {@link Crm} for the same days. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AnalyticsReport r && r.crm == crm && r.history.equals(history)
        && r.forecast.equals(forecast) && r.asOf.equals(asOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(crm), history, forecast, asOf);
  }

  @Override
  public String toString() {
    return "AnalyticsReport[tenant=" + crm.tenant() + ", history=" + history + ", forecast=" + forecast
        + ", asOf=" + asOf + "]";
  }
}
