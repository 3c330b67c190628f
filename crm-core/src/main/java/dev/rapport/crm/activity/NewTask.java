package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A task to create: a to-do about some records, due at a time. Build with {@link #builder}.
 *
 * @param links the records it is about
 * @param subject a one-line subject, at most {@link Limits#TEXT} characters
 * @param description free text, at most {@link Limits#ACTIVITY_BODY} characters
 * @param dueAt when it is due
 * @param priority how urgent it is
 * @param owner who is to do it (a user id of the host), at most {@link Limits#TEXT} characters
 * @param reminderAt when to remind the owner (the host polls {@link TaskService#remindersDue})
 */
public record NewTask(Links links, String subject, Optional<String> description, Instant dueAt,
    Priority priority, Optional<String> owner, Optional<Instant> reminderAt) {

  /** @throws ValidationException if a part is null, a text blank or too long, or an instant out of range */
  public NewTask {
    Check.notNull(links, "links");
    subject = Check.text(subject, "task.subject", Limits.TEXT);
    description = Activity.optionalText(description, "task.description", Limits.ACTIVITY_BODY);
    dueAt = Check.instant(dueAt, "task.dueAt");
    Check.notNull(priority, "task.priority");
    owner = Activity.optionalText(owner, "task.owner", Limits.TEXT);
    Check.notNull(reminderAt, "task.reminderAt");
    reminderAt = reminderAt.map(t -> Check.instant(t, "task.reminderAt"));
  }

  /** Starts a task about some records, with a subject and a due time; priority {@code NORMAL}. */
  public static Builder builder(Links links, String subject, Instant dueAt) {
    return new Builder(links, subject, dueAt);
  }

  /** Builds a {@link NewTask}; every value is checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final Links links;
    private final String subject;
    private final Instant dueAt;
    private String description;
    private Priority priority = Priority.NORMAL;
    private String owner;
    private Instant reminderAt;

    private Builder(Links links, String subject, Instant dueAt) {
      this.links = links;
      this.subject = subject;
      this.dueAt = dueAt;
    }

    /** The free text (null or blank: none). */
    public Builder description(String d) {
      this.description = d;
      return this;
    }

    /** How urgent (default {@code NORMAL}). */
    public Builder priority(Priority p) {
      this.priority = p;
      return this;
    }

    /** Who is to do it (null or blank: nobody named). */
    public Builder owner(String o) {
      this.owner = o;
      return this;
    }

    /** When to remind the owner (null: no reminder). */
    public Builder reminderAt(Instant at) {
      this.reminderAt = at;
      return this;
    }

    /**
     * The task.
     *
     * @throws ValidationException as {@link NewTask#NewTask} says
     */
    public NewTask build() {
      return new NewTask(links, subject, Check.optionalText(description, "task.description", Limits.ACTIVITY_BODY),
          dueAt, priority, Check.optionalText(owner, "task.owner", Limits.TEXT), Optional.ofNullable(reminderAt));
    }
  }
}
