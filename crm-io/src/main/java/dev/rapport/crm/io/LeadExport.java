package dev.rapport.crm.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.crm.Crm;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import java.io.IOException;
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
  /** Leads read per page. */
  static final int PAGE = PageRequest.MAX_SIZE;

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
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (LeadField f : LeadField.values()) {
      schema.addColumn(f.header());
    }
    try (CsvGenerator g = new CsvFactory().createGenerator(out)) {
      g.setSchema(schema.build());
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      long n = each(crm, query, lead -> {
        g.writeStartObject();
        for (Map.Entry<LeadField, String> e : values(lead).entrySet()) {
          g.writeStringField(e.getKey().header(), e.getValue());
        }
        g.writeEndObject();
      });
      g.flush();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setRootValueSeparator(new SerializedString("\n"));
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      long n = each(crm, query, lead -> {
        g.writeStartObject();
        for (Map.Entry<LeadField, String> e : values(lead).entrySet()) {
          if (!e.getValue().isEmpty()) {
            g.writeStringField(e.getKey().header(), e.getValue());
          }
        }
        g.writeEndObject();
      });
      if (n > 0) {
        g.writeRaw('\n');
      }
      g.flush();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(Crm crm, LeadQuery query, Writer out) {
    if (crm == null) {
      throw new ValidationException("crm", "must not be null");
    }
    if (query == null) {
      throw new ValidationException("query", "must not be null");
    }
    if (out == null) {
      throw new ValidationException("out", "must not be null");
    }
  }

  private interface Row {
    void write(Lead lead) throws IOException;
  }

  private static long each(Crm crm, LeadQuery query, Row row) throws IOException {
    long n = 0;
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<Lead> page = crm.leads().query(query, request);
      for (Lead lead : page.items()) {
        row.write(lead);
        n++;
      }
      if (page.nextCursor().isEmpty()) {
        return n;
      }
      request = PageRequest.after(page.nextCursor().get(), PAGE);
    }
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
    return v;
  }

  private static String text(Optional<String> v) {
    return v.orElse("");
  }
}
