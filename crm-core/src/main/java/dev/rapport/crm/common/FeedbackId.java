package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a feedback answer: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record FeedbackId(UUID value) implements Comparable<FeedbackId> {
  /** @throws ValidationException if the value is null */
  public FeedbackId {
    Check.notNull(value, "feedbackId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static FeedbackId of(UUID value) {
    return new FeedbackId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static FeedbackId parse(String value) {
    return new FeedbackId(Ids.parse(value, "feedbackId"));
  }

  @Override
  public int compareTo(FeedbackId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
