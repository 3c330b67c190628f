package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a task: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record TaskId(UUID value) implements Comparable<TaskId> {
  /** @throws ValidationException if the value is null */
  public TaskId {
    Check.notNull(value, "taskId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static TaskId of(UUID value) {
    return new TaskId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static TaskId parse(String value) {
    return new TaskId(Ids.parse(value, "taskId"));
  }

  @Override
  public int compareTo(TaskId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
