package dev.rapport.crm.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
 * Mode}'s choice. A file read twice ({@link Mode#VALIDATE_FIRST}) must give the same rows both
 * times.
 */
public final class LeadImport {
  /** What to do with the good rows of a file that has bad ones. */
  public enum Mode {
    /**
     * Read and check the whole file first; store nothing if a row is bad, else read it again and
     * store every row. The source is opened twice.
     */
    VALIDATE_FIRST,
    /** Store the good rows as they come, batch by batch, and report the bad ones. */
    STORE_GOOD_ROWS
  }

  /** The rows per batch unless {@link #batchSize} says otherwise. */
  public static final int DEFAULT_BATCH = 1_000;

  private final Crm crm;
  private Mode mode = Mode.STORE_GOOD_ROWS;
  private int batchSize = DEFAULT_BATCH;
  private final Map<String, LeadField> mapped = new HashMap<>();
  private Consumer<ImportProgress> progress = p -> { };
  private BooleanSupplier cancel = () -> false;

  private LeadImport(Crm crm) {
    this.crm = crm;
  }

  /**
   * An import into the tenant of {@code crm}: mode {@link Mode#STORE_GOOD_ROWS}, batches of
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

  /**
   * What to do with the good rows of a file with bad ones (default {@link Mode#STORE_GOOD_ROWS}).
   *
   * @throws ValidationException if null
   */
  public LeadImport mode(Mode mode) {
    if (mode == null) {
      throw new ValidationException("mode", "must not be null");
    }
    this.mode = mode;
    return this;
  }

  /**
   * Rows stored per unit of work (default {@value #DEFAULT_BATCH}).
   *
   * @throws ValidationException if not between 1 and {@link LeadService#MAX_BATCH}
   */
  public LeadImport batchSize(int rows) {
    if (rows < 1 || rows > LeadService.MAX_BATCH) {
      throw new ValidationException("batchSize", "must be between 1 and " + LeadService.MAX_BATCH);
    }
    this.batchSize = rows;
    return this;
  }

  /**
   * Reads {@code field} from the column headed {@code header} (compared without case, spaces,
   * dashes and underscores), instead of from the column of the field's own header.
   *
   * @throws ValidationException if a part is null or the header blank
   */
  public LeadImport column(String header, LeadField field) {
    if (header == null || header.isBlank()) {
      throw new ValidationException("header", "must not be blank");
    }
    if (field == null) {
      throw new ValidationException("field", "must not be null");
    }
    mapped.put(LeadField.key(header), field);
    return this;
  }

  /**
   * Told after every batch (and after the validation pass) how far the import is.
   *
   * @throws ValidationException if null
   */
  public LeadImport onProgress(Consumer<ImportProgress> listener) {
    if (listener == null) {
      throw new ValidationException("onProgress", "must not be null");
    }
    this.progress = listener;
    return this;
  }

  /**
   * Asked before each batch is stored: once it answers true, the import stops and reports itself
   * cancelled; the batches stored before stay, whole.
   *
   * @throws ValidationException if null
   */
  public LeadImport cancelWhen(BooleanSupplier cancelled) {
    if (cancelled == null) {
      throw new ValidationException("cancelWhen", "must not be null");
    }
    this.cancel = cancelled;
    return this;
  }

  /**
   * Imports a CSV file whose first row is its header (RFC 4180: quoted fields may hold commas,
   * quotes and line breaks; blank lines and a byte-order mark are skipped). A file that is not
   * valid CSV (a row with more values than the header included) or not readable stops the import
   * at the row where it fails ({@link ImportReport#stoppedAt()}, field {@code file}); the batch in
   * progress is not stored.
   *
   * @param source opens the file (once, or twice in {@link Mode#VALIDATE_FIRST}); the import closes it
   * @return what was read, stored and refused
   * @throws ValidationException if source is null, or a header names no field and is not mapped,
   *     or two columns name one field (nothing stored)
   */
  public ImportReport csv(Supplier<Reader> source) {
    return run(source, false);
  }

  /**
   * Imports a JSON lines file: one object per line, its keys the headers (as in {@link #csv}), its
   * values strings or null. A value of another type, or a field given twice, refuses its row; a
   * line that is not a JSON object, or a key that names no field, stops the import there.
   *
   * @param source opens the file (once, or twice in {@link Mode#VALIDATE_FIRST}); the import closes it
   * @return what was read, stored and refused
   * @throws ValidationException if source is null
   */
  public ImportReport jsonLines(Supplier<Reader> source) {
    return run(source, true);
  }

  private ImportReport run(Supplier<Reader> source, boolean json) {
    if (source == null) {
      throw new ValidationException("source", "must not be null");
    }
    long started = System.nanoTime();
    if (mode == Mode.VALIDATE_FIRST) {
      Pass check = new Pass(false, Optional.empty(), started);
      read(source, json, check);
      if (check.rejected > 0 || check.stoppedAt.isPresent()) {
        check.discarded = check.read - check.rejected; // good rows, not stored
        return check.report();
      }
      progress.accept(new ImportProgress(check.read, 0, 0, Optional.of(check.read), Optional.empty()));
      Pass store = new Pass(true, Optional.of(check.read), System.nanoTime());
      read(source, json, store);
      return store.report();
    }
    Pass pass = new Pass(true, Optional.empty(), started);
    read(source, json, pass);
    return pass.report();
  }

  /** The most row errors a report keeps; {@link ImportReport#rejected()} counts them all. */
  public static final int MAX_ERRORS = 10_000;

  /** The field of a report's errors about the file itself rather than one value. */
  static final String FILE = "file";

  /** One pass over the file: checks every row and, if storing, stores the good ones in batches. */
  private final class Pass {
    final boolean store;
    final Optional<Long> total;
    final long started;
    final List<RowError> errors = new ArrayList<>();
    final List<NewLead> batch = new ArrayList<>();
    long read;
    long stored;
    long rejected;
    long discarded;
    Optional<RowError> stoppedAt = Optional.empty();
    boolean cancelled;

    Pass(boolean store, Optional<Long> total, long started) {
      this.store = store;
      this.total = total;
      this.started = started;
    }

    /** Takes one row; false once the pass must stop (cancelled). */
    boolean row(Map<LeadField, String> values) {
      read++;
      NewLead lead;
      try {
        lead = lead(values);
      } catch (RowRefused e) {
        reject(e.error(read));
        return true;
      }
      if (store) {
        batch.add(lead);
        if (batch.size() == batchSize) {
          return flush();
        }
      }
      return true;
    }

    void reject(RowError error) {
      rejected++;
      if (errors.size() < MAX_ERRORS) {
        errors.add(error);
      }
    }

    /** The import stops here: the batch in progress is not stored. */
    void stop(RowError error) {
      stoppedAt = Optional.of(error);
      discarded += batch.size();
      batch.clear();
    }

    /** Stores the batch; false if cancelled instead. */
    boolean flush() {
      if (batch.isEmpty()) {
        return true;
      }
      if (cancel.getAsBoolean()) {
        cancelled = true;
        discarded += batch.size();
        batch.clear();
        return false;
      }
      crm.leads().captureAll(batch);
      stored += batch.size();
      batch.clear();
      tell();
      return true;
    }

    void tell() {
      Optional<Duration> remaining = total.filter(t -> read > 0).map(t -> {
        long elapsed = System.nanoTime() - started;
        return Duration.ofNanos((long) ((double) elapsed / read * Math.max(0, t - read)));
      });
      progress.accept(new ImportProgress(read, stored, rejected, total, remaining));
    }

    ImportReport report() {
      return new ImportReport(read, stored, rejected, discarded, errors, stoppedAt, cancelled);
    }
  }

  /** Reads every row of the file into the pass, closing the source. */
  private void read(Supplier<Reader> source, boolean json, Pass pass) {
    try (Reader reader = withoutByteOrderMark(Objects.requireNonNull(source.get(), "the source gave no reader"))) {
      if (json) {
        readJson(reader, pass);
      } else {
        readCsv(reader, pass);
      }
      if (!pass.cancelled && pass.stoppedAt.isEmpty() && pass.store) {
        pass.flush();
      }
    } catch (IOException | UncheckedIOException e) {
      // not CSV, not JSON, not UTF-8, or not readable: stop at the row where it failed
      pass.stop(new RowError(pass.read + 1, FILE, describe(e), ""));
    }
  }

  /** A reader that skips a byte-order mark at the start (Jackson drops it only from bytes). */
  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    java.io.PushbackReader r = new java.io.PushbackReader(reader, 1);
    int first = r.read();
    if (first != -1 && first != '\uFEFF') {
      r.unread(first);
    }
    return r;
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return "is not UTF-8 (at this row or one of the rows before it)";
    }
    String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int cut = m.indexOf('\n');
    m = cut > 0 ? m.substring(0, cut) : m;
    return "cannot be read: " + (m.length() > RowError.MAX_VALUE ? m.substring(0, RowError.MAX_VALUE) + "…" : m);
  }

  private void readCsv(Reader reader, Pass pass) throws IOException {
    CsvFactory factory = new CsvFactory();
    factory.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    try (CsvParser p = factory.createParser(reader)) {
      p.setSchema(CsvSchema.emptySchema().withHeader());
      Map<Integer, LeadField> columns = null;
      Map<LeadField, String> row = new EnumMap<>(LeadField.class);
      int column = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT) {
          if (columns == null) {
            columns = columns(headers(p.getSchema()));
          }
          row.clear();
          column = 0;
        } else if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
          LeadField f = columns.get(column++);
          if (f != null && t == JsonToken.VALUE_STRING) {
            row.put(f, p.getText());
          }
        } else if (t == JsonToken.END_OBJECT) {
          if (!pass.row(new EnumMap<>(row))) {
            return;
          }
        }
      }
      if (columns == null) { // a header and no rows: its columns are still checked
        columns(headers(p.getSchema()));
      }
    }
  }

  private static List<String> headers(CsvSchema schema) {
    List<String> headers = new ArrayList<>(schema.size());
    for (CsvSchema.Column c : schema) {
      headers.add(c.getName());
    }
    return headers;
  }

  /** The field of each column, by position; refuses an unknown header or a field named twice. */
  private Map<Integer, LeadField> columns(List<String> headers) {
    Map<Integer, LeadField> columns = new HashMap<>();
    Map<LeadField, String> seen = new EnumMap<>(LeadField.class);
    for (int i = 0; i < headers.size(); i++) {
      LeadField f = field(headers.get(i));
      String before = seen.put(f, headers.get(i));
      if (before != null) {
        throw new ValidationException("header", "columns '" + cut(before) + "' and '" + cut(headers.get(i))
            + "' both name the field " + f.header());
      }
      columns.put(i, f);
    }
    return columns;
  }

  private LeadField field(String header) {
    LeadField f = mapped.get(LeadField.key(header));
    if (f == null) {
      f = LeadField.byHeader(header).orElseThrow(() -> new ValidationException("header",
          "'" + cut(header) + "' names no lead field: map it with column(header, field) or remove the column"));
    }
    return f;
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 59) + "…" : s;
  }

  private void readJson(Reader reader, Pass pass) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(reader)) {
      Map<String, LeadField> known = new HashMap<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_OBJECT) {
          throw new IOException("line " + p.currentLocation().getLineNr() + " is not a JSON object");
        }
        Map<LeadField, String> row = new EnumMap<>(LeadField.class);
        RowRefused refused = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          LeadField f = known.get(name);
          if (f == null) {
            try {
              f = field(name);
            } catch (ValidationException e) { // a key of no field: the rows after it are not read
              pass.stop(new RowError(pass.read + 1, "header", e.rule(), cut(name)));
              return;
            }
            known.put(name, f);
          }
          JsonToken v = p.nextToken();
          if (v == JsonToken.VALUE_STRING) {
            if (row.put(f, p.getText()) != null && refused == null) {
              refused = new RowRefused(f.header(), "is given twice in one line", p.getText());
            }
          } else if (v != JsonToken.VALUE_NULL) {
            String text = p.getText();
            p.skipChildren();
            if (refused == null) {
              refused = new RowRefused(f.header(), "must be a string or null", text);
            }
          }
        }
        if (refused != null) {
          pass.read++;
          pass.reject(refused.error(pass.read));
        } else if (!pass.row(row)) {
          return;
        }
      }
    }
  }

  /** A row refused, with the field at fault; the row number is added when it is reported. */
  private static final class RowRefused extends Exception {
    private static final long serialVersionUID = 1L;
    final String field;
    final String rule;
    final String value;

    RowRefused(String field, String rule, String value) {
      super(null, null, false, false);
      this.field = field;
      this.rule = rule;
      this.value = value == null ? "" : value;
    }

    RowError error(long row) {
      return new RowError(row, field, rule, value);
    }
  }

  /** The lead of one row; each refusal names the column's field and its value. */
  private static NewLead lead(Map<LeadField, String> values) throws RowRefused {
    String family = present(values, LeadField.FAMILY_NAME);
    if (family == null) {
      throw new RowRefused(LeadField.FAMILY_NAME.header(), "is required", "");
    }
    String source = present(values, LeadField.SOURCE);
    if (source == null) {
      throw new RowRefused(LeadField.SOURCE.header(), "is required", "");
    }
    String given = present(values, LeadField.GIVEN_NAME);
    PersonName name;
    try {
      name = PersonName.of(given, family);
    } catch (ValidationException e) {
      LeadField f = e.field().endsWith("givenName") ? LeadField.GIVEN_NAME : LeadField.FAMILY_NAME;
      throw new RowRefused(f.header(), e.rule(), values.get(f));
    }
    NewLead.Builder b = NewLead.builder(name, checked(LeadField.SOURCE, source, LeadSource::of));
    optional(values, LeadField.EMAIL, b::email);
    optional(values, LeadField.PHONE, b::phone);
    optional(values, LeadField.COMPANY, b::company);
    optional(values, LeadField.TITLE, b::title);
    optional(values, LeadField.OWNER, b::owner);
    try {
      return b.build();
    } catch (ValidationException e) {
      throw new RowRefused(e.field(), e.rule(), "");
    }
  }

  /** Gives the builder the field's value, if the row has one, checked as {@link #checked} does. */
  private static void optional(Map<LeadField, String> values, LeadField field,
      java.util.function.Function<String, NewLead.Builder> setter) throws RowRefused {
    String v = present(values, field);
    if (v != null) {
      checked(field, v, setter);
    }
  }

  /** The core's check of one column's value, its refusal named after the column's field. */
  private static <T> T checked(LeadField field, String value, java.util.function.Function<String, T> check)
      throws RowRefused {
    try {
      return check.apply(value);
    } catch (ValidationException e) {
      throw new RowRefused(field.header(), e.rule(), value);
    }
  }

  private static String present(Map<LeadField, String> values, LeadField f) {
    String v = values.get(f);
    return v == null || v.isBlank() ? null : v;
  }
}
