package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_payment}: the stored form of a {@link dev.rapport.crm.sales.Payment} (its
 * allocations are rows of {@code crm_payment_allocation}), with what its allocations leave over,
 * which the credit figures sum. The day paid is an epoch day.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportPayment")
@IdClass(TenantKey.class)
@Table(name = "crm_payment")
class PaymentEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "reference", nullable = false, length = 200)
  String reference;

  @Column(name = "account_id", nullable = false)
  UUID accountId;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "amount", nullable = false, precision = 19, scale = 4)
  BigDecimal amount;

  @Column(name = "paid_day", nullable = false)
  int paidDay;

  /** The amount less its allocations. */
  @Column(name = "unapplied", nullable = false, precision = 19, scale = 4)
  BigDecimal unapplied;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  LocalDateTime recordedAt;

  PaymentEntity() {}
}
