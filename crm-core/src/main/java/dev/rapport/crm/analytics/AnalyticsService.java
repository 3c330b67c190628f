package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.InsufficientHistoryException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.context.CrmContext;
import java.util.List;

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
  private final PipelineReports reports;
  private final CustomerSegments segments;
  private final LeadScoring scoring;

  /** Made by {@code Crm}. */
  AnalyticsService(CrmContext ctx) {
    this.reports = new PipelineReports(ctx);
    this.segments = new CustomerSegments(ctx);
    this.scoring = new LeadScoring(ctx);
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
    return reports.effectiveness(period, filter);
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
    return reports.funnel(period, filter);
  }

  /**
   * The pipeline board: per stage of the pipeline, in its order, how many opportunities the query
   * matches, their amount and their weighted amount (amount times probability), each converted to
   * the reporting currency at today's rates and summed before it is rounded; and the totals. Filter
   * as {@code crm.opportunities().query} does: {@code withStatuses(Set.of(OPEN))} for the open
   * pipeline, {@code withOwner}, {@code withSources}, {@code withExpectedClose}, ... One query on a
   * database, whatever the number of opportunities.
   *
   * @throws ValidationException if the query is null (field {@code query}), or names a stage the
   *     pipeline does not have (field {@code stages}; names are matched ignoring case)
   * @throws MissingExchangeRateException if an amount's currency has no rate today
   * @throws StoreException if the store fails
   */
  public PipelineBoard board(dev.rapport.crm.opportunity.OpportunityQuery query) {
    return reports.board(query);
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
    return reports.forecast(period, filter);
  }

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
    return segments.segmentation(period);
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
    return segments.churnRisk();
  }

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
    return scoring.trainScoring();
  }

  /**
   * Scores one lead now with a model: the probability that it ends won, and why.
   *
   * @throws ValidationException (field {@code model} or {@code leadId}) if either is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws StoreException if the store fails
   */
  public LeadScore score(ScoringModel model, LeadId leadId) {
    return scoring.score(model, leadId);
  }

  /**
   * Stores each open lead's score ({@code Lead.score()}: {@code round(100 × probability)}) as the
   * model scores it now, in batches of {@code batchSize} open leads in creation order, each batch
   * one unit of work; a host calls it when it wants (Rapport starts no threads). A lead whose
   * stored score already is that is not written; a written lead gets a new version and {@code
   * updatedAt}, and no event (as {@code crm.leads().score}). Converted and disqualified leads, and
   * everything else, are untouched. A batch refused because a lead in it changed meanwhile ({@link
   * ConcurrentUpdateException}) is read and scored again, up to 3 times in
   * all; if it is still refused its leads are left as they are and counted as skipped, and the next
   * batches go on. Batches that committed stay committed if a later one fails.
   *
   * @throws ValidationException (field {@code model}) if the model is null, or (field {@code
   *     batchSize}) if the batch size is not 1 to {@value PageRequest#MAX_SIZE}
   * @throws StoreException if the store fails
   */
  public Rescored rescoreLeads(ScoringModel model, int batchSize) {
    return scoring.rescoreLeads(model, batchSize);
  }

}
