package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code crm_payer_class}: the {@link dev.rapport.crm.sales.PayerClass} an account was
 * last given by {@code refreshPayerClasses()}, keyed by tenant and account.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportPayerClass")
@Table(name = "crm_payer_class")
@IdClass(PayerClassEntity.Key.class)
class PayerClassEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "account_id", nullable = false, updatable = false)
  UUID accountId;

  @Column(name = "payer_class", nullable = false, length = 20)
  String payerClass;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  PayerClassEntity() {}

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    UUID accountId;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(accountId, k.accountId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, accountId);
    }
  }
}
