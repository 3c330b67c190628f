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
  @Override
  public String aggregateType() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public UUID aggregateId() {
    return recordId;
  }
}
