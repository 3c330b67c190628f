package dev.rapport.crm.io;

import java.util.List;
import java.util.Optional;

/**
 * What an import did. Every row read is counted once: {@code read == stored + skipped + rejected +
 * discarded}.
 *
 * @param read the data rows read
 * @param stored the records stored
 * @param skipped the good rows not stored because the store has them already (an account whose
 *     external reference a stored account, or an earlier row, has: a re-run of the same file)
 * @param rejected the rows refused for a bad value
 * @param discarded the good rows read but not stored: in a batch that a stop or a cancellation
 *     left unfinished, or all of them when {@link ImportMode#VALIDATE_FIRST} found a bad row
 * @param errors the refused rows, in file order (the first {@value LeadImport#MAX_ERRORS} of them;
 *     {@code rejected} counts them all)
 * @param stoppedAt why the import stopped before the end of the file (a file that is not CSV, not
 *     JSON lines of strings or not UTF-8, an unknown key), if it did
 * @param cancelled whether the import stopped because it was cancelled (whole batches only were stored)
 */
public record ImportReport(long read, long stored, long skipped, long rejected, long discarded, List<RowError> errors,
    Optional<RowError> stoppedAt, boolean cancelled) {
  /** @throws NullPointerException if errors or stoppedAt is null */
  public ImportReport {
    errors = List.copyOf(errors);
    java.util.Objects.requireNonNull(stoppedAt, "stoppedAt");
  }

  /** Whether every row of the file was read and stored. */
  public boolean clean() {
    return rejected == 0 && discarded == 0 && stoppedAt.isEmpty() && !cancelled;
  }
}
