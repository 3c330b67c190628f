package dev.rapport.crm.service;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A target of a service case was breached: it fell due unmet. Raised once per case and target by
 * {@link CaseService#refreshServiceLevels()}.
 *
 * @param tenantId the tenant
 * @param occurredAt when it was noticed, by the {@code Crm}'s clock
 * @param caseId the case
 * @param accountId its account
 * @param tier the case's service tier
 * @param target the first response or the resolution
 * @param dueAt when the target falls (or fell) due
 */
public record CaseTargetBreached(TenantId tenantId, Instant occurredAt, CaseId caseId, AccountId accountId, String tier,
    CaseLevel.Target target, Instant dueAt) implements CaseEvent {
  @Override
  public String aggregateType() {
    return "case";
  }

  @Override
  public UUID aggregateId() {
    return caseId.value();
  }
}
