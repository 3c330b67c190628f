package dev.rapport.crm.analytics;

/**
 * What {@link AnalyticsService#rescoreLeads} did.
 *
 * @param leads how many open leads it scored
 * @param changed how many of them got a new stored score (the others already had it)
 * @param skipped how many it left as they were because they kept changing under it (their batch
 *     was refused for a concurrent change three times)
 * @param batches how many batches (units of work) it ran
 */
public record Rescored(long leads, long changed, long skipped, int batches) {}
