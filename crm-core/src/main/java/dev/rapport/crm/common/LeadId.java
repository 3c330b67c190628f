package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a lead: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record LeadId(UUID value) implements Comparable<LeadId> {
  /** @throws ValidationException if the value is null */
  public LeadId {
    Check.notNull(value, "leadId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static LeadId of(UUID value) {
    return new LeadId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static LeadId parse(String value) {
    return new LeadId(Ids.parse(value, "leadId"));
  }

  @Override
  public int compareTo(LeadId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
