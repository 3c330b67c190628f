package dev.rapport.crm.opportunity;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a opportunity: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface OpportunityEvent extends CrmEvent permits OpportunityOpened, OpportunityStageChanged, OpportunityWon, OpportunityLost, OpportunityReopened, OpportunityDeleted {}
