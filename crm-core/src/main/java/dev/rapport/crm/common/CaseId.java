package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a service case: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record CaseId(UUID value) implements Comparable<CaseId> {
  /** @throws ValidationException if the value is null */
  public CaseId {
    Check.notNull(value, "caseId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static CaseId of(UUID value) {
    return new CaseId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static CaseId parse(String value) {
    return new CaseId(Ids.parse(value, "caseId"));
  }

  @Override
  public int compareTo(CaseId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
