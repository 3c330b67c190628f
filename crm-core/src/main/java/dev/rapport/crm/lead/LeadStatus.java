package dev.rapport.crm.lead;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a lead stands in its lifecycle. {@code NEW → CONTACTED → NURTURING ↔ CONTACTED → QUALIFIED
 * → CONVERTED}; any open status may go to {@code DISQUALIFIED} (with a reason), and a disqualified
 * lead may be reopened (back to {@code NEW}). {@code CONVERTED} is final.
 */
public enum LeadStatus {
  /** Captured, nobody has reached out yet. */
  NEW,
  /** Someone has reached out. */
  CONTACTED,
  /** Not ready to buy; kept warm by marketing. */
  NURTURING,
  /** Has a need, budget and authority: ready to convert. */
  QUALIFIED,
  /** Turned into a contact, account and perhaps an opportunity. Final. */
  CONVERTED,
  /** Not a prospect, for a recorded reason. Can be reopened. */
  DISQUALIFIED;

  /** The statuses this one may move to with {@code LeadService.changeStatus}. */
  public Set<LeadStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(CONTACTED, NURTURING, QUALIFIED);
      case CONTACTED -> EnumSet.of(NURTURING, QUALIFIED);
      case NURTURING -> EnumSet.of(CONTACTED, QUALIFIED);
      case QUALIFIED -> EnumSet.of(CONTACTED, NURTURING);
      case CONVERTED, DISQUALIFIED -> EnumSet.noneOf(LeadStatus.class);
    };
  }

  /** Whether the lead is still being worked: neither converted nor disqualified. */
  public boolean isOpen() {
    return this != CONVERTED && this != DISQUALIFIED;
  }
}
