package dev.rapport.crm.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.exception.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The writing every export shares: CSV (a header row of the fields' headers, then one row per
 * record) or JSON lines (one object per record, empty fields left out), a page of records at a
 * time, so a tenant of any size never sits in memory. The writer is flushed, never closed.
 */
final class FileExport {
  /** Records read per page. */
  static final int PAGE = PageRequest.MAX_SIZE;

  private FileExport() {}

  /** The pages of what is exported. */
  interface Source<R> {
    Page<R> page(PageRequest request);
  }

  private interface Row<R> {
    void write(R record) throws IOException;
  }

  /** Writes the records as CSV, the fields' headers first; returns how many were written. */
  static <R, F extends Enum<F> & ImportField> long csv(Class<F> fields, Source<R> source,
      Function<R, Map<F, String>> values, Writer out) {
    return csv(fields, source, values, List.of(), r -> dev.rapport.crm.field.CustomFields.empty(), out);
  }

  /**
   * Writes the records as CSV, the fields' headers first and then a column {@code field.<key>} for
   * each custom key; returns how many were written.
   */
  static <R, F extends Enum<F> & ImportField> long csv(Class<F> fields, Source<R> source,
      Function<R, Map<F, String>> values, List<String> customKeys,
      Function<R, dev.rapport.crm.field.CustomFields> custom, Writer out) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (F f : fields.getEnumConstants()) {
      schema.addColumn(f.header());
    }
    for (String k : customKeys) {
      schema.addColumn(FileImport.CUSTOM + k);
    }
    try (CsvGenerator g = new CsvFactory().createGenerator(out)) {
      g.setSchema(schema.build());
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      long n = each(source, r -> {
        g.writeStartObject();
        for (Map.Entry<F, String> e : values.apply(r).entrySet()) {
          g.writeStringField(e.getKey().header(), e.getValue());
        }
        dev.rapport.crm.field.CustomFields cf = custom.apply(r);
        for (String k : customKeys) {
          g.writeStringField(FileImport.CUSTOM + k, CustomValues.write(cf, k));
        }
        g.writeEndObject();
      });
      g.flush();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the records as JSON lines, empty fields left out; returns how many were written. */
  static <R, F extends Enum<F> & ImportField> long jsonLines(Source<R> source, Function<R, Map<F, String>> values,
      Writer out) {
    return jsonLines(source, values, r -> dev.rapport.crm.field.CustomFields.empty(), out);
  }

  /** Writes the records as JSON lines, empty fields left out, custom values as {@code field.<key>}. */
  static <R, F extends Enum<F> & ImportField> long jsonLines(Source<R> source, Function<R, Map<F, String>> values,
      Function<R, dev.rapport.crm.field.CustomFields> custom, Writer out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setRootValueSeparator(new SerializedString("\n"));
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      long n = each(source, r -> {
        g.writeStartObject();
        for (Map.Entry<F, String> e : values.apply(r).entrySet()) {
          if (!e.getValue().isEmpty()) {
            g.writeStringField(e.getKey().header(), e.getValue());
          }
        }
        for (Map.Entry<String, dev.rapport.crm.field.FieldValue> e : custom.apply(r).values().entrySet()) {
          g.writeStringField(FileImport.CUSTOM + e.getKey(), e.getValue().value());
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

  /** @throws ValidationException naming the first null argument */
  static void notNull(Object value, String field) {
    if (value == null) {
      throw new ValidationException(field, "must not be null");
    }
  }

  private static <R> long each(Source<R> source, Row<R> row) throws IOException {
    long n = 0;
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<R> page = source.page(request);
      for (R r : page.items()) {
        row.write(r);
        n++;
      }
      if (page.nextCursor().isEmpty()) {
        return n;
      }
      request = PageRequest.after(page.nextCursor().get(), PAGE);
    }
  }
}
