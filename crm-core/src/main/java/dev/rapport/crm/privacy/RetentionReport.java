package dev.rapport.crm.privacy;

import dev.rapport.crm.internal.Check;
import java.time.Instant;

/**
 * What a run of a retention rule did ({@link PrivacyService#applyRetention}).
 *
 * @param cutoff leads last changed before this instant were taken
 * @param batches how many units of work it took
 * @param erased how many leads it erased
 * @param deleted how many leads it deleted
 */
public record RetentionReport(Instant cutoff, int batches, int erased, int deleted) {
  /** @throws dev.rapport.crm.exception.ValidationException if the cutoff is null or a count negative */
  public RetentionReport {
    cutoff = Check.instant(cutoff, "cutoff");
    Check.notNegative(batches, "batches");
    Check.notNegative(erased, "erased");
    Check.notNegative(deleted, "deleted");
  }
}
