package dev.rapport.crm.internal.context;

import java.util.UUID;

/**
 * What goes with a deleted record: implemented above the feature packages (which it reaches
 * through their ports), called by the service that deletes, inside its command. Internal.
 */
public interface Cascade {
  /** How much went with a record. */
  record Removed(int activities, int tasks, int memberships, int mails) {}

  /**
   * Removes everything linked to the lead: see {@code LeadService.delete}.
   *
   * @return how many activities, tasks, campaign memberships and logged messages were deleted
   */
  Removed removeLead(CrmContext.Command cmd, UUID lead);

  /** Removes the activity's timeline entries and its logged message (an e-mail logged by mail): see {@code ActivityService.delete}. */
  void removeActivity(CrmContext.Command cmd, UUID activity);
}
