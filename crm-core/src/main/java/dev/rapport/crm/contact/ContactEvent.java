package dev.rapport.crm.contact;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a contact or account: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface ContactEvent extends CrmEvent permits AccountCreated, ContactCreated, ContactConsentRecorded, ContactsMerged, ContactMergeUndone, AccountsMerged,
    AccountMergeUndone, ContactDeleted, AccountDeleted {}
