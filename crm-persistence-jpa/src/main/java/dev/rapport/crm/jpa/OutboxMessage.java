package dev.rapport.crm.jpa;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of the outbox, as the {@link OutboxRelay} hands it to the host for delivery.
 *
 * @param id the outbox row's id: time-ordered, unique; use it to drop a redelivered message
 * @param tenantId the tenant whose data changed
 * @param aggregateType the kind of record that changed: {@code lead}, {@code contact},
 *     {@code account} or {@code opportunity}
 * @param aggregateId the id of the record that changed
 * @param eventType the event's type, the simple name of its class, e.g. {@code LeadCaptured}
 * @param payload the event as JSON, in crm-jackson's shape without its {@code eventType}: one
 *     member per record component of the event
 * @param occurredAt when the event happened, by the {@code Crm}'s clock (microseconds)
 * @since 0.1
 */
public record OutboxMessage(UUID id, TenantId tenantId, String aggregateType, UUID aggregateId,
    String eventType, String payload, Instant occurredAt) {

  /** @throws NullPointerException if a part is null */
  public OutboxMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(aggregateType, "aggregateType");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The event itself, read from the payload by crm-jackson, for a relay that hands events rather
   * than JSON to its broker or listeners. Rows written by earlier versions read the same way.
   *
   * @throws IllegalStateException if the payload does not read as an event of {@link #eventType}
   *     (a row written by a later version, or changed by hand)
   */
  public CrmEvent event() {
    return EventPayloads.read(eventType, payload);
  }
}
