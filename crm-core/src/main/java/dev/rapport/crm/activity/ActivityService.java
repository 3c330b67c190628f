package dev.rapport.crm.activity;

import dev.rapport.crm.lead.TemperaturePolicy;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs activities (calls, e-mails, meetings, notes) of one tenant and reads them back. Reached
 * through {@code crm.activities()}. Every command runs in one unit of work: it is stored whole,
 * or, when it throws, not at all. Thread-safe.
 *
 * <p>Activities are a record of what happened: they are logged, not changed. Each appears in the
 * timeline ({@code crm.timeline()}) of every record it links to, at the time it happened.
 */
public final class ActivityService {
  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version

  /** Internal: obtain the service from {@code Crm.activities()}. */
  ActivityService(CrmContext ctx) {
    this(ctx, -1);
  }

  private ActivityService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
  }

  /**
   * A view of this service whose {@link #delete} first checks that the activity is still at
   * {@code version}, and refuses with {@link dev.rapport.crm.exception.ConcurrentUpdateException}
   * when it changed since (a deleted lead's link taken away, say).
   *
   * @throws ValidationException if the version is below 1
   */
  public ActivityService ifVersion(long version) {
    return new ActivityService(ctx, Check.expectedVersion(version));
  }

  /**
   * Deletes an activity logged by mistake, in one unit of work, with its timeline entries and, for
   * an e-mail logged by {@code crm.mail()}, its logged message. An engagement signal it recorded on
   * a lead stays (it happened). Raises {@link ActivityDeleted}.
   *
   * @return the event
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such activity
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is not at the version given to
   *     {@link #ifVersion}, or was changed concurrently
   */
  public ActivityDeleted delete(ActivityId id) {
    Check.notNull(id, "activityId");
    return ctx.command(cmd -> {
      ActivityRepository activities = cmd.uow().port(ActivityRepository.class);
      Activity a = activities.find(id).orElseThrow(() -> new NotFoundException("activity", id));
      if (expectedVersion >= 0 && a.version() != expectedVersion) {
        throw new dev.rapport.crm.exception.ConcurrentUpdateException("activity", id, expectedVersion, a.version());
      }
      ctx.setting(dev.rapport.crm.internal.context.Cascade.class).removeActivity(cmd, id.value());
      activities.delete(a);
      ActivityDeleted event = new ActivityDeleted(ctx.tenant(), ctx.now(), id, a.links());
      cmd.raise(event);
      return event;
    });
  }

  /**
   * Logs an activity. Raises {@link ActivityLogged}. An inbound call or e-mail, or a meeting,
   * linked to a lead that is not converted is that lead's engagement: in the same unit of work it
   * records the signal ({@link SignalType#INBOUND_CALL}, {@link SignalType#EMAIL_REPLY} or
   * {@link SignalType#MEETING_HELD}, at the activity's time, with its subject as detail), which
   * may warm or heat the lead through the temperature policy and then raises
   * {@link LeadTemperatureChanged}. A converted lead is history: the activity is logged, the lead
   * is not changed.
   *
   * @return the stored activity
   * @throws ValidationException if the activity is null
   * @throws NotFoundException if a linked record does not exist in the tenant
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if the engaged lead was changed concurrently
   */
  public Activity log(NewActivity activity) {
    Check.notNull(activity, "activity");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      Instant now = ctx.now();
      Subjects.requireExisting(uow, activity.links());
      Activity a = new Activity(ActivityId.of(ctx.ids().next()), ctx.tenant(), 0, activity.type(),
          activity.links(), activity.subject(), activity.body(), activity.direction(),
          activity.outcome(), activity.occurredAt().orElse(now), activity.duration(),
          activity.owner(), now);
      Activity stored = uow.port(ActivityRepository.class).insert(a);
      Subjects.file(ctx, uow, TimelineItem.Kind.ACTIVITY, stored.id().value(), stored.links(), stored.occurredAt());
      cmd.raise(new ActivityLogged(ctx.tenant(), now, stored.id(), stored.type(), stored.direction(),
          stored.links(), stored.occurredAt()));
      if (stored.isEngagement() && stored.links().lead().isPresent()) {
        engage(cmd, uow.port(LeadRepository.class).find(stored.links().lead().get()).orElseThrow(), stored, now);
      }
      return stored;
    });
  }

  private void engage(CrmContext.Command cmd, Lead lead, Activity activity, Instant now) {
    if (lead.status() == LeadStatus.CONVERTED) {
      return;
    }
    SignalType type = activity.type().equals(ActivityType.MEETING) ? SignalType.MEETING_HELD
        : activity.type().equals(ActivityType.CALL) ? SignalType.INBOUND_CALL : SignalType.EMAIL_REPLY;
    EngagementSignal signal = new EngagementSignal(type, activity.occurredAt(),
        Optional.of(Check.cut(activity.subject(), Limits.SIGNAL_DETAIL)));
    Lead after = lead.recordSignal(signal, ctx.setting(TemperaturePolicy.class), now);
    Lead stored = cmd.uow().port(LeadRepository.class).update(after);
    if (stored.temperature() != lead.temperature()) {
      cmd.raise(new LeadTemperatureChanged(ctx.tenant(), now, lead.id(), lead.temperature(), stored.temperature()));
    }
  }

  /**
   * The activity with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such activity
   */
  public Activity get(ActivityId id) {
    Check.notNull(id, "activityId");
    return ctx.read(uow -> uow.port(ActivityRepository.class).find(id).orElseThrow(() -> new NotFoundException("activity", id)));
  }

  /**
   * The activity with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<Activity> find(ActivityId id) {
    Check.notNull(id, "activityId");
    return ctx.read(uow -> uow.port(ActivityRepository.class).find(id));
  }
}
