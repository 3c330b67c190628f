package dev.rapport.crm.event;

import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened in the CRM. Events are delivered to {@link CrmEventListener}s after the
 * unit of work that raised them has committed, in the order they were raised; durable adapters
 * also write them to an outbox in the same transaction. Each feature's events form a sealed family
 * beside the feature ({@code LeadEvent}, {@code SalesEvent}, ...), so a {@code switch} over one is
 * checked for completeness; {@code Crm.eventTypes()} lists every event type.
 */
public interface CrmEvent {
  /** The tenant whose data changed. */
  TenantId tenantId();

  /** When it happened, by the {@code Crm}'s clock. */
  Instant occurredAt();

  /** The kind of record that changed: {@code lead}, {@code contact}, {@code account}, {@code opportunity}, {@code activity}, {@code task}, {@code campaign}, {@code case}, {@code feedback}, {@code sale}, {@code payment} or {@code custom_field}. */
  String aggregateType();

  /** The id of the record that changed. */
  UUID aggregateId();
}
