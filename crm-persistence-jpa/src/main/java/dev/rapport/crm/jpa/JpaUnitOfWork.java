package dev.rapport.crm.jpa;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.internal.IdGenerator;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.activity.TaskRepository;
import dev.rapport.crm.activity.TimelineRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
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
  private JpaMerges merges;
  private JpaAccounts accounts;
  private JpaOpportunities opportunities;
  private JpaCases cases;
  private JpaFeedback feedback;
  private JpaCampaigns campaigns;
  private JpaActivities activities;
  private JpaTasks tasks;
  private JpaTimeline timeline;
  private JpaSales sales;
  private JpaSalesReports salesReports;
  private JpaAnalytics analytics;
  /** Outbox rows this unit wrote. */
  private final List<OutboxEntity> outboxRows = new ArrayList<>();
  private boolean open = true;

  /** Whether many new rows go in one statement ({@link PostgresBulk}): on PostgreSQL. */
  private final java.util.function.BooleanSupplier bulk;

  JpaUnitOfWork(EntityManager em, TenantId tenant, IdGenerator outboxIds) {
    this(em, tenant, outboxIds, () -> false);
  }

  /** @param bulk whether many new rows may go in one statement of {@link PostgresBulk} */
  JpaUnitOfWork(EntityManager em, TenantId tenant, IdGenerator outboxIds, java.util.function.BooleanSupplier bulk) {
    this.em = em;
    this.tenant = tenant;
    this.outboxIds = outboxIds;
    this.bulk = bulk;
  }

  /** Whether the database is PostgreSQL (asked once per factory). */
  boolean postgres() {
    return bulk.getAsBoolean();
  }

  /** Whether {@code rows} new rows of one table go in one statement of {@link PostgresBulk}. */
  boolean bulk(int rows) {
    return rows >= PostgresBulk.MIN_ROWS && bulk.getAsBoolean();
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

  LeadRepository leads() {
    requireOpen();
    if (leads == null) {
      leads = new JpaLeads(this);
    }
    return leads;
  }

  JpaMails mails;

  private JpaAudit audit;

  JpaAudit audit() {
    requireOpen();
    if (audit == null) {
      audit = new JpaAudit(this);
    }
    return audit;
  }

  JpaMails mails() {
    requireOpen();
    if (mails == null) {
      mails = new JpaMails(this);
    }
    return mails;
  }

  JpaMerges merges() {
    requireOpen();
    if (merges == null) {
      merges = new JpaMerges(this);
    }
    return merges;
  }

  ContactRepository contacts() {
    requireOpen();
    if (contacts == null) {
      contacts = new JpaContacts(this);
    }
    return contacts;
  }

  AccountRepository accounts() {
    requireOpen();
    if (accounts == null) {
      accounts = new JpaAccounts(this);
    }
    return accounts;
  }

  OpportunityRepository opportunities() {
    requireOpen();
    if (opportunities == null) {
      opportunities = new JpaOpportunities(this);
    }
    return opportunities;
  }

  dev.rapport.crm.service.CaseRepository cases() {
    requireOpen();
    if (cases == null) {
      cases = new JpaCases(this);
    }
    return cases;
  }

  dev.rapport.crm.feedback.FeedbackRepository feedback() {
    requireOpen();
    if (feedback == null) {
      feedback = new JpaFeedback(this);
    }
    return feedback;
  }

  CampaignRepository campaigns() {
    requireOpen();
    if (campaigns == null) {
      campaigns = new JpaCampaigns(this);
    }
    return campaigns;
  }

  ActivityRepository activities() {
    requireOpen();
    if (activities == null) {
      activities = new JpaActivities(this);
    }
    return activities;
  }

  TaskRepository tasks() {
    requireOpen();
    if (tasks == null) {
      tasks = new JpaTasks(this);
    }
    return tasks;
  }

  TimelineRepository timeline() {
    requireOpen();
    if (timeline == null) {
      timeline = new JpaTimeline(this);
    }
    return timeline;
  }

  dev.rapport.crm.analytics.AnalyticsRepository analytics() {
    requireOpen();
    if (analytics == null) {
      analytics = new JpaAnalytics(this);
    }
    return analytics;
  }

  dev.rapport.crm.sales.SalesRepository sales() {
    requireOpen();
    if (sales == null) {
      sales = new JpaSales(this);
    }
    return sales;
  }

  dev.rapport.crm.sales.SalesReports salesReports() {
    requireOpen();
    if (salesReports == null) {
      salesReports = new JpaSalesReports(this);
    }
    return salesReports;
  }

  /**
   * The port each repository of this adapter implements, and how this unit of work makes it (once,
   * on first use). A new feature adds its line here and its repository class.
   */
  private static final Map<Class<?>, Function<JpaUnitOfWork, Object>> PORTS = Map.ofEntries(
      Map.entry(dev.rapport.crm.lead.LeadRepository.class, JpaUnitOfWork::leads),
      Map.entry(dev.rapport.crm.contact.ContactRepository.class, JpaUnitOfWork::contacts),
      Map.entry(dev.rapport.crm.contact.AccountRepository.class, JpaUnitOfWork::accounts),
      Map.entry(dev.rapport.crm.contact.MergeRepository.class, JpaUnitOfWork::merges),
      Map.entry(dev.rapport.crm.opportunity.OpportunityRepository.class, JpaUnitOfWork::opportunities),
      Map.entry(dev.rapport.crm.service.CaseRepository.class, JpaUnitOfWork::cases),
      Map.entry(dev.rapport.crm.feedback.FeedbackRepository.class, JpaUnitOfWork::feedback),
      Map.entry(dev.rapport.crm.campaign.CampaignRepository.class, JpaUnitOfWork::campaigns),
      Map.entry(dev.rapport.crm.activity.ActivityRepository.class, JpaUnitOfWork::activities),
      Map.entry(dev.rapport.crm.activity.TaskRepository.class, JpaUnitOfWork::tasks),
      Map.entry(dev.rapport.crm.activity.TimelineRepository.class, JpaUnitOfWork::timeline),
      Map.entry(dev.rapport.crm.mail.MailRepository.class, JpaUnitOfWork::mails),
      Map.entry(dev.rapport.crm.privacy.PrivacyRepository.class, u -> new JpaPrivacy(u)),
      Map.entry(dev.rapport.crm.audit.AuditRepository.class, JpaUnitOfWork::audit),
      Map.entry(dev.rapport.crm.search.SearchRepository.class, u -> new JpaSearch(u)),
      Map.entry(dev.rapport.crm.field.CustomFieldRepository.class, u -> new JpaCustomFields(u)),
      Map.entry(dev.rapport.crm.servicelevel.ServiceLevelRepository.class, u -> new JpaServiceLevels(u)),
      Map.entry(dev.rapport.crm.analytics.AnalyticsRepository.class, JpaUnitOfWork::analytics),
      Map.entry(dev.rapport.crm.sales.SalesRepository.class, JpaUnitOfWork::sales),
      Map.entry(dev.rapport.crm.sales.SalesReports.class, JpaUnitOfWork::salesReports),
      Map.entry(dev.rapport.crm.lead.CampaignDirectory.class,
          u -> (dev.rapport.crm.lead.CampaignDirectory) id -> u.campaigns().find(id).isPresent()));

  @Override
  public <P> P port(Class<P> port) {
    Function<JpaUnitOfWork, Object> make = PORTS.get(port);
    if (make == null) {
      throw new IllegalArgumentException("the JPA adapter has no implementation of " + port.getName());
    }
    return port.cast(make.apply(this));
  }

  @Override
  public void recordEvents(List<CrmEvent> events) {
    requireOpen();
    Objects.requireNonNull(events, "events");
    List<OutboxEntity> made = new ArrayList<>(events.size());
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
      made.add(row);
    }
    if (bulk(made.size())) {
      flush();
      PostgresBulk.insert(em, "crm_outbox", OUTBOX_COLUMNS, made);
      return;
    }
    for (OutboxEntity row : made) {
      em.persist(row);
      outboxRows.add(row);
    }
  }

  /** The columns of {@code crm_outbox} a new row fills, for {@link PostgresBulk}. */
  static final List<PostgresBulk.Column<OutboxEntity>> OUTBOX_COLUMNS = List.of(
      new PostgresBulk.Column<>("id", "uuid", e -> e.id),
      new PostgresBulk.Column<>("tenant_id", "varchar", e -> e.tenantId),
      new PostgresBulk.Column<>("aggregate_type", "varchar", e -> e.aggregateType),
      new PostgresBulk.Column<>("aggregate_id", "uuid", e -> e.aggregateId),
      new PostgresBulk.Column<>("event_type", "varchar", e -> e.eventType),
      new PostgresBulk.Column<>("payload", "text", e -> e.payload),
      new PostgresBulk.Column<>("occurred_at", "timestamp", e -> e.occurredAt),
      new PostgresBulk.Column<>("delivered_at", "timestamp", e -> e.deliveredAt));

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
    if (!em.isJoinedToTransaction()) {
      return; // a read: nothing was written to flush
    }
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
