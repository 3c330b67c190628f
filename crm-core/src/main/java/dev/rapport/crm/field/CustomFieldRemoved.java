package dev.rapport.crm.field;

import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A custom field was removed: its values stay readable, it takes no new ones.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param kind the kind of record it belonged to
 * @param key its key
 */
public record CustomFieldRemoved(TenantId tenantId, Instant occurredAt, RecordKind kind, String key)
    implements FieldEvent {
  @Override
  public String aggregateType() {
    return "custom_field";
  }

  @Override
  public UUID aggregateId() {
    return CustomFieldService.idOf(kind, key);
  }
}
