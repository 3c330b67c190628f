package dev.rapport.crm.contact;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact gave or withdrew marketing consent, through {@code source}: raised when a contact is
 * created with consent, when consent is recorded ({@code crm.contacts().recordConsent}) and when it
 * is withdrawn through a campaign's unsubscribe link. It shows in the contact's timeline: the
 * history of consent, with where each change came from.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param contactId the contact
 * @param granted whether consent is now given
 * @param source how it was given or withdrawn
 * @param recordedAt the consent's own time
 */
public record ContactConsentRecorded(TenantId tenantId, Instant occurredAt, ContactId contactId, boolean granted,
    String source, Instant recordedAt) implements ContactEvent {
  @Override
  public String aggregateType() {
    return "contact";
  }

  @Override
  public UUID aggregateId() {
    return contactId.value();
  }
}
