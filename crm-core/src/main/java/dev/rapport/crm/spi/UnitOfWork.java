package dev.rapport.crm.spi;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import java.util.List;

/**
 * One unit of work of one tenant: its repositories read and write only that tenant's records,
 * and all their writes are stored together or not at all. Valid only inside
 * {@link Persistence#inUnitOfWork}; not thread-safe.
 */
public interface UnitOfWork {

  /** The tenant this unit of work reads and writes. */
  TenantId tenant();

  /** The leads of the tenant. */
  LeadRepository leads();

  /** The contacts of the tenant. */
  ContactRepository contacts();

  /** The accounts of the tenant. */
  AccountRepository accounts();

  /** The opportunities of the tenant. */
  OpportunityRepository opportunities();

  /** The service cases of the tenant. */
  CaseRepository cases();

  /** The feedback answers of the tenant. */
  FeedbackRepository feedback();

  /** The campaigns of the tenant and their members. */
  CampaignRepository campaigns();

  /** The activities of the tenant. */
  ActivityRepository activities();

  /** The tasks of the tenant. */
  TaskRepository tasks();

  /** The sales, payments and payer classes of the tenant. */
  SalesRepository sales();

  /** The timeline index of the tenant. */
  TimelineRepository timeline();

  /** The aggregates behind {@code crm.analytics()}: read-only. */
  AnalyticsRepository analytics();

  /**
   * Hands over the events the unit of work raised, in order, before it commits. A durable
   * adapter writes them to its outbox in the same transaction; one without an outbox ignores them
   * (the core delivers events to listeners after commit either way).
   */
  void recordEvents(List<CrmEvent> events);
}
