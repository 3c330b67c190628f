package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of {@code crm_outbox}: one event, written in the transaction that raised it. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportOutboxEvent")
@Table(name = "crm_outbox")
class OutboxEntity {
  /** Time-ordered: the relay delivers in id order. */
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Column(name = "aggregate_type", nullable = false, updatable = false, length = 50)
  String aggregateType;

  @Column(name = "aggregate_id", nullable = false, updatable = false)
  UUID aggregateId;

  @Column(name = "event_type", nullable = false, updatable = false, length = 100)
  String eventType;

  @Column(name = "payload", nullable = false, updatable = false)
  String payload;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  LocalDateTime occurredAt;

  @Column(name = "delivered_at")
  LocalDateTime deliveredAt;

  OutboxEntity() {}
}
