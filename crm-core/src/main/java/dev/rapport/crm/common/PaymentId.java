package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a payment: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record PaymentId(UUID value) implements Comparable<PaymentId> {
  /** @throws ValidationException if the value is null */
  public PaymentId {
    Check.notNull(value, "paymentId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static PaymentId of(UUID value) {
    return new PaymentId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static PaymentId parse(String value) {
    return new PaymentId(Ids.parse(value, "paymentId"));
  }

  @Override
  public int compareTo(PaymentId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
