package dev.rapport.crm.io;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.LeadService;
import dev.rapport.crm.lead.NewLead;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Imports leads from a CSV file (with a header row) or a JSON lines file (one object per line),
 * streaming: rows are read, checked and stored a batch at a time through {@link
 * LeadService#captureAll}, so a file of any size never sits in memory, and every adapter stores what
 * an import stores. An import is configured, then run once or more; it is not thread-safe.
 *
 * <pre>{@code
 * ImportReport report = LeadImport.into(crm)
 *     .column("E-Mail", LeadField.EMAIL)
 *     .onProgress(p -> System.out.print("\r" + p.bar(40)))
 *     .csv(LeadImport.utf8(Path.of("leads.csv")));
 * report.errors().forEach(e -> System.out.println(e.row() + " " + e.field() + ": " + e.rule()));
 * }</pre>
 *
 * <p>Columns are matched to {@link LeadField}s by header (see {@link LeadField}); a CSV header that
 * names no field and is not mapped is refused before anything is stored (a JSON lines key, when its
 * line is reached: the import stops there). An empty value is an absent one. A bad row is reported
 * with its number, the field, the rule and the value; what happens to the good rows is the {@link
 * ImportMode}'s choice. A file read twice ({@link ImportMode#VALIDATE_FIRST}) must give the same rows both
 * times. Under a {@code Crm} whose duplicate policy refuses likely duplicates, a row that is one
 * (of a stored record or of an earlier row) is an error of its row, field {@code duplicate}, with
 * the stored record's id as the value; its batch is then stored row by row. {@link AccountImport}
 * and {@link ContactImport} do the same.
 */
public final class LeadImport extends RecordImport<LeadImport, LeadField> {
  /** The rows per batch unless {@link #batchSize} says otherwise. */
  public static final int DEFAULT_BATCH = 1_000;

  /** The most row errors a report keeps; {@link ImportReport#rejected()} counts them all. */
  public static final int MAX_ERRORS = 10_000;

  private LeadImport(Crm crm) {
    super(new FileImport<>(LeadField.class, "lead", LeadImport::lead, (batch, rejects) ->
        FileImport.storeRefusingDuplicates(batch, java.util.stream.IntStream.range(0, batch.size()).boxed().toList(),
            crm.leads()::captureAll, crm.leads()::capture, rejects)), LeadService.MAX_BATCH);
    customFields(crm.customFields().fields(dev.rapport.crm.field.RecordKind.LEAD));
  }

  /**
   * An import into the tenant of {@code crm}: mode {@link ImportMode#STORE_GOOD_ROWS}, batches of
   * {@value #DEFAULT_BATCH}, columns by header.
   *
   * @throws ValidationException if crm is null
   */
  public static LeadImport into(Crm crm) {
    if (crm == null) {
      throw new ValidationException("crm", "must not be null");
    }
    return new LeadImport(crm);
  }

  /**
   * A source that reads the file as strict UTF-8: bytes that are not UTF-8 stop the import with a
   * report naming the row, rather than becoming replacement characters.
   *
   * @throws ValidationException if path is null
   */
  public static Supplier<Reader> utf8(Path path) {
    if (path == null) {
      throw new ValidationException("path", "must not be null");
    }
    return () -> {
      try {
        return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** The lead of one row; each refusal names the column's field and its value. */
  private static NewLead lead(Map<LeadField, String> values, dev.rapport.crm.field.CustomFields fields)
      throws FileImport.RowRefused {
    String family = FileImport.present(values, LeadField.FAMILY_NAME);
    if (family == null) {
      throw new FileImport.RowRefused(LeadField.FAMILY_NAME.header(), "is required", "");
    }
    String source = FileImport.present(values, LeadField.SOURCE);
    if (source == null) {
      throw new FileImport.RowRefused(LeadField.SOURCE.header(), "is required", "");
    }
    String given = FileImport.present(values, LeadField.GIVEN_NAME);
    PersonName name;
    try {
      name = PersonName.of(given, family);
    } catch (ValidationException e) {
      LeadField f = e.field().endsWith("givenName") ? LeadField.GIVEN_NAME : LeadField.FAMILY_NAME;
      throw new FileImport.RowRefused(f.header(), e.rule(), values.get(f));
    }
    NewLead.Builder b = NewLead.builder(name, FileImport.checked(LeadField.SOURCE, source, LeadSource::of));
    FileImport.optional(values, LeadField.EMAIL, b::email);
    FileImport.optional(values, LeadField.PHONE, b::phone);
    FileImport.optional(values, LeadField.COMPANY, b::company);
    FileImport.optional(values, LeadField.TITLE, b::title);
    FileImport.optional(values, LeadField.OWNER, b::owner);
    FileImport.optional(values, LeadField.INDUSTRY, (String i) -> b.industry(i));
    b.fields(fields);
    try {
      return b.build();
    } catch (ValidationException e) {
      throw new FileImport.RowRefused(e.field(), e.rule(), "");
    }
  }
}
