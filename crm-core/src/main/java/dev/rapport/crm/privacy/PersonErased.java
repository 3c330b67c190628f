package dev.rapport.crm.privacy;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person was erased ({@link PrivacyService#erase}, or by retention): a host erases them in its
 * own systems too on this event. Carries the ids of the records anonymised, no personal data.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param erasureId the erasure ({@link Erasure#id})
 * @param leads the leads anonymised
 * @param contacts the contacts anonymised
 */
public record PersonErased(TenantId tenantId, Instant occurredAt, UUID erasureId, List<LeadId> leads,
    List<ContactId> contacts) implements PrivacyEvent {
  /** Copies the lists. */
  public PersonErased {
    leads = List.copyOf(leads);
    contacts = List.copyOf(contacts);
  }

  @Override
  public String aggregateType() {
    return "erasure";
  }

  @Override
  public UUID aggregateId() {
    return erasureId;
  }
}
