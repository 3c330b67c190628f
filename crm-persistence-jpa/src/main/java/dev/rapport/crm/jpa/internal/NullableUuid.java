package dev.rapport.crm.jpa.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Internal: public only because JPA providers instantiate converters reflectively; may change
 * without notice. Passes a nullable UUID column through unchanged. Declared on the columns that may be null so
 * that every provider reads and writes their null through the JPA converter contract (EclipseLink
 * 4.0's built-in UUID conversion fails on a null column value).
 */
@Converter
public final class NullableUuid implements AttributeConverter<UUID, UUID> {
  /** For the JPA provider. */
  public NullableUuid() {}

  @Override
  public UUID convertToDatabaseColumn(UUID attribute) {
    return attribute;
  }

  @Override
  public UUID convertToEntityAttribute(UUID dbData) {
    return dbData;
  }
}
