package dev.rapport.crm.service;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A service case was opened.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param caseId the case
 * @param accountId the account that asked
 * @param contactId the contact who asked, if known
 * @param subject what it is about
 * @param priority how urgent it is
 */
public record CaseOpened(TenantId tenantId, Instant occurredAt, CaseId caseId, AccountId accountId,
    Optional<ContactId> contactId, String subject, CasePriority priority) implements CaseEvent {
  @Override
  public String aggregateType() {
    return "case";
  }

  @Override
  public UUID aggregateId() {
    return caseId.value();
  }
}
