package dev.rapport.crm.field;

import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A record's custom field values were set ({@code setFields} of its service).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param kind the kind of record
 * @param recordId the record's id
 * @param before its values before
 * @param after its values now
 */
public record CustomFieldsChanged(TenantId tenantId, Instant occurredAt, RecordKind kind, UUID recordId,
    CustomFields before, CustomFields after) implements FieldEvent {
  /**
   * The event of a record's values going from {@code before} to {@code after}, or empty when they
   * are the same (a record made without values raises none).
   *
   * @throws NullPointerException if an argument is null
   */
  public static java.util.Optional<CustomFieldsChanged> between(TenantId tenantId, Instant at, RecordKind kind,
      UUID recordId, CustomFields before, CustomFields after) {
    return before.equals(after) ? java.util.Optional.empty()
        : java.util.Optional.of(new CustomFieldsChanged(tenantId, at, kind, recordId, before, after));
  }

  @Override
  public String aggregateType() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public UUID aggregateId() {
    return recordId;
  }
}
