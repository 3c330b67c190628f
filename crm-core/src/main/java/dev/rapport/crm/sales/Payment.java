package dev.rapport.crm.sales;

import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;

/**
 * A payment as Rapport stores it: what the host sent, with Rapport's id and version. A payment is
 * a fact: recording it again with the same content changes nothing, and its version stays 1.
 *
 * @param id Rapport's id
 * @param tenantId the tenant
 * @param version how many times it has been stored (0 before the first save)
 * @param content what the payment says
 * @param recordedAt when it was recorded
 */
public record Payment(PaymentId id, TenantId tenantId, long version, NewPayment content, Instant recordedAt) {
  /** @throws dev.rapport.crm.exception.ValidationException if a part is null, the version negative or the instant out of range */
  public Payment {
    Check.notNull(id, "paymentId");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(content, "content");
    recordedAt = Check.instant(recordedAt, "recordedAt");
  }

  /** The host's reference. */
  public String reference() {
    return content.reference();
  }
}
