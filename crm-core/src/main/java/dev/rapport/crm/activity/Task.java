package dev.rapport.crm.activity;

import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A task: a to-do about a lead, contact, account or opportunity, due at a time, with an optional
 * reminder. It is open until it ends, done or cancelled; an ended task no longer changes. An
 * immutable value; each change is a method that checks the lifecycle and returns the next state.
 *
 * @param id the task's id
 * @param tenantId the tenant
 * @param version how many times it has been stored (0 before the first save)
 * @param links the records it is about
 * @param subject a one-line subject
 * @param description free text
 * @param dueAt when it is due
 * @param priority how urgent it is
 * @param owner who is to do it
 * @param reminderAt when to remind the owner
 * @param reminderHandledAt when the host reported the reminder handled (sent); absent while due
 * @param status open, done or cancelled
 * @param endedAt when it was done or cancelled; present exactly when not open
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Task(TaskId id, TenantId tenantId, long version, Links links, String subject,
    Optional<String> description, Instant dueAt, Priority priority, Optional<String> owner,
    Optional<Instant> reminderAt, Optional<Instant> reminderHandledAt, TaskStatus status,
    Optional<Instant> endedAt, Instant createdAt, Instant updatedAt) {

  /** @throws ValidationException if a part is null, breaks a rule of {@link NewTask}, or the status disagrees with the end */
  public Task {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(links, "links");
    subject = Check.text(subject, "task.subject", Limits.TEXT);
    description = Activity.optionalText(description, "task.description", Limits.ACTIVITY_BODY);
    dueAt = Check.instant(dueAt, "task.dueAt");
    Check.notNull(priority, "task.priority");
    owner = Activity.optionalText(owner, "task.owner", Limits.TEXT);
    reminderAt = instant(reminderAt, "task.reminderAt");
    reminderHandledAt = instant(reminderHandledAt, "task.reminderHandledAt");
    Check.notNull(status, "task.status");
    endedAt = instant(endedAt, "task.endedAt");
    createdAt = Check.instant(createdAt, "task.createdAt");
    updatedAt = Check.instant(updatedAt, "task.updatedAt");
    if ((status == TaskStatus.OPEN) == endedAt.isPresent()) {
      throw new ValidationException("task.endedAt", "must be present exactly when the task is done or cancelled");
    }
    if (reminderHandledAt.isPresent() && reminderAt.isEmpty()) {
      throw new ValidationException("task.reminderHandledAt", "must be absent when there is no reminder");
    }
  }

  private static Optional<Instant> instant(Optional<Instant> value, String field) {
    Check.notNull(value, field);
    return value.map(t -> Check.instant(t, field));
  }

  /** A new open task: version 0. */
  static Task create(TaskId id, TenantId tenant, NewTask draft, Instant now) {
    return new Task(id, tenant, 0, draft.links(), draft.subject(), draft.description(), draft.dueAt(),
        draft.priority(), draft.owner(), draft.reminderAt(), Optional.empty(), TaskStatus.OPEN,
        Optional.empty(), now, now);
  }

  /** Whether it is open and due before {@code now}. */
  public boolean isOverdue(Instant now) {
    return status == TaskStatus.OPEN && dueAt.isBefore(now);
  }

  /** Whether it is open with a reminder at or before {@code now} not yet handled. */
  public boolean isReminderDue(Instant now) {
    return status == TaskStatus.OPEN && reminderAt.isPresent() && !reminderAt.get().isAfter(now)
        && reminderHandledAt.isEmpty();
  }

  /**
   * Marks it done at {@code at}.
   *
   * @throws IllegalTransitionException if it is not open
   */
  public Task complete(Instant at, Instant now) {
    requireOpen(TaskStatus.DONE);
    return ended(TaskStatus.DONE, at, now);
  }

  /**
   * Cancels it.
   *
   * @throws IllegalTransitionException if it is not open
   */
  public Task cancel(Instant now) {
    requireOpen(TaskStatus.CANCELLED);
    return ended(TaskStatus.CANCELLED, now, now);
  }

  /**
   * Moves its due time and reminder; a new reminder is due again even if the old one was handled.
   *
   * @throws IllegalTransitionException if it is not open
   */
  public Task reschedule(Instant due, Optional<Instant> reminder, Instant now) {
    requireOpen("reschedule");
    boolean sameReminder = reminder.equals(reminderAt);
    return new Task(id, tenantId, version, links, subject, description, due, priority, owner,
        reminder, sameReminder ? reminderHandledAt : Optional.empty(), status, endedAt, createdAt, now);
  }

  /**
   * Records that the host handled (sent) the due reminder, so it is no longer returned as due.
   *
   * @throws IllegalTransitionException if it is not open or has no reminder
   */
  public Task reminderHandled(Instant now) {
    requireOpen("handleReminder");
    if (reminderAt.isEmpty()) {
      throw new IllegalTransitionException("task", "without reminder", "handleReminder");
    }
    return new Task(id, tenantId, version, links, subject, description, dueAt, priority, owner,
        reminderAt, Optional.of(now), status, endedAt, createdAt, now);
  }

  private Task ended(TaskStatus to, Instant at, Instant now) {
    return new Task(id, tenantId, version, links, subject, description, dueAt, priority, owner,
        reminderAt, reminderHandledAt, to, Optional.of(at), createdAt, now);
  }

  private void requireOpen(Object to) {
    if (status != TaskStatus.OPEN) {
      throw new IllegalTransitionException("task", status, to);
    }
  }
}
