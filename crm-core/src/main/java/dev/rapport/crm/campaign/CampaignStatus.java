package dev.rapport.crm.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign stands: {@code PLANNED → ACTIVE → COMPLETED}; a planned or active campaign
 * may be {@code ABORTED}. {@code COMPLETED} and {@code ABORTED} are final.
 */
public enum CampaignStatus {
  /** Being prepared: members may be added, no responses yet. */
  PLANNED,
  /** Running: members may be added and respond. */
  ACTIVE,
  /** Over as planned: late responses are still recorded, no member is added. Final. */
  COMPLETED,
  /** Called off: nothing more is recorded. Final. */
  ABORTED;

  /** The statuses this one may move to. */
  Set<CampaignStatus> next() {
    return switch (this) {
      case PLANNED -> EnumSet.of(ACTIVE, ABORTED);
      case ACTIVE -> EnumSet.of(COMPLETED, ABORTED);
      case COMPLETED, ABORTED -> EnumSet.noneOf(CampaignStatus.class);
    };
  }

  /** Whether members may be added: planned or active. */
  boolean takesMembers() {
    return this == PLANNED || this == ACTIVE;
  }

  /** Whether responses may be recorded: active, or completed (late answers). */
  boolean takesResponses() {
    return this == ACTIVE || this == COMPLETED;
  }
}
