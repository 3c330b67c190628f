package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Outcome;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.activity.ActivityRepository;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The activities of one unit of work, in {@code crm_activity}. */
final class JpaActivities implements ActivityRepository {
  static final Kind<Activity, ActivityEntity> KIND = new Kind<>("activity", "RapportActivity",
      ActivityEntity.class, a -> a.id().value(), Activity::tenantId, Activity::version,
      Versions.of(Activity.class)::with, ActivityEntity::new, JpaActivities::domainToEntity, e -> e.id,
      e -> e.version, JpaActivities::state);

  private final JpaUnitOfWork uow;
  private final Rows<Activity, ActivityEntity> rows;

  JpaActivities(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaActivities::entityToDomain);
  }

  @Override
  public Optional<Activity> find(ActivityId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public List<Activity> findAll(Collection<ActivityId> ids) {
    uow.requireOpen();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<UUID> values = ids.stream().map(ActivityId::value).distinct().toList();
    return rows.list(" and e.id in :ids", Map.of("ids", values)).stream().map(rows::toDomain).toList();
  }

  @Override
  public Page<Activity> list(PageRequest page) {
    uow.requireOpen();
    return Rows.toPage(rows.page("", Map.of(), page).stream().map(rows::toDomain).toList(),
        page.size(), a -> a.id().value());
  }

  @Override
  public Activity insert(Activity activity) {
    uow.requireOpen();
    uow.flush(); // a lead, contact or account this unit made goes first: EclipseLink does not order by foreign key
    return rows.toDomain(rows.insert(activity));
  }

  // ---- mapping

  static void domainToEntity(Activity a, ActivityEntity e) {
    e.id = a.id().value();
    e.tenantId = a.tenantId().value();
    e.type = a.type().code();
    e.leadId = JpaLinks.lead(a.links());
    e.contactId = JpaLinks.contact(a.links());
    e.accountId = JpaLinks.account(a.links());
    e.opportunityId = JpaLinks.opportunity(a.links());
    e.subject = a.subject();
    e.body = orNull(a.body());
    e.direction = a.direction().map(Enum::name).orElse(null);
    e.outcome = a.outcome().map(Outcome::code).orElse(null);
    e.occurredAt = toColumn(a.occurredAt());
    e.durationSeconds = a.duration().map(Duration::getSeconds).orElse(null);
    e.owner = orNull(a.owner());
    e.loggedAt = toColumn(a.loggedAt());
  }

  static Activity entityToDomain(ActivityEntity e, long version) {
    return new Activity(ActivityId.of(e.id), TenantId.of(e.tenantId), version, new ActivityType(e.type),
        JpaLinks.of(e.leadId, e.contactId, e.accountId, e.opportunityId), e.subject,
        Optional.ofNullable(e.body), Optional.ofNullable(e.direction).map(Direction::valueOf),
        Optional.ofNullable(e.outcome).map(Outcome::new), fromColumn(e.occurredAt),
        Optional.ofNullable(e.durationSeconds).map(Duration::ofSeconds), Optional.ofNullable(e.owner),
        fromColumn(e.loggedAt));
  }

  static List<Object> state(ActivityEntity e) {
    return Arrays.asList(e.tenantId, e.type, e.leadId, e.contactId, e.accountId, e.opportunityId,
        e.subject, e.body, e.direction, e.outcome, e.occurredAt, e.durationSeconds, e.owner, e.loggedAt);
  }

  @Override
  public Activity update(Activity activity) {
    uow.requireOpen();
    return rows.stored(rows.update(activity), activity);
  }

  @Override
  public void delete(Activity activity) {
    uow.requireOpen();
    rows.delete(activity);
  }
}
