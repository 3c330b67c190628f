package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One item of a timeline page: an activity, a task (as it stands now), or a line of history (the
 * lead was captured, changed status, was converted; the opportunity moved stage, was won ...).
 *
 * @param kind what it shows
 * @param occurredAt where it sorts: when the activity happened, the task was created, the event occurred
 * @param subjectId the record it is filed under: the timeline's own record, or a lead converted into it
 * @param activity the activity; present exactly for {@link Kind#ACTIVITY}
 * @param task the task; present exactly for {@link Kind#TASK}
 * @param event the event's type, e.g. {@code LeadConverted}; present exactly for {@link Kind#HISTORY}
 * @param summary one line about the event; present exactly for {@link Kind#HISTORY}
 */
public record TimelineItem(Kind kind, Instant occurredAt, UUID subjectId, Optional<Activity> activity,
    Optional<Task> task, Optional<String> event, Optional<String> summary) {

  /** What a timeline item shows. */
  public enum Kind {
    /** A logged activity. */
    ACTIVITY,
    /** A task. */
    TASK,
    /** A lifecycle event. */
    HISTORY
  }

  /** @throws ValidationException if a part is null or the parts do not fit the kind */
  public TimelineItem {
    Check.notNull(kind, "kind");
    Check.notNull(occurredAt, "occurredAt");
    Check.notNull(subjectId, "subjectId");
    Check.notNull(activity, "activity");
    Check.notNull(task, "task");
    Check.notNull(event, "event");
    Check.notNull(summary, "summary");
    if (activity.isPresent() != (kind == Kind.ACTIVITY) || task.isPresent() != (kind == Kind.TASK)
        || event.isPresent() != (kind == Kind.HISTORY) || summary.isPresent() != (kind == Kind.HISTORY)) {
      throw new ValidationException("kind", "the item must hold exactly what its kind shows");
    }
  }
}
