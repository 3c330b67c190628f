package dev.rapport.crm.io;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exports leads as CSV (a header row of {@link LeadField#header()}s, then one row per lead) or as
 * JSON lines (one object per lead, absent fields left out), streaming: the query's result is read a
 * page at a time, so a tenant of any size never sits in memory. What it writes, {@link LeadImport}
 * reads back to the same fields. Stateless.
 */
public final class LeadExport {
  private LeadExport() {}

  /**
   * Writes the leads of the query as CSV (the writer is flushed, not closed).
   *
   * @return how many leads were written
   * @throws ValidationException if a part is null
   * @throws UncheckedIOException if the writer fails
   */
  public static long csv(Crm crm, LeadQuery query, Writer out) {
    check(crm, query, out);
    return FileExport.csv(LeadField.class, p -> crm.leads().query(query, p), LeadExport::values,
        customKeys(crm, dev.rapport.crm.field.RecordKind.LEAD), Lead::fields, out);
  }

  /**
   * Writes the leads of the query as JSON lines (the writer is flushed, not closed).
   *
   * @return how many leads were written
   * @throws ValidationException if a part is null
   * @throws UncheckedIOException if the writer fails
   */
  public static long jsonLines(Crm crm, LeadQuery query, Writer out) {
    check(crm, query, out);
    return FileExport.jsonLines(p -> crm.leads().query(query, p), LeadExport::values, Lead::fields, out);
  }

  private static void check(Crm crm, LeadQuery query, Writer out) {
    FileExport.notNull(crm, "crm");
    FileExport.notNull(query, "query");
    FileExport.notNull(out, "out");
  }

  /** Every field of the lead, in {@link LeadField} order, absent ones empty. */
  private static Map<LeadField, String> values(Lead lead) {
    Map<LeadField, String> v = new EnumMap<>(LeadField.class);
    v.put(LeadField.GIVEN_NAME, lead.name().givenName().orElse(""));
    v.put(LeadField.FAMILY_NAME, lead.name().familyName());
    v.put(LeadField.EMAIL, text(lead.email().map(e -> e.address())));
    v.put(LeadField.PHONE, text(lead.phone().map(p -> p.e164())));
    v.put(LeadField.COMPANY, text(lead.company()));
    v.put(LeadField.TITLE, text(lead.title()));
    v.put(LeadField.SOURCE, lead.source().code());
    v.put(LeadField.OWNER, text(lead.owner()));
    v.put(LeadField.INDUSTRY, lead.industry().map(i -> i.code()).orElse(""));
    return v;
  }

  /** The keys of the kind's custom fields (removed ones too: their values stay), in key order. */
  static java.util.List<String> customKeys(Crm crm, dev.rapport.crm.field.RecordKind kind) {
    return crm.customFields().fields(kind).stream().map(dev.rapport.crm.field.CustomField::key).toList();
  }

  static String text(Optional<String> v) {
    return v.orElse("");
  }
}
