package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An activity to log: what happened, with whom, when. Build with {@link #builder}.
 *
 * @param type the kind of activity
 * @param links the records it is about
 * @param subject a one-line subject, at most {@link Limits#TEXT} characters
 * @param body free text, at most {@link Limits#ACTIVITY_BODY} characters
 * @param direction inbound or outbound: required for calls and e-mails, refused for notes and meetings, optional for a host's own types
 * @param outcome how it ended
 * @param occurredAt when it happened (may be in the past); absent: when it is logged
 * @param duration how long it took, 0 to {@link Limits#ACTIVITY_DURATION}, to the second
 * @param owner who did it (a user id of the host), at most {@link Limits#TEXT} characters
 */
public record NewActivity(ActivityType type, Links links, String subject, Optional<String> body,
    Optional<Direction> direction, Optional<Outcome> outcome, Optional<Instant> occurredAt,
    Optional<Duration> duration, Optional<String> owner) {

  /**
   * @throws ValidationException if a part is null, a text blank or too long, the duration negative,
   *     too long or finer than a second, the instant out of range, or the direction missing for a
   *     call or e-mail or present for a note or meeting
   */
  public NewActivity {
    Check.notNull(type, "activity.type");
    Check.notNull(links, "links");
    subject = Check.text(subject, "activity.subject", Limits.TEXT);
    body = Activity.optionalText(body, "activity.body", Limits.ACTIVITY_BODY);
    Check.notNull(direction, "activity.direction");
    Check.notNull(outcome, "activity.outcome");
    Check.notNull(occurredAt, "activity.occurredAt");
    occurredAt = occurredAt.map(t -> Check.instant(t, "activity.occurredAt"));
    Check.notNull(duration, "activity.duration");
    duration.ifPresent(Activity::checkDuration);
    owner = Activity.optionalText(owner, "activity.owner", Limits.TEXT);
    Activity.checkDirection(type, direction);
  }

  /** Starts an activity of a type about some records, with a subject. */
  public static Builder builder(ActivityType type, Links links, String subject) {
    return new Builder(type, links, subject);
  }

  /** Builds a {@link NewActivity}; every value is checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final ActivityType type;
    private final Links links;
    private final String subject;
    private String body;
    private Direction direction;
    private Outcome outcome;
    private Instant occurredAt;
    private Duration duration;
    private String owner;

    private Builder(ActivityType type, Links links, String subject) {
      this.type = type;
      this.links = links;
      this.subject = subject;
    }

    /** The free text (null or blank: none). */
    public Builder body(String b) {
      this.body = b;
      return this;
    }

    /** Inbound or outbound (calls and e-mails only). */
    public Builder direction(Direction d) {
      this.direction = d;
      return this;
    }

    /** How it ended. */
    public Builder outcome(Outcome o) {
      this.outcome = o;
      return this;
    }

    /** When it happened (default: when logged). */
    public Builder occurredAt(Instant at) {
      this.occurredAt = at;
      return this;
    }

    /** How long it took. */
    public Builder duration(Duration d) {
      this.duration = d;
      return this;
    }

    /** Who did it (null or blank: nobody named). */
    public Builder owner(String o) {
      this.owner = o;
      return this;
    }

    /**
     * The activity.
     *
     * @throws ValidationException as {@link NewActivity#NewActivity} says
     */
    public NewActivity build() {
      return new NewActivity(type, links, subject, Check.optionalText(body, "activity.body", Limits.ACTIVITY_BODY),
          Optional.ofNullable(direction), Optional.ofNullable(outcome), Optional.ofNullable(occurredAt),
          Optional.ofNullable(duration), Check.optionalText(owner, "activity.owner", Limits.TEXT));
    }
  }
}
