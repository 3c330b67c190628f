package dev.rapport.crm.service;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a {@link ServiceCase} stands. A closed lifecycle with these moves:
 *
 * <pre>
 * NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, REOPENED -> IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED
 *                                          RESOLVED -> CLOSED, REOPENED
 *                                            CLOSED -> (none: closed is final)
 * </pre>
 *
 * A case never goes back to {@code NEW}, and never moves to the state it is in. Resolving needs a
 * resolution ({@link CaseService#resolve}); a resolved case that the customer confirms is closed,
 * one that comes back is reopened.
 */
public enum CaseStatus {
  /** Opened, nobody has answered yet. */
  NEW,
  /** Someone works on it. */
  IN_PROGRESS,
  /** The next step is the customer's. */
  WAITING_ON_CUSTOMER,
  /** Solved, with a resolution; may still be reopened. */
  RESOLVED,
  /** Done for good. */
  CLOSED,
  /** Resolved once, came back. */
  REOPENED;

  private static final Set<CaseStatus> WORKING = EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED);

  /** The statuses of an open case: every one but {@code RESOLVED} and {@code CLOSED}. */
  public static final Set<CaseStatus> OPEN = Set.copyOf(EnumSet.of(NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, REOPENED));

  /** Whether a case in this status is open (needs work). */
  public boolean isOpen() {
    return OPEN.contains(this);
  }

  /** Whether a case in this status may move to {@code next} (see the class comment). */
  public boolean canMoveTo(CaseStatus next) {
    if (next == null || next == this) {
      return false;
    }
    return switch (this) {
      case NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, REOPENED -> WORKING.contains(next);
      case RESOLVED -> next == CLOSED || next == REOPENED;
      case CLOSED -> false;
    };
  }
}
