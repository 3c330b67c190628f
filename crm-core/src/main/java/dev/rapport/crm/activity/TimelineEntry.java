package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the timeline index, as adapters store it: an activity, a task or a history line
 * filed under one subject (a lead, contact, account or opportunity). An activity or task linked to
 * three records has three entries. Hosts read timelines through {@link TimelineService}; this
 * record is for adapters.
 *
 * @param id the entry's id (time-ordered)
 * @param tenantId the tenant
 * @param subjectId the record whose timeline shows it
 * @param occurredAt where it sorts: when the activity happened, the task was created, the event occurred
 * @param kind what it shows
 * @param refId the activity's or task's id; present exactly for those kinds
 * @param event the event's type (e.g. {@code LeadConverted}); present exactly for history
 * @param summary one line about the event; present exactly for history
 */
public record TimelineEntry(UUID id, TenantId tenantId, UUID subjectId, Instant occurredAt,
    TimelineItem.Kind kind, Optional<UUID> refId, Optional<String> event, Optional<String> summary) {

  /** @throws ValidationException if a part is null, a text is too long, or the parts do not fit the kind */
  public TimelineEntry {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNull(subjectId, "subjectId");
    occurredAt = Check.instant(occurredAt, "occurredAt");
    Check.notNull(kind, "kind");
    Check.notNull(refId, "refId");
    event = Activity.optionalText(event, "event", Limits.CODE * 2);
    summary = Activity.optionalText(summary, "summary", Limits.TIMELINE_SUMMARY);
    boolean history = kind == TimelineItem.Kind.HISTORY;
    if (refId.isPresent() == history || event.isPresent() != history || summary.isPresent() != history) {
      throw new ValidationException("kind", "an activity or task entry has a refId and no event, a history entry an event and a summary");
    }
  }
}
