package dev.rapport.crm.jpa;

import dev.rapport.crm.ConcurrentUpdateException;
import dev.rapport.crm.DuplicateException;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.internal.IdGenerator;
import dev.rapport.crm.spi.AccountRepository;
import dev.rapport.crm.spi.CampaignRepository;
import dev.rapport.crm.spi.ActivityRepository;
import dev.rapport.crm.spi.TaskRepository;
import dev.rapport.crm.spi.TimelineRepository;
import dev.rapport.crm.spi.ContactRepository;
import dev.rapport.crm.spi.LeadRepository;
import dev.rapport.crm.spi.OpportunityRepository;
import dev.rapport.crm.spi.UnitOfWork;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One unit of work on one {@link EntityManager}: it ties the adapter's repositories ({@link
 * JpaLeads}, {@link JpaContacts}, {@link JpaAccounts}, {@link JpaOpportunities}, each in its own
 * file with its own mapping) to one transaction, writes the outbox, and names the record when a
 * flush fails. A repository is made on first use. Inserts are only persisted (the provider sends
 * them in JDBC batches at flush); an update checks the version the caller read against the version
 * this unit knows, and JPA's {@code @Version} check catches a concurrent change at flush.
 * Not thread-safe.
 */
final class JpaUnitOfWork implements UnitOfWork {
  private final EntityManager em;
  private final TenantId tenant;
  private final IdGenerator outboxIds;
  /** The rows of every repository used so far, in the order of first use. */
  private final List<Rows<?, ?>> rows = new ArrayList<>(4);
  /** Unique keys other than ids: the constraint's name and the exception that names the value. */
  private final Map<String, Function<Throwable, DuplicateException>> uniqueKeys = new LinkedHashMap<>();
  /** Further entities the repositories keep (e.g. a contact's e-mail rows), to detach at the end. */
  private final List<Supplier<Collection<?>>> detachables = new ArrayList<>();
  private JpaLeads leads;
  private JpaContacts contacts;
  private JpaAccounts accounts;
  private JpaOpportunities opportunities;
  private JpaCases cases;
  private JpaFeedback feedback;
  private JpaCampaigns campaigns;
  private JpaActivities activities;
  private JpaTasks tasks;
  private JpaTimeline timeline;
  private JpaSales sales;
  private JpaAnalytics analytics;
  /** Outbox rows this unit wrote. */
  private final List<OutboxEntity> outboxRows = new ArrayList<>();
  private boolean open = true;

  JpaUnitOfWork(EntityManager em, TenantId tenant, IdGenerator outboxIds) {
    this.em = em;
    this.tenant = tenant;
    this.outboxIds = outboxIds;
  }

  void close() {
    open = false;
  }

  /** @throws IllegalStateException if the unit of work has ended */
  void requireOpen() {
    if (!open) {
      throw new IllegalStateException("the unit of work has ended");
    }
  }

  EntityManager em() {
    return em;
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public LeadRepository leads() {
    requireOpen();
    if (leads == null) {
      leads = new JpaLeads(this);
    }
    return leads;
  }

  @Override
  public ContactRepository contacts() {
    requireOpen();
    if (contacts == null) {
      contacts = new JpaContacts(this);
    }
    return contacts;
  }

  @Override
  public AccountRepository accounts() {
    requireOpen();
    if (accounts == null) {
      accounts = new JpaAccounts(this);
    }
    return accounts;
  }

  @Override
  public OpportunityRepository opportunities() {
    requireOpen();
    if (opportunities == null) {
      opportunities = new JpaOpportunities(this);
    }
    return opportunities;
  }

  @Override
  public dev.rapport.crm.spi.CaseRepository cases() {
    requireOpen();
    if (cases == null) {
      cases = new JpaCases(this);
    }
    return cases;
  }

  @Override
  public dev.rapport.crm.spi.FeedbackRepository feedback() {
    requireOpen();
    if (feedback == null) {
      feedback = new JpaFeedback(this);
    }
    return feedback;
  }

  @Override
  public CampaignRepository campaigns() {
    requireOpen();
    if (campaigns == null) {
      campaigns = new JpaCampaigns(this);
    }
    return campaigns;
  }

  @Override
  public ActivityRepository activities() {
    requireOpen();
    if (activities == null) {
      activities = new JpaActivities(this);
    }
    return activities;
  }

  @Override
  public TaskRepository tasks() {
    requireOpen();
    if (tasks == null) {
      tasks = new JpaTasks(this);
    }
    return tasks;
  }

  @Override
  public TimelineRepository timeline() {
    requireOpen();
    if (timeline == null) {
      timeline = new JpaTimeline(this);
    }
    return timeline;
  }

  @Override
  public dev.rapport.crm.spi.AnalyticsRepository analytics() {
    requireOpen();
    if (analytics == null) {
      analytics = new JpaAnalytics(this);
    }
    return analytics;
  }

  @Override
  public dev.rapport.crm.spi.SalesRepository sales() {
    requireOpen();
    if (sales == null) {
      sales = new JpaSales(this);
    }
    return sales;
  }

  @Override
  public void recordEvents(List<CrmEvent> events) {
    requireOpen();
    Objects.requireNonNull(events, "events");
    for (CrmEvent event : events) {
      Objects.requireNonNull(event, "event");
      OutboxEntity row = new OutboxEntity();
      row.id = outboxIds.next();
      row.tenantId = event.tenantId().value();
      row.aggregateType = event.aggregateType();
      row.aggregateId = event.aggregateId();
      row.eventType = EventPayloads.type(event);
      row.payload = EventPayloads.payload(event);
      row.occurredAt = Mapping.toColumn(event.occurredAt());
      em.persist(row);
      outboxRows.add(row);
    }
  }

  // ---- for the repositories

  /** Called by each {@link Rows} as it is made. */
  void register(Rows<?, ?> r) {
    rows.add(r);
  }

  /**
   * Declares a unique key other than an id: when a flush breaks the constraint of this name, the
   * exception is the one {@code exception} makes from the provider's.
   */
  void uniqueKey(String constraint, Function<Throwable, DuplicateException> exception) {
    uniqueKeys.put(constraint, exception);
  }

  /** Declares more entities a repository keeps, to detach with the rows at the end. */
  void detachable(Supplier<Collection<?>> entities) {
    detachables.add(entities);
  }

  /**
   * Sends the pending writes now; a conflict or duplicate it meets is reported as the CRM
   * exception at this call already.
   */
  void flush() {
    try {
      em.flush();
    } catch (RuntimeException e) {
      throw Errors.translate(e, this);
    }
    for (Rows<?, ?> r : rows) {
      r.flushed();
    }
  }

  /**
   * Detaches every entity this unit made or loaded, after its writes were flushed: in a host's
   * long transaction the persistence context would otherwise keep them all, and the provider
   * would dirty-check each of them at every later flush (quadratic cost in the transaction's size).
   * Only Rapport's own entities are detached; the host's stay managed.
   */
  void detachAll() {
    for (Rows<?, ?> r : rows) {
      detach(r.loaded.values());
    }
    for (Supplier<Collection<?>> d : detachables) {
      detach(d.get());
    }
    detach(outboxRows);
  }

  private void detach(Collection<?> entities) {
    for (Object e : entities) {
      if (em.contains(e)) {
        em.detach(e);
      }
    }
  }

  // ---- exceptions at flush, for Errors

  /** The exception for a version conflict found by the provider, naming the record if known. */
  ConcurrentUpdateException concurrentUpdate(Object entity, Throwable cause) {
    for (Rows<?, ?> r : rows) {
      Optional<ConcurrentUpdateException> e = r.conflict(entity, cause);
      if (e.isPresent()) {
        return e.get();
      }
    }
    for (Rows<?, ?> r : rows) {
      Optional<ConcurrentUpdateException> e = r.conflict(null, cause);
      if (e.isPresent()) {
        return e.get();
      }
    }
    return new ConcurrentUpdateException("record", "?", -1, cause);
  }

  /** The exception for a unique-key violation, from the constraint the database names. */
  DuplicateException duplicate(String message, Throwable cause) {
    for (Map.Entry<String, Function<Throwable, DuplicateException>> key : uniqueKeys.entrySet()) {
      if (message.contains(key.getKey())) {
        return key.getValue().apply(cause);
      }
    }
    // The database names the key (PostgreSQL) or the table (H2); MariaDB says only 'PRIMARY':
    // then the first kind this unit inserted is the likely one.
    Rows<?, ?> named = rows.stream().filter(t -> !t.inserted.isEmpty())
        .filter(t -> message.contains("crm_" + t.kind.name() + "_pk")
            || message.contains("crm_" + t.kind.name() + "("))
        .findFirst()
        .orElse(rows.stream().filter(t -> !t.inserted.isEmpty()).findFirst().orElse(null));
    DuplicateException d = named == null ? new DuplicateException("record", "id", "?")
        : new DuplicateException(named.kind.name(), "id", named.inserted.iterator().next());
    d.initCause(cause);
    return d;
  }
}
