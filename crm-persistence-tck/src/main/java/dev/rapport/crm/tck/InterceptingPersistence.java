package dev.rapport.crm.tck;

import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignTotals;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.spi.CampaignRepository;
import java.util.Collection;
import java.util.Set;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.spi.ActivityRepository;
import dev.rapport.crm.spi.TaskRepository;
import dev.rapport.crm.spi.TimelineRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.spi.AccountRepository;
import dev.rapport.crm.spi.ContactRepository;
import dev.rapport.crm.spi.LeadRepository;
import dev.rapport.crm.spi.OpportunityRepository;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Wraps an adapter's {@link Persistence} and calls an {@link Interceptor} around every repository
 * call, so that a test can inject a failure (throw from {@code before}) or pause a thread at a
 * chosen point. Operations are named {@code "leads.update"}, {@code "opportunities.insert"}, ...
 */
final class InterceptingPersistence implements Persistence {

  /** Sees every repository call. */
  interface Interceptor {
    /** Called before the call reaches the adapter; throw to make the call fail. */
    default void before(String operation, Object argument) {}

    /** Called after the adapter returned. */
    default void after(String operation, Object result) {}
  }

  private final Persistence delegate;
  private final Interceptor interceptor;

  InterceptingPersistence(Persistence delegate, Interceptor interceptor) {
    this.delegate = delegate;
    this.interceptor = interceptor;
  }

  /** A wrapper that throws {@code failure} on the first call of {@code operation} matching. */
  static InterceptingPersistence failingOn(Persistence delegate, String operation,
      java.util.function.Predicate<Object> when, RuntimeException failure) {
    return new InterceptingPersistence(delegate, new Interceptor() {
      @Override
      public void before(String op, Object argument) {
        if (op.equals(operation) && when.test(argument)) {
          throw failure;
        }
      }
    });
  }

  @Override
  public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
    return delegate.inUnitOfWork(tenant, uow -> work.apply(new Uow(uow)));
  }

  private <T> T call(String op, Object arg, java.util.function.Supplier<T> body) {
    interceptor.before(op, arg);
    T result = body.get();
    interceptor.after(op, result);
    return result;
  }

  private final class Uow implements UnitOfWork {
    private final UnitOfWork d;

    Uow(UnitOfWork d) {
      this.d = d;
    }

    @Override
    public TenantId tenant() {
      return d.tenant();
    }

    @Override
    public LeadRepository leads() {
      LeadRepository r = d.leads();
      return new LeadRepository() {
        @Override
        public Optional<Lead> find(LeadId id) {
          return call("leads.find", id, () -> r.find(id));
        }

        @Override
        public List<Lead> findByEmail(EmailAddress email) {
          return call("leads.findByEmail", email, () -> r.findByEmail(email));
        }

        @Override
        public Page<Lead> query(LeadQuery query, PageRequest page) {
          return call("leads.query", query, () -> r.query(query, page));
        }

        @Override
        public long count(LeadQuery query) {
          return call("leads.count", query, () -> r.count(query));
        }

        @Override
        public Lead insert(Lead lead) {
          return call("leads.insert", lead, () -> r.insert(lead));
        }

        @Override
        public Lead update(Lead lead) {
          return call("leads.update", lead, () -> r.update(lead));
        }
      };
    }

    @Override
    public ContactRepository contacts() {
      ContactRepository r = d.contacts();
      return new ContactRepository() {
        @Override
        public Optional<Contact> find(ContactId id) {
          return call("contacts.find", id, () -> r.find(id));
        }

        @Override
        public List<Contact> findByEmail(EmailAddress email) {
          return call("contacts.findByEmail", email, () -> r.findByEmail(email));
        }

        @Override
        public Page<Contact> findByAccount(AccountId account, PageRequest page) {
          return call("contacts.findByAccount", account, () -> r.findByAccount(account, page));
        }

        @Override
        public long countByAccount(AccountId account) {
          return call("contacts.countByAccount", account, () -> r.countByAccount(account));
        }

        @Override
        public Page<Contact> list(PageRequest page) {
          return call("contacts.list", page, () -> r.list(page));
        }

        @Override
        public Contact insert(Contact contact) {
          return call("contacts.insert", contact, () -> r.insert(contact));
        }

        @Override
        public Contact update(Contact contact) {
          return call("contacts.update", contact, () -> r.update(contact));
        }
      };
    }

    @Override
    public AccountRepository accounts() {
      AccountRepository r = d.accounts();
      return new AccountRepository() {
        @Override
        public Optional<Account> find(AccountId id) {
          return call("accounts.find", id, () -> r.find(id));
        }

        @Override
        public List<Account> findByNameKey(String nameKey) {
          return call("accounts.findByNameKey", nameKey, () -> r.findByNameKey(nameKey));
        }

        @Override
        public List<Account> findByDomain(String domain) {
          return call("accounts.findByDomain", domain, () -> r.findByDomain(domain));
        }

        @Override
        public Optional<Account> findByExternalReference(String ref) {
          return call("accounts.findByExternalReference", ref, () -> r.findByExternalReference(ref));
        }

        @Override
        public java.util.Set<AccountId> existing(java.util.Collection<AccountId> ids) {
          return call("accounts.existing", ids, () -> r.existing(ids));
        }

        @Override
        public Page<Account> list(PageRequest page) {
          return call("accounts.list", page, () -> r.list(page));
        }

        @Override
        public Account insert(Account account) {
          return call("accounts.insert", account, () -> r.insert(account));
        }

        @Override
        public Account update(Account account) {
          return call("accounts.update", account, () -> r.update(account));
        }
      };
    }

    @Override
    public OpportunityRepository opportunities() {
      OpportunityRepository r = d.opportunities();
      return new OpportunityRepository() {
        @Override
        public Optional<Opportunity> find(OpportunityId id) {
          return call("opportunities.find", id, () -> r.find(id));
        }

        @Override
        public Page<Opportunity> query(OpportunityQuery query, PageRequest page) {
          return call("opportunities.query", query, () -> r.query(query, page));
        }

        @Override
        public long count(OpportunityQuery query) {
          return call("opportunities.count", query, () -> r.count(query));
        }

        @Override
        public Opportunity insert(Opportunity o) {
          return call("opportunities.insert", o, () -> r.insert(o));
        }

        @Override
        public Opportunity update(Opportunity o) {
          return call("opportunities.update", o, () -> r.update(o));
        }
      };
    }

    @Override
    public dev.rapport.crm.spi.CaseRepository cases() {
      dev.rapport.crm.spi.CaseRepository r = d.cases();
      return new dev.rapport.crm.spi.CaseRepository() {
        @Override
        public Optional<dev.rapport.crm.service.ServiceCase> find(dev.rapport.crm.common.CaseId id) {
          return call("cases.find", id, () -> r.find(id));
        }

        @Override
        public Page<dev.rapport.crm.service.ServiceCase> openCases(dev.rapport.crm.service.CaseQuery query, PageRequest page) {
          return call("cases.openCases", query, () -> r.openCases(query, page));
        }

        @Override
        public long countOpen(dev.rapport.crm.service.CaseQuery query) {
          return call("cases.countOpen", query, () -> r.countOpen(query));
        }

        @Override
        public Page<dev.rapport.crm.service.ServiceCase> ofAccount(AccountId account, PageRequest page) {
          return call("cases.ofAccount", account, () -> r.ofAccount(account, page));
        }

        @Override
        public long countOfAccount(AccountId account) {
          return call("cases.countOfAccount", account, () -> r.countOfAccount(account));
        }

        @Override
        public Page<dev.rapport.crm.service.ServiceCase> list(PageRequest page) {
          return call("cases.list", page, () -> r.list(page));
        }

        @Override
        public dev.rapport.crm.service.ServiceCase insert(dev.rapport.crm.service.ServiceCase c) {
          return call("cases.insert", c, () -> r.insert(c));
        }

        @Override
        public dev.rapport.crm.service.ServiceCase update(dev.rapport.crm.service.ServiceCase c) {
          return call("cases.update", c, () -> r.update(c));
        }
      };
    }

    @Override
    public dev.rapport.crm.spi.FeedbackRepository feedback() {
      dev.rapport.crm.spi.FeedbackRepository r = d.feedback();
      return new dev.rapport.crm.spi.FeedbackRepository() {
        @Override
        public Optional<dev.rapport.crm.feedback.Feedback> find(dev.rapport.crm.common.FeedbackId id) {
          return call("feedback.find", id, () -> r.find(id));
        }

        @Override
        public Page<dev.rapport.crm.feedback.Feedback> list(PageRequest page) {
          return call("feedback.list", page, () -> r.list(page));
        }

        @Override
        public Page<dev.rapport.crm.feedback.Feedback> detractors(Optional<AccountId> account,
            java.time.Instant from, java.time.Instant to, PageRequest page) {
          return call("feedback.detractors", account, () -> r.detractors(account, from, to, page));
        }

        @Override
        public dev.rapport.crm.feedback.NpsResult nps(Optional<AccountId> account, java.time.Instant from, java.time.Instant to) {
          return call("feedback.nps", account, () -> r.nps(account, from, to));
        }

        @Override
        public dev.rapport.crm.feedback.CsatResult csat(Optional<AccountId> account, java.time.Instant from, java.time.Instant to) {
          return call("feedback.csat", account, () -> r.csat(account, from, to));
        }

        @Override
        public List<dev.rapport.crm.spi.FeedbackRepository.ScoreRow> scores(java.time.Instant from, java.time.Instant to) {
          return call("feedback.scores", from, () -> r.scores(from, to));
        }

        @Override
        public dev.rapport.crm.feedback.Feedback insert(dev.rapport.crm.feedback.Feedback f) {
          return call("feedback.insert", f, () -> r.insert(f));
        }
      };
    }

    /** Read-only aggregates: nothing to intercept. */
    @Override
    public dev.rapport.crm.spi.AnalyticsRepository analytics() {
      return d.analytics();
    }

    @Override
    public dev.rapport.crm.spi.SalesRepository sales() {
      dev.rapport.crm.spi.SalesRepository r = d.sales();
      return new dev.rapport.crm.spi.SalesRepository() {
        @Override
        public Optional<dev.rapport.crm.sales.Sale> find(dev.rapport.crm.common.SaleId id) {
          return call("sales.find", id, () -> r.find(id));
        }

        @Override
        public Optional<dev.rapport.crm.sales.Sale> findByReference(String reference) {
          return call("sales.findByReference", reference, () -> r.findByReference(reference));
        }

        @Override
        public Page<dev.rapport.crm.sales.Sale> list(Optional<AccountId> account, PageRequest page) {
          return call("sales.list", account, () -> r.list(account, page));
        }

        @Override
        public dev.rapport.crm.sales.Sale insert(dev.rapport.crm.sales.Sale sale) {
          return call("sales.insert", sale, () -> r.insert(sale));
        }

        @Override
        public dev.rapport.crm.sales.Sale update(dev.rapport.crm.sales.Sale sale) {
          return call("sales.update", sale, () -> r.update(sale));
        }

        @Override
        public Optional<dev.rapport.crm.sales.Payment> findPayment(dev.rapport.crm.common.PaymentId id) {
          return call("sales.findPayment", id, () -> r.findPayment(id));
        }

        @Override
        public Optional<dev.rapport.crm.sales.Payment> findPaymentByReference(String reference) {
          return call("sales.findPaymentByReference", reference, () -> r.findPaymentByReference(reference));
        }

        @Override
        public Page<dev.rapport.crm.sales.Payment> payments(Optional<AccountId> account, PageRequest page) {
          return call("sales.payments", account, () -> r.payments(account, page));
        }

        @Override
        public dev.rapport.crm.sales.Payment insertPayment(dev.rapport.crm.sales.Payment payment) {
          return call("sales.insertPayment", payment, () -> r.insertPayment(payment));
        }

        @Override
        public List<Movement> movements(String invoiceReference) {
          return call("sales.movements", invoiceReference, () -> r.movements(invoiceReference));
        }

        @Override
        public void saveBalance(String invoiceReference, Optional<Balance> expected, Balance balance) {
          call("sales.saveBalance", invoiceReference, () -> {
            r.saveBalance(invoiceReference, expected, balance);
            return null;
          });
        }

        @Override
        public List<PurchaseRow> purchases(Optional<AccountId> account, boolean byProduct) {
          return call("sales.purchases", account, () -> r.purchases(account, byProduct));
        }

        @Override
        public List<PurchaseRow> revenue(java.time.LocalDate from, java.time.LocalDate to, java.util.Currency reporting) {
          return call("sales.revenue", from, () -> r.revenue(from, to, reporting));
        }

        @Override
        public List<CreditRow> credit(Optional<AccountId> account, java.time.LocalDate asOf, int graceDays) {
          return call("sales.credit", account, () -> r.credit(account, asOf, graceDays));
        }

        @Override
        public List<RfmRow> rfm(java.time.LocalDate from, java.time.LocalDate to) {
          return call("sales.rfm", from, () -> r.rfm(from, to));
        }

        @Override
        public java.util.Map<AccountId, dev.rapport.crm.sales.PayerClass> payerClasses() {
          return call("sales.payerClasses", null, r::payerClasses);
        }

        @Override
        public void savePayerClasses(java.util.Map<AccountId, dev.rapport.crm.sales.PayerClass> classes) {
          call("sales.savePayerClasses", classes, () -> {
            r.savePayerClasses(classes);
            return null;
          });
        }
      };
    }

    @Override
    public CampaignRepository campaigns() {
      CampaignRepository r = d.campaigns();
      return new CampaignRepository() {
        @Override
        public Optional<Campaign> find(CampaignId id) {
          return call("campaigns.find", id, () -> r.find(id));
        }

        @Override
        public Page<Campaign> list(PageRequest page) {
          return call("campaigns.list", page, () -> r.list(page));
        }

        @Override
        public Campaign insert(Campaign c) {
          return call("campaigns.insert", c, () -> r.insert(c));
        }

        @Override
        public Campaign update(Campaign c) {
          return call("campaigns.update", c, () -> r.update(c));
        }

        @Override
        public Optional<CampaignMember> findMember(CampaignId campaign, MemberId member) {
          return call("campaigns.findMember", member, () -> r.findMember(campaign, member));
        }

        @Override
        public Page<CampaignMember> members(CampaignId campaign, PageRequest page) {
          return call("campaigns.members", campaign, () -> r.members(campaign, page));
        }

        @Override
        public Set<MemberId> existingMembers(CampaignId campaign, Collection<MemberId> people) {
          return call("campaigns.existingMembers", people, () -> r.existingMembers(campaign, people));
        }

        @Override
        public Set<MemberId> unknownPeople(Collection<MemberId> people) {
          return call("campaigns.unknownPeople", people, () -> r.unknownPeople(people));
        }

        @Override
        public List<CampaignMember> insertMembers(List<CampaignMember> members) {
          return call("campaigns.insertMembers", members, () -> r.insertMembers(members));
        }

        @Override
        public CampaignMember updateMember(CampaignMember member) {
          return call("campaigns.updateMember", member, () -> r.updateMember(member));
        }

        @Override
        public CampaignTotals totals(CampaignId campaign) {
          return call("campaigns.totals", campaign, () -> r.totals(campaign));
        }
      };
    }

    @Override
    public ActivityRepository activities() {
      ActivityRepository r = d.activities();
      return new ActivityRepository() {
        @Override
        public Optional<Activity> find(ActivityId id) {
          return call("activities.find", id, () -> r.find(id));
        }

        @Override
        public List<Activity> findAll(Collection<ActivityId> ids) {
          return call("activities.findAll", ids, () -> r.findAll(ids));
        }

        @Override
        public Page<Activity> list(PageRequest page) {
          return call("activities.list", page, () -> r.list(page));
        }

        @Override
        public Activity insert(Activity a) {
          return call("activities.insert", a, () -> r.insert(a));
        }
      };
    }

    @Override
    public TaskRepository tasks() {
      TaskRepository r = d.tasks();
      return new TaskRepository() {
        @Override
        public Optional<Task> find(TaskId id) {
          return call("tasks.find", id, () -> r.find(id));
        }

        @Override
        public List<Task> findAll(Collection<TaskId> ids) {
          return call("tasks.findAll", ids, () -> r.findAll(ids));
        }

        @Override
        public Page<Task> list(PageRequest page) {
          return call("tasks.list", page, () -> r.list(page));
        }

        @Override
        public Page<Task> openDueBefore(Optional<String> owner, Instant before, PageRequest page) {
          return call("tasks.openDueBefore", before, () -> r.openDueBefore(owner, before, page));
        }

        @Override
        public long countOpenDueBefore(Optional<String> owner, Instant before) {
          return call("tasks.countOpenDueBefore", before, () -> r.countOpenDueBefore(owner, before));
        }

        @Override
        public Page<Task> remindersDue(Instant now, PageRequest page) {
          return call("tasks.remindersDue", now, () -> r.remindersDue(now, page));
        }

        @Override
        public Task insert(Task t) {
          return call("tasks.insert", t, () -> r.insert(t));
        }

        @Override
        public Task update(Task t) {
          return call("tasks.update", t, () -> r.update(t));
        }
      };
    }

    @Override
    public TimelineRepository timeline() {
      TimelineRepository r = d.timeline();
      return new TimelineRepository() {
        @Override
        public void add(List<TimelineEntry> entries) {
          call("timeline.add", entries, () -> {
            r.add(entries);
            return null;
          });
        }

        @Override
        public Page<TimelineEntry> page(Collection<UUID> subjects, PageRequest page) {
          return call("timeline.page", subjects, () -> r.page(subjects, page));
        }

        @Override
        public Page<TimelineEntry> list(PageRequest page) {
          return call("timeline.list", page, () -> r.list(page));
        }

        @Override
        public List<LeadId> leadsConvertedInto(UUID subject) {
          return call("timeline.leadsConvertedInto", subject, () -> r.leadsConvertedInto(subject));
        }
      };
    }

    @Override
    public void recordEvents(List<CrmEvent> events) {
      call("recordEvents", events, () -> {
        d.recordEvents(events);
        return null;
      });
    }
  }
}
