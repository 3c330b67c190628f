package dev.rapport.crm.jpa;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * What every repository's mapping shares. Each repository maps its own records ({@code
 * domainToEntity} fills every column but the version, which JPA keeps; {@code entityToDomain}
 * rebuilds the record with the version the unit of work reports). Instants are stored as UTC
 * {@code timestamp(6)} (microseconds); amounts at scale 4.
 */
final class Mapping {
  /**
   * The version of a newly stored record, in the domain and in every column. Each entity's
   * {@code @Version} field starts at this value: EclipseLink writes 1 on insert whatever the field
   * holds, and Hibernate keeps the value it is given when it differs from the field's initial
   * value (otherwise it takes a record with an assigned id and version 1 for a detached one).
   */
  static final long FIRST_VERSION = 1;
  /** The scale of stored amounts: enough for every ISO 4217 currency. */
  static final int AMOUNT_SCALE = 4;

  private Mapping() {}

  // ---- time

  static LocalDateTime toColumn(Instant instant) {
    return instant == null ? null
        : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant fromColumn(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  static <T> T orNull(Optional<T> value) {
    return value.orElse(null);
  }

  /** A text member of a JSON object read by {@link Json}, empty if absent or null. */
  static Optional<String> text(Map<String, Object> m, String key) {
    return Optional.ofNullable((String) m.get(key));
  }
}
