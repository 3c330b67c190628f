package dev.rapport.crm.privacy;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens for privacy: the events of this feature, a sealed family under {@link CrmEvent}.
 * {@code Crm.eventTypes()} lists the events of every feature.
 */
public sealed interface PrivacyEvent extends CrmEvent permits PersonErased {}
