package dev.rapport.crm.service;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A service case was resolved.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param caseId the case
 * @param accountId the account that asked
 * @param contactId the contact who asked, if known
 * @param resolution what solved it
 * @param openedAt when the case was opened (so a listener can measure resolution time)
 */
public record CaseResolved(TenantId tenantId, Instant occurredAt, CaseId caseId,
    AccountId accountId, Optional<ContactId> contactId, String resolution, Instant openedAt)
    implements CaseEvent {
  @Override
  public String aggregateType() {
    return "case";
  }

  @Override
  public UUID aggregateId() {
    return caseId.value();
  }
}
