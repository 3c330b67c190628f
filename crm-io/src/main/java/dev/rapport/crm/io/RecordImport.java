package dev.rapport.crm.io;

import dev.rapport.crm.exception.ValidationException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every import of {@code crm-io} offers ({@link LeadImport}, {@link AccountImport}, {@link
 * ContactImport}): a CSV or JSON lines file read row by row, the good rows stored a batch at a time,
 * a report of every bad one ({@link ImportReport}), two modes ({@link ImportMode}), progress and
 * cancellation between batches. Configured, then run once or more; not thread-safe.
 *
 * @param <S> the import itself, which each setter returns
 * @param <F> the fields of its rows
 */
public abstract sealed class RecordImport<S extends RecordImport<S, F>, F extends Enum<F> & ImportField>
    permits LeadImport, AccountImport, ContactImport {
  private final FileImport<F, ?> engine;
  private final int maxBatch;

  RecordImport(FileImport<F, ?> engine, int maxBatch) {
    this.engine = engine;
    this.maxBatch = maxBatch;
  }

  /** The custom fields of the kind: a column {@code field.<key>} fills one (read when the import is made). */
  final void customFields(List<dev.rapport.crm.field.CustomField> fields) {
    Map<String, dev.rapport.crm.field.CustomField> byKey = new java.util.TreeMap<>();
    fields.forEach(f -> byKey.put(f.key(), f));
    engine.custom = byKey;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /**
   * What to do with the good rows of a file with bad ones (default {@link ImportMode#STORE_GOOD_ROWS}).
   *
   * @throws ValidationException if null
   */
  public S mode(ImportMode mode) {
    engine.mode(mode);
    return self();
  }

  /**
   * Rows stored per unit of work (default {@value LeadImport#DEFAULT_BATCH}).
   *
   * @throws ValidationException if not between 1 and the most one command of the record's service
   *     takes (10,000)
   */
  public S batchSize(int rows) {
    engine.batchSize(rows, maxBatch);
    return self();
  }

  /**
   * Reads {@code field} from the column headed {@code header} (compared without case, spaces,
   * dashes and underscores), instead of from the column of the field's own header.
   *
   * @throws ValidationException if a part is null or the header blank
   */
  public S column(String header, F field) {
    engine.column(header, field);
    return self();
  }

  /**
   * Told after every batch (and after the validation pass) how far the import is.
   *
   * @throws ValidationException if null
   */
  public S onProgress(Consumer<ImportProgress> listener) {
    engine.onProgress(listener);
    return self();
  }

  /**
   * Asked before each batch is stored: once it answers true, the import stops and reports itself
   * cancelled; the batches stored before stay, whole.
   *
   * @throws ValidationException if null
   */
  public S cancelWhen(BooleanSupplier cancelled) {
    engine.cancelWhen(cancelled);
    return self();
  }

  /**
   * Imports a CSV file whose first row is its header (RFC 4180: quoted fields may hold commas,
   * quotes and line breaks; blank lines and a byte-order mark are skipped). A file that is not
   * valid CSV (a row with more values than the header included) or not readable stops the import
   * at the row where it fails ({@link ImportReport#stoppedAt()}, field {@code file}); the batch in
   * progress is not stored.
   *
   * @param source opens the file (once, or twice in {@link ImportMode#VALIDATE_FIRST}); the import closes it
   * @return what was read, stored, skipped and refused
   * @throws ValidationException if source is null, or a header names no field and is not mapped,
   *     or two columns name one field (nothing stored)
   */
  public ImportReport csv(Supplier<Reader> source) {
    return engine.run(source, false);
  }

  /**
   * Imports a JSON lines file: one object per line, its keys the headers (as in {@link #csv}), its
   * values strings or null. A value of another type, or a field given twice, refuses its row; a
   * line that is not a JSON object, or a key that names no field, stops the import there.
   *
   * @param source opens the file (once, or twice in {@link ImportMode#VALIDATE_FIRST}); the import closes it
   * @return what was read, stored, skipped and refused
   * @throws ValidationException if source is null
   */
  public ImportReport jsonLines(Supplier<Reader> source) {
    return engine.run(source, true);
  }
}
