/**
 * Reports on a tenant's CRM for a host's own pages. {@link dev.rapport.crm.reports.AnalyticsReport}
 * is the one entry point: the analytics of a period as one HTML page.
 */
package dev.rapport.crm.reports;
