package dev.rapport.crm.audit;

import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The audit trail of one tenant, inside one unit of work. */
public interface AuditRepository {

  /** Stores new entries (written with the command that made them). */
  void add(List<AuditEntry> entries);

  /** The entries of one record, oldest first (id order), keyset-paged. */
  Page<AuditEntry> ofRecord(UUID recordId, PageRequest page);

  /** How many entries one record has. */
  long countOfRecord(UUID recordId);

  /** The entries one actor wrote, oldest first (id order), keyset-paged. */
  Page<AuditEntry> byActor(String actor, PageRequest page);

  /** How many entries one actor wrote. */
  long countByActor(String actor);

  /** Every entry of these records, in id order. */
  List<AuditEntry> ofRecords(Collection<UUID> recordIds);

  /** Stores new changes of these entries (their other parts stay; an erasure clears values so). */
  void rewrite(Collection<AuditEntry> entries);
}
