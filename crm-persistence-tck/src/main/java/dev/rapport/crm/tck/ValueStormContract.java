package dev.rapport.crm.tck;

import dev.rapport.crm.sales.SalesReports;
import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.analytics.AnalyticsRepository;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.sales.SalesRepository;
import dev.rapport.crm.activity.TaskRepository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.sales.CustomerRank;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.RepurchaseReminder;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Outcome;
import dev.rapport.crm.activity.Priority;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.Goals;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.LeadUpdate;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.SourceDetail;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.Pipeline;
import dev.rapport.crm.opportunity.Stage;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackChannel;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.feedback.NpsResult;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A seeded storm of generated inputs over every public command and query, with the edge classes
 * where stores disagree (see {@link Limits}). Two checks hold for every input on every adapter
 * and database: an input the core refuses throws one of Rapport's rejections (never a store
 * failure or a JDK exception) and changes nothing, and an input it accepts is stored so that it
 * reads back equal to what the command returned.
 *
 * <p>The storm runs {@value #DEFAULT_INPUTS} inputs by default, in epochs of
 * {@value #EPOCH} on a fresh tenant. The seed is printed; set it with the system property
 * {@code rapport.storm.seed} to replay a run, and the number of inputs with
 * {@code rapport.storm.inputs}. The whole store of the tenant is compared with what the accepted
 * commands returned every {@value #CHECKPOINT} inputs; a failure names the seed and the inputs
 * since the last good checkpoint.
 */
public abstract class ValueStormContract extends ContractSupport {
  static final int DEFAULT_INPUTS = 10_000;
  static final int EPOCH = 1_000;
  static final int CHECKPOINT = 100;
  /** 02:30 UTC on the day Central Europe moved its clocks from 02:00 to 03:00. */
  static final Instant SKIPPED_HOUR = Instant.parse("2025-03-30T02:30:00Z");

  /** Inputs and outcomes of one run, for the report at the end. */
  private int refused;
  private int accepted;
  private final Map<String, Integer> refusedBy = new LinkedHashMap<>();

  // the tenant's records as the accepted commands returned them
  private final Map<LeadId, Lead> leads = new LinkedHashMap<>();
  private final Map<ContactId, Contact> contacts = new LinkedHashMap<>();
  private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
  /** The tenant's custom fields, by kind and key, as the store should hold them. */
  private final Map<String, dev.rapport.crm.field.CustomField> definitions = new java.util.TreeMap<>();
  private final Map<OpportunityId, Opportunity> opportunities = new LinkedHashMap<>();
  private final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
  private final Map<List<Object>, CampaignMember> members = new LinkedHashMap<>();
  private final Map<ActivityId, Activity> activities = new LinkedHashMap<>();
  private final Map<dev.rapport.crm.common.MailId, dev.rapport.crm.mail.LoggedMail> mails = new LinkedHashMap<>();
  private final Map<UUID, dev.rapport.crm.mail.MailSuppression> suppressions = new LinkedHashMap<>();
  private final Map<TaskId, Task> tasks = new LinkedHashMap<>();
  private final Map<CaseId, ServiceCase> cases = new LinkedHashMap<>();
  private final Map<FeedbackId, Feedback> feedback = new LinkedHashMap<>();
  private final Map<dev.rapport.crm.common.SaleId, Sale> sales = new LinkedHashMap<>();
  private final Map<dev.rapport.crm.common.PaymentId, Payment> payments = new LinkedHashMap<>();
  private final Deque<String> sinceCheckpoint = new ArrayDeque<>();

  private StormValues v;
  private long seed;

  @Test
  public void everyRefusedInputChangesNothingAndEveryAcceptedInputReadsBackEqual() {
    seed = Long.getLong("rapport.storm.seed", new Random().nextLong());
    int inputs = Integer.getInteger("rapport.storm.inputs", DEFAULT_INPUTS);
    System.out.println("[value storm] " + getClass().getName() + ": seed " + seed + ", " + inputs
        + " inputs (replay with -Drapport.storm.seed=" + seed + ")");
    v = new StormValues(new Random(seed));
    for (int i = 0; i < inputs; i++) {
      if (i % EPOCH == 0) {
        newEpoch();
      }
      if (i % CHECKPOINT == 0) {
        checkpoint(i);
      }
      if (i == EPOCH / 2 && clock.instant().isBefore(SKIPPED_HOUR)) {
        // commands from here are stamped in an hour that does not exist in Central Europe: a store
        // that converts instants through the JVM's zone shows it (the JPA adapter's Berlin runs)
        clock.advance(Duration.between(clock.instant(), SKIPPED_HOUR));
      }
      one(i);
    }
    checkpoint(inputs);
    System.out.println("[value storm] " + getClass().getSimpleName() + ": " + accepted + " accepted, "
        + refused + " refused " + refusedBy + "; the last epoch holds " + sales.size() + " sales and "
        + payments.size() + " payments");
    // the storm must exercise both sides: a generator that only ever fails proves little
    assertThat(accepted).as("accepted inputs").isGreaterThan(inputs / 5);
    assertThat(refused).as("refused inputs").isGreaterThan(inputs / 5);
  }

  /**
   * Every collection at its limit and every text at its longest and most escaped, at once: the
   * largest rows the core can make (a lead's 1,000 signals of 500 control characters each are over
   * 3,000,000 characters of JSON) are stored and read back equal.
   */
  @Test
  public void recordsAtEveryLimitAtOnceReadBackEqual() {
    String emoji100 = "\uD83D\uDE00".repeat(Limits.NAME_PART);
    String emoji200 = "\uD83D\uDE00".repeat(Limits.TEXT);
    String escaped200 = "\"\\\u0001\u007F".repeat(Limits.TEXT / 4);
    NewLead.Builder draft = NewLead.builder(PersonName.of(emoji100, emoji100), LeadSource.of("c".repeat(Limits.CODE)))
        .email("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com")
        .phone("+44 20 7946 0958").company(emoji200).title(escaped200).owner(emoji200)
        .industry(Industry.of("i".repeat(Limits.CODE)))
        .sourceDetail(new SourceDetail(Optional.of(escaped200), Optional.of(escaped200), Optional.of(escaped200),
            Optional.of(escaped200)));
    for (int i = 0; i < Limits.SIGNALS_PER_LEAD; i++) {
      draft.signal(new EngagementSignal(SignalType.of("s".repeat(Limits.CODE), SignalType.Intent.BUYING),
          Limits.LATEST_INSTANT.minusSeconds(i), Optional.of("\u0001".repeat(Limits.SIGNAL_DETAIL))));
    }
    Lead lead = crm.leads().capture(draft.build());
    assertThat(storedLead(lead.id())).contains(lead);

    Account account = crm.accounts().create(NewAccount.builder(emoji200).externalReference(emoji200)
        .industry("i".repeat(Limits.CODE)).owner(emoji200).domain("d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".example")
        .build());
    assertThat(storedAccount(account.id())).contains(account);

    NewContact.Builder person = NewContact.builder(PersonName.of(emoji100, emoji100)).account(account.id())
        .title(emoji200).owner(escaped200)
        .consent(new MarketingConsent(true, Limits.EARLIEST_INSTANT, emoji200));
    for (int i = 0; i < Limits.EMAILS_PER_CONTACT; i++) {
      person.email(i + "a".repeat(60) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(55) + ".com");
      person.phone("+44 20 7946 0" + String.format("%03d", i));
    }
    Contact contact = crm.contacts().create(person.build());
    assertThat(storedContact(contact.id())).contains(contact);

    Opportunity open = crm.opportunities().open(account.id(), NewOpportunity.builder(emoji200,
        Money.of("999999999999999.9999", "CLF")).expectedCloseDate(Limits.LATEST_DATE).owner(emoji200).build());
    Pipeline pipeline = crm.opportunities().pipeline();
    List<dev.rapport.crm.opportunity.StageChange> history = new ArrayList<>(open.history());
    while (history.size() < Limits.STAGE_CHANGES) {
      history.add(new dev.rapport.crm.opportunity.StageChange(Optional.of(pipeline.firstStage().name()),
          pipeline.firstStage().name(), Limits.EARLIEST_INSTANT.plusSeconds(history.size())));
    }
    Opportunity full = new Opportunity(open.id(), open.tenantId(), open.version(), open.name(), open.accountId(),
        open.primaryContact(), open.amount(), open.stage(), open.probability(), open.probabilityOverridden(),
        open.forecastCategory(), open.expectedCloseDate(), open.status(), open.lostReason(), open.source(),
        open.originLead(), open.owner(), history, open.createdAt(), Limits.LATEST_INSTANT, open.closedAt(), open.fields());
    Opportunity stored = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).update(full));
    Opportunity won = crm.opportunities().win(open.id());
    assertThat(won.history()).hasSize(Limits.STAGE_CHANGES + 1);
    assertThat(storedOpportunity(open.id())).contains(won);
    assertThat(stored.version()).isLessThan(won.version());
  }

  private void newEpoch() {
    tenant = TenantId.of("storm-" + UUID.randomUUID());
    crm = crm(tenant, persistence);
    leads.clear();
    contacts.clear();
    accounts.clear();
    definitions.clear();
    opportunities.clear();
    campaigns.clear();
    members.clear();
    activities.clear();
    mails.clear();
    suppressions.clear();
    tasks.clear();
    cases.clear();
    feedback.clear();
    sales.clear();
    payments.clear();
    // a world to aim at: custom fields on every kind, leads in every state, accounts, a contact, open and closed deals
    for (dev.rapport.crm.field.RecordKind k : dev.rapport.crm.field.RecordKind.values()) {
      for (dev.rapport.crm.field.CustomField f : List.of(
          dev.rapport.crm.field.CustomField.of(k, "seats", "Seats", dev.rapport.crm.field.FieldType.NUMBER)
              .withRange(java.math.BigDecimal.ZERO, new java.math.BigDecimal("1000")),
          dev.rapport.crm.field.CustomField.choice(k, "tier", "Tier", false, List.of("gold", "silver")),
          dev.rapport.crm.field.CustomField.of(k, "note", "Note", dev.rapport.crm.field.FieldType.TEXT))) {
        definitions.put(k + "." + f.key(), crm.customFields().define(f));
      }
    }
    for (int i = 0; i < 3; i++) {
      put(crm.leads().capture(NewLead.builder(PersonName.of("Lead " + i), LeadSource.WEBINAR)
          .email("lead" + i + "@acme.example").company("Acme " + i).build()));
    }
    Lead q = crm.leads().capture(NewLead.builder(PersonName.of("Q"), LeadSource.REFERRAL).company("Beta").build());
    put(crm.leads().changeStatus(q.id(), LeadStatus.QUALIFIED));
    Account a = put(crm.accounts().create(NewAccount.builder("Acme").externalReference("CUST-1").domain("acme.example").build()));
    put(crm.accounts().create(NewAccount.builder("Other").build()));
    put(crm.contacts().create(NewContact.builder(PersonName.of("Con", "Tact")).account(a.id()).email("c@acme.example").build()));
    put(crm.opportunities().open(a.id(), NewOpportunity.builder("Deal", Money.of("100.00", "EUR")).build()));
    Opportunity w = crm.opportunities().open(a.id(), NewOpportunity.builder("Won", Money.of("5", "JPY")).build());
    put(crm.opportunities().win(w.id()));
    Campaign campaign = put(crm.campaigns().plan(NewCampaign.builder("Newsletter", Channel.NEWSLETTER,
        java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2025, 3, 31), Money.of("500.00", "EUR")).build()));
    crm.campaigns().addMembers(campaign.id(), List.of(MemberId.lead(q.id()))).forEach(this::put);
    put(crm.campaigns().start(campaign.id()));
    put(crm.campaigns().plan(NewCampaign.builder("Fair", Channel.TRADE_SHOW, java.time.LocalDate.of(2025, 4, 1),
        java.time.LocalDate.of(2025, 4, 3), Money.of("90000", "JPY")).build()));
    ServiceCase sc = crm.cases().open(NewCase.builder(a.id(), "Case").build());
    cases.put(sc.id(), sc);
    events.clear();
  }

  /** Runs one generated input and checks its outcome. */
  private void one(int index) {
    Input input = input();
    String described = index + ": " + input.name;
    sinceCheckpoint.add(described);
    int eventsBefore = events.size();
    Object result;
    try {
      result = input.run.get();
    } catch (ValidationException | NotFoundException | IllegalTransitionException
        | ConcurrentUpdateException | DuplicateException | MissingExchangeRateException
        | dev.rapport.crm.exception.InsufficientHistoryException e) {
      refused++;
      refusedBy.merge(e.getClass().getSimpleName(), 1, Integer::sum);
      assertThat(events.size()).as("%s delivered an event although it was refused (seed %d)", described, seed)
          .isEqualTo(eventsBefore);
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("input " + described + " threw " + e + ", not one of Rapport's rejections"
          + " (a StoreException means the core accepted a value the store cannot hold); seed " + seed, e);
    }
    accepted++;
    recordAndReadBack(result, described);
  }

  /** Takes what an accepted command returned into the model and reads it back from the store. */
  private void recordAndReadBack(Object result, String described) {
    if (result instanceof Lead l) {
      assertThat(storedLead(l.id())).as("read back after %s (seed %d)", described, seed).contains(l);
      put(l);
    } else if (result instanceof Contact c) {
      assertThat(storedContact(c.id())).as("read back after %s (seed %d)", described, seed).contains(c);
      put(c);
    } else if (result instanceof Account a) {
      assertThat(storedAccount(a.id())).as("read back after %s (seed %d)", described, seed).contains(a);
      put(a);
    } else if (result instanceof Opportunity o) {
      assertThat(storedOpportunity(o.id())).as("read back after %s (seed %d)", described, seed).contains(o);
      put(o);
    } else if (result instanceof Activity a) {
      assertThat(this.<Optional<Activity>>inUnitOfWork(uow -> uow.port(ActivityRepository.class).find(a.id())))
          .as("read back after %s (seed %d)", described, seed).contains(a);
      activities.put(a.id(), a);
      if (a.links().lead().isPresent()) { // engagement: the lead gained the signal, or is unchanged
        Lead before = leads.get(a.links().lead().get());
        Lead after = storedLead(a.links().lead().get()).orElseThrow();
        if (a.isEngagement() && before.status() != LeadStatus.CONVERTED) {
          assertThat(after.signals().size() == Limits.SIGNALS_PER_LEAD ? List.of(a.occurredAt()) // may drop off
              : after.signals().stream().map(sig -> sig.occurredAt()).toList()).as("engagement after %s (seed %d)", described, seed)
              .contains(a.occurredAt());
          put(after);
        } else {
          assertThat(after).as("lead after %s (seed %d)", described, seed).isEqualTo(before);
        }
      }
    } else if (result instanceof Task t) {
      assertThat(this.<Optional<Task>>inUnitOfWork(uow -> uow.port(TaskRepository.class).find(t.id())))
          .as("read back after %s (seed %d)", described, seed).contains(t);
      tasks.put(t.id(), t);
    } else if (result instanceof ServiceCase sc) {
      assertThat(storedCase(sc.id())).as("read back after %s (seed %d)", described, seed).contains(sc);
      cases.put(sc.id(), sc);
    } else if (result instanceof Feedback f) {
      assertThat(storedFeedback(f.id())).as("read back after %s (seed %d)", described, seed).contains(f);
      feedback.put(f.id(), f);
    } else if (result instanceof Sale x) {
      Optional<Sale> back = inUnitOfWork(uow -> uow.port(SalesRepository.class).find(x.id()));
      assertThat(back).as("read back after %s (seed %d)", described, seed).contains(x);
      sales.put(x.id(), x);
    } else if (result instanceof Payment x) {
      Optional<Payment> back = inUnitOfWork(uow -> uow.port(SalesRepository.class).findPayment(x.id()));
      assertThat(back).as("read back after %s (seed %d)", described, seed).contains(x);
      payments.put(x.id(), x);
    } else if (result instanceof ConversionResult r) {
      recordAndReadBack(r.lead(), described);
      recordAndReadBack(r.contact(), described);
      recordAndReadBack(r.account(), described);
      r.opportunity().ifPresent(o -> recordAndReadBack(o, described));
    } else if (result instanceof Campaign x) {
      Optional<Campaign> back = inUnitOfWork(uow -> uow.port(CampaignRepository.class).find(x.id()));
      assertThat(back).as("read back after %s (seed %d)", described, seed).contains(x);
      put(x);
    } else if (result instanceof CampaignMember m) {
      Optional<CampaignMember> back = inUnitOfWork(uow -> uow.port(CampaignRepository.class).findMember(m.campaignId(), m.member()));
      assertThat(back).as("read back after %s (seed %d)", described, seed).contains(m);
      put(m);
      // a response may record a signal on the lead: take the lead as stored
      m.member().lead().ifPresent(id -> storedLead(id).ifPresent(this::put));
    } else if (result instanceof dev.rapport.crm.mail.MailIngest r) {
      if (r.mail().isEmpty()) {
        return;
      }
      dev.rapport.crm.mail.LoggedMail m = r.mail().get();
      if (r.outcome() == dev.rapport.crm.mail.MailIngest.Outcome.ALREADY_LOGGED) {
        assertThat(mails.get(m.id())).as("logged before, %s (seed %d)", described, seed).isEqualTo(m);
        return;
      }
      Optional<dev.rapport.crm.mail.LoggedMail> back = inUnitOfWork(
          uow -> uow.port(dev.rapport.crm.mail.MailRepository.class).find(m.id()));
      assertThat(back).as("read back after %s (seed %d)", described, seed).contains(m);
      mails.put(m.id(), m);
      inUnitOfWork(uow -> uow.port(ActivityRepository.class).find(m.activity())).ifPresent(a -> activities.put(a.id(), a));
      m.leads().forEach(id -> storedLead(id).ifPresent(this::put)); // engaged (or captured) as stored
    } else if (result instanceof dev.rapport.crm.servicelevel.ServicePolicy p) {
      assertThat(crm.serviceLevels().policy()).as("read back after %s (seed %d)", described, seed).contains(p);
    } else if (result instanceof dev.rapport.crm.field.CustomField f) {
      assertThat(crm.customFields().find(f.kind(), f.key())).as("read back after %s (seed %d)", described, seed).contains(f);
      definitions.put(f.kind() + "." + f.key(), f);
    } else if (result instanceof List<?> list) {
      list.forEach(item -> recordAndReadBack(item, described));
    }
  }

  /**
   * Deletes a lead (sometimes at a stale version): on success the model forgets it and its
   * memberships, and takes every activity, task and logged message that named it as the store now
   * holds it (gone, or kept without the lead); the rules themselves are {@code DeleteContract}'s.
   */
  private Input deleteLead(Crm c) {
    // the epoch keeps a few leads to aim at (and to train the scoring inputs' model on): past that, unknown ids
    LeadId id = leads.size() > 5 ? leadId() : v.chance(50) ? LeadId.of(UUID.randomUUID()) : null;
    Lead known = id == null ? null : leads.get(id);
    long version = known != null && v.chance(20) ? known.version() + 1 : -1;
    return in("leads.delete " + id + (version > 0 ? " at stale version " + version : ""), () -> {
      dev.rapport.crm.lead.LeadDeleted d = version > 0 ? c.leads().ifVersion(version).delete(id) : c.leads().delete(id);
      assertThat(d.leadId()).isEqualTo(id);
      leads.remove(id);
      members.values().removeIf(m -> m.member().lead().filter(id::equals).isPresent());
      for (Activity a : List.copyOf(activities.values())) {
        if (a.links().lead().filter(id::equals).isPresent() || mails.values().stream()
            .anyMatch(m -> m.activity().equals(a.id()) && m.leads().contains(id))) {
          Optional<Activity> now = inUnitOfWork(uow -> uow.port(ActivityRepository.class).find(a.id()));
          now.ifPresentOrElse(x -> activities.put(x.id(), x), () -> activities.remove(a.id()));
        }
      }
      for (Task t : List.copyOf(tasks.values())) {
        if (t.links().lead().filter(id::equals).isPresent()) {
          Optional<Task> now = inUnitOfWork(uow -> uow.port(TaskRepository.class).find(t.id()));
          now.ifPresentOrElse(x -> tasks.put(x.id(), x), () -> tasks.remove(t.id()));
        }
      }
      for (dev.rapport.crm.mail.LoggedMail m : List.copyOf(mails.values())) {
        if (m.leads().contains(id)) {
          Optional<dev.rapport.crm.mail.LoggedMail> now = inUnitOfWork(
              uow -> uow.port(dev.rapport.crm.mail.MailRepository.class).find(m.id()));
          now.ifPresentOrElse(x -> mails.put(x.id(), x), () -> mails.remove(m.id()));
        }
      }
      return null;
    });
  }

  /**
   * Deletes a contact, account, opportunity, service case or feedback answer (sometimes at a stale
   * version, or an unknown one); most are refused while other records name them. On success the
   * model forgets the record and takes the activities, tasks, messages and memberships that named
   * it as the store now holds them (the rules themselves are {@code DeleteContract}'s).
   */
  private Input deleteRecord(Crm c) {
    long stale = v.chance(15) ? 2 + v.nextInt(3) : -1;
    String at = stale > 0 ? " ifVersion " + stale : "";
    return switch (v.nextInt(5)) {
      case 0 -> { ContactId id = contacts.size() > 5 ? contactId() : ContactId.of(UUID.randomUUID());
        yield in("contacts.delete " + id + at, () -> {
          dev.rapport.crm.contact.ContactDeleted d = stale > 0 ? c.contacts().ifVersion(stale).delete(id)
              : c.contacts().delete(id);
          assertThat(d.contactId()).isEqualTo(id);
          contacts.remove(id);
          members.values().removeIf(m -> m.member().contact().filter(id::equals).isPresent());
          relinked();
          return null;
        }); }
      case 1 -> { AccountId id = accounts.size() > 5 ? accountId() : AccountId.of(UUID.randomUUID());
        yield in("accounts.delete " + id + at, () -> {
          dev.rapport.crm.contact.AccountDeleted d = stale > 0 ? c.accounts().ifVersion(stale).delete(id)
              : c.accounts().delete(id);
          assertThat(d.accountId()).isEqualTo(id);
          accounts.remove(id);
          relinked();
          return null;
        }); }
      case 2 -> { OpportunityId id = opportunityId();
        yield in("opportunities.delete " + id + at, () -> {
          dev.rapport.crm.opportunity.OpportunityDeleted d = stale > 0 ? c.opportunities().ifVersion(stale).delete(id)
              : c.opportunities().delete(id);
          assertThat(d.opportunityId()).isEqualTo(id);
          opportunities.remove(id);
          relinked();
          return null;
        }); }
      case 3 -> { CaseId id = caseId();
        yield in("cases.delete " + id + at, () -> {
          dev.rapport.crm.service.CaseDeleted d = stale > 0 ? c.cases().ifVersion(stale).delete(id) : c.cases().delete(id);
          assertThat(d.caseId()).isEqualTo(id);
          cases.remove(id);
          return null;
        }); }
      default -> { FeedbackId id = v.chance(85) && !feedback.isEmpty() ? v.pick(new ArrayList<>(feedback.keySet()))
            : v.chance(50) ? FeedbackId.of(UUID.randomUUID()) : null;
        yield in("feedback.delete " + id + at, () -> {
          dev.rapport.crm.feedback.FeedbackDeleted d = stale > 0 ? c.feedback().ifVersion(stale).delete(id)
              : c.feedback().delete(id);
          assertThat(d.feedbackId()).isEqualTo(id);
          feedback.remove(id);
          return null;
        }); }
    };
  }

  /** The model's activities, tasks and logged messages as the store now holds them (gone, or kept with fewer links). */
  private void relinked() {
    List<ActivityId> activityIds = List.copyOf(activities.keySet());
    Map<ActivityId, Activity> nowActivities = byId(inUnitOfWork(uow -> uow.port(ActivityRepository.class)
        .findAll(activityIds)), Activity::id);
    activities.keySet().retainAll(nowActivities.keySet());
    activities.putAll(nowActivities);
    List<TaskId> taskIds = List.copyOf(tasks.keySet());
    Map<TaskId, Task> nowTasks = byId(inUnitOfWork(uow -> uow.port(TaskRepository.class).findAll(taskIds)), Task::id);
    tasks.keySet().retainAll(nowTasks.keySet());
    tasks.putAll(nowTasks);
    List<ActivityId> mailActivities = mails.values().stream().map(dev.rapport.crm.mail.LoggedMail::activity).toList();
    Map<dev.rapport.crm.common.MailId, dev.rapport.crm.mail.LoggedMail> nowMails = byId(inUnitOfWork(uow -> uow.port(
        dev.rapport.crm.mail.MailRepository.class).findByActivities(mailActivities)), dev.rapport.crm.mail.LoggedMail::id);
    mails.keySet().retainAll(nowMails.keySet());
    mails.putAll(nowMails);
  }

  /**
   * Privacy: exports (checked against the model), erasures of people known and unknown, erased
   * markers, retention. An erasure or retention run that succeeds changes many records at once by
   * {@code PrivacyContract}'s rules: the model takes the store's records as they are after it.
   */
  private Input privacyInput(Crm c) {
    return switch (v.nextInt(6)) {
      case 0 -> { Named p = person(); yield in("privacy.export " + p.shown(), () -> {
        dev.rapport.crm.privacy.PersonalData d = c.privacy().export(p.person().get());
        d.leads().forEach(l -> assertThat(l).isEqualTo(leads.get(l.id())));
        d.contacts().forEach(x -> assertThat(x).isEqualTo(contacts.get(x.id())));
        d.activities().forEach(a -> assertThat(a).isEqualTo(activities.get(a.id())));
        d.cases().forEach(x -> assertThat(x).isEqualTo(cases.get(x.id())));
        return null;
      }); }
      case 1, 2 -> { Named p = person(); yield in("privacy.erase " + p.shown(), () -> {
        dev.rapport.crm.privacy.Erasure e = c.privacy().erase(p.person().get());
        assertThat(e.tenantId()).isEqualTo(c.tenant());
        reloadModel();
        return null;
      }); }
      case 3 -> { String a = v.chance(10) ? null : v.chance(60) ? existingEmail() : v.email();
        yield in("privacy.erasedOn/allowReturn " + show(a), () -> v.chance(70) ? c.privacy().erasedOn(a)
            : c.privacy().allowReturn(a)); }
      default -> { int months = v.chance(10) ? v.nextInt(3) - 1 : 1 + v.nextInt(24); boolean delete = v.chance(30);
        yield in("privacy.applyRetention " + months + " months" + (delete ? " (delete, 100 years)" : ""), () -> {
          // deletion only of leads a century old, which the storm never has: an epoch keeps its leads
          dev.rapport.crm.privacy.RetentionReport r = c.privacy().applyRetention(delete
              ? dev.rapport.crm.privacy.Retention.leadsUntouchedFor(java.time.Period.ofYears(100)).delete()
              : dev.rapport.crm.privacy.Retention.leadsUntouchedFor(java.time.Period.ofMonths(months))
                  .batchSize(1 + v.nextInt(5)));
          assertThat(r.deleted()).isZero();
          reloadModel();
          return null;
        }); }
    };
  }

  /**
   * The audit trail's queries: a record's entries (of a record the model has, or none), an actor's;
   * every page walked agrees with the count, and every entry is of the tenant and the record or actor asked.
   */
  private Input auditInput(Crm c) {
    return switch (v.nextInt(3)) {
      case 0 -> { UUID id = v.chance(10) ? null : v.chance(70) && !leads.isEmpty() ? v.pick(new ArrayList<>(leads.keySet())).value()
            : UUID.randomUUID(); int size = v.chance(10) ? v.nextInt(3) - 1 : 1 + v.nextInt(20);
        yield in("audit.ofRecord " + id + " / " + size, () -> {
          List<dev.rapport.crm.audit.AuditEntry> all = StoreSnapshot.all(p -> c.audit().ofRecord(id, p), size);
          assertThat(all).allMatch(e -> e.recordId().equals(id) && e.tenantId().equals(c.tenant()));
          assertThat(c.audit().countOfRecord(id)).isEqualTo(all.size());
          return null;
        }); }
      default -> { String actor = v.chance(60) ? c.actor() : v.chance(20) ? null : v.text(Limits.TEXT + v.nextInt(2));
        int size = v.chance(10) ? v.nextInt(3) - 1 : 1 + v.nextInt(100);
        yield in("audit.byActor " + show(actor) + " / " + size, () -> {
          dev.rapport.crm.common.Page<dev.rapport.crm.audit.AuditEntry> first = c.audit().byActor(actor, PageRequest.first(size));
          assertThat(first.items()).allMatch(e -> e.actor().equals(actor) && e.tenantId().equals(c.tenant()));
          assertThat(c.audit().countByActor(actor)).isGreaterThanOrEqualTo(first.items().size());
          return null;
        }); }
    };
  }

  /**
   * A search: part of a stored name, address or number (typed with a typo, in capitals) or any
   * text (maybe 10,000 characters, maybe only punctuation: refused), for some kinds and an owner,
   * at a similarity that may be out of range (refused). The store's first page must be the model's
   * records judged by the core and ranked: what the store holds is what a search finds.
   */
  private Input searchInput(Crm c) {
    if (v.chance(10)) { // every record is indexed as it is written: nothing is left (a size out of range: refused)
      int batch = v.chance(20) ? v.nextInt(3) * 600 - 100 : 1 + v.nextInt(500);
      return in("search.indexStoredRecords " + batch, () -> {
        assertThat(c.search().indexStoredRecords(batch)).isZero();
        return null;
      });
    }
    String text = switch (v.nextInt(5)) {
      case 0 -> leads.isEmpty() ? v.text(5) : v.pick(new ArrayList<>(leads.values())).name().familyName();
      case 1 -> contacts.isEmpty() ? v.text(5) : v.pick(new ArrayList<>(contacts.values())).name().fullName().toUpperCase(java.util.Locale.ROOT);
      case 2 -> accounts.isEmpty() ? v.text(5) : typo(v.pick(new ArrayList<>(accounts.values())).name());
      case 3 -> v.chance(50) ? v.text(1 + v.nextInt(12)) : "+49 30 " + v.nextInt(1000);
      default -> v.chance(30) ? "x".repeat(10_000) : v.chance(30) ? "-- !! --" : v.chance(10) ? null : v.text(1 + v.nextInt(120));
    };
    double min = v.chance(10) ? v.nextInt(3) * 0.7 - 0.2 : 0.3 + v.nextInt(8) / 10.0;
    String owner = v.chance(80) ? null : v.chance(50) ? "owner-1" : v.text(3);
    List<dev.rapport.crm.search.SearchKind> kinds = new ArrayList<>();
    for (dev.rapport.crm.search.SearchKind k : dev.rapport.crm.search.SearchKind.values()) {
      if (v.chance(70)) {
        kinds.add(k);
      }
    }
    int size = 1 + v.nextInt(30);
    return in("search.search " + show(text) + " at " + min + " by " + show(owner) + " " + kinds, () -> {
      dev.rapport.crm.search.SearchQuery q = dev.rapport.crm.search.SearchQuery.of(text)
          .withMinimumSimilarity(min).withKinds(kinds.toArray(dev.rapport.crm.search.SearchKind[]::new));
      if (owner != null) {
        q = q.withOwner(owner);
      }
      Page<dev.rapport.crm.search.SearchHit> page = c.search().search(q, PageRequest.first(size));
      List<Object[]> model = new ArrayList<>();
      for (Lead l : leads.values()) {
        model.add(new Object[] {q.similarity(dev.rapport.crm.search.SearchText.of(l)), 0, l.id().value(), l.owner()});
      }
      for (Contact x : contacts.values()) {
        model.add(new Object[] {q.similarity(dev.rapport.crm.search.SearchText.of(x)), 1, x.id().value(), x.owner()});
      }
      for (Account a : accounts.values()) {
        model.add(new Object[] {q.similarity(dev.rapport.crm.search.SearchText.of(a)), 2, a.id().value(), a.owner()});
      }
      dev.rapport.crm.search.SearchQuery asked = q;
      List<UUID> want = model.stream()
          .filter(m -> (double) m[0] >= asked.minimumSimilarity())
          .filter(m -> asked.kinds().contains(dev.rapport.crm.search.SearchKind.values()[(int) m[1]]))
          .filter(m -> asked.owner().isEmpty() || asked.owner().equals(m[3]))
          .sorted(java.util.Comparator.<Object[]>comparingDouble(m -> -(double) m[0])
              .thenComparingInt(m -> (int) m[1])
              .thenComparing(m -> (UUID) m[2], (a, b) -> {
                int cmp = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return cmp != 0 ? cmp : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
              }))
          .map(m -> (UUID) m[2]).limit(size).toList();
      assertThat(page.items()).extracting(dev.rapport.crm.search.SearchHit::id).as("search").isEqualTo(want);
      return null;
    });
  }

  /** The text with two neighbouring letters swapped, sometimes. */
  private String typo(String s) {
    if (s.length() < 4 || v.chance(50)) {
      return s;
    }
    int i = 1 + v.nextInt(s.length() - 2);
    return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
  }

  /** A person named as a host would, made inside the command (an address may be malformed), and how it reads. */
  private record Named(String shown, java.util.function.Supplier<dev.rapport.crm.privacy.Person> person) {}

  private Named person() {
    return switch (v.nextInt(4)) {
      case 0 -> { String e = v.chance(70) ? existingEmail() : v.email();
        yield new Named("email " + show(e), () -> dev.rapport.crm.privacy.Person.withEmail(e)); }
      case 1 -> { LeadId id = leadId(); yield new Named("lead " + id, () -> dev.rapport.crm.privacy.Person.lead(id)); }
      case 2 -> { ContactId id = contactId();
        yield new Named("contact " + id, () -> dev.rapport.crm.privacy.Person.contact(id)); }
      default -> new Named("null", () -> null);
    };
  }

  /** The model as the store holds it now, after a command whose rules another contract checks. */
  private void reloadModel() {
    StoreSnapshot s = snapshot();
    replace(leads, byId(s.leads(), Lead::id));
    replace(contacts, byId(s.contacts(), Contact::id));
    replace(accounts, byId(s.accounts(), Account::id)); // an account named after an erased person is renamed
    replace(opportunities, byId(s.opportunities(), Opportunity::id));
    replace(activities, byId(s.activities(), Activity::id));
    replace(tasks, byId(s.tasks(), Task::id));
    replace(mails, byId(s.mails(), dev.rapport.crm.mail.LoggedMail::id));
    replace(suppressions, byId(s.mailSuppressions(), dev.rapport.crm.mail.MailSuppression::id));
    replace(cases, byId(s.cases(), ServiceCase::id));
    replace(feedback, byId(s.feedback(), Feedback::id));
    replace(members, byId(s.campaignMembers(), ValueStormContract::key));
  }

  private static <K, T> void replace(Map<K, T> model, Map<K, T> stored) {
    model.clear();
    model.putAll(stored);
  }

  /** Mail: messages from known and unknown addresses, some malformed, some twice, some bounces; look-ups; campaign mail refused (no transport here). */
  private Input mailInput(Crm c) {
    return switch (v.nextInt(11)) {
      case 8 -> { CampaignId id = campaignId(); boolean none = v.chance(20);
        yield in("mail.sendCampaign " + id + (none ? " no mail" : ""), () -> c.mail().sendCampaign(id, none ? null
            : dev.rapport.crm.mail.CampaignMail.of(dev.rapport.crm.mail.MailAddress.of("news@acme.example"), "News", "Text"))); }
      case 9 -> { String token = v.chance(50) ? null : v.text(100);
        yield in("mail.unsubscribe " + show(token), () -> c.mail().unsubscribe(token)); }
      case 10 -> { String address = v.chance(10) ? null : v.chance(60) && !suppressions.isEmpty()
            ? v.pick(new ArrayList<>(suppressions.values())).address().address() : existingEmail();
        int size = v.chance(10) ? v.nextInt(3) - 1 : 1 + v.nextInt(10);
        yield in("mail.suppression " + show(address) + " / suppressions " + size, () -> {
          dev.rapport.crm.common.EmailAddress a = address == null ? null : dev.rapport.crm.common.EmailAddress.of(address);
          assertThat(c.mail().suppression(a)).isEqualTo(suppressions.values().stream()
              .filter(x -> x.address().equals(a)).findFirst());
          assertThat(c.mail().suppressions(PageRequest.first(size)).items()).isEqualTo(suppressions.values().stream()
              .sorted(java.util.Comparator.comparing(dev.rapport.crm.mail.MailSuppression::id)).limit(size).toList());
          return null;
        }); }
      case 7 -> { String from = v.chance(80) ? existingEmail() : v.email(); String to = existingEmail();
        yield in("mail.send from " + show(from) + " to " + show(to), () -> c.mail().send(c.mail().compose(
            dev.rapport.crm.mail.MailAddress.of(from)).to(dev.rapport.crm.mail.MailAddress.of(to)).subject("Sent").build())); }
      case 0, 1, 2 -> {
        String id = v.chance(15) && !mails.isEmpty()
            ? v.pick(new ArrayList<>(mails.values())).message().messageId()
            : v.chance(5) ? v.text(300) : UUID.randomUUID() + "@storm.example";
        String from = v.chance(70) ? existingEmail() : v.chance(90) ? v.email() : v.text(Limits.EMAIL);
        String to = v.chance(50) ? existingEmail() : v.email();
        String name = v.chance(50) ? null : v.text(Limits.TEXT + v.nextInt(2));
        String subject = v.chance(10) ? "s".repeat(dev.rapport.crm.mail.MailMessage.SUBJECT + v.nextInt(2)) : v.text(Limits.TEXT);
        String text = v.chance(50) ? null : v.text(Limits.ACTIVITY_BODY);
        String inReplyTo = v.chance(30) && !mails.isEmpty()
            ? v.pick(new ArrayList<>(mails.values())).message().messageId() : null;
        Instant sent = v.chance(5) ? Limits.LATEST_INSTANT : clock.instant().minus(Duration.ofMinutes(v.nextInt(100_000)));
        String failed = v.chance(15) ? (v.chance(60) ? existingEmail() : v.chance(90) ? v.email() : v.text(Limits.EMAIL)) : null;
        yield in("mail.ingest " + show(id) + " from " + show(from) + " re " + show(subject)
            + (failed == null ? "" : " bounce of " + show(failed)), () -> {
          dev.rapport.crm.mail.MailMessage.Builder b = dev.rapport.crm.mail.MailMessage.builder(id,
              dev.rapport.crm.mail.MailAddress.of(name, from), sent).to(dev.rapport.crm.mail.MailAddress.of(to))
              .subject(subject);
          if (text != null) {
            b.text(text);
          }
          if (inReplyTo != null) {
            b.inReplyTo(inReplyTo);
          }
          if (failed != null) {
            b.failedRecipient(dev.rapport.crm.common.EmailAddress.of(failed));
          }
          dev.rapport.crm.mail.MailMessage message = b.build();
          boolean seen = mails.values().stream().anyMatch(m -> m.message().messageId().equals(message.messageId()));
          dev.rapport.crm.mail.MailIngest r = c.mail().ingest(message);
          assertThat(r.outcome() == dev.rapport.crm.mail.MailIngest.Outcome.ALREADY_LOGGED).as("seen before").isEqualTo(seen);
          if (message.isBounce() && !seen) { // the address is suppressed, read back as stored
            dev.rapport.crm.mail.MailSuppression x = c.mail().suppression(message.failedRecipients().get(0)).orElseThrow();
            assertThat(x.reason()).isEqualTo(dev.rapport.crm.mail.MailSuppression.Reason.BOUNCED);
            assertThat(x.address()).isEqualTo(message.failedRecipients().get(0));
            suppressions.putIfAbsent(x.id(), x);
          }
          return r;
        });
      }
      case 6 -> {
        int n = v.nextInt(4);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          ids.add(v.chance(20) && !mails.isEmpty() ? v.pick(new ArrayList<>(mails.values())).message().messageId()
              : v.chance(20) && !ids.isEmpty() ? v.pick(ids) : UUID.randomUUID() + "@storm.example");
        }
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          senders.add(v.chance(70) ? existingEmail() : v.email());
        }
        yield in("mail.ingestAll " + ids + " from " + senders, () -> {
          List<dev.rapport.crm.mail.MailMessage> batch = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            batch.add(dev.rapport.crm.mail.MailMessage.builder(ids.get(i), dev.rapport.crm.mail.MailAddress.of(senders.get(i)),
                clock.instant()).subject("Batch " + i).build());
          }
          List<dev.rapport.crm.mail.MailIngest> results = c.mail().ingestAll(batch);
          assertThat(results).hasSize(n);
          return results;
        });
      }
      case 3 -> { String id = v.chance(80) && !mails.isEmpty()
            ? v.pick(new ArrayList<>(mails.values())).message().messageId() : v.chance(50) ? v.text(300) : null;
        yield in("mail.find " + show(id), () -> {
          Optional<dev.rapport.crm.mail.LoggedMail> found = c.mail().find(id);
          assertThat(found).isEqualTo(mails.values().stream().filter(m -> m.message().messageId().equals(found
              .map(f -> f.message().messageId()).orElse(null))).findFirst());
          return null;
        }); }
      case 4 -> { dev.rapport.crm.common.MailId id = v.chance(70) && !mails.isEmpty() ? v.pick(new ArrayList<>(mails.keySet()))
            : v.chance(50) ? dev.rapport.crm.common.MailId.of(UUID.randomUUID()) : null;
        yield in("mail.get " + id, () -> {
          assertThat(c.mail().get(id)).isEqualTo(mails.get(id));
          return null;
        }); }
      default -> { dev.rapport.crm.common.MailId id = v.chance(70) && !mails.isEmpty() ? v.pick(new ArrayList<>(mails.keySet()))
            : v.chance(50) ? dev.rapport.crm.common.MailId.of(UUID.randomUUID()) : null;
        int size = v.chance(10) ? v.nextInt(3) - 1 : 1 + v.nextInt(10);
        yield in("mail.thread " + id + " " + size, () -> {
          dev.rapport.crm.common.Page<dev.rapport.crm.mail.LoggedMail> page = c.mail().thread(id, PageRequest.first(size));
          dev.rapport.crm.common.MailId thread = mails.get(id).threadId();
          assertThat(page.items()).isEqualTo(mails.values().stream().filter(m -> m.threadId().equals(thread))
              .sorted(java.util.Comparator.comparing(dev.rapport.crm.mail.LoggedMail::id)).limit(size).toList());
          return null;
        }); }
    };
  }

  /** Compares the tenant's whole store with the model. */
  private void checkpoint(int index) {
    StoreSnapshot s = snapshot();
    String since = String.join("\n  ", sinceCheckpoint);
    assertThat(byId(s.leads(), Lead::id)).as("leads at input %d (seed %d); inputs since the last checkpoint:\n  %s", index, seed, since).isEqualTo(leads);
    assertThat(byId(s.contacts(), Contact::id)).as("contacts at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(contacts);
    assertThat(byId(s.accounts(), Account::id)).as("accounts at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(accounts);
    assertThat(byId(s.opportunities(), Opportunity::id)).as("opportunities at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(opportunities);
    assertThat(byId(s.campaigns(), Campaign::id)).as("campaigns at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(campaigns);
    assertThat(byId(s.campaignMembers(), ValueStormContract::key)).as("campaign members at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(members);
    assertThat(byId(s.mails(), dev.rapport.crm.mail.LoggedMail::id)).as("mails at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(mails);
    assertThat(byId(s.mailSuppressions(), dev.rapport.crm.mail.MailSuppression::id)).as("mail suppressions at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(suppressions);
    assertThat(byId(s.activities(), Activity::id)).as("activities at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(activities);
    assertThat(byId(s.tasks(), Task::id)).as("tasks at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(tasks);
    assertThat(byId(s.cases(), ServiceCase::id)).as("cases at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(cases);
    assertThat(byId(s.feedback(), Feedback::id)).as("feedback at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(feedback);
    assertThat(byId(s.sales(), Sale::id)).as("sales at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(sales);
    assertThat(byId(s.payments(), Payment::id)).as("payments at input %d (seed %d); inputs since:\n  %s", index, seed, since).isEqualTo(payments);
    // the store's figures are the reference definition's over the records it holds
    List<NewSale> contents = sales.values().stream().map(Sale::content).toList();
    List<dev.rapport.crm.sales.NewPayment> paid = payments.values().stream().map(Payment::content).toList();
    assertThat(rows(s.credit())).as("credit figures at input %d (seed %d); inputs since:\n  %s", index, seed, since)
        .isEqualTo(rows(SalesFigures.credit(contents, paid, StoreSnapshot.CREDIT_AS_OF, 0)));
    for (boolean byProduct : List.of(false, true)) {
      List<?> stored = inUnitOfWork(uow -> uow.port(SalesReports.class).purchases(Optional.empty(), byProduct));
      assertThat(rows(stored)).as("purchase figures (by product: %s) at input %d (seed %d); inputs since:\n  %s",
          byProduct, index, seed, since).isEqualTo(rows(SalesFigures.purchases(contents, byProduct)));
    }
    // so are its analytics aggregates, over all of time and over a window of the storm's clock
    for (dev.rapport.crm.analytics.AnalyticsRepository.Scope scope : List.of(
        new dev.rapport.crm.analytics.AnalyticsRepository.Scope(Limits.EARLIEST_INSTANT, Limits.LATEST_INSTANT,
            Optional.empty(), Optional.empty(), Optional.empty()),
        new dev.rapport.crm.analytics.AnalyticsRepository.Scope(START.minus(Duration.ofDays(1)), clock.instant(),
            Optional.empty(), Optional.of(LeadSource.WEBINAR), Optional.empty()))) {
      java.util.function.Function<dev.rapport.crm.common.LeadId, Optional<Lead>> leadOf = id -> Optional.ofNullable(leads.get(id));
      java.util.function.Function<dev.rapport.crm.common.OpportunityId, Optional<Opportunity>> opportunityOf =
          id -> Optional.ofNullable(opportunities.get(id));
      List<Instant> edges = List.of(scope.from(), START, scope.to());
      Map<String, List<?>> stored = inUnitOfWork(uow -> {
        dev.rapport.crm.analytics.AnalyticsRepository a = uow.port(AnalyticsRepository.class);
        Map<String, List<?>> m = new java.util.LinkedHashMap<>();
        m.put("leadCounts", a.leadCounts(scope));
        m.put("conversionDays", a.conversionDays(scope));
        m.put("leadOpportunities", a.leadOpportunities(scope));
        m.put("stageVisits", a.stageVisits(scope));
        m.put("opportunitiesCreated", List.of(a.opportunitiesCreated(scope)));
        m.put("openPipeline", a.openPipeline(scope, Limits.EARLIEST_DATE, Limits.LATEST_DATE));
        m.put("closedByBucket", scope.from().isBefore(START) && START.isBefore(scope.to()) ? a.closedByBucket(scope, edges) : List.of());
        m.put("closedCycles", a.closedCycles(scope));
        return m;
      });
      Map<String, List<?>> reference = new java.util.LinkedHashMap<>();
      reference.put("leadCounts", dev.rapport.crm.analytics.AnalyticsFigures.leadCounts(leads.values(), scope));
      reference.put("conversionDays", dev.rapport.crm.analytics.AnalyticsFigures.conversionDays(leads.values(), scope));
      reference.put("leadOpportunities", dev.rapport.crm.analytics.AnalyticsFigures.leadOpportunities(leads.values(), opportunityOf, scope));
      reference.put("stageVisits", dev.rapport.crm.analytics.AnalyticsFigures.stageVisits(opportunities.values(), leadOf, scope));
      reference.put("opportunitiesCreated", List.of(dev.rapport.crm.analytics.AnalyticsFigures.opportunitiesCreated(opportunities.values(), leadOf, scope)));
      reference.put("openPipeline", dev.rapport.crm.analytics.AnalyticsFigures.openPipeline(opportunities.values(), leadOf, scope,
          Limits.EARLIEST_DATE, Limits.LATEST_DATE));
      reference.put("closedByBucket", scope.from().isBefore(START) && START.isBefore(scope.to())
          ? dev.rapport.crm.analytics.AnalyticsFigures.closedByBucket(opportunities.values(), leadOf, scope, edges) : List.of());
      reference.put("closedCycles", dev.rapport.crm.analytics.AnalyticsFigures.closedCycles(opportunities.values(), leadOf, scope));
      for (String method : reference.keySet()) {
        assertThat(analyticsRows(stored.get(method))).as("analytics %s over %s at input %d (seed %d); inputs since:\n  %s",
            method, scope, index, seed, since).isEqualTo(analyticsRows(reference.get(method)));
      }
    }
    sinceCheckpoint.clear();
  }

  /** Analytics rows as sorted texts, amounts plain and stripped of trailing zeros. */
  private static List<String> analyticsRows(List<?> rows) {
    return rows.stream().map(r -> r instanceof dev.rapport.crm.analytics.AnalyticsRepository.LeadOpportunities o
            ? List.of(o.source(), o.campaign(), o.status(), o.currency(), o.opportunities(), plain(o.amount())).toString()
            : r instanceof dev.rapport.crm.analytics.AnalyticsRepository.PipelineAmounts p
            ? List.of(p.expectedClose(), p.category(), p.currency(), p.open(), plain(p.amount()), plain(p.amountTimesProbability())).toString()
            : r instanceof dev.rapport.crm.analytics.AnalyticsRepository.ClosedAmounts c
            ? List.of(c.bucket(), c.status(), c.currency(), c.opportunities(), plain(c.amount())).toString()
            : r instanceof dev.rapport.crm.analytics.AnalyticsRepository.ClosedCycles c
            ? List.of(c.owner(), c.source(), c.status(), c.currency(), c.days(), c.opportunities(), plain(c.amount())).toString()
            : r.toString())
        .sorted().toList();
  }

  /** Figure rows as sorted texts with plain amounts stripped of trailing zeros: stores differ in scale and order only. */
  private static List<String> rows(List<?> rows) {
    return rows.stream().map(r -> {
      if (r instanceof dev.rapport.crm.sales.SalesReports.PurchaseRow p) {
        return List.of(p.accountId(), p.productCode(), p.day(), p.currency(), p.purchases(), plain(p.amount()),
            plain(p.cost()), plain(p.costedAmount()), p.costedLines()).toString();
      }
      dev.rapport.crm.sales.SalesReports.CreditRow c = (dev.rapport.crm.sales.SalesReports.CreditRow) r;
      return List.of(c.accountId(), c.currency(), c.onTime(), c.paidLate(), c.openLate(), c.daysLate(),
          c.worstDaysLate(), plain(c.outstanding()), plain(c.overdue()), plain(c.unapplied())).toString();
    }).sorted().toList();
  }

  private static String plain(java.math.BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  private static <K, T> Map<K, T> byId(List<T> items, Function<T, K> id) {
    Map<K, T> map = new LinkedHashMap<>();
    items.forEach(t -> map.put(id.apply(t), t));
    return map;
  }

  private Lead put(Lead l) {
    leads.put(l.id(), l);
    return l;
  }

  private Contact put(Contact c) {
    contacts.put(c.id(), c);
    return c;
  }

  private Account put(Account a) {
    accounts.put(a.id(), a);
    return a;
  }

  private Campaign put(Campaign c) {
    campaigns.put(c.id(), c);
    return c;
  }

  private CampaignMember put(CampaignMember m) {
    members.put(key(m), m);
    return m;
  }

  private static List<Object> key(CampaignMember m) {
    return List.of(m.campaignId(), m.member());
  }

  private CampaignId campaignId() {
    return v.chance(90) && !campaigns.isEmpty() ? v.pick(new ArrayList<>(campaigns.keySet()))
        : v.chance(50) ? CampaignId.of(UUID.randomUUID()) : null;
  }

  private MemberId memberId() {
    if (v.chance(60)) {
      LeadId lead = leadId();
      return lead == null ? null : MemberId.lead(lead);
    }
    ContactId contact = contactId();
    return contact == null ? null : MemberId.contact(contact);
  }

  private ResponseStatus responseStatus() {
    return v.chance(80) ? v.pick(List.of(ResponseStatus.SENT, ResponseStatus.OPENED, ResponseStatus.CLICKED,
        ResponseStatus.RESPONDED, ResponseStatus.REGISTERED, ResponseStatus.ATTENDED, ResponseStatus.UNSUBSCRIBED,
        ResponseStatus.BOUNCED))
        : ResponseStatus.of(v.code(), v.chance(50), v.chance(50) ? Optional.empty()
            : Optional.of(SignalType.of(v.code(), SignalType.Intent.BUYING)));
  }

  private Opportunity put(Opportunity o) {
    opportunities.put(o.id(), o);
    return o;
  }

  /** A record a query returned, checked against the model; null, so it does not feed the model. */
  private static <T> Object same(T found, Map<?, T> model) {
    assertThat(model).containsValue(found);
    return null;
  }

  /** A generated command or query, described for the failure report. */
  private record Input(String name, Supplier<Object> run) {}

  private Input in(String name, Supplier<Object> run) {
    return new Input(name, run);
  }

  private static String show(Object value) {
    if (value == null) {
      return "null";
    }
    String s = value.toString();
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(60).forEach(cp -> {
      if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0xFFFF) {
        b.append(String.format("\\u{%X}", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return (s.length() > 60 ? b.append("...(" + s.length() + " chars)") : b).toString();
  }

  // ---- ids of the world, mostly existing ones

  private LeadId leadId() {
    return v.chance(90) && !leads.isEmpty() ? v.pick(new ArrayList<>(leads.keySet()))
        : v.chance(50) ? LeadId.of(UUID.randomUUID()) : null;
  }

  private ContactId contactId() {
    return v.chance(90) && !contacts.isEmpty() ? v.pick(new ArrayList<>(contacts.keySet()))
        : v.chance(50) ? ContactId.of(UUID.randomUUID()) : null;
  }

  private AccountId accountId() {
    return v.chance(90) && !accounts.isEmpty() ? v.pick(new ArrayList<>(accounts.keySet()))
        : v.chance(50) ? AccountId.of(UUID.randomUUID()) : null;
  }

  private OpportunityId opportunityId() {
    return v.chance(90) && !opportunities.isEmpty() ? v.pick(new ArrayList<>(opportunities.keySet()))
        : v.chance(50) ? OpportunityId.of(UUID.randomUUID()) : null;
  }

  private TaskId taskId() {
    return v.chance(90) && !tasks.isEmpty() ? v.pick(new ArrayList<>(tasks.keySet()))
        : v.chance(50) ? TaskId.of(UUID.randomUUID()) : null;
  }

  /** Links to mostly existing records, sometimes none or unknown ones or null ids. */
  private Links links() {
    Links l = switch (v.nextInt(4)) {
      case 0 -> Links.lead(leadId());
      case 1 -> Links.contact(contactId());
      case 2 -> Links.account(accountId());
      default -> Links.opportunity(opportunityId());
    };
    if (v.chance(30)) {
      l = l.andAccount(accountId());
    }
    if (v.chance(20)) {
      l = l.andLead(leadId());
    }
    return l;
  }

  private Instant someInstant() {
    return v.chance(70) ? clock.instant().plus(Duration.ofMinutes(v.nextInt(20_000) - 10_000)) : v.instant(clock.instant());
  }

  private NewActivity newActivity() {
    ActivityType type = v.chance(90) ? v.pick(List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING, ActivityType.NOTE))
        : ActivityType.of(v.code());
    NewActivity.Builder b = NewActivity.builder(type, links(), v.text(Limits.TEXT));
    if (v.chance(50)) {
      b.body(v.chance(10) ? "b".repeat(Limits.ACTIVITY_BODY + v.nextInt(2)) : v.text(Limits.ACTIVITY_BODY));
    }
    if (type.hasDirection() ? v.chance(95) : v.chance(5)) {
      b.direction(v.pick(List.of(Direction.values())));
    }
    if (v.chance(50)) {
      b.outcome(Outcome.of(v.code()));
    }
    if (v.chance(60)) {
      b.occurredAt(someInstant());
    }
    if (v.chance(40)) {
      b.duration(v.chance(90) ? Duration.ofSeconds(v.nextInt(4 * 24 * 3600)) : v.pick(List.of(Duration.ofMillis(1500),
          Duration.ofSeconds(-1), Limits.ACTIVITY_DURATION, Limits.ACTIVITY_DURATION.plusSeconds(1))));
    }
    if (v.chance(50)) {
      b.owner(v.text(Limits.TEXT));
    }
    return b.build();
  }

  private NewTask newTask() {
    NewTask.Builder b = NewTask.builder(links(), v.text(Limits.TEXT), someInstant());
    if (v.chance(40)) {
      b.description(v.text(Limits.ACTIVITY_BODY));
    }
    if (v.chance(90)) {
      b.priority(v.pick(List.of(Priority.values())));
    } else {
      b.priority(null);
    }
    if (v.chance(60)) {
      b.owner(v.chance(50) ? v.pick(List.of("ann", "bob")) : v.text(Limits.TEXT));
    }
    if (v.chance(60)) {
      b.reminderAt(someInstant());
    }
    return b.build();
  }

  /** Activities and tasks of a page, checked against the model. */
  private Object sameItems(Page<TimelineItem> page) {
    for (TimelineItem item : page.items()) {
      item.activity().ifPresent(a -> same(a, activities));
      item.task().ifPresent(t -> same(t, tasks));
    }
    return null;
  }

  private Object sameTasks(Page<Task> page) {
    page.items().forEach(t -> same(t, tasks));
    return null;
  }

  private String existingEmail() {
    List<String> known = new ArrayList<>();
    leads.values().forEach(l -> l.email().ifPresent(e -> known.add(e.address())));
    contacts.values().forEach(x -> x.emails().forEach(e -> known.add(e.address())));
    return known.isEmpty() ? v.email() : v.pick(known);
  }

  private NewContact newContact() {
    NewContact.Builder b = NewContact.builder(name());
    if (v.chance(60)) {
      b.account(accountId());
    }
    if (v.chance(60)) {
      b.email(v.email());
    }
    if (v.chance(30)) {
      b.phone(v.phone());
    }
    if (v.chance(30)) {
      b.title(v.text(Limits.TEXT));
    }
    if (v.chance(30)) {
      b.owner(v.text(Limits.TEXT));
    }
    if (v.chance(30)) {
      b.consent(new MarketingConsent(v.chance(50), v.instant(clock.instant()), v.text(Limits.TEXT)));
    }
    return b.build();
  }

  private NewAccount newAccount() {
    NewAccount.Builder b = NewAccount.builder(v.text(Limits.TEXT));
    if (v.chance(40)) {
      b.domain(v.chance(70) ? v.pick(List.of("acme.example", "sales.acme.co.uk", "https://www.beta.example/x"))
          : v.text(Limits.DOMAIN));
    }
    if (v.chance(50)) {
      b.externalReference(v.chance(50) ? "CUST-" + v.nextInt(30) : v.text(Limits.TEXT));
    }
    if (v.chance(30)) {
      b.industry(industryText());
    }
    if (v.chance(30)) {
      b.owner(v.text(Limits.TEXT));
    }
    if (v.chance(20)) {
      b.fields(fieldValues(dev.rapport.crm.field.RecordKind.ACCOUNT));
    }
    return b.build();
  }

  private String existingReference() {
    List<String> known = new ArrayList<>();
    accounts.values().forEach(a -> a.externalReference().ifPresent(known::add));
    return known.isEmpty() ? "CUST-1" : v.pick(known);
  }

  private String stageName() {
    List<String> names = crm.opportunities().pipeline().stages().stream().map(Stage::name).toList();
    return switch (v.nextInt(6)) {
      case 0 -> v.text(Limits.STAGE_NAME);
      case 1 -> " " + v.pick(names).toUpperCase(java.util.Locale.ROOT) + " ";
      default -> v.pick(names);
    };
  }

  private PageRequest page(List<String> ids) {
    int size = v.chance(10) ? v.percent() * 10 : 1 + v.nextInt(5);
    if (ids.isEmpty() || v.chance(40)) {
      return PageRequest.first(size);
    }
    return PageRequest.after(v.cursor(v.pick(ids)), size);
  }

  private PersonName name() {
    return v.chance(30) ? PersonName.of(v.text(Limits.NAME_PART))
        : PersonName.of(v.chance(70) ? v.text(Limits.NAME_PART) : null, v.chance(80) ? v.word() : v.text(Limits.NAME_PART));
  }

  private Money money() {
    return Money.of(v.amount(), v.currency());
  }

  private EngagementSignal signal() {
    SignalType type = v.chance(80) ? v.pick(List.of(SignalType.DEMO_REQUEST, SignalType.WEBINAR_ATTENDED,
        SignalType.WEBSITE_VISIT)) : SignalType.of(v.code(), v.chance(50) ? SignalType.Intent.BUYING : null);
    return new EngagementSignal(type, v.instant(clock.instant()), Optional.ofNullable(v.chance(50) ? null : v.text(Limits.SIGNAL_DETAIL)));
  }

  private NewLead newLead() {
    NewLead.Builder b = NewLead.builder(name(), v.chance(90) ? LeadSource.WEBSITE_SIGNUP : LeadSource.of(v.code()));
    if (v.chance(50)) {
      b.email(v.email());
    }
    if (v.chance(30)) {
      b.phone(v.phone());
    }
    if (v.chance(50)) {
      b.company(v.text(Limits.TEXT));
    }
    if (v.chance(30)) {
      b.title(v.text(Limits.TEXT));
    }
    if (v.chance(30)) {
      b.owner(v.text(Limits.TEXT));
    }
    if (v.chance(30)) {
      b.sourceDetail(new SourceDetail(Optional.ofNullable(v.text(Limits.TEXT)), Optional.ofNullable(v.text(Limits.TEXT)),
          Optional.ofNullable(v.text(Limits.TEXT)), Optional.ofNullable(v.chance(50) ? null : v.text(Limits.TEXT))));
    }
    for (int i = v.nextInt(3); i > 0; i--) {
      b.signal(signal());
    }
    if (v.chance(15)) {
      b.campaign(campaignId());
    }
    if (v.chance(30)) {
      b.industry(industryText());
    }
    if (v.chance(20)) {
      b.fields(fieldValues(dev.rapport.crm.field.RecordKind.LEAD));
    }
    return b.build();
  }

  /**
   * Custom field values for a record of the kind: mostly of the fields the world defined and
   * fitting them; sometimes a key no field has, a value of another type, a number out of the range,
   * an option not offered, a text over the longest, or a field removed since.
   */
  private dev.rapport.crm.field.CustomFields fieldValues(dev.rapport.crm.field.RecordKind kind) {
    dev.rapport.crm.field.CustomFields f = dev.rapport.crm.field.CustomFields.empty();
    for (int i = v.nextInt(3); i >= 0; i--) {
      String key = v.chance(90) ? v.pick(List.of("seats", "tier", "note")) : v.chance(50) ? "unknown" : v.code();
      dev.rapport.crm.field.FieldValue value = switch (v.nextInt(6)) {
        case 0 -> dev.rapport.crm.field.FieldValue.number(v.nextInt(1200) - 100);
        case 1 -> dev.rapport.crm.field.FieldValue.choice(v.pick(List.of("gold", "silver", "bronze")));
        case 2 -> dev.rapport.crm.field.FieldValue.text(v.chance(80) ? v.text(1 + v.nextInt(Limits.TEXT)) : "t".repeat(201));
        case 3 -> dev.rapport.crm.field.FieldValue.date(v.date());
        case 4 -> dev.rapport.crm.field.FieldValue.bool(v.chance(50));
        default -> "seats".equals(key) ? dev.rapport.crm.field.FieldValue.number(v.nextInt(1000))
            : "tier".equals(key) ? dev.rapport.crm.field.FieldValue.choice("gold")
            : dev.rapport.crm.field.FieldValue.text("ok");
      };
      f = f.with(key, value);
    }
    return f;
  }

  /** One generated command or query on custom fields: a definition defined, changed, removed or read, or values set. */
  private Input customFieldInput(Crm c) {
    dev.rapport.crm.field.RecordKind kind = v.pick(List.of(dev.rapport.crm.field.RecordKind.values()));
    String key = v.chance(80) ? v.pick(List.of("seats", "tier", "note", "renewal")) : v.code();
    dev.rapport.crm.field.CustomField known = definitions.get(kind + "." + key);
    return switch (v.nextInt(9)) {
      case 0 -> in("customFields.define " + kind + "." + show(key), () -> c.customFields().define(
          v.chance(50) ? dev.rapport.crm.field.CustomField.of(kind, key, v.text(Limits.TEXT), dev.rapport.crm.field.FieldType.DATE)
              : dev.rapport.crm.field.CustomField.choice(kind, key, "Choice", v.chance(50), List.of("a", "b"))));
      case 1 -> in("customFields.change " + kind + "." + show(key), () -> {
        dev.rapport.crm.field.CustomField base = known != null ? known
            : dev.rapport.crm.field.CustomField.of(kind, key, "Missing", dev.rapport.crm.field.FieldType.TEXT);
        dev.rapport.crm.field.CustomField next = switch (v.nextInt(4)) {
          case 0 -> base.withLabel(v.text(Limits.TEXT));
          case 1 -> base.withRequired(v.chance(50));
          case 2 -> base.type() == dev.rapport.crm.field.FieldType.NUMBER
              ? base.withRange(java.math.BigDecimal.valueOf(v.nextInt(50)), java.math.BigDecimal.valueOf(100 + v.nextInt(900)))
              : base.type() == dev.rapport.crm.field.FieldType.TEXT ? base.withMaxLength(v.nextInt(250)) : base.withLabel("L");
          default -> base.withType(v.pick(List.of(dev.rapport.crm.field.FieldType.values())), List.of("gold"));
        };
        return c.customFields().change(next);
      });
      case 2 -> in("customFields.remove " + kind + "." + show(key), () -> c.customFields().remove(kind, key));
      case 4 -> { String to = v.chance(80) ? v.pick(List.of("seats", "tier", "note", "renewal", "level")) : v.code();
        yield in("customFields.rename " + kind + "." + show(key) + " to " + show(to), () -> {
          dev.rapport.crm.field.CustomField renamed = c.customFields().rename(kind, key, to);
          if (!renamed.key().equals(key)) { // the records of the kind took the value under the new key
            definitions.remove(kind + "." + key);
            switch (kind) {
              case LEAD -> List.copyOf(leads.keySet()).forEach(id -> storedLead(id).ifPresent(this::put));
              case CONTACT -> List.copyOf(contacts.keySet()).forEach(id -> storedContact(id).ifPresent(this::put));
              case ACCOUNT -> List.copyOf(accounts.keySet()).forEach(id -> storedAccount(id).ifPresent(this::put));
              case OPPORTUNITY -> List.copyOf(opportunities.keySet()).forEach(id -> storedOpportunity(id).ifPresent(this::put));
              case CASE -> List.copyOf(cases.keySet()).forEach(id -> storedCase(id).ifPresent(x -> cases.put(x.id(), x)));
            }
          }
          return renamed;
        }); }
      case 3 -> in("customFields.fields " + kind, () -> {
        assertThat(c.customFields().fields(kind)).isEqualTo(definitions.values().stream()
            .filter(f -> f.kind() == kind).toList());
        assertThat(c.customFields().find(kind, key)).isEqualTo(Optional.ofNullable(known));
        return null;
      });
      default -> {
        dev.rapport.crm.field.CustomFields values = fieldValuesOrNull(kind);
        yield switch (kind) {
          case LEAD -> { LeadId id = leadId(); yield in("leads.setFields " + id, () -> c.leads().setFields(id, values)); }
          case CONTACT -> { ContactId id = contactId(); yield in("contacts.setFields " + id, () -> c.contacts().setFields(id, values)); }
          case ACCOUNT -> { AccountId id = accountId(); yield in("accounts.setFields " + id, () -> c.accounts().setFields(id, values)); }
          case OPPORTUNITY -> { OpportunityId id = opportunityId();
            yield in("opportunities.setFields " + id, () -> c.opportunities().setFields(id, values)); }
          case CASE -> { CaseId id = caseId(); yield in("cases.setFields " + id, () -> c.cases().setFields(id, values)); }
        };
      }
    };
  }

  /**
   * One generated command or query on service levels: a policy defined (sometimes with a calendar
   * without working hours, overlapping holidays, a target of zero or an unknown segment), accounts
   * re-tiered, a tier or a case's standing read, alerts refreshed, the report.
   */
  private Input serviceLevelInput(Crm c) {
    return switch (v.nextInt(7)) {
      case 0 -> in("serviceLevels.define", () -> c.serviceLevels().define(policy()));
      case 1 -> { int batch = v.chance(90) ? 1 + v.nextInt(20) : v.pick(List.of(0, -1, 10_001));
        yield in("serviceLevels.retier " + batch, () -> c.serviceLevels().retier(batch)); }
      case 2 -> { AccountId id = accountId(); yield in("serviceLevels.tierOf " + id, () -> {
        Optional<String> tier = c.serviceLevels().tierOf(id);
        assertThat(tier.isPresent()).isEqualTo(c.serviceLevels().policy().isPresent());
        return null;
      }); }
      case 3 -> { CaseId id = caseId(); yield in("serviceLevels.of " + id, () -> {
        Optional<dev.rapport.crm.servicelevel.CaseServiceLevel> level = c.serviceLevels().of(id);
        assertThat(level.isPresent()).isEqualTo(cases.get(id).level().isPresent());
        return null;
      }); }
      case 4 -> in("cases.refreshServiceLevels", () -> {
        List<dev.rapport.crm.service.CaseEvent> raised = c.cases().refreshServiceLevels();
        for (dev.rapport.crm.service.CaseEvent e : raised) {
          storedCase(((dev.rapport.crm.service.CaseTargetAtRisk.class.isInstance(e))
              ? ((dev.rapport.crm.service.CaseTargetAtRisk) e).caseId()
              : ((dev.rapport.crm.service.CaseTargetBreached) e).caseId())).ifPresent(x -> cases.put(x.id(), x));
        }
        assertThat(c.cases().refreshServiceLevels()).as("each alert once").isEmpty();
        return null;
      });
      case 5 -> in("serviceLevels.report", () -> c.serviceLevels().report(v.chance(95)
          ? dev.rapport.crm.analytics.Period.of(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2030, 12, 31)) : null));
      default -> in("serviceLevels.policy", () -> c.serviceLevels().policy());
    };
  }

  /** A policy, now and then one the core refuses. */
  private dev.rapport.crm.servicelevel.ServicePolicy policy() {
    java.time.ZoneId zone = v.pick(List.of(java.time.ZoneOffset.UTC, java.time.ZoneId.of("Europe/Berlin"),
        java.time.ZoneId.of("America/New_York"), java.time.ZoneId.of("Asia/Kolkata")));
    dev.rapport.crm.common.BusinessCalendar cal = switch (v.nextInt(12)) {
      case 0 -> dev.rapport.crm.common.BusinessCalendar.of(zone, Map.of(), List.of()); // no working hours
      case 1 -> dev.rapport.crm.common.BusinessCalendar.always(zone)
          .withHoliday(new dev.rapport.crm.common.BusinessCalendar.Holiday(java.time.LocalDate.of(2026, 12, 24),
              java.time.LocalDate.of(2026, 12, 26), "Christmas"))
          .withHoliday(new dev.rapport.crm.common.BusinessCalendar.Holiday(java.time.LocalDate.of(2026, 12, 26),
              java.time.LocalDate.of(2027, 1, 1), "Overlapping")); // overlapping holidays
      case 2 -> dev.rapport.crm.common.BusinessCalendar.always(zone);
      default -> dev.rapport.crm.common.BusinessCalendar.weekdays(zone, java.time.LocalTime.of(8 + v.nextInt(3), 0),
          java.time.LocalTime.of(15 + v.nextInt(4), 30)).withHoliday(dev.rapport.crm.common.BusinessCalendar.Holiday.on(
              java.time.LocalDate.of(2026, 1 + v.nextInt(12), 1 + v.nextInt(28)), v.text(200)));
    };
    java.time.Duration response = v.chance(5) ? java.time.Duration.ZERO : java.time.Duration.ofMinutes(1 + v.nextInt(600));
    dev.rapport.crm.servicelevel.ServiceTarget target = new dev.rapport.crm.servicelevel.ServiceTarget(response,
        response.plusMinutes(v.nextInt(6_000)));
    dev.rapport.crm.servicelevel.TierRule rule = switch (v.nextInt(6)) {
      case 0 -> dev.rapport.crm.servicelevel.TierRule.segment(v.chance(80) ? "CHAMPIONS" : v.pick(List.of("Champs", "", "LOYAL ")));
      case 1 -> dev.rapport.crm.servicelevel.TierRule.bestCustomers(v.chance(90) ? 1 + v.nextInt(50) : 0);
      case 2 -> dev.rapport.crm.servicelevel.TierRule.payerClass(dev.rapport.crm.sales.PayerClass.ON_TIME);
      case 3 -> dev.rapport.crm.servicelevel.TierRule.churnRiskAtLeast(dev.rapport.crm.analytics.ChurnRisk.Level.MEDIUM);
      case 4 -> dev.rapport.crm.servicelevel.TierRule.revenueAtLeast(money());
      default -> dev.rapport.crm.servicelevel.TierRule.flag(v.chance(50) ? "vip" : v.code(),
          dev.rapport.crm.field.FieldValue.bool(true));
    };
    dev.rapport.crm.servicelevel.ServiceTier top = dev.rapport.crm.servicelevel.ServiceTier.named(
        v.chance(95) ? v.text(Limits.CODE) : "", target).when(rule);
    if (v.chance(50)) {
      top = top.atLeast(v.pick(List.of(dev.rapport.crm.service.CasePriority.values())));
    }
    return dev.rapport.crm.servicelevel.ServicePolicy.of(cal, top,
        dev.rapport.crm.servicelevel.ServiceTier.named("Standard", dev.rapport.crm.servicelevel.ServiceTarget.hours(8, 40)))
        .withAtRiskPercent(v.chance(95) ? 1 + v.nextInt(99) : 100);
  }

  private dev.rapport.crm.field.CustomFields fieldValuesOrNull(dev.rapport.crm.field.RecordKind kind) {
    try {
      return v.chance(5) ? null : fieldValues(kind);
    } catch (ValidationException e) {
      return null; // a value the factories refuse: the command is called with null, refused alike
    }
  }

  /**
   * An industry as a host may give it: a well-known code, a name as people write it, or text that
   * reads as no code (too long, no letter, another script, null): refused naming {@code industry}.
   */
  private String industryText() {
    return switch (v.nextInt(8)) {
      case 0, 1 -> v.pick(List.of("technology", "wholesale", "food_and_beverage", "not_for_profit"));
      case 2 -> v.pick(List.of("Food & Beverage", "Not For Profit", "  Wholesale ", "Logística", "ТЕХНОЛОГИИ"));
      case 3 -> v.code();
      case 4 -> v.chance(50) ? "x".repeat(51) : "a ".repeat(40);
      case 5 -> v.chance(50) ? "--- !!! ---" : "日本の産業";
      case 6 -> v.chance(50) ? null : "";
      default -> v.text(1 + v.nextInt(60));
    };
  }

  private NewOpportunity newOpportunity() {
    NewOpportunity.Builder b = NewOpportunity.builder(v.chance(80) ? v.word() : v.text(Limits.TEXT), money());
    if (v.chance(40)) {
      b.stage(stageName());
    }
    if (v.chance(50)) {
      b.expectedCloseDate(v.date());
    }
    if (v.chance(30)) {
      b.owner(v.text(Limits.TEXT));
    }
    if (v.chance(20)) {
      b.primaryContact(contactId());
    }
    return b.build();
  }

  private LeadQuery leadQuery() {
    LeadQuery q = LeadQuery.all();
    if (v.chance(30)) {
      q = q.withStatuses(EnumSet.of(v.pick(List.of(LeadStatus.values()))));
    }
    if (v.chance(20)) {
      q = q.withTemperatures(EnumSet.of(v.pick(List.of(Temperature.values()))));
    }
    if (v.chance(20)) {
      q = q.withOwner(v.text(Limits.TEXT));
    }
    if (v.chance(30)) {
      q = q.withCreated(v.instant(clock.instant()), v.chance(50) ? null : v.instant(clock.instant().plusSeconds(3600)));
    }
    if (v.chance(25)) {
      Set<Industry> industries = new HashSet<>();
      for (int i = 1 + v.nextInt(3); i > 0; i--) {
        industries.add(Industry.of(v.chance(80) ? v.pick(List.of("technology", "wholesale", "food_and_beverage")) : industryText()));
      }
      q = q.withIndustries(industries);
    }
    if (v.chance(15)) {
      q = q.withField(v.chance(90) ? v.pick(List.of("seats", "tier")) : v.code(),
          v.chance(50) ? dev.rapport.crm.field.FieldValue.choice("gold") : dev.rapport.crm.field.FieldValue.number(v.nextInt(1000)));
    }
    return q;
  }

  private <T> List<String> ids(Map<T, ?> records) {
    return records.keySet().stream().map(Object::toString).toList();
  }

  /** One generated campaign command or query. */
  /**
   * A merge of contacts the store must refuse whole (with itself, of an unknown contact, read at a
   * stale version, an unknown merge undone), or a look-up of merges, of which the storm makes none:
   * successful merges are {@link MergeContract}'s, where the links they move are checked.
   */
  private Input refusedMerge(Crm c, ContactId id) {
    return switch (v.nextInt(11)) {
      case 0 -> in("contacts.merge with itself " + id, () -> c.contacts().merge(
          dev.rapport.crm.contact.ContactMergePlan.of(id, java.util.Arrays.asList(id))));
      case 1 -> { ContactId unknown = v.chance(90) ? ContactId.of(UUID.randomUUID()) : null;
        yield in("contacts.merge of an unknown contact into " + id, () -> c.contacts().merge(
            dev.rapport.crm.contact.ContactMergePlan.of(id, java.util.Arrays.asList(unknown)))); }
      case 2 -> { Contact survivor = id == null ? null : contacts.get(id); ContactId otherId = contactId();
        Contact other = otherId == null ? null : contacts.get(otherId); long off = v.pick(List.of(-1L, 1L, 100L));
        yield in("contacts.merge read at a stale version " + id, () -> c.contacts().merge(
            dev.rapport.crm.contact.ContactMergePlan.of(survivor == null ? null : versioned(survivor, Math.max(0, survivor.version() + off)),
                other == null ? List.of() : List.of(other)))); }
      case 3 -> { UUID merge = v.chance(90) ? UUID.randomUUID() : null;
        yield in("contacts.undoMerge " + merge, () -> c.contacts().undoMerge(merge)); }
      case 4 -> { UUID merge = v.chance(90) ? UUID.randomUUID() : null;
        yield in("contacts.findMerge/mergeOf " + merge + " " + id, () -> {
          assertThat(c.contacts().findMerge(merge)).isEmpty();
          assertThat(c.contacts().mergeOf(id)).isEmpty();
          return null;
        }); }
      case 5 -> { AccountId a = accountId(); AccountId unknown = v.chance(90) ? AccountId.of(UUID.randomUUID()) : null;
        yield in("accounts.merge of an unknown account into " + a, () -> c.accounts().merge(
            dev.rapport.crm.contact.AccountMergePlan.of(a, v.chance(20) ? java.util.Arrays.asList(a) : java.util.Arrays.asList(unknown)))); }
      case 6 -> { AccountId a = accountId(); Account survivor = a == null ? null : accounts.get(a); AccountId otherId = accountId();
        Account other = otherId == null ? null : accounts.get(otherId); long off = v.pick(List.of(-1L, 1L, 100L));
        yield in("accounts.merge read at a stale version " + a, () -> c.accounts().merge(
            dev.rapport.crm.contact.AccountMergePlan.of(survivor == null ? null : versioned(survivor, Math.max(0, survivor.version() + off)),
                other == null ? List.of() : List.of(other)))); }
      case 7 -> { LeadId l = leadId(); LeadId unknown = v.chance(90) ? LeadId.of(UUID.randomUUID()) : null;
        yield in("leads.merge of an unknown lead into " + l, () -> c.leads().merge(
            dev.rapport.crm.lead.LeadMergePlan.of(l, v.chance(20) ? java.util.Arrays.asList(l) : java.util.Arrays.asList(unknown)))); }
      case 8 -> { LeadId l = leadId(); Lead survivor = l == null ? null : leads.get(l); LeadId otherId = leadId();
        Lead other = otherId == null ? null : leads.get(otherId); long off = v.pick(List.of(-1L, 1L, 100L));
        yield in("leads.merge read at a stale version " + l, () -> c.leads().merge(
            dev.rapport.crm.lead.LeadMergePlan.of(survivor == null ? null : versioned(survivor, Math.max(0, survivor.version() + off)),
                other == null ? List.of() : List.of(other)))); }
      case 9 -> { UUID merge = v.chance(90) ? UUID.randomUUID() : null; LeadId l = leadId();
        yield in("leads.findMerge/mergeOf/undoMerge " + merge + " " + l, () -> {
          assertThat(c.leads().findMerge(merge)).isEmpty();
          assertThat(c.leads().mergeOf(l)).isEmpty();
          return c.leads().undoMerge(merge);
        }); }
      default -> { UUID merge = v.chance(90) ? UUID.randomUUID() : null; AccountId a = accountId();
        yield in("accounts.findMerge/mergeOf/undoMerge " + merge + " " + a, () -> {
          assertThat(c.accounts().findMerge(merge)).isEmpty();
          assertThat(c.accounts().mergeOf(a)).isEmpty();
          return c.accounts().undoMerge(merge);
        }); }
    };
  }

  private Input campaignInput(Crm c, int which) {
    return switch (which) {
      case 0 -> in("campaigns.plan", () -> {
        NewCampaign.Builder b = NewCampaign.builder(v.text(Limits.TEXT), v.chance(80) ? Channel.WEBINAR : Channel.of(v.code()),
            v.date(), v.date(), money());
        if (v.chance(40)) {
          b.goals(Goals.of(v.percent(), v.percent(), money()));
        }
        return c.campaigns().plan(b.build());
      });
      case 1 -> { CampaignId id = campaignId(); int move = v.nextInt(3);
        yield in("campaigns.move " + move + " " + id, () -> move == 0 ? c.campaigns().start(id)
            : move == 1 ? c.campaigns().complete(id) : c.campaigns().abort(id)); }
      case 2 -> { CampaignId id = campaignId(); yield in("campaigns.recordActualCost " + id, () -> c.campaigns().recordActualCost(id, money())); }
      case 3 -> { CampaignId id = campaignId(); yield in("campaigns.changeGoals " + id, () -> c.campaigns().changeGoals(id,
          Goals.of(v.percent(), v.percent(), money()))); }
      case 4 -> { CampaignId id = campaignId(); yield in("campaigns.addMembers " + id, () -> {
        List<MemberId> people = new ArrayList<>();
        for (int i = v.nextInt(5); i > 0; i--) {
          people.add(memberId());
        }
        return c.campaigns().addMembers(id, people);
      }); }
      case 5 -> { CampaignId id = campaignId(); MemberId m = v.chance(70) && !members.isEmpty()
          ? v.pick(new ArrayList<>(members.values())).member() : memberId();
        yield in("campaigns.recordResponse " + id + " " + m, () -> c.campaigns().recordResponse(id, m, responseStatus(),
            v.instant(clock.instant()))); }
      case 6 -> {
        if (v.chance(60)) {
          CampaignMember known = v.chance(80) && !members.isEmpty() ? v.pick(new ArrayList<>(members.values())) : null;
          CampaignId id = known != null ? known.campaignId() : campaignId();
          MemberId m = known != null ? known.member() : memberId();
          yield in("campaigns.removeMember " + id + " " + m, () -> {
            c.campaigns().removeMember(id, m);
            members.remove(key(members.values().stream().filter(x -> x.campaignId().equals(id) && x.member().equals(m))
                .findFirst().orElseThrow()));
            return null;
          });
        }
        CampaignId id = campaignId();
        long version = id != null && campaigns.containsKey(id) && v.chance(20) ? campaigns.get(id).version() + 1 : -1;
        yield in("campaigns.delete " + id + (version > 0 ? " at stale version " + version : ""), () -> {
          dev.rapport.crm.campaign.CampaignDeleted d = version > 0 ? c.campaigns().ifVersion(version).delete(id)
              : c.campaigns().delete(id);
          assertThat(d.campaignId()).isEqualTo(id);
          campaigns.remove(id);
          members.values().removeIf(x -> x.campaignId().equals(id));
          return null;
        });
      }
      case 7 -> { CampaignId id = campaignId(); long version = id == null || !campaigns.containsKey(id) ? 1 + v.nextInt(3)
          : campaigns.get(id).version() + (v.chance(50) ? 0 : v.pick(List.of(-1L, 1L)));
        yield in("campaigns.ifVersion(" + version + ").recordActualCost " + id,
            () -> c.campaigns().ifVersion(version).recordActualCost(id, money())); }
      case 8 -> { CampaignId id = campaignId(); yield in("campaigns.list/find/members/getMember " + id, () -> {
        assertThat(c.campaigns().list(page(ids(campaigns))).items()).allMatch(x -> x.equals(campaigns.get(x.id())));
        assertThat(c.campaigns().find(id)).isEqualTo(Optional.ofNullable(campaigns.get(id)));
        assertThat(c.campaigns().members(id, PageRequest.first(1 + v.nextInt(50))).items())
            .allMatch(m -> m.campaignId().equals(id)).allMatch(m -> m.equals(members.get(key(m))));
        MemberId m = v.chance(70) && !members.isEmpty() ? v.pick(new ArrayList<>(members.values())).member()
            : v.chance(50) ? MemberId.lead(LeadId.of(UUID.randomUUID())) : null;
        return same(c.campaigns().getMember(id, m), members);
      }); }
      default -> { CampaignId id = campaignId(); yield in("campaigns.results " + id, () -> {
        long expected = members.values().stream().filter(m -> m.campaignId().equals(id)).count();
        assertThat(c.campaigns().results(id).members()).isEqualTo(expected);
        assertThat(c.campaigns().get(id)).isEqualTo(campaigns.get(id));
        return null;
      }); }
    };
  }

  /** One generated input, drawn evenly from every public command and query. */
  private Input input() {
    Crm c = crm;
    if (v.chance(5)) {
      clock.advance(Duration.ofMinutes(1 + v.nextInt(600)));
    }
    if (v.chance(15)) {
      return serviceInput(c);
    }
    if (v.chance(12)) {
      return salesInput(c);
    }
    if (v.chance(3)) {
      return analyticsInput(c);
    }
    if (v.chance(3)) {
      return duplicatesInput(c);
    }
    if (v.chance(3)) {
      return mailInput(c);
    }
    if (v.chance(2)) {
      return privacyInput(c);
    }
    if (v.chance(1)) {
      return auditInput(c);
    }
    if (v.chance(2)) {
      return searchInput(c);
    }
    if (v.chance(3)) {
      return customFieldInput(c);
    }
    if (v.chance(2)) {
      return serviceLevelInput(c);
    }
    int kinds = 56;
    int drawn = v.nextInt(kinds + 10);
    if (drawn >= kinds) {
      return campaignInput(c, drawn - kinds);
    }
    return switch (drawn) {
      case 0 -> in("leads.capture", () -> c.leads().capture(newLead()));
      case 1 -> in("leads.captureAll", () -> {
        List<NewLead> batch = new ArrayList<>();
        for (int i = v.nextInt(4); i > 0; i--) {
          batch.add(newLead());
        }
        return c.leads().captureAll(batch);
      });
      case 2 -> { LeadId id = leadId(); yield in("leads.get " + id, () -> same(c.leads().get(id), leads)); }
      case 3 -> { LeadId id = leadId(); yield in("leads.find " + id, () -> {
        assertThat(c.leads().find(id)).isEqualTo(Optional.ofNullable(leads.get(id)));
        return null;
      }); }
      case 4 -> { String e = v.chance(30) ? existingEmail() : v.email(); yield in("leads.findByEmail " + show(e), () -> {
        List<Lead> found = c.leads().findByEmail(e);
        EmailAddress address = EmailAddress.of(e);
        // sound and complete: exactly the model's leads with that address
        assertThat(found).containsExactlyInAnyOrderElementsOf(
            leads.values().stream().filter(l -> l.email().equals(Optional.of(address))).toList());
        return null;
      }); }
      case 5 -> in("leads.query", () -> {
        LeadQuery q = leadQuery();
        Page<Lead> p = c.leads().query(q, page(ids(leads)));
        assertThat(p.items()).allMatch(q::matches).allMatch(l -> l.equals(leads.get(l.id())));
        assertThat(c.leads().count(q)).as("count").isEqualTo(leads.values().stream().filter(q::matches).count());
        return null;
      });
      case 6 -> { LeadId id = leadId(); yield in("leads.update " + id, () -> {
        LeadUpdate.Builder u = LeadUpdate.builder();
        if (v.chance(40)) {
          u.name(name());
        }
        if (v.chance(40)) {
          u.email(v.email());
        }
        if (v.chance(30)) {
          u.phone(v.phone());
        }
        if (v.chance(40)) {
          u.company(v.text(Limits.TEXT));
        }
        if (v.chance(40)) {
          u.title(v.text(Limits.TEXT));
        }
        if (v.chance(30)) {
          u.industry(v.chance(90) ? Industry.of(industryText()) : null);
        }
        return c.leads().update(id, u.build());
      }); }
      case 7, 8 -> { LeadId id = leadId(); LeadStatus s = v.chance(95) ? v.pick(List.of(LeadStatus.values())) : null;
        yield in("leads.changeStatus " + id + " " + s, () -> c.leads().changeStatus(id, s)); }
      case 9 -> {
        if (v.chance(30)) {
          yield v.chance(60) ? deleteLead(c) : deleteRecord(c);
        }
        LeadId id = leadId(); String r = v.text(Limits.TEXT); yield in("leads.disqualify " + show(r), () -> c.leads().disqualify(id, r)); }
      case 10 -> { LeadId id = leadId(); yield in("leads.reopen " + id, () -> c.leads().reopen(id)); }
      case 11 -> { LeadId id = leadId(); yield in("leads.recordSignal(type)", () -> c.leads().recordSignal(id,
          v.chance(90) ? SignalType.PRICING_REQUEST : null)); }
      case 12 -> { LeadId id = leadId(); yield in("leads.recordSignal", () -> c.leads().recordSignal(id, signal())); }
      case 13 -> { LeadId id = leadId(); Temperature t = v.chance(90) ? v.pick(List.of(Temperature.values())) : null;
        yield in("leads.overrideTemperature " + t, () -> c.leads().overrideTemperature(id, t)); }
      case 14 -> { LeadId id = leadId(); yield in("leads.clearTemperatureOverride", () -> c.leads().clearTemperatureOverride(id)); }
      case 15 -> { LeadId id = leadId(); String o = v.text(Limits.TEXT); yield in("leads.assign " + show(o), () -> c.leads().assign(id, o)); }
      case 16 -> { LeadId id = leadId(); int s = v.percent(); yield in("leads.score " + s, () -> c.leads().score(id, s)); }
      case 17, 18 -> { LeadId id = leadId(); yield in("leads.convert " + id, () -> {
        Conversion conversion = Conversion.standard();
        if (v.chance(20)) {
          conversion = conversion.toAccount(accountId());
        }
        if (v.chance(15)) {
          conversion = conversion.toContact(contactId());
        }
        if (v.chance(50)) {
          conversion = conversion.withOpportunity(newOpportunity());
        }
        return c.leads().convert(id, conversion);
      }); }
      case 19 -> { LeadId id = leadId(); long version = id == null || !leads.containsKey(id) ? 1 + v.nextInt(3)
          : leads.get(id).version() + (v.chance(50) ? 0 : v.pick(List.of(-1L, 1L, -100L)));
        yield in("leads.ifVersion(" + version + ").score", () -> c.leads().ifVersion(version).score(id, v.percent())); }
      case 20 -> v.chance(80) ? in("contacts.create", () -> c.contacts().create(newContact()))
          : in("contacts.createAll", () -> {
            List<NewContact> batch = new ArrayList<>();
            for (int i = v.nextInt(4); i > 0; i--) {
              batch.add(newContact());
            }
            return c.contacts().createAll(batch);
          });
      case 21 -> { ContactId id = contactId(); yield in("contacts.get/find " + id, () -> {
        assertThat(c.contacts().find(id)).isEqualTo(Optional.ofNullable(contacts.get(id)));
        return same(c.contacts().get(id), contacts);
      }); }
      case 22 -> { String e = v.chance(30) ? existingEmail() : v.email();
        if (v.chance(30)) {
          List<String> some = new ArrayList<>();
          some.add(e);
          for (int i = v.nextInt(4); i > 0; i--) {
            some.add(v.chance(60) ? existingEmail() : v.email());
          }
          yield in("contacts.findByEmails " + show(some), () -> {
            List<Contact> found = c.contacts().findByEmails(some);
            java.util.Set<EmailAddress> wanted = new java.util.HashSet<>();
            some.forEach(x -> wanted.add(EmailAddress.of(x)));
            assertThat(found).containsExactlyElementsOf(contacts.values().stream()
                .filter(x -> x.emails().stream().anyMatch(wanted::contains))
                .sorted(java.util.Comparator.comparing(Contact::id)).toList());
            return null;
          });
        }
        yield in("contacts.findByEmail " + show(e), () -> {
        List<Contact> found = c.contacts().findByEmail(e);
        EmailAddress address = EmailAddress.of(e);
        assertThat(found).containsExactlyInAnyOrderElementsOf(
            contacts.values().stream().filter(x -> x.emails().contains(address)).toList());
        return null;
      }); }
      case 23 -> { AccountId id = accountId(); yield in("contacts.byAccount " + id, () -> {
        Page<Contact> p = c.contacts().byAccount(id, page(ids(contacts)));
        assertThat(p.items()).allMatch(x -> x.accountId().equals(Optional.of(id))).allMatch(x -> x.equals(contacts.get(x.id())));
        assertThat(c.contacts().countByAccount(id)).as("count")
            .isEqualTo(contacts.values().stream().filter(x -> x.accountId().equals(Optional.of(id))).count());
        return null;
      }); }
      case 24 -> in("contacts.list", () -> {
        assertThat(c.contacts().list(page(ids(contacts))).items()).allMatch(x -> x.equals(contacts.get(x.id())));
        return null;
      });
      case 25 -> { ContactId id = contactId(); AccountId a = accountId(); yield in("contacts.attachToAccount", () -> c.contacts().attachToAccount(id, a)); }
      case 26, 27 -> { ContactId id = contactId(); String e = v.email(); yield in("contacts.addEmail " + show(e), () -> c.contacts().addEmail(id, e)); }
      case 28 -> { ContactId id = contactId(); String p = v.phone(); yield in("contacts.addPhone " + show(p), () -> c.contacts().addPhone(id, p)); }
      case 29 -> { ContactId id = contactId(); if (v.chance(30)) {
          yield refusedMerge(c, id);
        }
        String s = v.text(Limits.TEXT); yield in("contacts.recordConsent " + show(s), () -> c.contacts().recordConsent(id, v.chance(50), s)); }
      case 30 -> v.chance(80) ? in("accounts.create", () -> c.accounts().create(newAccount()))
          : in("accounts.createAll", () -> {
            List<NewAccount> batch = new ArrayList<>();
            for (int i = v.nextInt(4); i > 0; i--) {
              batch.add(newAccount());
            }
            return c.accounts().createAll(batch);
          });
      case 31 -> { AccountId id = accountId(); yield in("accounts.get/find " + id, () -> {
        assertThat(c.accounts().find(id)).isEqualTo(Optional.ofNullable(accounts.get(id)));
        return same(c.accounts().get(id), accounts);
      }); }
      case 32 -> { String r = v.chance(30) ? existingReference() : v.chance(50) ? "CUST-" + v.nextInt(30) : v.text(Limits.TEXT);
        if (v.chance(30)) {
          List<String> refs = new ArrayList<>();
          refs.add(r);
          for (int i = v.nextInt(4); i > 0; i--) {
            refs.add(v.chance(50) ? existingReference() : "CUST-" + v.nextInt(30));
          }
          yield in("accounts.findByExternalReferences " + show(refs), () -> {
            Map<String, Account> found = c.accounts().findByExternalReferences(refs);
            Map<String, Account> expected = new LinkedHashMap<>();
            for (String x : refs) {
              accounts.values().stream().filter(a -> a.externalReference().equals(Optional.of(x.strip()))).findFirst()
                  .ifPresent(a -> expected.put(x.strip(), a));
            }
            assertThat(found).isEqualTo(expected);
            return null;
          });
        }
        yield in("accounts.findByExternalReference " + show(r), () -> {
        Optional<Account> found = c.accounts().findByExternalReference(r);
        assertThat(found).isEqualTo(accounts.values().stream()
            .filter(a -> a.externalReference().equals(Optional.of(r.strip()))).findFirst());
        return null;
      }); }
      case 33 -> { String n = v.chance(30) && !accounts.isEmpty() ? v.pick(new ArrayList<>(accounts.values())).name() : v.text(Limits.TEXT);
        yield in("accounts.findByName " + show(n), () -> {
          List<Account> found = c.accounts().findByName(n);
          assertThat(found).containsExactlyInAnyOrderElementsOf(accounts.values().stream()
              .filter(a -> a.nameKey().equals(Account.nameKey(n.strip()))).toList());
          return null;
        }); }
      case 34 -> in("accounts.list", () -> {
        assertThat(c.accounts().list(page(ids(accounts))).items()).allMatch(a -> a.equals(accounts.get(a.id())));
        return null;
      });
      case 35 -> { AccountId id = accountId(); String r = v.chance(50) ? "CUST-" + v.nextInt(30) : v.text(Limits.TEXT);
        yield in("accounts.linkExternalReference " + show(r), () -> c.accounts().linkExternalReference(id, r)); }
      case 36 -> { AccountId id = accountId(); String n = v.text(Limits.TEXT); yield in("accounts.rename " + show(n), () -> c.accounts().rename(id, n)); }
      case 55 -> { AccountId id = accountId(); String i = industryText(); yield v.chance(70)
          ? in("accounts.changeIndustry " + show(i), () -> c.accounts().changeIndustry(id, i == null ? null : Industry.of(i)))
          : in("accounts.listByIndustry " + show(i), () -> {
            Industry industry = i == null ? null : Industry.of(i);
            Page<Account> p = c.accounts().listByIndustry(industry, PageRequest.first(1 + v.nextInt(20)));
            assertThat(p.items()).allMatch(a -> a.industry().equals(Optional.of(industry)))
                .allMatch(a -> a.equals(accounts.get(a.id())));
            assertThat(c.accounts().countByIndustry(industry)).as("count")
                .isEqualTo(accounts.values().stream().filter(a -> a.industry().equals(Optional.of(industry))).count());
            return null;
          }); }
      case 37 -> { AccountId id = accountId(); yield in("opportunities.open", () -> c.opportunities().open(id, newOpportunity())); }
      case 38 -> in("opportunities.query", () -> {
        OpportunityQuery q = OpportunityQuery.all();
        if (v.chance(15)) {
          q = q.withField(v.chance(90) ? "tier" : v.code(), dev.rapport.crm.field.FieldValue.choice(v.pick(List.of("gold", "silver"))));
        }
        if (v.chance(30)) {
          q = q.withStatuses(EnumSet.of(v.pick(List.of(OpportunityStatus.values()))));
        }
        if (v.chance(20)) {
          q = q.withOwner(v.text(Limits.TEXT));
        }
        if (v.chance(20)) {
          q = q.withAccount(accountId());
        }
        if (v.chance(20)) {
          q = q.withStages(new HashSet<>(Collections.singleton(stageName()))); // null included: refused
        }
        if (v.chance(20)) {
          q = q.withSources(new HashSet<>(Collections.singleton(
              v.chance(60) ? LeadSource.WEBSITE_SIGNUP : v.chance(95) ? LeadSource.of(v.code()) : null)));
        }
        if (v.chance(30)) { // either end open; a generated range may be reversed or out of limits: refused
          q = q.withExpectedClose(v.chance(30) ? null : v.date(), v.chance(30) ? null : v.date());
        }
        OpportunityQuery asked = q;
        Page<Opportunity> p = c.opportunities().query(asked, page(ids(opportunities)));
        // answered: every stage asked for is one of the pipeline's, matched ignoring case
        OpportunityQuery query = asked.withStages(asked.stages().stream()
            .map(s -> crm.opportunities().pipeline().stage(s).name()).collect(Collectors.toSet()));
        assertThat(p.items()).allMatch(query::matches).allMatch(o -> o.equals(opportunities.get(o.id())));
        assertThat(c.opportunities().count(asked)).as("count")
            .isEqualTo(opportunities.values().stream().filter(query::matches).count());
        try { // the board holds what the query matches; a currency without a rate is refused
          assertThat(c.analytics().board(asked).count()).as("board")
              .isEqualTo(opportunities.values().stream().filter(query::matches).count());
        } catch (dev.rapport.crm.exception.MissingExchangeRateException noRate) {
          assertThat(opportunities.values().stream().filter(query::matches)
              .anyMatch(o -> !o.amount().currency().equals(java.util.Currency.getInstance("EUR")))).isTrue();
        }
        return null;
      });
      case 39 -> { OpportunityId id = opportunityId(); String s = stageName(); yield in("opportunities.moveToStage " + show(s), () -> c.opportunities().moveToStage(id, s)); }
      case 40 -> { OpportunityId id = opportunityId(); yield in("opportunities.winOrLose", () -> v.chance(50) ? c.opportunities().win(id)
          : c.opportunities().lose(id, v.chance(50) ? LostReason.PRICE : LostReason.of(v.code()))); }
      case 41 -> { OpportunityId id = opportunityId(); String s = stageName(); yield in("opportunities.reopen " + show(s), () -> c.opportunities().reopen(id, s)); }
      case 42 -> { OpportunityId id = opportunityId(); yield in("opportunities.changeAmountOrCurrency", () -> switch (v.nextInt(3)) {
        case 0 -> c.opportunities().changeCurrency(id, money());
        case 1 -> c.opportunities().overrideProbability(id, v.percent());
        default -> c.opportunities().changeAmount(id, money());
      }); }
      case 44 -> in("leads.refreshTemperatures", () -> {
        checkpoint(-1); // the model is right before; the refresh may change any lead
        Map<LeadId, Lead> before = new LinkedHashMap<>(leads);
        int changed = c.leads().refreshTemperatures();
        leads.clear();
        snapshot().leads().forEach(this::put);
        assertThat(leads.keySet()).isEqualTo(before.keySet());
        assertThat(leads.values().stream().filter(l -> !l.equals(before.get(l.id()))).count()).isEqualTo(changed);
        return null;
      });
      case 45 -> { OpportunityId id = opportunityId(); yield in("opportunities.get/find " + id, () -> {
        assertThat(c.opportunities().find(id)).isEqualTo(Optional.ofNullable(opportunities.get(id)));
        return same(c.opportunities().get(id), opportunities);
      }); }
      case 46 -> { int kind = v.nextInt(3); long version = 1 + v.nextInt(4); yield in("ifVersion(" + version + ") on kind " + kind, () -> switch (kind) {
        case 0 -> c.accounts().ifVersion(version).rename(accountId(), v.text(Limits.TEXT));
        case 1 -> c.contacts().ifVersion(version).addPhone(contactId(), v.phone());
        default -> c.opportunities().ifVersion(version).overrideProbability(opportunityId(), v.percent());
      }); }
      case 48 -> in("activities.log", () -> c.activities().log(newActivity()));
      case 49 -> {
        if (v.chance(70)) {
          yield in("activities.log", () -> c.activities().log(newActivity()));
        }
        ActivityId id = v.chance(85) && !activities.isEmpty() ? v.pick(new ArrayList<>(activities.keySet()))
            : v.chance(50) ? ActivityId.of(UUID.randomUUID()) : null;
        long version = id != null && activities.containsKey(id) && v.chance(20) ? activities.get(id).version() + 1 : -1;
        yield in("activities.delete " + id + (version > 0 ? " at stale version " + version : ""), () -> {
          dev.rapport.crm.activity.ActivityDeleted d = version > 0 ? c.activities().ifVersion(version).delete(id)
              : c.activities().delete(id);
          assertThat(d.activityId()).isEqualTo(id);
          activities.remove(id);
          mails.values().removeIf(m -> m.activity().equals(id)); // its logged message went with it
          return null;
        });
      }
      case 50 -> in("tasks.create", () -> c.tasks().create(newTask()));
      case 51 -> { TaskId id = taskId(); int kind = v.nextInt(7); yield in("tasks.change(" + kind + ") " + id, () -> switch (kind) {
        case 0 -> c.tasks().complete(id);
        case 1 -> c.tasks().complete(id, someInstant());
        case 2 -> c.tasks().cancel(id);
        case 3 -> c.tasks().reschedule(id, someInstant(), v.chance(50) ? someInstant() : null);
        case 4 -> c.tasks().reminderHandled(id);
        case 5 -> c.tasks().ifVersion(1 + v.nextInt(4)).complete(id);
        default -> {
          dev.rapport.crm.activity.TaskDeleted d = v.chance(80) ? c.tasks().delete(id)
              : c.tasks().ifVersion(1 + v.nextInt(4)).delete(id);
          assertThat(d.taskId()).isEqualTo(id);
          tasks.remove(id);
          yield null;
        }
      }); }
      case 52 -> { int kind = v.nextInt(3); yield in("tasks.list(" + kind + ")", () -> switch (kind) {
        case 0 -> {
          String owner = v.chance(60) ? v.pick(List.of("ann", "bob")) : v.text(Limits.TEXT);
          Instant until = someInstant();
          sameTasks(c.tasks().dueBy(owner, until, page(ids(tasks))));
          // the count is what walking every page returns
          assertThat(c.tasks().countDueBy(owner, until)).as("count")
              .isEqualTo(StoreSnapshot.all(p -> c.tasks().dueBy(owner, until, p), PageRequest.MAX_SIZE).size());
          yield null;
        }
        case 1 -> {
          sameTasks(c.tasks().overdue(page(ids(tasks))));
          assertThat(c.tasks().countOverdue()).as("count")
              .isEqualTo(StoreSnapshot.all(p -> c.tasks().overdue(p), PageRequest.MAX_SIZE).size());
          yield null;
        }
        default -> {
          sameTasks(c.tasks().remindersDue(page(ids(tasks))));
          TaskId id = taskId();
          assertThat(c.tasks().find(id)).isEqualTo(Optional.ofNullable(tasks.get(id)));
          yield same(c.tasks().get(id), tasks);
        }
      }); }
      case 53 -> { int kind = v.nextInt(4); yield in("timeline(" + kind + ")", () -> switch (kind) {
        case 0 -> sameItems(c.timeline().lead(leadId(), PageRequest.first(1 + v.nextInt(20))));
        case 1 -> sameItems(c.timeline().contact(contactId(), PageRequest.first(1 + v.nextInt(20))));
        case 2 -> sameItems(c.timeline().account(accountId(), PageRequest.first(1 + v.nextInt(20))));
        default -> sameItems(c.timeline().opportunity(opportunityId(), PageRequest.first(1 + v.nextInt(20))));
      }); }
      case 54 -> { ActivityId id = v.chance(80) && !activities.isEmpty() ? v.pick(new ArrayList<>(activities.keySet()))
          : v.chance(50) ? ActivityId.of(UUID.randomUUID()) : null; yield in("activities.get/find " + id, () -> {
        assertThat(c.activities().find(id)).isEqualTo(Optional.ofNullable(activities.get(id)));
        return same(c.activities().get(id), activities);
      }); }
      default -> { OpportunityId id = opportunityId(); yield in("opportunities.expectCloseOn", () -> c.opportunities().expectCloseOn(id, v.date())); }
    };
  }

  // ---- service cases and feedback

  private CaseId caseId() {
    return v.chance(90) && !cases.isEmpty() ? v.pick(new ArrayList<>(cases.keySet()))
        : v.chance(50) ? CaseId.of(UUID.randomUUID()) : null;
  }

  private NewCase newCase() {
    NewCase.Builder b = NewCase.builder(accountId(), v.chance(70) ? v.word() : v.text(Limits.TEXT));
    if (v.chance(40)) {
      b.contact(contactId());
    }
    if (v.chance(50)) {
      b.description(v.chance(10) ? "d".repeat(Limits.CASE_DESCRIPTION + v.nextInt(2)) : v.text(Limits.CASE_DESCRIPTION));
    }
    if (v.chance(50)) {
      b.priority(v.chance(95) ? v.pick(List.of(CasePriority.values())) : null);
    }
    if (v.chance(40)) {
      b.owner(v.chance(50) ? v.pick(List.of("ann", "bob")) : v.text(Limits.TEXT));
    }
    return b.build();
  }

  private NewFeedback newFeedback() {
    // mostly a contact of an account that exists, so that many answers are accepted
    List<Contact> attached = contacts.values().stream().filter(x -> x.accountId().isPresent()).toList();
    boolean matching = v.chance(80) && !attached.isEmpty();
    Contact who = matching ? v.pick(attached) : null;
    AccountId account = matching ? who.accountId().get() : accountId();
    ContactId contact = matching ? who.id() : contactId();
    NewFeedback.Builder b = v.chance(50) ? NewFeedback.nps(account, contact, v.chance(90) ? v.nextInt(11) : v.percent())
        : NewFeedback.csat(account, contact, v.chance(90) ? 1 + v.nextInt(5) : v.percent());
    if (v.chance(50)) {
      b.comment(v.chance(10) ? "c".repeat(Limits.FEEDBACK_COMMENT + v.nextInt(2)) : v.text(Limits.FEEDBACK_COMMENT));
    }
    if (v.chance(30)) {
      b.channel(v.chance(70) ? FeedbackChannel.EMAIL : FeedbackChannel.of(v.code()));
    }
    if (v.chance(30)) {
      b.survey(v.text(Limits.TEXT));
    }
    if (v.chance(60)) {
      b.answeredAt(v.instant(clock.instant()));
    }
    if (v.chance(15)) {
      b.aboutCase(caseId());
    }
    if (v.chance(15)) {
      b.aboutOpportunity(opportunityId());
    }
    return b.build();
  }

  /** A query bound as the service uses it: rounded up to the microsecond. */
  private static Instant up(Instant t) {
    Instant micros = t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return micros.equals(t) ? t : micros.plusNanos(1_000);
  }

  /** The model's answers of the scale (and account) answered in [from, to), bounds rounded up. */
  private List<Feedback> answers(FeedbackScale scale, Optional<AccountId> account, Instant from, Instant to) {
    Instant f = up(from);
    Instant t = up(to);
    return feedback.values().stream().filter(x -> x.scale() == scale)
        .filter(x -> account.isEmpty() || account.get().equals(x.accountId()))
        .filter(x -> !x.answeredAt().isBefore(f) && x.answeredAt().isBefore(t)).toList();
  }

  /** One generated input over the commands and queries of service cases and feedback. */
  private Input serviceInput(Crm c) {
    return switch (v.nextInt(12)) {
      case 0 -> in("cases.open", () -> c.cases().open(newCase()));
      case 1 -> { CaseId id = caseId(); yield in("cases.get/find " + id, () -> {
        assertThat(c.cases().find(id)).isEqualTo(Optional.ofNullable(cases.get(id)));
        return same(c.cases().get(id), cases);
      }); }
      case 2 -> { CaseId id = caseId(); CaseStatus s = v.chance(95) ? v.pick(List.of(CaseStatus.values())) : null;
        yield in("cases.changeStatus " + id + " " + s, () -> c.cases().changeStatus(id, s)); }
      case 3 -> { CaseId id = caseId(); String r = v.chance(10) ? "r".repeat(Limits.CASE_RESOLUTION + v.nextInt(2)) : v.text(Limits.CASE_RESOLUTION);
        yield in("cases.resolve " + show(r), () -> c.cases().resolve(id, r)); }
      case 4 -> { CaseId id = caseId(); yield in("cases.assign/changePriority/recordFirstResponse " + id, () -> switch (v.nextInt(3)) {
        case 0 -> c.cases().assign(id, v.chance(50) ? "ann" : v.text(Limits.TEXT));
        case 1 -> c.cases().changePriority(id, v.chance(95) ? v.pick(List.of(CasePriority.values())) : null);
        default -> c.cases().recordFirstResponse(id);
      }); }
      case 5 -> in("cases.query", () -> {
        CaseQuery q = CaseQuery.allOpen();
        if (v.chance(40)) {
          q = q.withOwner(v.chance(60) ? "ann" : v.text(Limits.TEXT));
        }
        if (v.chance(40)) {
          q = q.withPriorities(EnumSet.of(v.pick(List.of(CasePriority.values()))));
        }
        CaseQuery query = q;
        Page<ServiceCase> p = c.cases().query(query, page(ids(cases)));
        assertThat(p.items()).allMatch(query::matches).allMatch(x -> x.equals(cases.get(x.id())));
        assertThat(c.cases().count(query)).as("count").isEqualTo(cases.values().stream().filter(query::matches).count());
        return null;
      });
      case 6 -> { AccountId id = accountId(); yield in("cases.ofAccount " + id, () -> {
        Page<ServiceCase> p = c.cases().byAccount(id, page(ids(cases)));
        assertThat(p.items()).allMatch(x -> x.accountId().equals(id)).allMatch(x -> x.equals(cases.get(x.id())));
        assertThat(c.cases().countByAccount(id)).as("count").isEqualTo(cases.values().stream().filter(x -> x.accountId().equals(id)).count());
        return null;
      }); }
      case 7 -> { CaseId id = caseId(); long version = id == null || !cases.containsKey(id) ? 1 + v.nextInt(3)
          : cases.get(id).version() + (v.chance(50) ? 0 : v.pick(List.of(-1L, 1L)));
        yield in("cases.ifVersion(" + version + ").changeStatus", () -> c.cases().ifVersion(version).changeStatus(id, CaseStatus.IN_PROGRESS)); }
      case 8, 9 -> in("feedback.record", () -> c.feedback().record(newFeedback()));
      case 10 -> { Optional<AccountId> account = v.chance(50) ? Optional.ofNullable(accountId()) : Optional.empty();
        Instant from = v.chance(20) ? v.instant(clock.instant()) : Limits.EARLIEST_INSTANT.plusNanos(v.nextInt(2_000));
        Instant to = v.chance(20) ? v.instant(clock.instant()) : Limits.LATEST_INSTANT;
        yield in("feedback.nps/csat " + account + " " + from + " " + to, () -> {
          // both figures against the model's answers counted by hand (once the bounds were accepted)
          NpsResult n = account.isPresent() ? c.feedback().nps(account.get(), from, to) : c.feedback().nps(from, to);
          List<Feedback> nps = answers(FeedbackScale.NPS, account, from, to);
          List<Feedback> csat = answers(FeedbackScale.CSAT, account, from, to);
          long promoters = nps.stream().filter(x -> x.score() >= 9).count();
          long detractors = nps.stream().filter(x -> x.score() <= 6).count();
          assertThat(n).isEqualTo(new NpsResult(nps.size(), promoters, nps.size() - promoters - detractors, detractors));
          CsatResult s = account.isPresent() ? c.feedback().csat(account.get(), from, to) : c.feedback().csat(from, to);
          assertThat(s).isEqualTo(new CsatResult(csat.size(), csat.stream().filter(x -> x.score() >= 4).count(),
              csat.stream().mapToLong(Feedback::score).sum()));
          return null;
        }); }
      default -> { Optional<AccountId> account = v.chance(50) ? Optional.ofNullable(accountId()) : Optional.empty();
        Instant from = v.chance(20) ? v.instant(clock.instant()) : Limits.EARLIEST_INSTANT;
        yield in("feedback.detractors/get " + account, () -> {
          Page<Feedback> p = c.feedback().detractors(account, from, Limits.LATEST_INSTANT, page(ids(feedback)));
          assertThat(p.items()).allMatch(Feedback::isDetractor).allMatch(x -> x.equals(feedback.get(x.id())))
              .allMatch(x -> account.isEmpty() || x.accountId().equals(account.get()));
          FeedbackId one = v.chance(80) && !feedback.isEmpty() ? v.pick(new ArrayList<>(feedback.keySet()))
              : v.chance(50) ? FeedbackId.of(UUID.randomUUID()) : null;
          return same(c.feedback().get(one), feedback);
        }); }
    };
  }

  // ---- sales and payments

  /** A reference: mostly one of a few, so that repeats, updates and duplicates happen. */
  private String saleReference() {
    return v.chance(80) ? "INV-" + v.nextInt(60) : v.chance(50) ? v.text(Limits.TEXT) : v.chance(50) ? null : "r".repeat(Limits.TEXT + 1);
  }

  private String quantity() {
    return v.chance(85) ? v.pick(List.of("1", "2", "2.5", "0.000001", "12.345678", "999999999", "1e3", " 3 "))
        : v.pick(List.of("-1", "1000000000", "0", "0.0000001", "-0.5", "x", "1e-7"));
  }

  private String price(String currency) {
    if (v.chance(85)) {
      return "EUR".equals(currency) && v.chance(50) ? v.pick(List.of("5.00", "0.01", "19.99", "0.1"))
          : v.pick(List.of("1", "2", "19", "1000", "250", "999999"));
    }
    return v.chance(50) ? "0.125" : v.amount();
  }

  private NewSale newSale(boolean creditNote) {
    List<Sale> invoices = sales.values().stream().filter(x -> !x.content().isCreditNote()).toList();
    Sale corrected = creditNote && !invoices.isEmpty() && v.chance(90) ? v.pick(invoices) : null;
    AccountId account = corrected != null && v.chance(90) ? corrected.accountId() : accountId();
    String currency = corrected != null && v.chance(90) ? corrected.content().currency().getCurrencyCode()
        : v.chance(60) ? "EUR" : v.currency();
    LocalDate issued = v.chance(80) ? LocalDate.of(2024, 1, 1).plusDays(v.nextInt(500)) : v.date();
    NewSale.Builder b = creditNote
        ? NewSale.creditNote(saleReference(), corrected == null ? saleReference() : corrected.reference(), account, issued, currency)
        : NewSale.invoice(saleReference(), account, issued, currency);
    if (v.chance(70)) {
      b.dueInDays(v.chance(95) ? v.pick(List.of(0, 14, 30, 60)) : v.nextInt(5000) - 10);
    } else if (v.chance(30)) {
      b.dueOn(v.date());
    }
    for (int n = v.chance(5) ? 0 : 1 + v.nextInt(3); n > 0; n--) {
      String q = quantity();
      String quantity = creditNote && v.chance(90) && !q.startsWith("-") ? "-" + q.strip() : q;
      String code = v.chance(80) ? v.pick(List.of("PAPER", "TONER", "INK")) : v.code();
      if (v.chance(20) && quantity.strip().matches("-?[0-9.e]+")) {
        b.line(SaleLine.of(code, new java.math.BigDecimal(quantity.strip()),
            Money.of(price(currency), currency)).withUnitCost(Money.of(price(currency), currency)));
      } else {
        b.line(code, quantity, price(currency));
      }
    }
    return b.build();
  }

  private NewPayment newPayment() {
    List<Sale> invoices = sales.values().stream().filter(x -> !x.content().isCreditNote()).toList();
    Sale paid = !invoices.isEmpty() && v.chance(80) ? v.pick(invoices) : null;
    AccountId account = paid != null && v.chance(90) ? paid.accountId() : accountId();
    String currency = paid != null && v.chance(90) ? paid.content().currency().getCurrencyCode() : v.currency();
    String amount = v.chance(70) ? v.pick(List.of("1", "10.00", "0.01", "100", "5000")) : v.amount();
    LocalDate day = v.chance(80) ? LocalDate.of(2024, 1, 1).plusDays(v.nextInt(600)) : v.date();
    String reference = v.chance(80) ? "PAY-" + v.nextInt(60) : v.text(Limits.TEXT);
    if (paid == null || v.chance(10)) {
      return NewPayment.of(reference, account, Money.of(amount, currency), day);
    }
    String part = v.chance(80) ? v.pick(List.of("1", "0.01", "10.00", "100")) : v.amount();
    return NewPayment.of(reference, account, Money.of(amount, currency), day, paid.reference(), part);
  }

  /** One generated input over the commands and answers of sales. */
  /**
   * One analytics report over a generated period and filter: answered or refused with one of
   * Rapport's exceptions, never a store's (a report reads: the checkpoint sees the store unchanged).
   */
  private Input analyticsInput(Crm c) {
    return switch (v.nextInt(8)) {
      case 0 -> in("analytics.effectiveness", () -> c.analytics().effectiveness(period(), reportFilter()));
      case 1 -> in("analytics.funnel", () -> c.analytics().funnel(period(), reportFilter()));
      case 2 -> in("analytics.forecast", () -> c.analytics().forecast(period(), reportFilter()));
      case 3 -> in("analytics.segmentation", () -> c.analytics().segmentation(period()));
      case 4 -> in("analytics.trainScoring", () -> c.analytics().trainScoring()); // the epoch rarely has the history
      case 5 -> { LeadId id = leadId(); yield in("analytics.score " + id, () -> c.analytics().score(model(), id)); }
      case 6 -> { int batch = v.chance(90) ? 1 + v.nextInt(50) : v.pick(List.of(0, -1, 501, Integer.MAX_VALUE));
        yield in("analytics.rescoreLeads " + batch, () -> {
          dev.rapport.crm.analytics.Rescored r = c.analytics().rescoreLeads(model(), batch);
          // rescoring writes scores (LeadScoringContract checks which): take the leads as stored
          leads.replaceAll((id, l) -> storedLead(id).orElseThrow());
          return r;
        }); }
      default -> in("analytics.churnRisk", () -> c.analytics().churnRisk());
    };
  }

  /**
   * Duplicate detection over the storm's records: a look-up finds exactly the likely duplicates the
   * matcher sees among the expected records sharing a blocking key (so every key was stored as
   * computed, whatever the names and addresses), never the record itself; scans cover every record.
   */
  private Input duplicatesInput(Crm c) {
    dev.rapport.crm.dedupe.DuplicateMatcher m = c.duplicates().matcher();
    return switch (v.nextInt(9)) {
      case 6 -> { AccountId id = accountId(); yield in("duplicates.ofAccount " + id, () -> {
        List<AccountId> found = c.duplicates().ofAccount(id).stream().map(dev.rapport.crm.dedupe.DuplicateMatch::id).toList();
        Account a = accounts.get(id);
        String key = dev.rapport.crm.common.MatchKeys.companyKey(a.name());
        List<Account> candidates = accounts.values().stream()
            .filter(x -> (!key.isEmpty() && key.equals(dev.rapport.crm.common.MatchKeys.companyKey(x.name())))
                || (a.domain().isPresent() && a.domain().equals(x.domain()))).toList();
        List<AccountId> expected = candidates.stream().filter(x -> !x.id().equals(id))
            .filter(x -> m.compare(a, x).likelyDuplicate()).map(Account::id).toList();
        if (candidates.size() <= dev.rapport.crm.dedupe.DuplicateService.CANDIDATES) {
          assertThat(found).as("likely duplicates of %s", a).containsExactlyInAnyOrderElementsOf(expected);
        } else { // the look-up judged only the first candidates in id order
          assertThat(expected).as("likely duplicates of %s", a).containsAll(found);
        }
        return null;
      }); }
      case 7 -> { String name = v.text(Limits.TEXT); String domain = v.chance(50) ? null : v.text(Limits.DOMAIN);
        yield in("duplicates.accountsLike " + show(name) + " " + show(domain), () -> {
          assertThat(c.duplicates().accountsLike(name, domain)).allMatch(x -> accounts.containsKey(x.id()));
          return null;
        }); }
      case 8 -> in("duplicates.scanAccounts", () -> {
        assertThat(c.duplicates().scanAccounts(n -> { })).allSatisfy(cl ->
            assertThat(cl.members()).hasSizeGreaterThan(1).allMatch(accounts::containsKey));
        return null;
      });
      case 0 -> { LeadId id = leadId(); yield in("duplicates.ofLead " + id, () -> {
        List<LeadId> found = c.duplicates().ofLead(id).stream().map(dev.rapport.crm.dedupe.DuplicateMatch::id).toList();
        Lead l = leads.get(id);
        dev.rapport.crm.common.MatchKeys k = dev.rapport.crm.common.MatchKeys.of(l.name(), l.email(), l.phone());
        List<LeadId> expected = leads.values().stream()
            .filter(x -> !x.id().equals(id) && sharesKey(k, dev.rapport.crm.common.MatchKeys.of(x.name(), x.email(), x.phone())))
            .filter(x -> m.likelyDuplicates(dev.rapport.crm.dedupe.MatchProfile.of(l), dev.rapport.crm.dedupe.MatchProfile.of(x)))
            .map(Lead::id).toList();
        if (candidatesLead(k) <= dev.rapport.crm.dedupe.DuplicateService.CANDIDATES) {
          assertThat(found).as("likely duplicates of %s", l).containsExactlyInAnyOrderElementsOf(expected);
        } else { // the look-up judged only the first candidates in id order
          assertThat(expected).as("likely duplicates of %s", l).containsAll(found);
        }
        return null;
      }); }
      case 1 -> { ContactId id = contactId(); yield in("duplicates.ofContact " + id, () -> {
        List<ContactId> found = c.duplicates().ofContact(id).stream().map(dev.rapport.crm.dedupe.DuplicateMatch::id).toList();
        Contact x0 = contacts.get(id);
        dev.rapport.crm.common.MatchKeys k = dev.rapport.crm.common.MatchKeys.of(x0.name(), x0.emails(), x0.phones());
        List<ContactId> expected = contacts.values().stream()
            .filter(x -> !x.id().equals(id) && sharesKey(k, dev.rapport.crm.common.MatchKeys.of(x.name(), x.emails(), x.phones())))
            .filter(x -> m.likelyDuplicates(dev.rapport.crm.dedupe.MatchProfile.of(x0), dev.rapport.crm.dedupe.MatchProfile.of(x)))
            .map(Contact::id).toList();
        if (candidatesContact(k) <= dev.rapport.crm.dedupe.DuplicateService.CANDIDATES) {
          assertThat(found).as("likely duplicates of %s", x0).containsExactlyInAnyOrderElementsOf(expected);
        } else { // the look-up judged only the first candidates in id order
          assertThat(expected).as("likely duplicates of %s", x0).containsAll(found);
        }
        return null;
      }); }
      case 2 -> { String given = v.chance(20) ? null : v.text(Limits.NAME_PART); String family = v.text(Limits.NAME_PART);
        String email = v.chance(50) ? v.email() : null;
        yield in("duplicates.leadsLike " + show(given) + " " + show(family) + " " + show(email), () -> {
          dev.rapport.crm.dedupe.MatchProfile p = dev.rapport.crm.dedupe.MatchProfile.person(given, family);
          p = email == null ? p : p.withEmail(email);
          assertThat(c.duplicates().leadsLike(p)).allMatch(x -> leads.containsKey(x.id()) && x.comparison().likelyDuplicate());
          return null;
        }); }
      case 3 -> { String family = v.text(Limits.NAME_PART); yield in("duplicates.contactsLike " + show(family), () -> {
        assertThat(c.duplicates().contactsLike(dev.rapport.crm.dedupe.MatchProfile.person(null, family)))
            .allMatch(x -> contacts.containsKey(x.id()));
        return null;
      }); }
      case 4 -> in("duplicates.scanLeads", () -> {
        List<Integer> progress = new ArrayList<>();
        assertThat(c.duplicates().scanLeads(progress::add)).allSatisfy(cl ->
            assertThat(cl.members()).hasSizeGreaterThan(1).allMatch(leads::containsKey));
        assertThat(progress).last().isEqualTo(leads.size());
        return null;
      });
      default -> in("duplicates.scanContacts", () -> {
        assertThat(c.duplicates().scanContacts(n -> { })).allSatisfy(cl ->
            assertThat(cl.members()).hasSizeGreaterThan(1).allMatch(contacts::containsKey));
        return null;
      });
    };
  }

  private long candidatesLead(dev.rapport.crm.common.MatchKeys k) {
    return leads.values().stream().filter(x -> sharesKey(k, dev.rapport.crm.common.MatchKeys.of(x.name(), x.email(), x.phone()))).count();
  }

  private long candidatesContact(dev.rapport.crm.common.MatchKeys k) {
    return contacts.values().stream().filter(x -> sharesKey(k, dev.rapport.crm.common.MatchKeys.of(x.name(), x.emails(), x.phones()))).count();
  }

  private static boolean sharesKey(dev.rapport.crm.common.MatchKeys wanted, dev.rapport.crm.common.MatchKeys stored) {
    return (wanted.email().isPresent() && wanted.email().equals(stored.email()))
        || (wanted.phone().isPresent() && wanted.phone().equals(stored.phone()))
        || wanted.nameLookups().contains(stored.name());
  }

  /** A scoring model trained on the epoch's leads (repeated up to the minimum), as a host may keep one. */
  private dev.rapport.crm.analytics.ScoringModel model() {
    List<Lead> some = new ArrayList<>();
    if (leads.isEmpty()) {
      throw new IllegalStateException("the storm's epoch has no lead left to train a model on");
    }
    while (some.size() < dev.rapport.crm.analytics.ScoringModel.MINIMUM) {
      some.addAll(leads.values());
    }
    int half = some.size() / 2;
    List<Lead> won = new ArrayList<>(some);
    java.util.Collections.rotate(won, half);
    return dev.rapport.crm.analytics.ScoringModel.train(won, some, clock.instant());
  }

  /** A period: mostly a few months around the storm's clock, sometimes any days, sometimes reversed. */
  private dev.rapport.crm.analytics.Period period() {
    java.time.LocalDate from = v.chance(70) ? java.time.LocalDate.of(2025, 1, 1).plusDays(v.nextInt(200)) : v.date();
    // a generated day may be anything LocalDate holds: add days only to one well inside the limits
    boolean near = from != null && from.isAfter(Limits.EARLIEST_DATE) && from.isBefore(Limits.LATEST_DATE.minusDays(200));
    java.time.LocalDate to = near && v.chance(80) ? from.plusDays(v.nextInt(120)) : v.date();
    return dev.rapport.crm.analytics.Period.of(from, to);
  }

  private dev.rapport.crm.analytics.ReportFilter reportFilter() {
    dev.rapport.crm.analytics.ReportFilter f = dev.rapport.crm.analytics.ReportFilter.all();
    if (v.chance(25)) {
      f = f.withOwner(v.chance(50) ? "ann" : v.text(Limits.TEXT));
    }
    if (v.chance(25)) {
      f = f.withSource(v.pick(List.of(LeadSource.WEBINAR, LeadSource.REFERRAL, LeadSource.OTHER)));
    }
    if (v.chance(15)) {
      f = f.withCampaign(campaignId());
    }
    return f;
  }

  private Input salesInput(Crm c) {
    return switch (v.nextInt(15)) {
      case 13 -> { Sale old = sales.isEmpty() || v.chance(10) ? null : v.pick(new ArrayList<>(sales.values()));
        long version = old == null ? 1 : old.version() + (v.chance(85) ? 0 : 1);
        yield in("sales.deleteSale " + (old == null ? "?" : old.reference()) + " at " + version, () -> {
          dev.rapport.crm.sales.SaleDeleted d = c.sales().deleteSale(old == null ? "INV-404" : old.reference(), version);
          assertThat(d.saleId()).isEqualTo(old.id());
          sales.remove(old.id()); // a credit note's invoice is due again: the checkpoint compares its balance
          return null;
        }); }
      case 14 -> { Payment old = payments.isEmpty() || v.chance(10) ? null : v.pick(new ArrayList<>(payments.values()));
        long version = old == null ? 1 : old.version() + (v.chance(85) ? 0 : 1);
        yield in("sales.deletePayment " + (old == null ? "?" : old.reference()) + " at " + version, () -> {
          dev.rapport.crm.sales.PaymentDeleted d = c.sales().deletePayment(old == null ? "PAY-404" : old.reference(), version);
          assertThat(d.paymentId()).isEqualTo(old.id());
          payments.remove(old.id());
          return null;
        }); }
      case 0, 1, 2 -> in("sales.record", () -> c.sales().record(newSale(false)).value());
      case 3 -> in("sales.record credit note", () -> c.sales().record(newSale(true)).value());
      case 4 -> { Sale old = sales.isEmpty() || v.chance(10) ? null : v.pick(new ArrayList<>(sales.values()));
        long version = old == null ? 1 : old.version() + (v.chance(80) ? 0 : v.pick(List.of(-1L, 1L)));
        yield in("sales.update " + (old == null ? "?" : old.reference()) + " at " + version, () -> {
          NewSale changed = newSale(old != null && old.content().isCreditNote());
          NewSale same = old == null ? changed : new NewSale(old.reference(), v.chance(90) ? old.accountId() : changed.accountId(),
              old.content().corrects(), changed.issuedOn(), changed.dueOn(), changed.currency(), changed.lines(), changed.total());
          Sale updated = c.sales().update(old == null ? "INV-404" : old.reference(), version, same);
          // a credit note changes its invoice's balance, which the checkpoint compares
          return updated;
        }); }
      case 5, 6 -> in("sales.recordPayment", () -> c.sales().recordPayment(newPayment()).value());
      case 7 -> { AccountId id = accountId(); yield in("sales.summary/creditHistory/byAccount " + id, () -> {
        c.sales().summary(id);
        c.sales().creditHistory(id);
        assertThat(c.sales().byAccount(id, PageRequest.first(1 + v.nextInt(50))).items())
            .allMatch(x -> x.accountId().equals(id)).allMatch(x -> x.equals(sales.get(x.id())));
        assertThat(c.sales().paymentsByAccount(id, PageRequest.first(1 + v.nextInt(50))).items())
            .allMatch(x -> x.content().accountId().equals(id)).allMatch(x -> x.equals(payments.get(x.id())));
        return null;
      }); }
      case 8 -> in("sales.reminders/latePayers/bestCustomers", () -> {
        c.sales().reminders(v.chance(90) ? v.nextInt(60) : v.nextInt(10_000) - 10);
        c.sales().latePayers();
        LocalDate from = v.chance(80) ? LocalDate.of(2024, 1, 1) : v.date();
        c.sales().bestCustomers(from, v.chance(80) ? LocalDate.of(2025, 12, 31) : v.date(),
            v.pick(List.of(CustomerRank.By.values())), v.chance(90) ? 10 : v.nextInt(2000) - 5);
        return null;
      });
      case 9 -> in("sales.remind", () -> {
        List<RepurchaseReminder> due = c.sales().reminders(400);
        return c.sales().remind(!due.isEmpty() && v.chance(70) ? v.pick(due) : new RepurchaseReminder(accountId(),
            v.chance(70) ? Optional.empty() : Optional.ofNullable(v.code()), v.date(), v.date(), v.nextInt(400) - 5,
            v.nextInt(800) - 400));
      });
      case 10 -> in("sales.refreshPayerClasses", () -> c.sales().refreshPayerClasses());
      case 11 -> { String ref = v.chance(60) && !payments.isEmpty() ? v.pick(new ArrayList<>(payments.values())).reference()
          : saleReference(); yield in("sales.payment " + show(ref), () -> same(c.sales().getPayment(ref), payments)); }
      default -> { String ref = saleReference(); yield in("sales.status/sale " + show(ref), () -> {
        c.sales().status(ref);
        return same(c.sales().get(ref), sales);
      }); }
    };
  }
}
