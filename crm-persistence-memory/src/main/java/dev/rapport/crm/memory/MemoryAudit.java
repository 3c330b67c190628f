package dev.rapport.crm.memory;

import dev.rapport.crm.audit.AuditEntry;
import dev.rapport.crm.audit.AuditRepository;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The audit trail in memory: one table of entries, indexed by record and by actor. */
final class MemoryAudit implements AuditRepository {
  private static final String RECORD = "record";
  private static final String ACTOR = "actor";

  /** Entries are never changed but by erasure, which rewrites their values: their version is always 0. */
  static final Kind<UUID, AuditEntry> KIND = new Kind<>("audit entry", AuditEntry::id, e -> 0L, (e, v) -> e,
      AuditEntry::tenantId, UUID::fromString, List.of(new Kind.IndexDef<>(RECORD, e -> List.of(e.recordId())),
          new Kind.IndexDef<>(ACTOR, e -> List.of(e.actor()))), Optional.empty());

  private final MemoryUnitOfWork uow;

  MemoryAudit(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<UUID, AuditEntry> buffer() {
    return uow.buffer(uow.store().audit);
  }

  @Override
  public void add(List<AuditEntry> entries) {
    uow.requireOpen();
    Buffer<UUID, AuditEntry> b = buffer();
    entries.forEach(b::insert);
  }

  @Override
  public Page<AuditEntry> ofRecord(UUID recordId, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(recordId, "recordId");
    return buffer().page(List.of(Buffer.keys(RECORD, List.of(recordId))), e -> e.recordId().equals(recordId), page);
  }

  @Override
  public long countOfRecord(UUID recordId) {
    uow.requireOpen();
    Objects.requireNonNull(recordId, "recordId");
    return buffer().count(List.of(Buffer.keys(RECORD, List.of(recordId))), e -> e.recordId().equals(recordId));
  }

  @Override
  public Page<AuditEntry> byActor(String actor, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(actor, "actor");
    return buffer().page(List.of(Buffer.keys(ACTOR, List.of(actor))), e -> e.actor().equals(actor), page);
  }

  @Override
  public long countByActor(String actor) {
    uow.requireOpen();
    Objects.requireNonNull(actor, "actor");
    return buffer().count(List.of(Buffer.keys(ACTOR, List.of(actor))), e -> e.actor().equals(actor));
  }

  @Override
  public List<AuditEntry> ofRecords(Collection<UUID> recordIds) {
    uow.requireOpen();
    List<AuditEntry> found = new ArrayList<>();
    for (UUID id : new LinkedHashSet<>(recordIds)) {
      found.addAll(buffer().lookup(RECORD, id));
    }
    found.sort(Comparator.comparing(AuditEntry::id));
    return found;
  }

  @Override
  public void rewrite(Collection<AuditEntry> entries) {
    uow.requireOpen();
    Buffer<UUID, AuditEntry> b = buffer();
    for (AuditEntry e : entries) {
      b.find(e.id()).ifPresent(was -> b.update(new AuditEntry(was.id(), was.tenantId(), was.at(), was.actor(),
          was.recordType(), was.recordId(), was.action(), e.changes())));
    }
  }
}
