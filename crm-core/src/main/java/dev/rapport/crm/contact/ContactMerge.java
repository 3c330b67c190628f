package dev.rapport.crm.contact;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One merge of contacts, as {@link ContactService#merge} made it and adapters store it: the
 * survivor before and after, and the merged contacts as they were, which is what
 * {@link ContactService#undoMerge} puts back.
 *
 * @param id the merge's id
 * @param tenantId the tenant
 * @param mergedAt when it was made
 * @param survivorBefore the survivor as it was just before
 * @param survivor the survivor as the merge stored it
 * @param merged the contacts merged into it, as they were, in the plan's order
 * @param undoneAt when it was undone, if it was
 */
public record ContactMerge(UUID id, TenantId tenantId, Instant mergedAt, Contact survivorBefore,
    Contact survivor, List<Contact> merged, Optional<Instant> undoneAt) implements Merge {

  /**
   * @throws ValidationException if a part is null, the survivor's two states are not of one
   *     contact, or {@code merged} is empty, holds the survivor or another tenant's contact
   */
  public ContactMerge {
    mergedAt = Check.instant(mergedAt, "mergedAt");
    merged = dev.rapport.crm.internal.MergeChecks.merge(id, tenantId, survivorBefore, survivor, merged, undoneAt,
        Contact::id, Contact::tenantId, "contact");
    undoneAt = undoneAt.map(at -> Check.instant(at, "undoneAt"));
  }

  /** The ids of the merged contacts, in order. */
  public List<ContactId> mergedIds() {
    return merged.stream().map(Contact::id).toList();
  }

  @Override
  public Kind kind() {
    return Kind.CONTACT;
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
  ContactMerge undoneAt(Instant at) {
    return new ContactMerge(id, tenantId, mergedAt, survivorBefore, survivor, merged, Optional.of(at));
  }
}
