package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.activity.Priority;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskStatus;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.activity.TaskRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The tasks of one unit of work, in {@code crm_task}. */
final class JpaTasks implements TaskRepository {
  static final Kind<Task, TaskEntity> KIND = new Kind<>("task", "RapportTask", TaskEntity.class,
      t -> t.id().value(), Task::tenantId, Task::version, Versions.of(Task.class)::with, TaskEntity::new,
      JpaTasks::domainToEntity, e -> e.id, e -> e.version, JpaTasks::state);

  private final JpaUnitOfWork uow;
  private final Rows<Task, TaskEntity> rows;

  JpaTasks(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaTasks::entityToDomain);
  }

  @Override
  public Optional<Task> find(TaskId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public List<Task> findAll(Collection<TaskId> ids) {
    uow.requireOpen();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<UUID> values = ids.stream().map(TaskId::value).distinct().toList();
    return rows.list(" and e.id in :ids", Map.of("ids", values)).stream().map(rows::toDomain).toList();
  }

  @Override
  public Page<Task> list(PageRequest page) {
    uow.requireOpen();
    return toPage(rows.page("", Map.of(), page), page);
  }

  @Override
  public Page<Task> openDueBy(Optional<String> owner, Instant before, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(before, "before");
    Map<String, Object> p = new LinkedHashMap<>();
    return toPage(rows.page(dueBefore(owner, before, p), p, page), page);
  }

  @Override
  public long countOpenDueBy(Optional<String> owner, Instant before) {
    uow.requireOpen();
    Objects.requireNonNull(before, "before");
    Map<String, Object> p = new LinkedHashMap<>();
    return rows.count(dueBefore(owner, before, p), p);
  }

  /** The conditions of open tasks due before the instant, of the owner if given; parameters go into {@code p}. */
  private static String dueBefore(Optional<String> owner, Instant before, Map<String, Object> p) {
    StringBuilder where = new StringBuilder(" and e.status = :status and e.dueAt < :before");
    p.put("status", TaskStatus.OPEN.name());
    p.put("before", toColumn(before));
    owner.ifPresent(o -> {
      where.append(" and e.owner = :owner");
      p.put("owner", o);
    });
    return where.toString();
  }

  @Override
  public Page<Task> remindersDue(Instant now, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(now, "now");
    return toPage(rows.page(" and e.status = :status and e.reminderAt <= :now and e.reminderHandledAt is null",
        Rows.params("status", TaskStatus.OPEN.name(), "now", toColumn(now)), page), page);
  }

  private Page<Task> toPage(List<TaskEntity> found, PageRequest page) {
    return Rows.toPage(found.stream().map(rows::toDomain).toList(), page.size(), t -> t.id().value());
  }

  @Override
  public Task insert(Task task) {
    uow.requireOpen();
    return rows.toDomain(rows.insert(task));
  }

  @Override
  public Task update(Task task) {
    uow.requireOpen();
    return rows.stored(rows.update(task), task);
  }

  // ---- mapping

  static void domainToEntity(Task t, TaskEntity e) {
    e.id = t.id().value();
    e.tenantId = t.tenantId().value();
    e.leadId = JpaLinks.lead(t.links());
    e.contactId = JpaLinks.contact(t.links());
    e.accountId = JpaLinks.account(t.links());
    e.opportunityId = JpaLinks.opportunity(t.links());
    e.subject = t.subject();
    e.description = orNull(t.description());
    e.dueAt = toColumn(t.dueAt());
    e.priority = t.priority().name();
    e.owner = orNull(t.owner());
    e.reminderAt = t.reminderAt().map(Mapping::toColumn).orElse(null);
    e.reminderHandledAt = t.reminderHandledAt().map(Mapping::toColumn).orElse(null);
    e.status = t.status().name();
    e.endedAt = t.endedAt().map(Mapping::toColumn).orElse(null);
    e.createdAt = toColumn(t.createdAt());
    e.updatedAt = toColumn(t.updatedAt());
  }

  static Task entityToDomain(TaskEntity e, long version) {
    return new Task(TaskId.of(e.id), TenantId.of(e.tenantId), version,
        JpaLinks.of(e.leadId, e.contactId, e.accountId, e.opportunityId), e.subject,
        Optional.ofNullable(e.description), fromColumn(e.dueAt), Priority.valueOf(e.priority),
        Optional.ofNullable(e.owner), Optional.ofNullable(e.reminderAt).map(Mapping::fromColumn),
        Optional.ofNullable(e.reminderHandledAt).map(Mapping::fromColumn), TaskStatus.valueOf(e.status),
        Optional.ofNullable(e.endedAt).map(Mapping::fromColumn), fromColumn(e.createdAt),
        fromColumn(e.updatedAt));
  }

  static List<Object> state(TaskEntity e) {
    return Arrays.asList(e.tenantId, e.leadId, e.contactId, e.accountId, e.opportunityId, e.subject,
        e.description, e.dueAt, e.priority, e.owner, e.reminderAt, e.reminderHandledAt, e.status,
        e.endedAt, e.createdAt, e.updatedAt);
  }

  @Override
  public void delete(Task task) {
    uow.requireOpen();
    rows.delete(task);
  }
}
