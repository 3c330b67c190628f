package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a activity: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record ActivityId(UUID value) implements Comparable<ActivityId> {
  /** @throws ValidationException if the value is null */
  public ActivityId {
    Check.notNull(value, "activityId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static ActivityId of(UUID value) {
    return new ActivityId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static ActivityId parse(String value) {
    return new ActivityId(Ids.parse(value, "activityId"));
  }

  @Override
  public int compareTo(ActivityId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
