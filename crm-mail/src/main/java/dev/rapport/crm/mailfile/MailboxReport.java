package dev.rapport.crm.mailfile;

import java.util.List;

/**
 * What {@link MailboxImport} did with a file: how many messages it read, and of these how many
 * were logged now, had been logged before, concerned nobody known, or were skipped (unreadable or
 * refused), with every skipped message's number and reason.
 *
 * @param read messages read
 * @param logged logged now
 * @param alreadyLogged logged before (same {@code Message-ID}): nothing changed
 * @param ignored not logged: no lead or contact has one of their addresses
 * @param skipped not readable as a message the CRM keeps (see {@link #problems()})
 * @param problems each skipped message: its number in the file and why
 */
public record MailboxReport(long read, long logged, long alreadyLogged, long ignored, long skipped,
    List<Problem> problems) {

  /** @throws IllegalArgumentException if the counts do not add up */
  public MailboxReport {
    problems = List.copyOf(problems);
    if (read != logged + alreadyLogged + ignored + skipped || problems.size() != skipped) {
      throw new IllegalArgumentException("the counts do not add up");
    }
  }

  /**
   * A message skipped.
   *
   * @param number its place in the file, from 1
   * @param reason why
   */
  public record Problem(long number, String reason) {}
}
