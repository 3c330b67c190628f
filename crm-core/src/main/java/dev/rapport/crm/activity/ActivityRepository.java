package dev.rapport.crm.activity;

import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The activities of one tenant, inside one {@link UnitOfWork}. Insert follows the version rules of
 * {@link LeadRepository#insert}; activities are a record of what happened and are not updated.
 */
public interface ActivityRepository {

  /** The activity with this id, or empty. */
  Optional<Activity> find(ActivityId id);

  /** The tenant's activities with these ids, in id order; unknown ids are skipped. One query. */
  List<Activity> findAll(Collection<ActivityId> ids);

  /** Every activity of the tenant, a page at a time in id order (for exports and snapshots). */
  Page<Activity> list(PageRequest page);

  /** Stores a new activity (version 0) and returns it with version 1. */
  Activity insert(Activity activity);

  /**
   * Stores a changed activity (its links, when a record it named is deleted) at the next version.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  Activity update(Activity activity);

  /**
   * Deletes the activity. Its timeline entries and logged mail go first ({@link
   * TimelineRepository#delete}, {@code MailRepository.delete}): the store's keys hold.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  void delete(Activity activity);
}
