package dev.rapport.crm.common;

import java.util.Objects;

/**
 * What an idempotent command answers: the stored record, and whether this call stored it or found it
 * already stored with the same content (a repeat). A host that re-sends an invoice after a timeout
 * gets the stored sale back either way and can tell the two apart, e.g. to answer HTTP 201 or 200.
 *
 * @param value the stored record
 * @param repeat whether the same content was already stored, so that this call changed nothing and
 *     raised no event
 * @param <T> the record type
 */
public record Recorded<T>(T value, boolean repeat) {
  /** @throws NullPointerException if {@code value} is null */
  public Recorded {
    Objects.requireNonNull(value, "value");
  }

  /**
   * A record this call stored.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> Recorded<T> created(T value) {
    return new Recorded<>(value, false);
  }

  /**
   * A record found already stored with the same content.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> Recorded<T> repeated(T value) {
    return new Recorded<>(value, true);
  }

  /** Whether this call stored the record: the opposite of {@link #repeat()}. */
  public boolean created() {
    return !repeat;
  }
}
