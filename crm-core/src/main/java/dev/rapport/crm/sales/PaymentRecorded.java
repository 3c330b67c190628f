package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment was recorded in Rapport's store.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param paymentId Rapport's id of the payment
 * @param reference the host's reference
 * @param accountId the account that paid
 * @param amount the amount paid
 * @param paidOn the day it was paid
 * @param unapplied what its allocations leave over
 */
public record PaymentRecorded(TenantId tenantId, Instant occurredAt, PaymentId paymentId, String reference,
    AccountId accountId, Money amount, LocalDate paidOn, Money unapplied) implements SalesEvent {
  @Override
  public String aggregateType() {
    return "payment";
  }

  @Override
  public UUID aggregateId() {
    return paymentId.value();
  }
}
