package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Versioned;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Tasks of one tenant: to-dos with a due time, a priority, an owner and a reminder. Reached
 * through {@code crm.tasks()}. Rapport starts no threads: the host polls {@link #remindersDue}
 * on its own schedule, sends the reminders, and reports each with {@link #reminderHandled} so it
 * is not returned again. Lists are keyset-paged in creation order. Thread-safe.
 */
public final class TaskService {
  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version
  private final Versioned<TaskId, Task> versioned;

  /** Internal: obtain the service from {@code Crm.tasks()}. */
  TaskService(CrmContext ctx) {
    this(ctx, -1);
  }

  private TaskService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
    this.versioned = new Versioned<>(ctx, "task", "taskId", (uow, id) -> uow.port(TaskRepository.class).find(id),
        (uow, x) -> uow.port(TaskRepository.class).update(x), Task::version);
  }

  /**
   * A view of this service whose commands on an existing task first check that it is still at
   * {@code version}, and refuse with {@link ConcurrentUpdateException} when it changed since.
   *
   * @throws ValidationException if the version is below 1
   */
  public TaskService ifVersion(long version) {
    return new TaskService(ctx, Check.expectedVersion(version));
  }

  /**
   * Deletes a task created by mistake (a task that was done or cancelled is history: keep it), in
   * one unit of work, with its timeline entries. Raises {@link TaskDeleted}.
   *
   * @return the event
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such task
   * @throws ConcurrentUpdateException if it is not at the version given to {@link #ifVersion}, or
   *     was changed concurrently
   */
  public TaskDeleted delete(TaskId id) {
    Check.notNull(id, "taskId");
    return ctx.command(cmd -> {
      TaskRepository tasks = cmd.uow().port(TaskRepository.class);
      Task t = versioned.load(cmd.uow(), id);
      versioned.checkVersion(id, t, expectedVersion);
      TimelineRepository timeline = cmd.uow().port(TimelineRepository.class);
      timeline.delete(timeline.entriesShowing(java.util.List.of(id.value())));
      tasks.delete(t);
      TaskDeleted event = new TaskDeleted(ctx.tenant(), ctx.now(), id, t.links());
      cmd.raise(event);
      return event;
    });
  }

  /**
   * Creates an open task, filed in the timelines of its links at its creation time. Raises
   * {@link TaskCreated}.
   *
   * @throws ValidationException if the task is null
   * @throws NotFoundException if a linked record does not exist in the tenant
   */
  public Task create(NewTask task) {
    Check.notNull(task, "task");
    return ctx.command(cmd -> {
      Instant now = ctx.now();
      Subjects.requireExisting(cmd.uow(), task.links());
      Task stored = cmd.uow().port(TaskRepository.class).insert(Task.create(TaskId.of(ctx.ids().next()), ctx.tenant(), task, now));
      Subjects.file(ctx, cmd.uow(), TimelineItem.Kind.TASK, stored.id().value(), stored.links(), stored.createdAt());
      cmd.raise(new TaskCreated(ctx.tenant(), now, stored.id(), stored.links(), stored.subject(),
          stored.dueAt(), stored.owner()));
      return stored;
    });
  }

  /**
   * The task with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such task
   */
  public Task get(TaskId id) {
    Check.notNull(id, "taskId");
    return ctx.read(uow -> uow.port(TaskRepository.class).find(id).orElseThrow(() -> new NotFoundException("task", id)));
  }

  /**
   * The task with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<Task> find(TaskId id) {
    Check.notNull(id, "taskId");
    return ctx.read(uow -> uow.port(TaskRepository.class).find(id));
  }

  /**
   * Marks the task done now. Raises {@link TaskCompleted}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such task
   * @throws IllegalTransitionException if the task is done or cancelled
   * @throws ConcurrentUpdateException if the task was changed concurrently
   */
  public Task complete(TaskId id) {
    return change(id, (t, now) -> t.complete(now, now));
  }

  /**
   * Marks the task done at the given time (e.g. reported late). Raises {@link TaskCompleted}.
   *
   * @throws ValidationException if an argument is null, or the time is out of range, after now or
   *     before the task was created (field {@code task.doneAt})
   * @throws NotFoundException if the tenant has no such task
   * @throws IllegalTransitionException if the task is done or cancelled
   * @throws ConcurrentUpdateException if the task was changed concurrently
   */
  public Task complete(TaskId id, Instant doneAt) {
    Instant at = Check.instant(doneAt, "task.doneAt");
    return change(id, (t, now) -> {
      if (at.isAfter(now)) {
        throw new ValidationException("task.doneAt", "must not be in the future");
      }
      if (at.isBefore(t.createdAt())) {
        throw new ValidationException("task.doneAt", "must not be before the task's createdAt (" + t.createdAt() + ")");
      }
      return t.complete(at, now);
    });
  }

  /**
   * Cancels the task. Raises {@link TaskCancelled}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such task
   * @throws IllegalTransitionException if the task is done or cancelled
   * @throws ConcurrentUpdateException if the task was changed concurrently
   */
  public Task cancel(TaskId id) {
    return change(id, (t, now) -> t.cancel(now));
  }

  /**
   * Moves the due time and the reminder (null: none); a changed reminder is due again. Raises
   * {@link TaskRescheduled}.
   *
   * @throws ValidationException if the id or due time is null, or an instant is out of range
   * @throws NotFoundException if the tenant has no such task
   * @throws IllegalTransitionException if the task is done or cancelled
   * @throws ConcurrentUpdateException if the task was changed concurrently
   */
  public Task reschedule(TaskId id, Instant dueAt, Instant reminderAt) {
    Instant due = Check.instant(dueAt, "task.dueAt");
    Optional<Instant> reminder = reminderAt == null ? Optional.empty()
        : Optional.of(Check.instant(reminderAt, "task.reminderAt"));
    return change(id, (t, now) -> t.reschedule(due, reminder, now));
  }

  /**
   * Records that the host handled (sent) the task's reminder: {@link #remindersDue} no longer
   * returns it. Raises no event.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such task
   * @throws IllegalTransitionException if the task is not open or has no reminder
   * @throws ConcurrentUpdateException if the task was changed concurrently
   */
  public Task reminderHandled(TaskId id) {
    return change(id, (t, now) -> t.reminderHandled(now));
  }

  /**
   * An owner's open tasks due at or before {@code until} (e.g. the end of today: the day's list,
   * overdue ones included), in creation order.
   *
   * @throws ValidationException if an argument is null, the owner blank or too long, or the
   *     instant out of range
   */
  public Page<Task> dueBy(String owner, Instant until, PageRequest page) {
    String who = Check.text(owner, "owner", Limits.TEXT);
    Instant before = exclusiveEnd(Check.instant(until, "until"));
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(TaskRepository.class).openDueBy(Optional.of(who), before, page));
  }

  /**
   * How many open tasks the owner has due at or before {@code until}: as many as {@link #dueBy}
   * returns over all its pages, counted by the store in one statement.
   *
   * @throws ValidationException if an argument is null, the owner blank or too long, or the
   *     instant out of range
   */
  public long countDueBy(String owner, Instant until) {
    String who = Check.text(owner, "owner", Limits.TEXT);
    Instant before = exclusiveEnd(Check.instant(until, "until"));
    return ctx.read(uow -> uow.port(TaskRepository.class).countOpenDueBy(Optional.of(who), before));
  }

  /** How many open tasks (of every owner) are due before now: as many as {@link #overdue} returns. */
  public long countOverdue() {
    return ctx.read(uow -> uow.port(TaskRepository.class).countOpenDueBy(Optional.empty(), ctx.now()));
  }

  /**
   * The open tasks due before now (of every owner), in creation order.
   *
   * @throws ValidationException if the page is null
   */
  public Page<Task> overdue(PageRequest page) {
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(TaskRepository.class).openDueBy(Optional.empty(), ctx.now(), page));
  }

  /**
   * The open tasks whose reminder time has come (at or before now) and that the host has not yet
   * reported handled with {@link #reminderHandled}, in creation order.
   *
   * @throws ValidationException if the page is null
   */
  public Page<Task> remindersDue(PageRequest page) {
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(TaskRepository.class).remindersDue(ctx.now(), page));
  }

  private static Instant exclusiveEnd(Instant until) {
    return until.equals(Limits.LATEST_INSTANT) ? until : until.plus(1, ChronoUnit.MICROS);
  }

  private Task change(TaskId id, BiFunction<Task, Instant, Task> transition) {
    return versioned.change(id, expectedVersion, (uow, before, now) -> transition.apply(before, now),
        (cmd, before, stored, now) -> {
          if (before.status() != stored.status()) {
            if (stored.status() == TaskStatus.DONE) {
              cmd.raise(new TaskCompleted(ctx.tenant(), now, id, stored.links(), stored.subject(), stored.endedAt().orElseThrow()));
            } else {
              cmd.raise(new TaskCancelled(ctx.tenant(), now, id, stored.links(), stored.subject()));
            }
          } else if (!before.dueAt().equals(stored.dueAt()) || !before.reminderAt().equals(stored.reminderAt())) {
            cmd.raise(new TaskRescheduled(ctx.tenant(), now, id, stored.dueAt(), stored.reminderAt()));
          }
        });
  }
}
