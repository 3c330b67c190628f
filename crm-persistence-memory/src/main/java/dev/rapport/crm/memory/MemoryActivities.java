package dev.rapport.crm.memory;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.activity.ActivityRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The activities of one unit of work, in the tenant's activities table. */
final class MemoryActivities implements ActivityRepository {
  static final Kind<ActivityId, Activity> KIND = new Kind<>("activity", Activity::id,
      Activity::version, Versions.of(Activity.class)::with, Activity::tenantId, ActivityId::parse,
      List.of(new Kind.IndexDef<>(Kinds.LINKED, a -> Kinds.linked(a.links()))), Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<ActivityId, Activity> buffer;

  MemoryActivities(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<ActivityId, Activity> buffer() {
    if (buffer == null) {
      buffer = uow.buffer(uow.store().activities);
    }
    return buffer;
  }

  @Override
  public Optional<Activity> find(ActivityId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public List<Activity> findAll(Collection<ActivityId> ids) {
    uow.requireOpen();
    return List.copyOf(buffer().findAll(ids));
  }

  @Override
  public Page<Activity> list(PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(), a -> true, page);
  }

  @Override
  public Activity insert(Activity activity) {
    uow.requireOpen();
    return buffer().insert(activity);
  }

  @Override
  public Activity update(Activity activity) {
    uow.requireOpen();
    return buffer().update(activity);
  }

  @Override
  public void delete(Activity activity) {
    uow.requireOpen();
    buffer().delete(activity);
  }
}
