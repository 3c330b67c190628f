package dev.rapport.crm.examples.host;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.jpa.OutboxRelay;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.SourceDetail;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Outcome;
import dev.rapport.crm.activity.Priority;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import jakarta.persistence.EntityManagerFactory;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An accounting package that embeds Rapport as its CRM module, written from Rapport's docs and
 * Javadoc only. The package keeps its own customers, invoices and payments ({@link Ledger}); Rapport
 * keeps the leads, contacts, accounts, opportunities, activities, tasks and service cases, and
 * reads the package's books through {@link LedgerSalesSource} instead of keeping a copy.
 *
 * <ul>
 *   <li>the website's contact form becomes a lead ({@link #webFormSubmitted}), one lead per
 *       address;
 *   <li>sales qualify and convert leads and work the pipeline; a won deal becomes a customer of
 *       the books, linked to its CRM account by the customer number;
 *   <li>the books answer Rapport's questions about purchases and payments;
 *   <li>every CRM event reaches the package's own {@link EventBus}: straight from a listener on
 *       the in-memory store, through the transactional outbox on a database
 *       ({@link #relayOutbox()});
 *   <li>the package runs Rapport's periodic work from its own scheduler ({@link #daily()}), since
 *       Rapport starts no threads.
 * </ul>
 *
 * <p>{@link #main} runs {@link HostStory} on the in-memory store with a simulated clock and prints
 * what the package shows its users.
 */
public final class AccountingHost {

  /** The company that runs the accounting package: one tenant. */
  public static final String TENANT = "sterling-books";

  private final Crm crm;
  private final Ledger ledger;
  private final EventBus bus;
  private final Optional<OutboxRelay> outbox;
  private int nextCustomer = 2001;

  private AccountingHost(Crm crm, Ledger ledger, EventBus bus, Optional<OutboxRelay> outbox) {
    this.crm = crm;
    this.ledger = ledger;
    this.bus = bus;
    this.outbox = outbox;
  }

  /**
   * The package with its CRM data in memory (a demo, or the package's tests). Events reach the bus
   * from a listener, after each command commits.
   */
  public static AccountingHost inMemory(Clock clock) {
    Ledger ledger = new Ledger();
    EventBus bus = new EventBus();
    Crm crm = Crm.builder()
        .persistence(MemoryPersistence.create())
        .tenant(TENANT)
        .clock(clock)
        .salesLedger(new LedgerSalesSource(ledger, dev.rapport.crm.common.TenantId.of(TENANT)))
        .listener(event -> bus.publish(toMessage(event)))
        .build();
    return new AccountingHost(crm, ledger, bus, Optional.empty());
  }

  /**
   * The package with its CRM data in its database, through its own JPA persistence unit (Rapport's
   * tables migrated beside the package's). Events are written to Rapport's outbox in each command's
   * transaction and reach the bus when the package's scheduler calls {@link #relayOutbox()}.
   */
  public static AccountingHost onDatabase(EntityManagerFactory emf, Clock clock) {
    Ledger ledger = new Ledger();
    EventBus bus = new EventBus();
    Persistence store = JpaPersistence.create(emf);
    Crm crm = Crm.builder()
        .persistence(store)
        .tenant(TENANT)
        .clock(clock)
        .salesLedger(new LedgerSalesSource(ledger, dev.rapport.crm.common.TenantId.of(TENANT)))
        .build();
    return new AccountingHost(crm, ledger, bus, Optional.of(OutboxRelay.create(emf, clock)));
  }

  /**
   * An event as a bus message. The payload here is the record's {@code toString()}; a host that
   * sends events to other processes writes them as JSON with {@code crm-jackson}'s module, which
   * reads them back too.
   */
  private static EventBus.Message toMessage(CrmEvent event) {
    return new EventBus.Message("crm." + event.getClass().getSimpleName(), event.aggregateId().toString(),
        event.toString());
  }

  public Crm crm() {
    return crm;
  }

  public Ledger ledger() {
    return ledger;
  }

  public EventBus bus() {
    return bus;
  }

  // ---------------------------------------------------------------- customers of the books

  /**
   * Takes a customer of the books into the CRM: an account that carries the customer number as
   * its external reference, so that Rapport and the books name the same customer.
   */
  public Account importCustomer(String number, String name, String email) {
    ledger.addCustomer(number, name, email);
    Account account = crm.accounts().create(NewAccount.builder(name).externalReference(number).build());
    ledger.link(number, account.id().value());
    return account;
  }

  /** The customer number of an account, making it a customer of the books if it is not one yet. */
  public String customerNumberOf(AccountId accountId) {
    Account account = crm.accounts().get(accountId);
    if (account.externalReference().isPresent()) {
      return account.externalReference().get();
    }
    String number = "C-" + nextCustomer++;
    ledger.addCustomer(number, account.name(), "");
    crm.accounts().linkExternalReference(accountId, number);
    ledger.link(number, accountId.value());
    return number;
  }

  // ---------------------------------------------------------------- leads

  /**
   * The website's contact form was posted. A person who is already an open lead is not captured
   * twice: the visit is recorded on the lead (Rapport does not make e-mail addresses unique).
   * Asking for a demo is a buying signal, which makes the lead hot.
   */
  public Lead webFormSubmitted(WebForm form) {
    Optional<Lead> known = crm.leads().findByEmail(form.email()).stream()
        .filter(l -> l.status() != LeadStatus.CONVERTED && l.status() != LeadStatus.DISQUALIFIED)
        .findFirst();
    Lead lead;
    if (known.isPresent()) {
      lead = crm.leads().recordSignal(known.get().id(), SignalType.WEBSITE_VISIT);
    } else {
      NewLead.Builder draft = NewLead.builder(PersonName.of(form.givenName(), form.familyName()),
              LeadSource.WEBSITE_SIGNUP)
          .email(form.email())
          .sourceDetail(SourceDetail.utm(form.utmSource(), form.utmMedium(), form.utmCampaign()))
          .owner("sam");
      form.company().ifPresent(draft::company);
      form.phone().ifPresent(draft::phone);
      lead = crm.leads().capture(draft.build());
    }
    if (form.wantsDemo()) {
      lead = crm.leads().recordSignal(lead.id(), SignalType.DEMO_REQUEST);
    }
    return lead;
  }

  /** Sales called the lead back and it is a real prospect: qualify it and convert it with a deal. */
  public ConversionResult qualifyAndConvert(LeadId id, String deal, Money amount, LocalDate expectedClose) {
    if (crm.leads().get(id).status() == LeadStatus.NEW) {
      crm.leads().changeStatus(id, LeadStatus.CONTACTED);
    }
    crm.leads().changeStatus(id, LeadStatus.QUALIFIED);
    return crm.leads().convert(id, Conversion.standard()
        .withOpportunity(NewOpportunity.builder(deal, amount).expectedCloseDate(expectedClose).owner("sam").build()));
  }

  /** Not a prospect (a student, a competitor): the lead leaves the funnel with a reason. */
  public Lead disqualify(LeadId id, String reason) {
    return crm.leads().disqualify(id, reason);
  }

  // ---------------------------------------------------------------- pipeline

  /** Moves a deal to a stage of the standard pipeline, by its name. */
  public Opportunity advance(OpportunityId id, String stage) {
    return crm.opportunities().moveToStage(id, stage);
  }

  /** The deal is won: the account becomes a customer of the books. Returns its customer number. */
  public String win(OpportunityId id) {
    Opportunity won = crm.opportunities().win(id);
    return customerNumberOf(won.accountId());
  }

  public Opportunity lose(OpportunityId id, LostReason reason) {
    return crm.opportunities().lose(id, reason);
  }

  // ---------------------------------------------------------------- activities and tasks

  /** The support line took a call from a lead: an inbound call is engagement and warms the lead. */
  public void inboundCall(LeadId lead, String subject, Duration length) {
    crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(lead), subject)
        .direction(Direction.INBOUND).outcome(Outcome.CONNECTED).duration(length).owner("sam").build());
  }

  /** A note on a customer, e.g. from the invoice screen. */
  public void note(AccountId account, String subject, String body) {
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.account(account), subject)
        .body(body).owner("sam").build());
  }

  /** A to-do for sales, with a reminder an hour before it is due. */
  public Task followUp(Links about, String subject, Instant due) {
    return crm.tasks().create(NewTask.builder(about, subject, due)
        .owner("sam").priority(Priority.HIGH).reminderAt(due.minus(Duration.ofHours(1))).build());
  }

  public Task done(Task task) {
    return crm.tasks().complete(task.id());
  }

  // ---------------------------------------------------------------- service

  /** A customer reports a problem with the accounting package. */
  public ServiceCase openCase(AccountId account, ContactId contact, String subject) {
    return crm.cases().open(NewCase.builder(account, subject)
        .contact(contact).priority(CasePriority.HIGH).owner("support").build());
  }

  /** Support picked the case up and fixed it; the customer answers the satisfaction survey. */
  public ServiceCase resolve(ServiceCase c, String resolution, int nps) {
    crm.cases().changeStatus(c.id(), CaseStatus.IN_PROGRESS);
    ServiceCase resolved = crm.cases().resolve(c.id(), resolution);
    crm.feedback().record(NewFeedback.nps(c.accountId(), c.contactId().orElseThrow(), nps)
        .aboutCase(c.id()).survey("After support").build());
    return resolved;
  }

  // ---------------------------------------------------------------- the package's scheduler

  /**
   * What the package's scheduler runs every morning: leads cool by time alone, payer classes change
   * as invoices fall due, task reminders fall due, and (on a database) the outbox is relayed.
   * Rapport starts no threads, so without this nothing of it happens.
   *
   * @return the reminders sent
   */
  public List<Task> daily() {
    crm.leads().refreshTemperatures();
    crm.sales().refreshPayerClasses();
    List<Task> due = crm.tasks().remindersDue(PageRequest.first(100)).items();
    for (Task t : due) {
      bus.publish(new EventBus.Message("host.reminder", t.id().toString(), t.subject()));
      crm.tasks().reminderHandled(t.id());
    }
    relayOutbox();
    return due;
  }

  /**
   * Delivers the events committed since the last call from Rapport's outbox to the bus, in order
   * (on a database; in memory the listener has delivered them already).
   *
   * @return how many were delivered
   */
  public int relayOutbox() {
    if (outbox.isEmpty()) {
      return 0;
    }
    int delivered = 0;
    int n;
    do {
      n = outbox.get().deliver(100, m -> bus.publish(
          new EventBus.Message("crm." + m.eventType(), m.aggregateId().toString(), m.payload())));
      delivered += n;
    } while (n > 0);
    return delivered;
  }

  /** Runs the story on the in-memory store and prints what the package shows. */
  public static void main(String[] args) {
    HostStory.Result r = HostStory.run(AccountingHost::inMemory);
    print(r, System.out);
  }

  static void print(HostStory.Result r, PrintStream out) {
    out.println("Leads from the website: " + r.websiteLeads() + " (" + r.effectiveness().total().converted()
        + " converted, " + r.effectiveness().total().won() + " won for " + r.effectiveness().total().wonRevenue() + ")");
    out.println("Pipeline due by " + r.forecast().period().to() + ": " + r.forecast().months().stream()
        .map(m -> m.month() + " weighted " + m.weighted() + ", won " + m.wonRevenue()).toList());
    out.println("Customers by segment: " + r.segmentation().segments());
    out.println("Churn risks: " + r.churn().stream().map(c -> r.nameOf(c.accountId()) + " " + c.level()).toList());
    out.println("Late payers: " + r.latePayers().stream()
        .map(c -> r.nameOf(c.accountId()) + " " + c.payerClass() + " (worst " + c.worstDaysLate() + " days)").toList());
    out.println("Events on the bus: " + r.topics().size() + ", e.g. " + r.topics().subList(0, Math.min(6, r.topics().size())));
  }
}
