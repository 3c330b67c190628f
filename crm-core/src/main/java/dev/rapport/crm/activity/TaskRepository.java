package dev.rapport.crm.activity;

import dev.rapport.crm.spi.Pages;
import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TaskId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The tasks of one tenant, inside one {@link UnitOfWork}. Insert and update follow the version
 * rules of {@link LeadRepository#insert} and {@link LeadRepository#update}. Pages are in id
 * (creation) order, keyset-paged like {@link LeadRepository#query}.
 */
public interface TaskRepository {

  /** The task with this id, or empty. */
  Optional<Task> find(TaskId id);

  /** The tenant's tasks with these ids, in id order; unknown ids are skipped. One query. */
  List<Task> findAll(Collection<TaskId> ids);

  /** Every task of the tenant (for exports and snapshots). */
  Page<Task> list(PageRequest page);

  /** The open tasks due before {@code before}, of this owner if given. */
  Page<Task> openDueBy(Optional<String> owner, Instant before, PageRequest page);

  /**
   * How many open tasks are due before {@code before}, of this owner if given: as many as walking
   * every page of {@link #openDueBy} returns. The default walks the pages; an adapter should
   * count in its store.
   */
  default long countOpenDueBy(Optional<String> owner, Instant before) {
    return Pages.count(p -> openDueBy(owner, before, p));
  }

  /** The open tasks whose reminder is at or before {@code now} and not yet handled. */
  Page<Task> remindersDue(Instant now, PageRequest page);

  /** Stores a new task (version 0) and returns it with version 1. */
  Task insert(Task task);

  /** Stores a changed task read at its version; returns it with the next version. */
  Task update(Task task);

  /**
   * Deletes the task. Its timeline entries go first ({@link TimelineRepository#delete}).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  void delete(Task task);
}
