/**
 * Loading a customer base into Rapport and taking it out again: {@link
 * dev.rapport.crm.io.LeadImport}, {@link dev.rapport.crm.io.AccountImport} and {@link
 * dev.rapport.crm.io.ContactImport} read CSV and JSON lines a batch at a time, with a report of
 * every bad row, progress and cancellation; {@link dev.rapport.crm.io.LeadExport}, {@link
 * dev.rapport.crm.io.AccountExport} and {@link dev.rapport.crm.io.ContactExport} write to the same
 * formats, page by page, what the imports read back.
 */
package dev.rapport.crm.io;
