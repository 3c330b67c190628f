/**
 * Import and export of Rapport's records as CSV and JSON lines, streaming: {@link
 * dev.rapport.crm.io.LeadImport} and {@link dev.rapport.crm.io.LeadExport}. Everything goes through
 * the public services of a {@code Crm}, so every adapter stores what the import stores.
 */
module dev.rapport.crm.io {
  requires transitive dev.rapport.crm;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;

  exports dev.rapport.crm.io;
}
