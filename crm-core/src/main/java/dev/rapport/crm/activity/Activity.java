package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An activity: a call, e-mail, meeting or note about a lead, contact, account or opportunity, as it
 * was logged. Activities record what happened; they appear in the timelines of the records they
 * link to, and logging an inbound call or e-mail or a meeting on a lead counts as the lead's
 * engagement. An immutable value; adapters rebuild stored activities with the canonical
 * constructor.
 *
 * @param id the activity's id
 * @param tenantId the tenant
 * @param version how many times it has been stored (0 before the first save)
 * @param type the kind of activity
 * @param links the records it is about
 * @param subject a one-line subject
 * @param body free text
 * @param direction inbound or outbound: present for calls and e-mails, absent for notes and meetings, either for a host's own types
 * @param outcome how it ended
 * @param occurredAt when it happened
 * @param duration how long it took
 * @param owner who did it
 * @param loggedAt when it was logged
 */
public record Activity(ActivityId id, TenantId tenantId, long version, ActivityType type, Links links,
    String subject, Optional<String> body, Optional<Direction> direction, Optional<Outcome> outcome,
    Instant occurredAt, Optional<Duration> duration, Optional<String> owner, Instant loggedAt) {

  /** @throws ValidationException if a part is null or breaks a rule of {@link NewActivity} */
  public Activity {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(type, "activity.type");
    Check.notNull(links, "links");
    subject = Check.text(subject, "activity.subject", Limits.TEXT);
    body = optionalText(body, "activity.body", Limits.ACTIVITY_BODY);
    Check.notNull(direction, "activity.direction");
    Check.notNull(outcome, "activity.outcome");
    occurredAt = Check.instant(occurredAt, "activity.occurredAt");
    Check.notNull(duration, "activity.duration");
    duration.ifPresent(Activity::checkDuration);
    owner = optionalText(owner, "activity.owner", Limits.TEXT);
    loggedAt = Check.instant(loggedAt, "activity.loggedAt");
    checkDirection(type, direction);
  }

  /** Whether logging it is engagement of a linked lead: an inbound call or e-mail, or a meeting. */
  public boolean isEngagement() {
    return type.equals(ActivityType.MEETING)
        || ((type.equals(ActivityType.CALL) || type.equals(ActivityType.EMAIL))
            && direction.equals(Optional.of(Direction.INBOUND)));
  }

  static Optional<String> optionalText(Optional<String> value, String field, int max) {
    Check.notNull(value, field);
    return value.isEmpty() ? value : Optional.of(Check.text(value.get(), field, max));
  }

  static void checkDuration(Duration d) {
    if (d.isNegative() || d.compareTo(Limits.ACTIVITY_DURATION) > 0) {
      throw new ValidationException("activity.duration", "must be from 0 to " + Limits.ACTIVITY_DURATION);
    }
    if (d.getNano() != 0) {
      throw new ValidationException("activity.duration", "must be whole seconds");
    }
  }

  static void checkDirection(ActivityType type, Optional<Direction> direction) {
    if (type.hasDirection() && direction.isEmpty()) {
      throw new ValidationException("activity.direction", "must be given for a " + type + " (inbound or outbound)");
    }
    if ((type.equals(ActivityType.NOTE) || type.equals(ActivityType.MEETING)) && direction.isPresent()) {
      throw new ValidationException("activity.direction", "must be absent for a " + type + " (calls and e-mails have one)");
    }
  }
}
