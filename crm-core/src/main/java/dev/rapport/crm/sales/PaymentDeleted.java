package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment recorded by mistake was deleted from Rapport's store ({@link SalesService#deletePayment}),
 * with its allocations: the invoices it paid are due again by what it paid.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param paymentId the deleted payment
 * @param reference its reference
 * @param accountId the account it was of
 */
public record PaymentDeleted(TenantId tenantId, Instant occurredAt, PaymentId paymentId, String reference,
    AccountId accountId) implements SalesEvent {
  @Override
  public String aggregateType() {
    return "payment";
  }

  @Override
  public UUID aggregateId() {
    return paymentId.value();
  }
}
