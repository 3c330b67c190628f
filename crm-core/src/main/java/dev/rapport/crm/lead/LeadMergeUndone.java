package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merge of leads was undone: the merged leads are back, with their links, and the survivor
 * has its fields as before the merge.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param mergeId the merge undone
 * @param survivorId the lead the others had been merged into
 * @param restoredIds the leads restored, in the merge's order
 */
public record LeadMergeUndone(TenantId tenantId, Instant occurredAt, UUID mergeId, LeadId survivorId,
    List<LeadId> restoredIds) implements LeadEvent {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public LeadMergeUndone {
    Check.notNull(tenantId, "tenantId");
    Check.notNull(occurredAt, "occurredAt");
    Check.notNull(mergeId, "mergeId");
    Check.notNull(survivorId, "survivorId");
    restoredIds = List.copyOf(Check.noNulls(restoredIds, "restoredIds"));
  }

  @Override
  public String aggregateType() {
    return "lead";
  }

  @Override
  public UUID aggregateId() {
    return survivorId.value();
  }
}
