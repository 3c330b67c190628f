package dev.rapport.crm.field;

import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A custom field was defined.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param field the field
 */
public record CustomFieldDefined(TenantId tenantId, Instant occurredAt, CustomField field) implements FieldEvent {
  @Override
  public String aggregateType() {
    return "custom_field";
  }

  @Override
  public UUID aggregateId() {
    return CustomFieldService.idOf(field.kind(), field.key());
  }
}
