package dev.rapport.crm.feedback;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A feedback answer was deleted ({@link FeedbackService#delete}): it no longer counts in NPS or CSAT.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param feedbackId the deleted feedback
 * @param accountId the account it was from
 */
public record FeedbackDeleted(TenantId tenantId, Instant occurredAt, FeedbackId feedbackId, AccountId accountId) implements FeedbackEvent {
  @Override
  public String aggregateType() {
    return "feedback";
  }

  @Override
  public UUID aggregateId() {
    return feedbackId.value();
  }
}
