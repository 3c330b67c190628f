package dev.rapport.crm.service;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a service case: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface CaseEvent extends CrmEvent permits CaseOpened, CaseStatusChanged, CaseResolved, CaseDeleted,
    CaseTargetAtRisk, CaseTargetBreached {}
