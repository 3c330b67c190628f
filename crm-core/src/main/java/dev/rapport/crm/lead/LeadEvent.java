package dev.rapport.crm.lead;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a lead: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface LeadEvent extends CrmEvent permits LeadCaptured, LeadDeleted, LeadStatusChanged, LeadTemperatureChanged, LeadConverted,
    LeadsMerged, LeadMergeUndone {}
