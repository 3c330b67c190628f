package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code crm.sales().refreshPayerClasses()} found that an account pays differently than when it
 * was last classed (an account never classed counts as {@link PayerClass#ON_TIME}).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param accountId the account
 * @param from its class before
 * @param to its class now
 * @param paidLate its invoices settled late
 * @param openLate its invoices open and late
 * @param worstDaysLate the most days late of one of its invoices
 */
public record PayerClassChanged(TenantId tenantId, Instant occurredAt, AccountId accountId, PayerClass from,
    PayerClass to, long paidLate, long openLate, long worstDaysLate) implements SalesEvent {
  @Override
  public String aggregateType() {
    return "account";
  }

  @Override
  public UUID aggregateId() {
    return accountId.value();
  }
}
