package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A sale recorded by mistake was deleted from Rapport's store ({@link SalesService#deleteSale}):
 * an invoice without credit notes or payments, or a credit note (its invoice is due again by its amount).
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param saleId the deleted sale
 * @param reference its reference
 * @param accountId the account it was of
 * @param corrects the invoice a deleted credit note corrected, if it was one
 */
public record SaleDeleted(TenantId tenantId, Instant occurredAt, SaleId saleId, String reference, AccountId accountId,
    Optional<String> corrects) implements SalesEvent {
  @Override
  public String aggregateType() {
    return "sale";
  }

  @Override
  public UUID aggregateId() {
    return saleId.value();
  }
}
