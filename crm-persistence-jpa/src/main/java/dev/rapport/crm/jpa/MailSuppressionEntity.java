package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_mail_suppression}: an address campaign mail no longer goes to. Its id is
 * the name-based UUID of the normalized address, so an address has one row per tenant.
 */
@jakarta.persistence.Cacheable(false)
@Entity(name = "RapportMailSuppression")
@Table(name = "crm_mail_suppression")
@IdClass(TenantKey.class)
class MailSuppressionEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "address", nullable = false, updatable = false, length = 254)
  String address;

  @Column(name = "reason", nullable = false, length = 20)
  String reason;

  @Column(name = "recorded_at", nullable = false)
  LocalDateTime recordedAt;

  @Column(name = "detail", nullable = false, length = 200)
  String detail;

  MailSuppressionEntity() {}
}
