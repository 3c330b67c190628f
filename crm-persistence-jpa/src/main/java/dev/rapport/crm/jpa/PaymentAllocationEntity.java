package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code crm_payment_allocation}: one {@link dev.rapport.crm.sales.Allocation} of a
 * payment, keyed by tenant, payment and its place in the payment's list (from 0), indexed by the
 * invoice it pays so that an invoice's movements are one query.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportPaymentAllocation")
@Table(name = "crm_payment_allocation")
@IdClass(PaymentAllocationEntity.Key.class)
class PaymentAllocationEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "payment_id", nullable = false, updatable = false)
  UUID paymentId;

  @Id
  @Column(name = "line_no", nullable = false, updatable = false)
  int lineNo;

  @Column(name = "sale_reference", nullable = false, updatable = false, length = 200)
  String saleReference;

  @Column(name = "amount", nullable = false, updatable = false, precision = 19, scale = 4)
  BigDecimal amount;

  PaymentAllocationEntity() {}

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    UUID paymentId;
    int lineNo;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(paymentId, k.paymentId)
          && lineNo == k.lineNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, paymentId, lineNo);
    }
  }
}
