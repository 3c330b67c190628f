package dev.rapport.crm.analytics;

/**
 * One reason an account may stop buying, with the figure behind it and its weight in the risk:
 * see {@link AnalyticsService#churnRisk}.
 *
 * @param code what it is
 * @param figure the figure behind it, in the unit its code states
 * @param weight its share of the risk, above 0 and at most 1
 */
public record ChurnReason(Code code, double figure, double weight) {

  /** The kinds of reason. */
  public enum Code {
    /**
     * The account's next purchase is overdue against its own rhythm (median days between its
     * purchase days, as {@code crm.sales().reminders}). Figure: days overdue divided by the
     * rhythm. Weight: 0.4 × figure, at most 0.8.
     */
    OVERDUE_REPURCHASE,
    /**
     * The account's feedback is falling: the mean of its answers of the last 90 days is lower
     * than the mean of the 90 days before, scores counted from 0 to 1 (NPS score / 10, CSAT
     * (score − 1) / 4). Figure: the fall, at least 0.1 to count. Weight: 2 × figure, at most 0.6.
     */
    FALLING_FEEDBACK,
    /**
     * NPS answers of 0 to 6 in the last 90 days. Figure: how many. Weight: 0.25 × figure, at most 0.5.
     */
    RECENT_DETRACTOR,
    /**
     * The account pays late (its payer class, as {@code crm.sales().latePayers()}). Figure: its
     * late invoices (settled late and open late). Weight: 0.2 if occasionally late, 0.5 if chronically.
     */
    LATE_PAYMENTS
  }
}
