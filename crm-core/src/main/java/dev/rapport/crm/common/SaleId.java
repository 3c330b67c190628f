package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a sale: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record SaleId(UUID value) implements Comparable<SaleId> {
  /** @throws ValidationException if the value is null */
  public SaleId {
    Check.notNull(value, "saleId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static SaleId of(UUID value) {
    return new SaleId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static SaleId parse(String value) {
    return new SaleId(Ids.parse(value, "saleId"));
  }

  @Override
  public int compareTo(SaleId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
