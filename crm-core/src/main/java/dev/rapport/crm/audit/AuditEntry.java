package dev.rapport.crm.audit;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change of one record by one command: who, when, which record, what happened, and which
 * fields changed from what to what. Written in the command's unit of work; never changed after
 * (an erasure clears the values that name an erased person).
 *
 * @param id the entry's id (time-ordered: entries page in the order they were written)
 * @param tenantId the tenant
 * @param at when, by the {@code Crm}'s clock
 * @param actor who: the actor the {@code Crm} acted for ({@code crm.as(actor)}, or the builder's)
 * @param recordType the record's kind, as events name it ({@code "lead"}, {@code "opportunity"})
 * @param recordId the record's id
 * @param action what happened: the event's name ({@code "LeadStatusChanged"}), or {@code "Changed"}
 *     for a change that raises none
 * @param changes the fields that changed; for an event without a stored before and after, the
 *     event's own values (as {@code to})
 */
public record AuditEntry(UUID id, TenantId tenantId, Instant at, String actor, String recordType, UUID recordId,
    String action, List<FieldChange> changes) {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null or a text blank or too long */
  public AuditEntry {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    at = Check.instant(at, "at");
    Check.text(actor, "actor", dev.rapport.crm.common.Limits.TEXT);
    Check.text(recordType, "recordType", 50);
    Check.notNull(recordId, "recordId");
    Check.text(action, "action", 100);
    changes = List.copyOf(Check.notNull(changes, "changes"));
  }
}
