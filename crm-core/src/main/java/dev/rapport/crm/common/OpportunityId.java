package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a opportunity: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record OpportunityId(UUID value) implements Comparable<OpportunityId> {
  /** @throws ValidationException if the value is null */
  public OpportunityId {
    Check.notNull(value, "opportunityId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static OpportunityId of(UUID value) {
    return new OpportunityId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static OpportunityId parse(String value) {
    return new OpportunityId(Ids.parse(value, "opportunityId"));
  }

  @Override
  public int compareTo(OpportunityId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
