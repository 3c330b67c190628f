package dev.rapport.crm.feedback;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a feedback answer: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface FeedbackEvent extends CrmEvent permits FeedbackReceived, FeedbackDeleted {}
