package dev.rapport.crm.memory;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.activity.TaskRepository;
import dev.rapport.crm.activity.TimelineRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;

/**
 * A unit of work of one tenant on the in-memory store: it ties the repositories ({@link
 * MemoryLeads}, {@link MemoryContacts}, {@link MemoryAccounts}, {@link MemoryOpportunities}, each
 * in its own file) to one atomic commit. Reads see the committed state plus the unit's own writes;
 * writes are buffered and applied by {@link #commit()} all at once, under the tenant's write lock,
 * after the version and uniqueness checks. Valid only while its work runs; not thread-safe.
 */
final class MemoryUnitOfWork implements UnitOfWork {
  private final TenantStore store;
  /** The buffers the repositories made, in order of first use. */
  private final List<Buffer<?, ?>> buffers = new ArrayList<>(4);
  // Made on first use: most units touch one or two kinds.
  private MemoryLeads leads;
  private MemoryContacts contacts;
  private MemoryAccounts accounts;
  private MemoryOpportunities opportunities;
  private MemoryCases cases;
  private MemoryFeedback feedback;
  private MemoryCampaigns campaigns;
  private MemoryActivities activities;
  private MemoryMails mails;
  private MemoryTasks tasks;
  private MemoryTimeline timeline;
  private MemoryMerges merges;
  private MemorySales sales;
  private MemoryAnalytics analytics;
  private boolean open = true;
  private final boolean readOnly;

  MemoryUnitOfWork(TenantStore store) {
    this(store, false);
  }

  /** @param readOnly whether the unit only reads: its buffers are the tables' shared read views */
  MemoryUnitOfWork(TenantStore store, boolean readOnly) {
    this.store = store;
    this.readOnly = readOnly;
  }

  /** Ends the unit without storing anything. */
  void discard() {
    open = false;
  }

  /**
   * Checks every buffered write against the committed state and, if all pass, applies them
   * together; if one fails, applies nothing and throws.
   */
  void commit() {
    open = false;
    List<Buffer<?, ?>> written = null; // a read-only unit allocates nothing here (not even an iterator)
    for (int i = 0; i < buffers.size(); i++) {
      Buffer<?, ?> b = buffers.get(i);
      if (!b.isEmpty()) {
        if (written == null) {
          written = new ArrayList<>(buffers.size());
        }
        written.add(b);
      }
    }
    if (written == null) {
      return; // a read-only unit: nothing to check or apply, so no write lock to wait for
    }
    Lock write = store.lock.writeLock();
    write.lock();
    try {
      for (Buffer<?, ?> b : written) {
        b.validate();
      }
      for (Buffer<?, ?> b : written) {
        b.apply();
      }
    } finally {
      write.unlock();
    }
  }

  // ---- for the repositories

  TenantStore store() {
    return store;
  }

  /**
   * The unit's buffer over one of the tenant's tables, committed with this unit: one per table, so
   * every repository of the unit sees what the others wrote (a merge deletes the contact the
   * contacts repository reads).
   */
  @SuppressWarnings("unchecked")
  <I extends Comparable<I>, R> Buffer<I, R> buffer(Table<I, R> table) {
    if (readOnly) {
      return table.readView(store.tenant, store.lock.readLock());
    }
    for (int i = 0; i < buffers.size(); i++) {
      if (buffers.get(i).table() == table) {
        return (Buffer<I, R>) buffers.get(i);
      }
    }
    Buffer<I, R> b = new Buffer<>(table, store.tenant, store.lock.readLock());
    buffers.add(b);
    return b;
  }

  /** @throws IllegalStateException if the unit of work has ended */
  void requireOpen() {
    if (!open) {
      throw new IllegalStateException("the unit of work has ended");
    }
  }

  // ---- UnitOfWork

  @Override
  public TenantId tenant() {
    return store.tenant;
  }

  LeadRepository leads() {
    requireOpen();
    if (leads == null) {
      leads = new MemoryLeads(this);
    }
    return leads;
  }

  ContactRepository contacts() {
    requireOpen();
    if (contacts == null) {
      contacts = new MemoryContacts(this);
    }
    return contacts;
  }

  AccountRepository accounts() {
    requireOpen();
    if (accounts == null) {
      accounts = new MemoryAccounts(this);
    }
    return accounts;
  }

  OpportunityRepository opportunities() {
    requireOpen();
    if (opportunities == null) {
      opportunities = new MemoryOpportunities(this);
    }
    return opportunities;
  }

  dev.rapport.crm.service.CaseRepository cases() {
    requireOpen();
    if (cases == null) {
      cases = new MemoryCases(this);
    }
    return cases;
  }

  dev.rapport.crm.feedback.FeedbackRepository feedback() {
    requireOpen();
    if (feedback == null) {
      feedback = new MemoryFeedback(this);
    }
    return feedback;
  }

  CampaignRepository campaigns() {
    requireOpen();
    if (campaigns == null) {
      campaigns = new MemoryCampaigns(this);
    }
    return campaigns;
  }

  dev.rapport.crm.mail.MailRepository mails() {
    requireOpen();
    if (mails == null) {
      mails = new MemoryMails(this);
    }
    return mails;
  }

  ActivityRepository activities() {
    requireOpen();
    if (activities == null) {
      activities = new MemoryActivities(this);
    }
    return activities;
  }

  TaskRepository tasks() {
    requireOpen();
    if (tasks == null) {
      tasks = new MemoryTasks(this);
    }
    return tasks;
  }

  dev.rapport.crm.analytics.AnalyticsRepository analytics() {
    requireOpen();
    if (analytics == null) {
      analytics = new MemoryAnalytics(this);
    }
    return analytics;
  }

  dev.rapport.crm.sales.SalesRepository sales() {
    requireOpen();
    if (sales == null) {
      sales = new MemorySales(this);
    }
    return sales;
  }

  MemoryMerges merges() {
    requireOpen();
    if (merges == null) {
      merges = new MemoryMerges(this);
    }
    return merges;
  }

  TimelineRepository timeline() {
    requireOpen();
    if (timeline == null) {
      timeline = new MemoryTimeline(this);
    }
    return timeline;
  }

  /**
   * The port each repository of this adapter implements, and how this unit of work makes it (once,
   * on first use). A new feature adds its line here and its repository class.
   */
  private static final Map<Class<?>, Function<MemoryUnitOfWork, Object>> PORTS = Map.ofEntries(
      Map.entry(dev.rapport.crm.lead.LeadRepository.class, MemoryUnitOfWork::leads),
      Map.entry(dev.rapport.crm.contact.ContactRepository.class, MemoryUnitOfWork::contacts),
      Map.entry(dev.rapport.crm.contact.AccountRepository.class, MemoryUnitOfWork::accounts),
      Map.entry(dev.rapport.crm.contact.MergeRepository.class, MemoryUnitOfWork::merges),
      Map.entry(dev.rapport.crm.opportunity.OpportunityRepository.class, MemoryUnitOfWork::opportunities),
      Map.entry(dev.rapport.crm.service.CaseRepository.class, MemoryUnitOfWork::cases),
      Map.entry(dev.rapport.crm.feedback.FeedbackRepository.class, MemoryUnitOfWork::feedback),
      Map.entry(dev.rapport.crm.campaign.CampaignRepository.class, MemoryUnitOfWork::campaigns),
      Map.entry(dev.rapport.crm.activity.ActivityRepository.class, MemoryUnitOfWork::activities),
      Map.entry(dev.rapport.crm.mail.MailRepository.class, MemoryUnitOfWork::mails),
      Map.entry(dev.rapport.crm.privacy.PrivacyRepository.class, u -> new MemoryPrivacy(u)),
      Map.entry(dev.rapport.crm.audit.AuditRepository.class, u -> new MemoryAudit(u)),
      Map.entry(dev.rapport.crm.search.SearchRepository.class, u -> new MemorySearch(u)),
      Map.entry(dev.rapport.crm.field.CustomFieldRepository.class, u -> new MemoryCustomFields(u)),
      Map.entry(dev.rapport.crm.activity.TaskRepository.class, MemoryUnitOfWork::tasks),
      Map.entry(dev.rapport.crm.activity.TimelineRepository.class, MemoryUnitOfWork::timeline),
      Map.entry(dev.rapport.crm.analytics.AnalyticsRepository.class, MemoryUnitOfWork::analytics),
      Map.entry(dev.rapport.crm.sales.SalesRepository.class, MemoryUnitOfWork::sales),
      Map.entry(dev.rapport.crm.servicelevel.ServiceLevelRepository.class, MemoryServiceLevels::new),
      // the memory adapter answers the figures from the same tables, by the reference definitions
      Map.entry(dev.rapport.crm.sales.SalesReports.class, MemoryUnitOfWork::sales),
      Map.entry(dev.rapport.crm.lead.CampaignDirectory.class,
          u -> (dev.rapport.crm.lead.CampaignDirectory) id -> u.campaigns().find(id).isPresent()));

  @Override
  public <P> P port(Class<P> port) {
    Function<MemoryUnitOfWork, Object> make = PORTS.get(port);
    if (make == null) {
      throw new IllegalArgumentException("the memory adapter has no implementation of " + port.getName());
    }
    return port.cast(make.apply(this));
  }

  @Override
  public void recordEvents(List<CrmEvent> events) {
    requireOpen();
    Objects.requireNonNull(events, "events"); // no outbox: the core delivers them after commit
  }
}
