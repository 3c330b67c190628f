package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Leads were merged into one: the {@code merged} leads are gone (their ids now lead to the
 * survivor) and everything that was linked to them is linked to the survivor.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param mergeId the merge, for {@link LeadService#undoMerge}
 * @param survivorId the lead that remains
 * @param mergedIds the leads merged into it, in the order given
 */
public record LeadsMerged(TenantId tenantId, Instant occurredAt, UUID mergeId, LeadId survivorId,
    List<LeadId> mergedIds) implements LeadEvent {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public LeadsMerged {
    Check.notNull(tenantId, "tenantId");
    Check.notNull(occurredAt, "occurredAt");
    Check.notNull(mergeId, "mergeId");
    Check.notNull(survivorId, "survivorId");
    mergedIds = List.copyOf(Check.noNulls(mergedIds, "mergedIds"));
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
