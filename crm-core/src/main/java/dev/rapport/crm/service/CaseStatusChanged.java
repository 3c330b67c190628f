package dev.rapport.crm.service;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A service case moved to another status (resolving raises {@link CaseResolved} as well).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param caseId the case
 * @param accountId the account that asked
 * @param contactId the contact who asked, if known
 * @param from the status it left
 * @param to the status it entered
 */
public record CaseStatusChanged(TenantId tenantId, Instant occurredAt, CaseId caseId,
    AccountId accountId, Optional<ContactId> contactId, CaseStatus from, CaseStatus to)
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
