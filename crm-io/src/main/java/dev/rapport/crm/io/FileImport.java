package dev.rapport.crm.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.crm.exception.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine of {@link LeadImport} and {@link AccountImport}: reads a CSV or JSON lines file row by
 * row into the fields {@code F}, turns each row into a draft {@code D} (or a {@link RowError}), and
 * hands the good ones to the store a batch at a time, with the modes, progress and cancellation
 * those classes document. Not thread-safe.
 */
final class FileImport<F extends Enum<F> & ImportField, D> {
  /** Turns a row's values into a draft, or refuses the row. */
  interface Drafts<F extends Enum<F>, D> {
    D draft(Map<F, String> values, dev.rapport.crm.field.CustomFields fields) throws RowRefused;
  }

  /** The prefix of a column of a custom field: {@code field.seats} is the field {@code seats}. */
  static final String CUSTOM = "field.";

  /** Refuses the row at {@code index} of a batch, naming the field, the rule and the value. */
  interface Rejects {
    void reject(int index, String field, String rule, String value);
  }

  /**
   * Stores a batch of drafts; returns how many it stored. A row it refuses (through {@code
   * rejects}) is an error of the report; one neither stored nor refused is skipped as stored already.
   */
  interface Store<D> {
    long store(List<D> batch, Rejects rejects);

    /** The refusals {@link #store} would make, without storing (the validation pass). */
    default void check(List<D> batch, Rejects rejects) {
    }
  }

  /**
   * Stores the drafts of a batch with {@code all} (one unit of work); if the {@code Crm}'s
   * duplicate policy refuses one of them, stores them one by one with {@code one} instead, and each
   * one refused becomes an error of its row (field {@code duplicate}, the refusal's message, the
   * matched record's id as the value). {@code rows} gives each draft's index in the batch. Returns
   * how many were stored.
   */
  static <T> long storeRefusingDuplicates(List<T> drafts, List<Integer> rows, Consumer<List<T>> all,
      Consumer<T> one, Rejects rejects) {
    if (drafts.isEmpty()) {
      return 0;
    }
    try {
      all.accept(drafts);
      return drafts.size();
    } catch (dev.rapport.crm.exception.DuplicateException e) {
      if (e.duplicateOf().isEmpty()) {
        throw e; // a unique value taken, not a likely duplicate: not this rule's
      }
    }
    long stored = 0;
    for (int i = 0; i < drafts.size(); i++) {
      try {
        one.accept(drafts.get(i));
        stored++;
      } catch (dev.rapport.crm.exception.DuplicateException e) {
        if (e.duplicateOf().isEmpty()) {
          throw e;
        }
        rejects.reject(rows.get(i), "duplicate", e.getMessage(), e.duplicateOf().get());
      }
    }
    return stored;
  }

  /** A row's value of the field, or null when the row has none or only blanks. */
  static <F> String present(Map<F, String> values, F field) {
    String v = values.get(field);
    return v == null || v.isBlank() ? null : v;
  }

  /** The core's check of one column's value, its refusal named after the column's field. */
  static <T> T checked(ImportField field, String value, java.util.function.Function<String, T> check)
      throws RowRefused {
    try {
      return check.apply(value);
    } catch (ValidationException e) {
      throw new RowRefused(field.header(), e.rule(), value);
    }
  }

  /** Gives a builder the field's value, if the row has one, checked as {@link #checked} does. */
  static <F extends ImportField> void optional(Map<F, String> values, F field,
      java.util.function.Function<String, ?> setter) throws RowRefused {
    String v = present(values, field);
    if (v != null) {
      checked(field, v, setter);
    }
  }

  /** The field of a report's errors about the file itself rather than one value. */
  static final String FILE = "file";

  private final Class<F> fields;
  private final String kind;
  private final Drafts<F, D> draft;
  private final Store<D> sink;
  ImportMode mode = ImportMode.STORE_GOOD_ROWS;
  int batchSize = LeadImport.DEFAULT_BATCH;
  final Map<String, F> mapped = new HashMap<>();
  /** The custom fields of the kind, by key: a column {@code field.<key>} fills one. */
  Map<String, dev.rapport.crm.field.CustomField> custom = Map.of();
  Consumer<ImportProgress> progress = p -> { };
  BooleanSupplier cancel = () -> false;

  FileImport(Class<F> fields, String kind, Drafts<F, D> draft, Store<D> store) {
    this.fields = fields;
    this.kind = kind;
    this.draft = draft;
    this.sink = store;
  }

  /** A header compared without case, spaces, dashes and underscores. */
  static String key(String header) {
    return header.strip().replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
  }

  void mode(ImportMode m) {
    if (m == null) {
      throw new ValidationException("mode", "must not be null");
    }
    this.mode = m;
  }

  void batchSize(int rows, int most) {
    if (rows < 1 || rows > most) {
      throw new ValidationException("batchSize", "must be between 1 and " + most);
    }
    this.batchSize = rows;
  }

  void onProgress(Consumer<ImportProgress> listener) {
    if (listener == null) {
      throw new ValidationException("onProgress", "must not be null");
    }
    this.progress = listener;
  }

  void cancelWhen(BooleanSupplier cancelled) {
    if (cancelled == null) {
      throw new ValidationException("cancelWhen", "must not be null");
    }
    this.cancel = cancelled;
  }

  void column(String header, F field) {
    if (header == null || header.isBlank()) {
      throw new ValidationException("header", "must not be blank");
    }
    if (field == null) {
      throw new ValidationException("field", "must not be null");
    }
    mapped.put(key(header), field);
  }

  ImportReport run(Supplier<Reader> source, boolean json) {
    if (source == null) {
      throw new ValidationException("source", "must not be null");
    }
    long started = System.nanoTime();
    if (mode == ImportMode.VALIDATE_FIRST) {
      Pass check = new Pass(false, Optional.empty(), started);
      read(source, json, check);
      if (check.rejected > 0 || check.stoppedAt.isPresent()) {
        check.discarded = check.read - check.rejected; // good rows, not stored
        return check.report();
      }
      progress.accept(new ImportProgress(check.read, 0, 0, 0, Optional.of(check.read), Optional.empty()));
      Pass store = new Pass(true, Optional.of(check.read), System.nanoTime());
      read(source, json, store);
      return store.report();
    }
    Pass pass = new Pass(true, Optional.empty(), started);
    read(source, json, pass);
    return pass.report();
  }


  /** One pass over the file: checks every row and, if storing, stores the good ones in batches. */
  private final class Pass {
    final boolean store;
    final Optional<Long> total;
    final long started;
    final List<RowError> errors = new ArrayList<>();
    final List<D> batch = new ArrayList<>();
    final List<Long> rowNumbers = new ArrayList<>();
    long read;
    long stored;
    long skipped;
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
    boolean row(Map<F, String> values, Map<String, String> customValues) {
      read++;
      D row;
      try {
        row = draft.draft(values, customFields(customValues));
      } catch (RowRefused e) {
        reject(e.error(read));
        return true;
      }
      batch.add(row);
      rowNumbers.add(read);
      if (batch.size() == batchSize) {
        return flush();
      }
      return true;
    }

    void reject(RowError error) {
      rejected++;
      if (errors.size() < LeadImport.MAX_ERRORS) {
        errors.add(error);
      }
    }

    /** The import stops here: the batch in progress is not stored. */
    void stop(RowError error) {
      stoppedAt = Optional.of(error);
      discarded += batch.size();
      clear();
    }

    void clear() {
      batch.clear();
      rowNumbers.clear();
    }

    /** Stores the batch; false if cancelled instead. */
    boolean flush() {
      if (batch.isEmpty()) {
        return true;
      }
      long[] refused = {0};
      Rejects rejects = (index, field, rule, value) -> {
        refused[0]++;
        reject(new RowError(rowNumbers.get(index), field, rule, value == null ? "" : value));
      };
      if (!store) {
        sink.check(List.copyOf(batch), rejects);
        clear();
        return true;
      }
      if (cancel.getAsBoolean()) {
        cancelled = true;
        discarded += batch.size();
        clear();
        return false;
      }
      long kept = sink.store(List.copyOf(batch), rejects);
      stored += kept;
      skipped += batch.size() - kept - refused[0];
      clear();
      tell();
      return true;
    }

    void tell() {
      Optional<Duration> remaining = total.filter(t -> read > 0).map(t -> {
        long elapsed = System.nanoTime() - started;
        return Duration.ofNanos((long) ((double) elapsed / read * Math.max(0, t - read)));
      });
      progress.accept(new ImportProgress(read, stored, skipped, rejected, total, remaining));
    }

    ImportReport report() {
      // a batch's store-time refusals come after its rows' own: back in file order
      List<RowError> inOrder = new ArrayList<>(errors);
      inOrder.sort(java.util.Comparator.comparingLong(RowError::row));
      return new ImportReport(read, stored, skipped, rejected, discarded, inOrder, stoppedAt, cancelled);
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
      if (!pass.cancelled && pass.stoppedAt.isEmpty()) {
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
      Map<Integer, Column<F>> columns = null;
      Map<F, String> row = new EnumMap<>(fields);
      Map<String, String> customRow = new java.util.TreeMap<>();
      int column = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT) {
          if (columns == null) {
            columns = columns(headers(p.getSchema()));
          }
          row.clear();
          customRow.clear();
          column = 0;
        } else if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
          Column<F> c = columns.get(column++);
          if (c != null && t == JsonToken.VALUE_STRING) {
            if (c.field() != null) {
              row.put(c.field(), p.getText());
            } else {
              customRow.put(c.custom(), p.getText());
            }
          }
        } else if (t == JsonToken.END_OBJECT) {
          if (!pass.row(new EnumMap<>(row), new java.util.TreeMap<>(customRow))) {
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

  /** A column's field: one of the kind's, or (field null) the custom field of that key. */
  record Column<F>(F field, String custom) {}

  /** The custom field a header names ({@code field.<key>}), or null if it names none. */
  private String customKey(String header) {
    String h = header.strip();
    if (!h.startsWith(CUSTOM)) {
      return null;
    }
    String key = h.substring(CUSTOM.length());
    if (!custom.containsKey(key)) {
      throw new ValidationException("header", "'" + cut(header) + "' names no custom " + kind
          + " field: define it first, or remove the column");
    }
    return key;
  }

  /** The field of each column, by position; refuses an unknown header or a field named twice. */
  private Map<Integer, Column<F>> columns(List<String> headers) {
    Map<Integer, Column<F>> columns = new HashMap<>();
    Map<F, String> seen = new EnumMap<>(fields);
    java.util.Set<String> seenCustom = new java.util.HashSet<>();
    for (int i = 0; i < headers.size(); i++) {
      String key = customKey(headers.get(i));
      if (key != null) {
        if (!seenCustom.add(key)) {
          throw new ValidationException("header", "two columns name the custom field " + cut(headers.get(i)));
        }
        columns.put(i, new Column<>(null, key));
        continue;
      }
      F f = field(headers.get(i));
      String before = seen.put(f, headers.get(i));
      if (before != null) {
        throw new ValidationException("header", "columns '" + cut(before) + "' and '" + cut(headers.get(i))
            + "' both name the field " + f.header());
      }
      columns.put(i, new Column<>(f, null));
    }
    return columns;
  }

  /**
   * A row's custom values, read by their fields' types: a number as written ({@code 12.50}), an
   * amount with its currency ({@code 12.50 EUR}), a day ({@code 2026-03-31}), yes or no ({@code
   * true}, {@code false}, {@code yes}, {@code no}), several options separated by commas. Empty
   * values are absent. Each must fit its field, and every required field must have one.
   */
  private dev.rapport.crm.field.CustomFields customFields(Map<String, String> raw) throws RowRefused {
    Map<String, dev.rapport.crm.field.FieldValue> values = new java.util.TreeMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String text = e.getValue().strip();
      if (text.isEmpty()) {
        continue;
      }
      dev.rapport.crm.field.CustomField f = custom.get(e.getKey());
      dev.rapport.crm.field.FieldValue v;
      try {
        v = CustomValues.read(f.type(), text);
      } catch (ValidationException ex) {
        throw new RowRefused(CUSTOM + e.getKey(), ex.rule(), e.getValue());
      }
      java.util.Optional<String> misfit = f.misfit(v);
      if (misfit.isPresent()) {
        throw new RowRefused(CUSTOM + e.getKey(), misfit.get(), e.getValue());
      }
      values.put(e.getKey(), v);
    }
    for (dev.rapport.crm.field.CustomField f : custom.values()) {
      if (f.required() && !f.removed() && !values.containsKey(f.key())) {
        throw new RowRefused(CUSTOM + f.key(), "is required", "");
      }
    }
    return dev.rapport.crm.field.CustomFields.of(values);
  }

  private F field(String header) {
    F f = mapped.get(key(header));
    if (f == null) {
      String k = key(header);
      for (F candidate : fields.getEnumConstants()) {
        if (key(candidate.header()).equals(k)) {
          return candidate;
        }
      }
      throw new ValidationException("header",
          "'" + cut(header) + "' names no " + kind + " field: map it with column(header, field) or remove the column");
    }
    return f;
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 59) + "…" : s;
  }

  private void readJson(Reader reader, Pass pass) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(reader)) {
      Map<String, F> known = new HashMap<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_OBJECT) {
          throw new IOException("line " + p.currentLocation().getLineNr() + " is not a JSON object");
        }
        Map<F, String> row = new EnumMap<>(fields);
        Map<String, String> customRow = new java.util.TreeMap<>();
        RowRefused refused = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String customKey;
          try {
            customKey = customKey(name);
          } catch (ValidationException e) { // a custom key of no field: the rows after it are not read
            pass.stop(new RowError(pass.read + 1, "header", e.rule(), cut(name)));
            return;
          }
          if (customKey != null) {
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING) {
              customRow.put(customKey, p.getText());
            } else if (v != JsonToken.VALUE_NULL) {
              String text = p.getText();
              p.skipChildren();
              if (refused == null) {
                refused = new RowRefused(name, "must be a string or null", text);
              }
            }
            continue;
          }
          F f = known.get(name);
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
        } else if (!pass.row(row, customRow)) {
          return;
        }
      }
    }
  }

  /** A row refused, with the field at fault; the row number is added when it is reported. */
  static final class RowRefused extends Exception {
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

}
