package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One merge of leads, as {@link LeadService#merge} made it and adapters store it: the
 * survivor before and after, and the merged leads as they were, which is what
 * {@link LeadService#undoMerge} puts back.
 *
 * @param id the merge's id
 * @param tenantId the tenant
 * @param mergedAt when it was made
 * @param survivorBefore the survivor as it was just before
 * @param survivor the survivor as the merge stored it
 * @param merged the leads merged into it, as they were, in the plan's order
 * @param undoneAt when it was undone, if it was
 */
public record LeadMerge(UUID id, TenantId tenantId, Instant mergedAt, Lead survivorBefore,
    Lead survivor, List<Lead> merged, Optional<Instant> undoneAt) implements dev.rapport.crm.contact.Merge {

  /**
   * @throws ValidationException if a part is null, the survivor's two states are not of one
   *     lead, or {@code merged} is empty, holds the survivor or another tenant's lead
   */
  public LeadMerge {
    mergedAt = Check.instant(mergedAt, "mergedAt");
    merged = dev.rapport.crm.internal.MergeChecks.merge(id, tenantId, survivorBefore, survivor, merged, undoneAt,
        Lead::id, Lead::tenantId, "lead");
    undoneAt = undoneAt.map(at -> Check.instant(at, "undoneAt"));
  }

  /** The ids of the merged leads, in order. */
  public List<LeadId> mergedIds() {
    return merged.stream().map(Lead::id).toList();
  }

  @Override
  public dev.rapport.crm.contact.Merge.Kind kind() {
    return dev.rapport.crm.contact.Merge.Kind.LEAD;
  }

  @Override
  public java.util.UUID survivorKey() {
    return survivor.id().value();
  }

  @Override
  public List<UUID> mergedKeys() {
    return merged.stream().map(c -> c.id().value()).toList();
  }

  @Override
  public List<String> mergedReferences() {
    return List.of();
  }

  /** This merge marked undone at {@code at}. */
  LeadMerge undoneAt(Instant at) {
    return new LeadMerge(id, tenantId, mergedAt, survivorBefore, survivor, merged, Optional.of(at));
  }
}
