package dev.rapport.crm.internal.context;

import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.List;

/**
 * Writes the audit trail of a command in its unit of work, before commit: implemented above the
 * feature packages, a setting of the {@code Crm} (absent when the trail is off). Internal.
 */
@FunctionalInterface
public interface AuditHook {
  /** A record changed by the command: its kind ({@code "lead"}), id, and the record before and after. */
  record Change(String kind, Object id, Object before, Object after) {}

  /** Records who did what: the command's events and the changes it made through {@link Versioned}. */
  void record(UnitOfWork uow, String actor, Instant at, List<CrmEvent> events, List<Change> changes);
}
