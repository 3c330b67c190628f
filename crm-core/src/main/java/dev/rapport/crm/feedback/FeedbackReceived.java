package dev.rapport.crm.feedback;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's feedback answer (CSAT or NPS) was recorded.
 *
 * @param tenantId the tenant
 * @param occurredAt when it was recorded, by the {@code Crm}'s clock
 * @param feedbackId the answer
 * @param accountId the account it is about
 * @param contactId the contact who answered
 * @param caseId the service case it is about, if any
 * @param opportunityId the opportunity it is about, if any
 * @param scale CSAT or NPS
 * @param score the score on that scale
 * @param answeredAt when the customer answered
 */
public record FeedbackReceived(TenantId tenantId, Instant occurredAt, FeedbackId feedbackId,
    AccountId accountId, ContactId contactId, Optional<CaseId> caseId,
    Optional<OpportunityId> opportunityId, FeedbackScale scale, int score, Instant answeredAt)
    implements FeedbackEvent {
  @Override
  public String aggregateType() {
    return "feedback";
  }

  @Override
  public UUID aggregateId() {
    return feedbackId.value();
  }
}
