package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A sale (invoice or credit note) was recorded in Rapport's store, or its content was updated
 * (then {@code version} is above 1). Sales read from a host's ledger raise no events.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param saleId Rapport's id of the sale
 * @param reference the host's reference
 * @param accountId the account
 * @param corrects for a credit note, the invoice it corrects
 * @param issuedOn the issue day
 * @param total the total (negative for a credit note)
 * @param version the sale's version after this change
 */
public record SaleRecorded(TenantId tenantId, Instant occurredAt, SaleId saleId, String reference,
    AccountId accountId, Optional<String> corrects, LocalDate issuedOn, Money total, long version)
    implements SalesEvent {
  @Override
  public String aggregateType() {
    return "sale";
  }

  @Override
  public UUID aggregateId() {
    return saleId.value();
  }
}
