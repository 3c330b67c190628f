package dev.rapport.crm.feedback;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * One feedback answer: a contact's CSAT or NPS score about an account, optionally about one of its
 * service cases or opportunities, with a comment. An answer is a fact: once recorded it does not
 * change (its version stays 1).
 *
 * <p>An immutable value; adapters rebuild stored answers with the canonical constructor.
 *
 * @param id the answer's id
 * @param tenantId the tenant it belongs to
 * @param version how many times it has been stored (0 before the first save)
 * @param accountId the account it is about
 * @param contactId the contact who answered
 * @param caseId the service case it is about, if any
 * @param opportunityId the opportunity it is about, if any
 * @param scale CSAT or NPS
 * @param score the score, within the scale's range
 * @param comment what the customer wrote, up to {@value Limits#FEEDBACK_COMMENT} characters
 * @param channel how the answer came in
 * @param survey the survey's name, up to {@value Limits#TEXT} characters
 * @param answeredAt when the customer answered: what NPS and CSAT periods select by
 * @param recordedAt when it was recorded in the CRM
 */
public record Feedback(
    FeedbackId id,
    TenantId tenantId,
    long version,
    AccountId accountId,
    ContactId contactId,
    Optional<CaseId> caseId,
    Optional<OpportunityId> opportunityId,
    FeedbackScale scale,
    int score,
    Optional<String> comment,
    FeedbackChannel channel,
    Optional<String> survey,
    Instant answeredAt,
    Instant recordedAt) {

  /**
   * @throws ValidationException if a part is null, the score outside the scale's range, a text
   *     blank, too long or not storable, or an instant out of range
   */
  public Feedback {
    Check.notNull(id, "feedbackId");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(accountId, "accountId");
    Check.notNull(contactId, "contactId");
    Check.notNull(caseId, "caseId");
    Check.notNull(opportunityId, "opportunityId");
    Check.notNull(scale, "scale");
    Check.range(score, "score", scale.min(), scale.max());
    Check.notNull(comment, "comment");
    comment = comment.map(c -> Check.text(c, "comment", Limits.FEEDBACK_COMMENT));
    Check.notNull(channel, "channel");
    Check.notNull(survey, "survey");
    survey = survey.map(s -> Check.text(s, "survey", Limits.TEXT));
    answeredAt = Check.instant(answeredAt, "answeredAt");
    recordedAt = Check.instant(recordedAt, "recordedAt");
  }

  /** A new answer, version 0, from the draft; answered now unless the draft says when. */
  static Feedback record(FeedbackId id, TenantId tenantId, NewFeedback d, Instant now) {
    return new Feedback(id, tenantId, 0, d.accountId, d.contactId, d.caseId, d.opportunityId,
        d.scale, d.score, d.comment, d.channel, d.survey, d.answeredAt.orElse(now), now);
  }

  /** Whether this is an NPS answer of 0 to 6: a customer to follow up. */
  public boolean isDetractor() {
    return scale == FeedbackScale.NPS && score <= NpsResult.DETRACTOR_MAX;
  }
}
