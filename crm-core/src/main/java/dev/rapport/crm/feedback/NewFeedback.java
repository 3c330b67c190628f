package dev.rapport.crm.feedback;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A feedback answer to record. Start with {@link #csat} or {@link #nps}; values are checked as
 * they are set.
 */
public final class NewFeedback {
  final AccountId accountId;
  final ContactId contactId;
  final FeedbackScale scale;
  final int score;
  final Optional<CaseId> caseId;
  final Optional<OpportunityId> opportunityId;
  final Optional<String> comment;
  final FeedbackChannel channel;
  final Optional<String> survey;
  final Optional<Instant> answeredAt;

  private NewFeedback(Builder b) {
    this.accountId = b.accountId;
    this.contactId = b.contactId;
    this.scale = b.scale;
    this.score = b.score;
    this.caseId = b.caseId;
    this.opportunityId = b.opportunityId;
    this.comment = b.comment;
    this.channel = b.channel;
    this.survey = b.survey;
    this.answeredAt = b.answeredAt;
  }

  /**
   * A CSAT answer (1 to 5) of the contact about the account, by channel {@link
   * FeedbackChannel#OTHER}, answered when it is recorded, unless set.
   *
   * @throws ValidationException if an id is null or the score not 1 to 5
   */
  public static Builder csat(AccountId account, ContactId contact, int score) {
    return new Builder(account, contact, FeedbackScale.CSAT, score);
  }

  /**
   * An NPS answer (0 to 10) of the contact about the account, by channel {@link
   * FeedbackChannel#OTHER}, answered when it is recorded, unless set.
   *
   * @throws ValidationException if an id is null or the score not 0 to 10
   */
  public static Builder nps(AccountId account, ContactId contact, int score) {
    return new Builder(account, contact, FeedbackScale.NPS, score);
  }

  /** The account it is about. */
  public AccountId accountId() {
    return accountId;
  }

  /** Builds a {@link NewFeedback}. Not thread-safe. */
  public static final class Builder {
    private final AccountId accountId;
    private final ContactId contactId;
    private final FeedbackScale scale;
    private final int score;
    private Optional<CaseId> caseId = Optional.empty();
    private Optional<OpportunityId> opportunityId = Optional.empty();
    private Optional<String> comment = Optional.empty();
    private FeedbackChannel channel = FeedbackChannel.OTHER;
    private Optional<String> survey = Optional.empty();
    private Optional<Instant> answeredAt = Optional.empty();

    private Builder(AccountId account, ContactId contact, FeedbackScale scale, int score) {
      this.accountId = Check.notNull(account, "accountId");
      this.contactId = Check.notNull(contact, "contactId");
      this.scale = scale;
      this.score = Check.range(score, "score", scale.min(), scale.max());
    }

    /**
     * The service case it is about: a case of the account.
     *
     * @throws ValidationException if null
     */
    public Builder aboutCase(CaseId c) {
      this.caseId = Optional.of(Check.notNull(c, "caseId"));
      return this;
    }

    /**
     * The opportunity it is about: one of the account.
     *
     * @throws ValidationException if null
     */
    public Builder aboutOpportunity(OpportunityId o) {
      this.opportunityId = Optional.of(Check.notNull(o, "opportunityId"));
      return this;
    }

    /**
     * What the customer wrote.
     *
     * @throws ValidationException if null, blank, longer than {@value Limits#FEEDBACK_COMMENT}
     *     characters or not storable
     */
    public Builder comment(String c) {
      this.comment = Optional.of(Check.text(c, "comment", Limits.FEEDBACK_COMMENT));
      return this;
    }

    /**
     * How the answer came in (default {@link FeedbackChannel#OTHER}).
     *
     * @throws ValidationException if null
     */
    public Builder channel(FeedbackChannel c) {
      this.channel = Check.notNull(c, "channel");
      return this;
    }

    /**
     * The survey's name.
     *
     * @throws ValidationException if null, blank, longer than {@value Limits#TEXT} characters or
     *     not storable
     */
    public Builder survey(String s) {
      this.survey = Optional.of(Check.text(s, "survey", Limits.TEXT));
      return this;
    }

    /**
     * When the customer answered (default: when it is recorded), kept to the microsecond.
     *
     * @throws ValidationException if null or outside {@link Limits#EARLIEST_INSTANT} to
     *     {@link Limits#LATEST_INSTANT}
     */
    public Builder answeredAt(Instant t) {
      this.answeredAt = Optional.of(Check.instant(t, "answeredAt"));
      return this;
    }

    /** The draft. */
    public NewFeedback build() {
      return new NewFeedback(this);
    }
  }
}
