package dev.rapport.crm.jpa;

import dev.rapport.crm.audit.AuditEntry;
import dev.rapport.crm.audit.AuditRepository;
import dev.rapport.crm.audit.FieldChange;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit trail on JPA ({@code crm_audit}): entries persisted with the command (one batch),
 * read per record and per actor by keyset pages over their indexes.
 */
final class JpaAudit implements AuditRepository {
  private final JpaUnitOfWork uow;
  /** The rows this unit wrote, to detach at the end. */
  private final List<AuditEntity> written = new ArrayList<>();

  JpaAudit(JpaUnitOfWork uow) {
    this.uow = uow;
    uow.detachable(() -> written);
  }

  @Override
  public void add(List<AuditEntry> entries) {
    uow.requireOpen();
    for (AuditEntry e : entries) {
      if (!e.tenantId().equals(uow.tenant())) {
        throw new IllegalArgumentException("the audit entry belongs to tenant " + e.tenantId() + ", not " + uow.tenant());
      }
      AuditEntity row = new AuditEntity();
      row.id = e.id();
      row.tenantId = e.tenantId().value();
      row.at = Mapping.toColumn(e.at());
      row.actor = e.actor();
      row.recordType = e.recordType();
      row.recordId = e.recordId();
      row.action = e.action();
      row.changes = changes(e.changes());
      uow.em().persist(row);
      written.add(row);
    }
  }

  @Override
  public Page<AuditEntry> ofRecord(UUID recordId, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(recordId, "recordId");
    return page("e.recordId = :key", recordId, page);
  }

  @Override
  public long countOfRecord(UUID recordId) {
    uow.requireOpen();
    Objects.requireNonNull(recordId, "recordId");
    return count("e.recordId = :key", recordId);
  }

  @Override
  public Page<AuditEntry> byActor(String actor, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(actor, "actor");
    return page("e.actor = :key", actor, page);
  }

  @Override
  public long countByActor(String actor) {
    uow.requireOpen();
    Objects.requireNonNull(actor, "actor");
    return count("e.actor = :key", actor);
  }

  @Override
  public List<AuditEntry> ofRecords(Collection<UUID> recordIds) {
    uow.requireOpen();
    uow.flush(); // this unit's own entries count
    List<AuditEntry> found = new ArrayList<>();
    for (List<UUID> chunk : Rows.chunks(List.copyOf(new LinkedHashSet<>(recordIds)))) {
      uow.em().createQuery("select e from RapportAudit e where e.tenantId = :tenant and e.recordId in :ids",
              AuditEntity.class).setParameter("tenant", uow.tenant().value()).setParameter("ids", chunk)
          .getResultList().forEach(e -> found.add(toDomain(e)));
    }
    found.sort(java.util.Comparator.comparing(AuditEntry::id));
    return found;
  }

  @Override
  public void rewrite(Collection<AuditEntry> entries) {
    uow.requireOpen();
    uow.flush();
    for (AuditEntry e : entries) {
      uow.em().createQuery("update RapportAudit e set e.changes = :changes where e.tenantId = :tenant and e.id = :id")
          .setParameter("changes", changes(e.changes())).setParameter("tenant", uow.tenant().value())
          .setParameter("id", e.id()).executeUpdate();
    }
  }

  private Page<AuditEntry> page(String where, Object key, PageRequest page) {
    uow.flush();
    TypedQuery<AuditEntity> q = uow.em().createQuery("select e from RapportAudit e where e.tenantId = :tenant and "
            + where + (page.after().isPresent() ? " and e.id > :after" : "") + " order by e.id", AuditEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("key", key).setMaxResults(page.size() + 1);
    page.after().ifPresent(a -> q.setParameter("after", UUID.fromString(a)));
    List<AuditEntry> found = q.getResultList().stream().map(JpaAudit::toDomain).toList();
    return Rows.toPage(found, page.size(), AuditEntry::id);
  }

  private long count(String where, Object key) {
    uow.flush();
    return uow.em().createQuery("select count(e) from RapportAudit e where e.tenantId = :tenant and " + where, Long.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("key", key).getSingleResult();
  }

  private static String changes(List<FieldChange> changes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FieldChange c : changes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("field", c.field());
      row.put("from", c.from().orElse(null));
      row.put("to", c.to().orElse(null));
      rows.add(row);
    }
    return Json.write(rows);
  }

  private static AuditEntry toDomain(AuditEntity e) {
    List<FieldChange> changes = new ArrayList<>();
    for (Map<String, Object> row : Json.readObjects(e.changes)) {
      changes.add(new FieldChange((String) row.get("field"), Optional.ofNullable((String) row.get("from")),
          Optional.ofNullable((String) row.get("to"))));
    }
    return new AuditEntry(e.id, TenantId.of(e.tenantId), Mapping.fromColumn(e.at), e.actor, e.recordType, e.recordId,
        e.action, changes);
  }
}
