package dev.rapport.crm.io;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How far an import is, told after every batch.
 *
 * @param read the data rows read so far
 * @param stored the records stored so far
 * @param skipped the rows skipped so far, as stored already (see {@link ImportReport#skipped()})
 * @param rejected the rows refused so far
 * @param total the data rows of the file, when known (after the validation pass of {@link
 *     ImportMode#VALIDATE_FIRST})
 * @param remaining the time left, estimated from the rate so far, when the total is known
 */
public record ImportProgress(long read, long stored, long skipped, long rejected, Optional<Long> total,
    Optional<Duration> remaining) {
  /** @throws NullPointerException if an optional is null */
  public ImportProgress {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(remaining, "remaining");
  }

  /** A bar of {@code width} characters, e.g. {@code [#####     ] 50 %}, or the rows so far if the total is unknown. */
  public String bar(int width) {
    if (total.isEmpty() || total.get() == 0) {
      return read + " rows";
    }
    long done = stored + skipped + rejected;
    int filled = (int) Math.min(width, done * width / total.get());
    return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + (done * 100 / total.get()) + " %"
        + remaining.map(d -> ", " + d.toSeconds() + " s left").orElse("");
  }
}
