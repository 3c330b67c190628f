package dev.rapport.crm.activity;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a activity or task: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface ActivityEvent extends CrmEvent permits ActivityLogged, ActivityDeleted, TaskCreated, TaskCompleted, TaskCancelled, TaskRescheduled, TaskDeleted {}
