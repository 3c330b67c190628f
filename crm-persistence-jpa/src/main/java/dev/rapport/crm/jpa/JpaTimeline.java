package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.activity.TimelineRepository;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The timeline index of one unit of work, in {@code crm_timeline_entry}. A page is one query on
 * the index {@code (tenant_id, subject_id, occurred_at, id)}, newest first, after one look-up of
 * the cursor's entry. Rows are only inserted (in JDBC batches at flush) and detached at the end.
 */
final class JpaTimeline implements TimelineRepository {
  private final JpaUnitOfWork uow;
  private final Set<TimelineEntryEntity> written = Collections.newSetFromMap(new IdentityHashMap<>());

  JpaTimeline(JpaUnitOfWork uow) {
    this.uow = uow;
    uow.detachable(() -> written);
  }

  @Override
  public void add(List<TimelineEntry> entries) {
    uow.requireOpen();
    for (TimelineEntry entry : entries) {
      if (!uow.tenant().equals(entry.tenantId())) {
        throw new IllegalArgumentException("the timeline entry belongs to tenant " + entry.tenantId()
            + ", not to this unit of work's tenant " + uow.tenant());
      }
    }
    if (uow.bulk(entries.size())) {
      List<TimelineEntryEntity> made = new java.util.ArrayList<>(entries.size());
      for (TimelineEntry entry : entries) {
        made.add(toEntity(entry));
      }
      uow.flush(); // an entry's activity or task first
      PostgresBulk.insert(uow.em(), "crm_timeline_entry", COLUMNS, made);
      return;
    }
    for (TimelineEntry entry : entries) {
      TimelineEntryEntity e = toEntity(entry);
      uow.em().persist(e);
      written.add(e);
    }
  }

  /** The columns of {@code crm_timeline_entry}, for {@link PostgresBulk}. */
  static final List<PostgresBulk.Column<TimelineEntryEntity>> COLUMNS = List.of(
      new PostgresBulk.Column<>("id", "uuid", e -> e.id),
      new PostgresBulk.Column<>("tenant_id", "varchar", e -> e.tenantId),
      new PostgresBulk.Column<>("subject_id", "uuid", e -> e.subjectId),
      new PostgresBulk.Column<>("occurred_at", "timestamp", e -> e.occurredAt),
      new PostgresBulk.Column<>("kind", "varchar", e -> e.kind),
      new PostgresBulk.Column<>("activity_id", "uuid", e -> e.activityId),
      new PostgresBulk.Column<>("task_id", "uuid", e -> e.taskId),
      new PostgresBulk.Column<>("event_type", "varchar", e -> e.eventType),
      new PostgresBulk.Column<>("summary", "varchar", e -> e.summary));

  @Override
  public Page<TimelineEntry> page(Collection<UUID> subjects, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(subjects, "subjects");
    if (subjects.isEmpty()) {
      return new Page<>(List.of(), Optional.empty());
    }
    String tenant = uow.tenant().value();
    StringBuilder jpql = new StringBuilder("select e from RapportTimelineEntry e where e.tenantId = :tenant"
        + " and e.subjectId in :subjects");
    LocalDateTime at = null;
    UUID cursor = null;
    if (page.after().isPresent()) {
      cursor = UUID.fromString(page.after().get());
      List<LocalDateTime> found = uow.em().createQuery("select e.occurredAt from RapportTimelineEntry e"
              + " where e.tenantId = :tenant and e.id = :id", LocalDateTime.class)
          .setParameter("tenant", tenant).setParameter("id", cursor).getResultList();
      if (found.isEmpty()) {
        throw new NotFoundException("timelineEntry", cursor);
      }
      at = found.get(0);
      jpql.append(" and (e.occurredAt < :at or (e.occurredAt = :at and e.id < :cursor))");
    }
    jpql.append(" order by e.occurredAt desc, e.id desc");
    TypedQuery<TimelineEntryEntity> q = uow.em().createQuery(jpql.toString(), TimelineEntryEntity.class)
        .setParameter("tenant", tenant)
        .setParameter("subjects", List.copyOf(subjects))
        .setMaxResults(page.size() + 1);
    if (cursor != null) {
      q.setParameter("at", at).setParameter("cursor", cursor);
    }
    List<TimelineEntry> found = detached(q.getResultList());
    return Rows.toPage(found, page.size(), TimelineEntry::id);
  }

  @Override
  public Page<TimelineEntry> list(PageRequest page) {
    uow.requireOpen();
    StringBuilder jpql = new StringBuilder("select e from RapportTimelineEntry e where e.tenantId = :tenant");
    page.after().ifPresent(a -> jpql.append(" and e.id > :after"));
    jpql.append(" order by e.id");
    TypedQuery<TimelineEntryEntity> q = uow.em().createQuery(jpql.toString(), TimelineEntryEntity.class)
        .setParameter("tenant", uow.tenant().value())
        .setMaxResults(page.size() + 1);
    page.after().ifPresent(a -> q.setParameter("after", UUID.fromString(a)));
    return Rows.toPage(detached(q.getResultList()), page.size(), TimelineEntry::id);
  }

  @Override
  public List<LeadId> leadsConvertedInto(UUID contactOrAccount) {
    uow.requireOpen();
    Objects.requireNonNull(contactOrAccount, "contactOrAccount");
    return uow.em().createQuery("select e.id from RapportLead e where e.tenantId = :tenant"
            + " and (e.convertedContactId = :subject or e.convertedAccountId = :subject) order by e.id", UUID.class)
        .setParameter("tenant", uow.tenant().value())
        .setParameter("subject", contactOrAccount)
        .getResultList().stream().map(LeadId::of).toList();
  }

  /** The entries, mapped; the entities the query loaded are detached (they never change). */
  private List<TimelineEntry> detached(List<TimelineEntryEntity> entities) {
    List<TimelineEntry> out = new ArrayList<>(entities.size());
    for (TimelineEntryEntity e : entities) {
      out.add(toDomain(e));
      if (!written.contains(e) && uow.em().contains(e)) {
        uow.em().detach(e);
      }
    }
    return out;
  }

  private static TimelineEntryEntity toEntity(TimelineEntry t) {
    TimelineEntryEntity e = new TimelineEntryEntity();
    e.id = t.id();
    e.tenantId = t.tenantId().value();
    e.subjectId = t.subjectId();
    e.occurredAt = toColumn(t.occurredAt());
    e.kind = t.kind().name();
    e.activityId = t.kind() == TimelineItem.Kind.ACTIVITY ? t.refId().orElseThrow() : null;
    e.taskId = t.kind() == TimelineItem.Kind.TASK ? t.refId().orElseThrow() : null;
    e.eventType = t.event().orElse(null);
    e.summary = t.summary().orElse(null);
    return e;
  }

  private static TimelineEntry toDomain(TimelineEntryEntity e) {
    TimelineItem.Kind kind = TimelineItem.Kind.valueOf(e.kind);
    Optional<UUID> ref = Optional.ofNullable(kind == TimelineItem.Kind.ACTIVITY ? e.activityId : e.taskId);
    return new TimelineEntry(e.id, TenantId.of(e.tenantId), e.subjectId, fromColumn(e.occurredAt), kind,
        ref, Optional.ofNullable(e.eventType), Optional.ofNullable(e.summary));
  }

  @Override
  public List<TimelineEntry> entriesOf(UUID subject) {
    uow.requireOpen();
    uow.flush(); // this unit's own entries count
    return detached(uow.em().createQuery("select e from RapportTimelineEntry e where e.tenantId = :tenant"
            + " and e.subjectId = :subject order by e.id", TimelineEntryEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("subject", subject).getResultList());
  }

  @Override
  public List<TimelineEntry> entriesShowing(Collection<UUID> refs) {
    uow.requireOpen();
    uow.flush();
    java.util.TreeMap<UUID, TimelineEntry> found = new java.util.TreeMap<>();
    for (List<UUID> chunk : Rows.chunks(List.copyOf(new java.util.LinkedHashSet<>(refs)))) {
      detached(uow.em().createQuery("select e from RapportTimelineEntry e where e.tenantId = :tenant"
              + " and (e.activityId in :refs or e.taskId in :refs)", TimelineEntryEntity.class)
          .setParameter("tenant", uow.tenant().value()).setParameter("refs", chunk).getResultList())
          .forEach(t -> found.put(t.id(), t));
    }
    return List.copyOf(found.values());
  }

  @Override
  public void delete(Collection<TimelineEntry> entries) {
    uow.requireOpen();
    if (entries.isEmpty()) {
      return;
    }
    uow.flush(); // entries the unit added go to the table first, then out with the rest
    for (List<UUID> chunk : Rows.chunks(entries.stream().map(TimelineEntry::id).distinct().toList())) {
      uow.em().createQuery("delete from RapportTimelineEntry e where e.tenantId = :tenant and e.id in :ids")
          .setParameter("tenant", uow.tenant().value()).setParameter("ids", chunk).executeUpdate();
    }
  }

  @Override
  public void rewrite(Collection<TimelineEntry> entries) {
    uow.requireOpen();
    if (entries.isEmpty()) {
      return;
    }
    uow.flush(); // entries the unit added are rows before their summaries change
    for (TimelineEntry e : entries) {
      uow.em().createQuery("update RapportTimelineEntry e set e.summary = :summary where e.tenantId = :tenant and e.id = :id")
          .setParameter("summary", e.summary().orElse(null)).setParameter("tenant", uow.tenant().value())
          .setParameter("id", e.id()).executeUpdate();
    }
  }
}
