package dev.rapport.crm.memory;

import dev.rapport.crm.activity.Task;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.activity.TaskStatus;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.activity.TaskRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tasks of one unit of work, in the tenant's tasks table, indexed by status and owner: the
 * lists of open tasks walk the open ones (of the owner), not every task.
 */
final class MemoryTasks implements TaskRepository {
  static final Kind<TaskId, Task> KIND = new Kind<>("task", Task::id, Task::version,
      Versions.of(Task.class)::with, Task::tenantId, TaskId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.STATUS, t -> List.of(t.status())),
          new Kind.IndexDef<>(Kinds.OWNER, t -> t.owner().stream().toList()),
          new Kind.IndexDef<>(Kinds.LINKED, t -> Kinds.linked(t.links()))),
      Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<TaskId, Task> buffer;

  MemoryTasks(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<TaskId, Task> buffer() {
    if (buffer == null) {
      buffer = uow.buffer(uow.store().tasks);
    }
    return buffer;
  }

  @Override
  public Optional<Task> find(TaskId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public List<Task> findAll(Collection<TaskId> ids) {
    uow.requireOpen();
    return List.copyOf(buffer().findAll(ids));
  }

  @Override
  public Page<Task> list(PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(), t -> true, page);
  }

  @Override
  public Page<Task> openDueBy(Optional<String> owner, Instant before, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(before, "before");
    return buffer().page(dueCandidates(owner), dueBefore(owner, before), page);
  }

  @Override
  public long countOpenDueBy(Optional<String> owner, Instant before) {
    uow.requireOpen();
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(before, "before");
    return buffer().count(dueCandidates(owner), dueBefore(owner, before));
  }

  private static List<List<Buffer.IndexKey>> dueCandidates(Optional<String> owner) {
    List<List<Buffer.IndexKey>> candidates = new ArrayList<>();
    candidates.add(Buffer.keys(Kinds.STATUS, List.of(TaskStatus.OPEN)));
    candidates.add(Buffer.keys(Kinds.OWNER, owner.stream().toList()));
    return candidates;
  }

  private static java.util.function.Predicate<Task> dueBefore(Optional<String> owner, Instant before) {
    return t -> t.status() == TaskStatus.OPEN && t.dueAt().isBefore(before)
        && (owner.isEmpty() || owner.equals(t.owner()));
  }

  @Override
  public Page<Task> remindersDue(Instant now, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(now, "now");
    return buffer().page(List.of(Buffer.keys(Kinds.STATUS, List.of(TaskStatus.OPEN))),
        t -> t.isReminderDue(now), page);
  }

  @Override
  public Task insert(Task task) {
    uow.requireOpen();
    return buffer().insert(task);
  }

  @Override
  public Task update(Task task) {
    uow.requireOpen();
    return buffer().update(task);
  }

  @Override
  public void delete(Task task) {
    uow.requireOpen();
    buffer().delete(task);
  }
}
