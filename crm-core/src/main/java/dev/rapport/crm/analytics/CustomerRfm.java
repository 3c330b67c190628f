package dev.rapport.crm.analytics;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import java.time.LocalDate;

/**
 * One customer's recency, frequency and monetary value over a period, its three scores and its
 * segment: see {@link AnalyticsService#segmentation}.
 *
 * @param accountId the account
 * @param lastPurchase the last day it was invoiced in the period
 * @param recencyDays whole days from {@code lastPurchase} to the as-of day (0 if after it)
 * @param frequency the invoices issued to it in the period
 * @param monetary its invoices less its credit notes in the period, in the reporting currency
 * @param recencyScore 1 to 5; 5 is the most recent
 * @param frequencyScore 1 to 5; 5 is the most frequent
 * @param monetaryScore 1 to 5; 5 is the most valuable
 * @param segment its segment, by {@link Segment#of}
 */
public record CustomerRfm(AccountId accountId, LocalDate lastPurchase, long recencyDays, long frequency,
    Money monetary, int recencyScore, int frequencyScore, int monetaryScore, Segment segment) {

  /** The three scores as the usual three digits, e.g. 545 for R 5, F 4, M 5. */
  public int code() {
    return recencyScore * 100 + frequencyScore * 10 + monetaryScore;
  }
}
