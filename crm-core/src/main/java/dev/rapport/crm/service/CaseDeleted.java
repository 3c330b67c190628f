package dev.rapport.crm.service;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import java.util.Optional;
import java.time.Instant;
import java.util.UUID;

/**
 * A service case was deleted ({@link CaseService#delete}).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param caseId the deleted case
 * @param accountId the account it was for
 * @param contactId the contact who raised it, if any
 */
public record CaseDeleted(TenantId tenantId, Instant occurredAt, CaseId caseId, AccountId accountId, Optional<ContactId> contactId) implements CaseEvent {
  @Override
  public String aggregateType() {
    return "case";
  }

  @Override
  public UUID aggregateId() {
    return caseId.value();
  }
}
