package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A sale as Rapport stores it: what the host sent ({@link #content()}), with Rapport's id and
 * version. Recording the same content again changes nothing; recording changed content under the
 * same reference is an {@link SalesService#update update} and raises the version.
 *
 * <p>An immutable value; adapters rebuild stored sales with the canonical constructor.
 *
 * @param id Rapport's id of the sale
 * @param tenantId the tenant
 * @param version how many times it has been stored (0 before the first save)
 * @param content what the sale says
 * @param recordedAt when it was first recorded
 * @param updatedAt when it was last recorded or updated
 */
public record Sale(SaleId id, TenantId tenantId, long version, NewSale content, Instant recordedAt,
    Instant updatedAt) {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null, the version negative or an instant out of range */
  public Sale {
    Check.notNull(id, "saleId");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(content, "content");
    recordedAt = Check.instant(recordedAt, "recordedAt");
    updatedAt = Check.instant(updatedAt, "updatedAt");
  }

  /** The host's reference. */
  public String reference() {
    return content.reference();
  }

  /** The account that bought. */
  public AccountId accountId() {
    return content.accountId();
  }

  /** The day of issue. */
  public LocalDate issuedOn() {
    return content.issuedOn();
  }

  /** The total. */
  public Money total() {
    return content.total();
  }

  /** This sale with changed content, as of {@code now}. */
  Sale changed(NewSale c, Instant now) {
    return new Sale(id, tenantId, version, c, recordedAt, now);
  }
}
