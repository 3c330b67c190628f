/**
 * Loading a customer base into Rapport and taking it out again: {@link
 * dev.rapport.crm.io.LeadImport} reads CSV and JSON lines a batch at a time, with a report of every
 * bad row, progress and cancellation; {@link dev.rapport.crm.io.LeadExport} writes a query's leads
 * to the same formats, page by page.
 */
package dev.rapport.crm.io;
