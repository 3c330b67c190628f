package dev.rapport.crm.field;

import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A custom field's key was renamed; the records that had a value of it have it under the new key.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param kind the kind of record the field belongs to
 * @param from the old key
 * @param to the new key
 * @param records how many records had a value moved
 */
public record CustomFieldRenamed(TenantId tenantId, Instant occurredAt, RecordKind kind, String from, String to,
    int records) implements FieldEvent {
  @Override
  public String aggregateType() {
    return "custom_field";
  }

  @Override
  public UUID aggregateId() {
    return CustomFieldService.idOf(kind, to);
  }
}
