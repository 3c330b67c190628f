package dev.rapport.crm.contact;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contacts were merged into one: the {@code merged} contacts are gone (their ids now lead to the
 * survivor) and everything that was linked to them is linked to the survivor.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param mergeId the merge, for {@link ContactService#undoMerge}
 * @param survivorId the contact that remains
 * @param mergedIds the contacts merged into it, in the order given
 */
public record ContactsMerged(TenantId tenantId, Instant occurredAt, UUID mergeId, ContactId survivorId,
    List<ContactId> mergedIds) implements ContactEvent {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public ContactsMerged {
    Check.notNull(tenantId, "tenantId");
    Check.notNull(occurredAt, "occurredAt");
    Check.notNull(mergeId, "mergeId");
    Check.notNull(survivorId, "survivorId");
    mergedIds = List.copyOf(Check.noNulls(mergedIds, "mergedIds"));
  }

  @Override
  public String aggregateType() {
    return "contact";
  }

  @Override
  public UUID aggregateId() {
    return survivorId.value();
  }
}
