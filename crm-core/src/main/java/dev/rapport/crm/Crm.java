package dev.rapport.crm;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.campaign.CampaignService;
import dev.rapport.crm.activity.ActivityService;
import dev.rapport.crm.activity.TaskService;
import dev.rapport.crm.activity.TimelineService;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.AccountService;
import dev.rapport.crm.contact.ContactService;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CrmEventListener;
import dev.rapport.crm.activity.ActivityEvent;
import dev.rapport.crm.campaign.CampaignEvent;
import dev.rapport.crm.contact.ContactEvent;
import dev.rapport.crm.feedback.FeedbackEvent;
import dev.rapport.crm.lead.LeadEvent;
import dev.rapport.crm.opportunity.OpportunityEvent;
import dev.rapport.crm.sales.SalesEvent;
import dev.rapport.crm.service.CaseEvent;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.dedupe.DuplicatePolicy;
import dev.rapport.crm.dedupe.DuplicateService;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Services;
import dev.rapport.crm.internal.IdGenerator;
import dev.rapport.crm.lead.LeadService;
import dev.rapport.crm.lead.TemperaturePolicy;
import dev.rapport.crm.opportunity.OpportunityService;
import dev.rapport.crm.opportunity.Pipeline;
import dev.rapport.crm.service.CaseService;
import dev.rapport.crm.feedback.FeedbackService;
import dev.rapport.crm.analytics.AnalyticsService;
import dev.rapport.crm.sales.SalesSettings;
import dev.rapport.crm.sales.ExchangeRates;
import dev.rapport.crm.sales.PayerPolicy;
import dev.rapport.crm.sales.SalesLedger;
import dev.rapport.crm.sales.SalesService;
import java.util.Currency;
import java.util.Optional;
import dev.rapport.crm.spi.Persistence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineRepository;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.Random;

/**
 * The CRM of one tenant: the entry point to leads, contacts, accounts, opportunities, activities,
 * campaigns, service cases, feedback and sales history.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *     .persistence(MemoryPersistence.create())
 *     .tenant("acme-books")
 *     .build();
 * Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
 * }</pre>
 *
 * <p>Many {@code Crm}s (one per tenant) may share one {@link Persistence}; none can read or write
 * another tenant's records. A {@code Crm} holds no global state, starts no threads and configures
 * no logging. Thread-safe.
 */
public final class Crm {
  private final TenantId tenant;
  private final LeadService leads;
  private final ContactService contacts;
  private final AccountService accounts;
  private final OpportunityService opportunities;
  private final CaseService cases;
  private final FeedbackService feedback;
  private final CampaignService campaigns;
  private final ActivityService activities;
  private final TaskService tasks;
  private final TimelineService timeline;
  private final SalesService sales;
  private final AnalyticsService analytics;
  private final DuplicateService duplicates;
  private final dev.rapport.crm.search.SearchService search;
  private final dev.rapport.crm.field.CustomFieldService customFields;
  private final dev.rapport.crm.servicelevel.ServiceLevelService serviceLevels;
  private final dev.rapport.crm.mail.MailService mail;
  private final dev.rapport.crm.privacy.PrivacyService privacy;
  private final dev.rapport.crm.audit.AuditService audit;
  private final CrmContext ctx;

  private Crm(CrmContext ctx) {
    this.ctx = ctx;
    this.tenant = ctx.tenant();
    this.leads = Services.create(LeadService.class, ctx);
    this.contacts = Services.create(ContactService.class, ctx);
    this.accounts = Services.create(AccountService.class, ctx);
    this.opportunities = Services.create(OpportunityService.class, ctx);
    this.cases = Services.create(CaseService.class, ctx);
    this.feedback = Services.create(FeedbackService.class, ctx);
    this.campaigns = Services.create(CampaignService.class, ctx);
    this.activities = Services.create(ActivityService.class, ctx);
    this.tasks = Services.create(TaskService.class, ctx);
    this.timeline = Services.create(TimelineService.class, ctx);
    this.sales = Services.create(SalesService.class, ctx);
    this.analytics = Services.create(AnalyticsService.class, ctx);
    this.duplicates = Services.create(DuplicateService.class, ctx);
    this.search = Services.create(dev.rapport.crm.search.SearchService.class, ctx);
    this.customFields = Services.create(dev.rapport.crm.field.CustomFieldService.class, ctx);
    this.serviceLevels = Services.create(dev.rapport.crm.servicelevel.ServiceLevelService.class, ctx);
    this.mail = Services.create(dev.rapport.crm.mail.MailService.class, ctx);
    this.privacy = Services.create(dev.rapport.crm.privacy.PrivacyService.class, ctx);
    this.audit = Services.create(dev.rapport.crm.audit.AuditService.class, ctx);
  }

  /**
   * This {@code Crm} acting for {@code actor}: the same tenant, store, clock, settings and
   * listeners, whose commands the audit trail attributes to the actor (a user id, a job name). Make
   * one per request; it is cheap and holds no more than this one.
   *
   * @throws ValidationException if the actor is null, blank or over 200 characters (field {@code actor})
   */
  public Crm as(String actor) {
    return new Crm(ctx.withActor(Check.text(actor, "actor", dev.rapport.crm.common.Limits.TEXT)));
  }

  /** Who this {@code Crm}'s commands act for in the audit trail ({@link Builder#actor}, or {@link #as}). */
  public String actor() {
    return ctx.actor();
  }

  /** The audit trail: who changed which record, when, from what to what; per record and per actor. */
  public dev.rapport.crm.audit.AuditService audit() {
    return audit;
  }

  /**
   * Every type of event Rapport raises: each feature's sealed family ({@code LeadEvent},
   * {@code ContactEvent}, {@code OpportunityEvent}, {@code CampaignEvent}, {@code ActivityEvent},
   * {@code CaseEvent}, {@code FeedbackEvent}, {@code SalesEvent}, {@code MailEvent}) unfolded, in that order. For a
   * host that registers event types with a serializer or a message broker.
   */
  public static List<Class<? extends CrmEvent>> eventTypes() {
    List<Class<? extends CrmEvent>> all = new ArrayList<>();
    for (Class<?> family : List.of(LeadEvent.class, ContactEvent.class, OpportunityEvent.class, CampaignEvent.class,
        ActivityEvent.class, CaseEvent.class, FeedbackEvent.class, SalesEvent.class,
        dev.rapport.crm.mail.MailEvent.class, dev.rapport.crm.privacy.PrivacyEvent.class,
        dev.rapport.crm.field.FieldEvent.class, dev.rapport.crm.servicelevel.ServiceLevelEvent.class)) {
      for (Class<?> type : family.getPermittedSubclasses()) {
        all.add(type.asSubclass(CrmEvent.class));
      }
    }
    return List.copyOf(all);
  }

  /** Starts configuring a {@code Crm}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tenant this CRM serves. */
  public TenantId tenant() {
    return tenant;
  }

  /** E-mail linked to the CRM: messages logged on their leads, contacts and accounts, threaded. */
  public dev.rapport.crm.mail.MailService mail() {
    return mail;
  }

  /**
   * Privacy: export everything held about a person, erase them (with a marker that keeps them from
   * coming back unnoticed), and retention of untouched leads.
   */
  public dev.rapport.crm.privacy.PrivacyService privacy() {
    return privacy;
  }

  /** Leads: capture, lifecycle, engagement, temperature, conversion. */
  public LeadService leads() {
    return leads;
  }

  /** Contacts: the people the tenant does business with. */
  public ContactService contacts() {
    return contacts;
  }

  /** Accounts: the organisations the tenant does business with. */
  public AccountService accounts() {
    return accounts;
  }

  /** Opportunities: possible sales moving through the pipeline. */
  public OpportunityService opportunities() {
    return opportunities;
  }

  /** Service cases: customers' requests after a sale, from new to resolved and closed. */
  public CaseService cases() {
    return cases;
  }

  /** Feedback: CSAT and NPS answers, and the scores computed from them. */
  public FeedbackService feedback() {
    return feedback;
  }

  /** Campaigns: members, responses, attributed leads and results. */
  public CampaignService campaigns() {
    return campaigns;
  }

  /** Activities: calls, e-mails, meetings and notes about leads, contacts, accounts and opportunities. */
  public ActivityService activities() {
    return activities;
  }

  /** Tasks: to-dos with due times and reminders. */
  public TaskService tasks() {
    return tasks;
  }

  /** Timelines: what happened to a lead, contact, account or opportunity, newest first. */
  public TimelineService timeline() {
    return timeline;
  }

  /**
   * Sales and payment history: purchases, purchase frequency, repurchase reminders, late payers
   * and best customers, from Rapport's store or the host's {@link SalesLedger}.
   */
  public SalesService sales() {
    return sales;
  }

  /**
   * Analytics: lead source and campaign effectiveness, the funnel and the forecast, computed where
   * the data lives.
   */
  public AnalyticsService analytics() {
    return analytics;
  }

  /**
   * Duplicate detection: the likely duplicates of a lead or contact, and whole-tenant scans that
   * group them; what happens to a new one that looks like a stored one is the builder's {@link
   * Builder#duplicatePolicy}.
   */
  public DuplicateService duplicates() {
    return duplicates;
  }

  /**
   * Text search: leads, contacts and accounts by part of a name, company, e-mail address, phone
   * number, domain or reference, typo-tolerant and ranked.
   */
  public dev.rapport.crm.search.SearchService search() {
    return search;
  }

  /**
   * Custom fields: the fields the tenant adds to leads, contacts, accounts, opportunities and
   * service cases, with their types and rules; a record's values are set through its own service
   * ({@code crm.leads().setFields(id, values)}, ...).
   */
  public dev.rapport.crm.field.CustomFieldService customFields() {
    return customFields;
  }

  /**
   * Service levels by customer value: the tiers the tenant defines from what Rapport knows of its
   * customers (RFM segment, best customers, revenue, payer class, churn risk, a flag), first
   * response and resolution targets per tier and priority in business hours, where each case
   * stands against them and how each tier was served. Cases are worked through {@link #cases()}.
   */
  public dev.rapport.crm.servicelevel.ServiceLevelService serviceLevels() {
    return serviceLevels;
  }

  /** Configures a {@link Crm}. Not thread-safe. */
  public static final class Builder {
    private Persistence persistence;
    private TenantId tenant;
    private String actor = "system";
    private boolean auditTrail = true;
    private Clock clock = Clock.systemUTC();
    private Random random;
    private TemperaturePolicy temperaturePolicy = TemperaturePolicy.standard();
    private Pipeline pipeline = Pipeline.standard();
    private final List<CrmEventListener> listeners = new ArrayList<>();
    private Optional<SalesLedger> salesLedger = Optional.empty();
    private ExchangeRates exchangeRates = ExchangeRates.none();
    private DuplicatePolicy duplicatePolicy = DuplicatePolicy.allow();
    private Currency reportingCurrency = Currency.getInstance("EUR");
    private PayerPolicy payerPolicy = PayerPolicy.standard();
    private dev.rapport.crm.mail.MailSettings mailSettings = dev.rapport.crm.mail.MailSettings.standard();
    private dev.rapport.crm.campaign.ConsentPolicy consentPolicy = dev.rapport.crm.campaign.ConsentPolicy.standard();
    private dev.rapport.crm.mail.MailTransport mailTransport;

    private Builder() {}

    /**
     * Where records are stored (required).
     *
     * @throws ValidationException if null
     */
    public Builder persistence(Persistence p) {
      this.persistence = Check.notNull(p, "persistence");
      return this;
    }

    /**
     * The tenant served (required).
     *
     * @throws ValidationException if null
     */
    public Builder tenant(TenantId t) {
      this.tenant = Check.notNull(t, "tenant");
      return this;
    }

    /**
     * The tenant served (required).
     *
     * @throws ValidationException if null or malformed
     */
    public Builder tenant(String t) {
      return tenant(TenantId.of(t));
    }

    /**
     * The clock for every timestamp and id (default: system UTC).
     *
     * @throws ValidationException if null
     */
    public Builder clock(Clock c) {
      this.clock = Check.notNull(c, "clock");
      return this;
    }

    /**
     * The source of the random bits of ids (default: a {@code SecureRandom}); with a seeded
     * {@link Random} and a fixed clock, ids repeat from run to run.
     *
     * @throws ValidationException if null
     */
    public Builder random(Random r) {
      this.random = Check.notNull(r, "random");
      return this;
    }

    /**
     * What capturing a lead and creating a contact do when the tenant has a likely duplicate of
     * the new record (default: {@link DuplicatePolicy#allow()}, no look-up).
     *
     * @throws ValidationException if null
     */
    public Builder duplicatePolicy(DuplicatePolicy policy) {
      this.duplicatePolicy = Check.notNull(policy, "duplicatePolicy");
      return this;
    }

    /**
     * How temperature follows from engagement (default: {@link TemperaturePolicy#standard()}).
     *
     * @throws ValidationException if null
     */
    public Builder temperaturePolicy(TemperaturePolicy policy) {
      this.temperaturePolicy = Check.notNull(policy, "temperaturePolicy");
      return this;
    }

    /**
     * The opportunity pipeline (default: {@link Pipeline#standard()}).
     *
     * @throws ValidationException if null
     */
    public Builder pipeline(Pipeline p) {
      this.pipeline = Check.notNull(p, "pipeline");
      return this;
    }

    /**
     * Reads sales and payments from the host's own ledger instead of storing them in Rapport
     * (default: Rapport stores them, see {@link SalesService}). With a ledger, {@code
     * crm.sales()} computes every answer from it and refuses to record sales.
     *
     * @throws ValidationException if null
     */
    public Builder salesLedger(SalesLedger ledger) {
      this.salesLedger = Optional.of(Check.notNull(ledger, "salesLedger"));
      return this;
    }

    /**
     * The host's dated exchange rates, which turn amounts into the reporting currency (default:
     * none, so every amount must be in the reporting currency).
     *
     * @throws ValidationException if null
     */
    public Builder exchangeRates(ExchangeRates rates) {
      this.exchangeRates = Check.notNull(rates, "exchangeRates");
      return this;
    }

    /**
     * The currency totals are reported in (default: EUR).
     *
     * @throws ValidationException if null or not an ISO 4217 code
     */
    public Builder reportingCurrency(String code) {
      this.reportingCurrency = dev.rapport.crm.common.Money.zero(Check.notNull(code, "reportingCurrency")).currency();
      return this;
    }

    /**
     * The rules that class payers (default: {@link PayerPolicy#standard()}).
     *
     * @throws ValidationException if null
     */
    public Builder payerPolicy(PayerPolicy policy) {
      this.payerPolicy = Check.notNull(policy, "payerPolicy");
      return this;
    }

    /**
     * How {@code crm.mail()} reads messages: the tenant's own addresses and domains, unknown
     * senders, threading by subject (default: {@link dev.rapport.crm.mail.MailSettings#standard()}).
     *
     * @throws ValidationException if null
     */
    public Builder mail(dev.rapport.crm.mail.MailSettings settings) {
      this.mailSettings = Check.notNull(settings, "mail");
      return this;
    }

    /**
     * Where marketing consent is required and how strictly (default:
     * {@link dev.rapport.crm.campaign.ConsentPolicy#standard()}: campaign mail goes only to contacts
     * with consent, members without it may be added).
     *
     * @throws ValidationException if null
     */
    public Builder consentPolicy(dev.rapport.crm.campaign.ConsentPolicy policy) {
      this.consentPolicy = Check.notNull(policy, "consentPolicy");
      return this;
    }

    /**
     * How {@code crm.mail().send} sends mail: the host's mail server ({@code crm-mail}'s
     * {@code SmtpTransport}) or its own mail handling (default: none, and sending is refused).
     *
     * @throws ValidationException if null
     */
    public Builder mailTransport(dev.rapport.crm.mail.MailTransport transport) {
      this.mailTransport = Check.notNull(transport, "mailTransport");
      return this;
    }

    /**
     * Adds a listener for events of committed work.
     *
     * @throws ValidationException if null
     */
    public Builder listener(CrmEventListener listener) {
      listeners.add(Check.notNull(listener, "listener"));
      return this;
    }

    /**
     * The configured CRM.
     *
     * @throws ValidationException if the persistence or the tenant was not given
     */
    /**
     * Who commands act for in the audit trail unless {@code crm.as(actor)} says otherwise
     * (default {@code "system"}).
     *
     * @throws ValidationException if null, blank or over 200 characters (field {@code actor})
     */
    public Builder actor(String a) {
      this.actor = Check.text(a, "actor", dev.rapport.crm.common.Limits.TEXT);
      return this;
    }

    /**
     * Whether every command writes the audit trail (default {@code true}): one more statement per
     * command on a database. Off, {@code crm.audit()} finds only what was written before.
     */
    public Builder auditTrail(boolean on) {
      this.auditTrail = on;
      return this;
    }

    public Crm build() {
      Check.notNull(persistence, "persistence");
      Check.notNull(tenant, "tenant");
      IdGenerator ids = random == null ? new IdGenerator(clock) : new IdGenerator(clock, random);
      TenantId t = tenant;
      // every command's events become history entries of the timelines they concern, in its unit of work
      BiConsumer<UnitOfWork, List<CrmEvent>> history = (uow, events) -> {
        List<TimelineEntry> entries = TimelineHistory.entries(events, t, ids::next);
        if (!entries.isEmpty()) {
          uow.port(TimelineRepository.class).add(entries);
        }
      };
      Map<Class<?>, Object> settings = new java.util.HashMap<>(Map.of(TemperaturePolicy.class, temperaturePolicy,
          Pipeline.class, pipeline, DuplicatePolicy.class, duplicatePolicy, SalesSettings.class,
          new SalesSettings(salesLedger, exchangeRates, reportingCurrency, payerPolicy),
          dev.rapport.crm.mail.MailSettings.class, mailSettings, dev.rapport.crm.campaign.ConsentPolicy.class,
          consentPolicy));
      if (mailTransport != null) {
        settings.put(dev.rapport.crm.mail.MailTransport.class, mailTransport);
      }
      settings.put(dev.rapport.crm.internal.context.Cascade.class, new Removals());
      settings.put(dev.rapport.crm.internal.context.FieldKeys.class, new FieldRenames());
      settings.put(dev.rapport.crm.internal.context.ServiceClock.class, new ServiceClocks());
      if (auditTrail) {
        settings.put(dev.rapport.crm.internal.context.AuditHook.class, new AuditLog(ids));
      }
      settings.put(dev.rapport.crm.internal.context.ErasedPeople.class, new ErasureMarkers(tenant));
      CrmContext context = new CrmContext(persistence, tenant, clock, ids, settings, listeners, history);
      return new Crm("system".equals(actor) ? context : context.withActor(actor));
    }
  }
}
