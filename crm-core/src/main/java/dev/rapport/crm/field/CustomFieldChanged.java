package dev.rapport.crm.field;

import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A custom field's definition changed: its label, rules or type.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param before the field as it was
 * @param after the field as it is
 */
public record CustomFieldChanged(TenantId tenantId, Instant occurredAt, CustomField before, CustomField after)
    implements FieldEvent {
  @Override
  public String aggregateType() {
    return "custom_field";
  }

  @Override
  public UUID aggregateId() {
    return CustomFieldService.idOf(after.kind(), after.key());
  }
}
