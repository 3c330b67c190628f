package dev.rapport.crm.spring.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The host's own entity, in the host's own table, beside Rapport's. */
@Entity
@Table(name = "host_order")
public class HostOrder {
  @Id
  UUID id;

  @Column(name = "tenant_id", nullable = false)
  String tenantId;

  @Column(name = "customer_email", nullable = false)
  String customerEmail;

  protected HostOrder() {}

  HostOrder(String tenantId, String customerEmail) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.customerEmail = customerEmail;
  }
}
