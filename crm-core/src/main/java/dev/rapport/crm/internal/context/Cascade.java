package dev.rapport.crm.internal.context;

import java.util.UUID;

/**
 * What goes with a deleted record: implemented above the feature packages (which it reaches
 * through their ports), called by the service that deletes, inside its command. Internal.
 */
public interface Cascade {
  /** How much went with a record. */
  record Removed(int activities, int tasks, int memberships, int mails) {}

  /** The kinds of record whose timeline, activities, tasks, logged mail and memberships cascade. */
  enum Subject { LEAD, CONTACT, ACCOUNT, OPPORTUNITY, CASE }

  /**
   * What keeps the record from being deleted: how many records of each kind name it and do not go
   * with it, by a name for people ("service cases", "sales"), in a fixed order; empty if none.
   */
  java.util.Map<String, Long> dependants(CrmContext.Command cmd, Subject kind, UUID record);

  /**
   * Refuses the deletion when {@link #dependants} names any, with an {@code IllegalTransitionException}
   * that names them.
   */
  default void requireNoDependants(CrmContext.Command cmd, Subject kind, UUID record) {
    String what = kind.name().toLowerCase(java.util.Locale.ROOT);
    java.util.Map<String, Long> found = dependants(cmd, kind, record);
    if (!found.isEmpty()) {
      StringBuilder why = new StringBuilder();
      found.forEach((k, n) -> why.append(why.length() == 0 ? "" : ", ").append(n).append(' ').append(k));
      throw new dev.rapport.crm.exception.IllegalTransitionException(what, "REFERENCED", "deleted",
          why + " name it: delete those first" + (kind == Subject.CONTACT ? ", or erase the person" : ""));
    }
  }

  /**
   * Removes everything linked to the record: its timeline; the activities, tasks and logged
   * messages that concern only it; its campaign memberships (leads and contacts). What concerns
   * others too loses the record. See {@code LeadService.delete}, {@code ContactService.delete}.
   *
   * @return how many activities, tasks, campaign memberships and logged messages were deleted
   */
  Removed remove(CrmContext.Command cmd, Subject kind, UUID record);

  /** {@link #requireNoDependants}, then {@link #remove}: what a deletion of a record does first. */
  default Removed removeUnlessNamed(CrmContext.Command cmd, Subject kind, UUID record) {
    requireNoDependants(cmd, kind, record);
    return remove(cmd, kind, record);
  }

  /** Removes the activity's timeline entries and its logged message (an e-mail logged by mail): see {@code ActivityService.delete}. */
  void removeActivity(CrmContext.Command cmd, UUID activity);
}
