package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactMerge;
import dev.rapport.crm.contact.ContactMergePlan;
import dev.rapport.crm.contact.ContactMergeUndone;
import dev.rapport.crm.contact.ContactsMerged;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Merging contacts and accounts on the adapter: everything linked to a duplicate contact (activities, tasks, campaign
 * memberships, cases, feedback, opportunities, converted leads, timeline entries) moves to the
 * survivor in one command, the duplicate is gone and its id leads to the survivor; undo puts back
 * every record as it was (versions aside); refused merges (stale, unknown, another tenant's,
 * already merged) leave the store exactly as it was.
 */
public abstract class MergeContract extends ContractSupport {

  /** A duplicate with one of everything linked to it, and the survivor it goes into. */
  private record World(Account account, Contact survivor, Contact duplicate, Activity activity, Task task,
      ServiceCase serviceCase, Feedback feedback, Opportunity opportunity, Lead lead,
      Campaign onlyDuplicate, Campaign both) {}

  private World world() {
    Account account = crm.accounts().create(NewAccount.builder("Meyer Bau GmbH").build());
    Contact survivor = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .account(account.id()).email("k.meyer@meyer-bau.de").phone("+4930123456").build());
    clock.advance(Duration.ofMinutes(1));
    Contact duplicate = crm.contacts().create(NewContact.builder(PersonName.of("Kathy", "Meyer"))
        .account(account.id()).email("kathy@gmail.com").phone("+49 170 5555555").title("Managing director").owner("sam").build());
    ContactId d = duplicate.id();
    Activity activity = crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.contact(d), "Asked about the offer").build());
    Task task = crm.tasks().create(NewTask.builder(Links.contact(d), "Send the offer", START.plus(Duration.ofDays(2))).build());
    ServiceCase serviceCase = crm.cases().open(NewCase.builder(account.id(), "Cannot log in").contact(d).build());
    Feedback feedback = crm.feedback().record(NewFeedback.nps(account.id(), d, 9).build());
    Opportunity opportunity = crm.opportunities().open(account.id(),
        NewOpportunity.builder("Licence", Money.of("1200.00", "EUR")).primaryContact(d).build());
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Kathy", "Meyer"), LeadSource.WEBSITE_SIGNUP).build());
    crm.leads().changeStatus(lead.id(), dev.rapport.crm.lead.LeadStatus.QUALIFIED);
    lead = crm.leads().convert(lead.id(), Conversion.standard().toAccount(account.id()).toContact(d)).lead();
    Campaign onlyDuplicate = crm.campaigns().plan(NewCampaign.builder("Spring newsletter", Channel.NEWSLETTER,
        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31), Money.of("100.00", "EUR")).build());
    Campaign both = crm.campaigns().plan(NewCampaign.builder("Webinar", Channel.WEBINAR,
        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31), Money.of("100.00", "EUR")).build());
    crm.campaigns().addMembers(onlyDuplicate.id(), List.of(MemberId.contact(d)));
    crm.campaigns().addMembers(both.id(), List.of(MemberId.contact(d), MemberId.contact(survivor.id())));
    return new World(account, crm.contacts().get(survivor.id()), crm.contacts().get(d), activity, task,
        serviceCase, feedback, opportunity, lead, onlyDuplicate, both);
  }

  private List<CampaignMember> members(Campaign c) {
    return crm.campaigns().members(c.id(), PageRequest.first(50)).items();
  }

  @Test
  void aMergeMovesEveryLinkToTheSurvivorAndTheDuplicatesIdLeadsToIt() {
    World w = world();
    ContactId s = w.survivor().id();
    ContactId d = w.duplicate().id();
    events.clear();

    ContactMerge merge = crm.contacts().merge(ContactMergePlan.of(w.survivor(), List.of(w.duplicate())));

    Contact survivor = crm.contacts().get(s);
    assertThat(merge.survivor()).isEqualTo(survivor);
    assertThat(survivor.version()).isEqualTo(w.survivor().version() + 1);
    assertThat(survivor.name()).isEqualTo(PersonName.of("Katherine", "Meyer"));
    assertThat(survivor.emails()).extracting(e -> e.address()).containsExactly("k.meyer@meyer-bau.de", "kathy@gmail.com");
    assertThat(survivor.phones()).extracting(p -> p.e164()).containsExactly("+4930123456", "+491705555555");
    assertThat(survivor.title()).contains("Managing director");
    assertThat(survivor.owner()).contains("sam");
    assertThat(survivor.accountId()).contains(w.account().id());

    assertThat(crm.contacts().list(PageRequest.first(50)).items()).extracting(Contact::id).containsExactly(s);
    assertThat(crm.contacts().get(d)).isEqualTo(survivor);
    assertThat(crm.contacts().find(d)).contains(survivor);
    assertThat(crm.contacts().findByEmail("kathy@gmail.com")).extracting(Contact::id).containsExactly(s);
    assertThat(crm.contacts().mergeOf(d)).contains(merge);
    assertThat(crm.contacts().findMerge(merge.id())).contains(merge);
    assertThat(merge.merged()).containsExactly(w.duplicate());
    assertThat(merge.survivorBefore()).isEqualTo(w.survivor());

    assertThat(crm.activities().get(w.activity().id()).links().contact()).contains(s);
    assertThat(crm.tasks().get(w.task().id()).links().contact()).contains(s);
    assertThat(crm.cases().get(w.serviceCase().id()).contactId()).contains(s);
    assertThat(crm.feedback().get(w.feedback().id()).contactId()).isEqualTo(s);
    assertThat(crm.opportunities().get(w.opportunity().id()).primaryContact()).contains(s);
    assertThat(crm.leads().get(w.lead().id()).convertedTo().orElseThrow().contactId()).isEqualTo(s);
    assertThat(members(w.onlyDuplicate())).extracting(m -> m.member()).containsExactly(MemberId.contact(s));
    assertThat(members(w.both())).extracting(m -> m.member()).containsExactly(MemberId.contact(s));

    List<TimelineItem> timeline = crm.timeline().contact(s, PageRequest.first(100)).items();
    assertThat(timeline).anySatisfy(i -> assertThat(i.activity()).isPresent()
        .get().extracting(Activity::id).isEqualTo(w.activity().id()));
    assertThat(timeline.get(0).summary()).contains("Merged 1 duplicate into this contact");
    assertThat(events).filteredOn(e -> e instanceof ContactsMerged)
        .containsExactly(new ContactsMerged(tenant, merge.mergedAt(), merge.id(), s, List.of(d)));
  }

  @Test
  void undoPutsEveryRecordBackAsItWas() {
    World w = world();
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);
    clock.advance(Duration.ofMinutes(5));
    ContactMerge merge = crm.contacts().merge(ContactMergePlan.of(w.survivor().id(), List.of(w.duplicate().id())));
    clock.advance(Duration.ofMinutes(5));
    events.clear();

    ContactMerge undone = crm.contacts().undoMerge(merge.id());

    assertThat(undone.undoneAt()).contains(clock.instant());
    assertThat(crm.contacts().mergeOf(w.duplicate().id())).isEmpty();
    assertThat(crm.contacts().findMerge(merge.id())).contains(undone);
    StoreSnapshot after = StoreSnapshot.capture(persistence, tenant);
    assertThat(withoutVersions(after)).isEqualTo(withoutVersions(before));
    assertThat(after.timeline()).filteredOn(e -> e.event().isPresent() && e.event().get().contains("Merge"))
        .extracting(TimelineEntry::event).containsExactly(Optional.of("ContactsMerged"),
            Optional.of("ContactMergeUndone"), Optional.of("ContactMergeUndone"));
    assertThat(events).containsExactly(new ContactMergeUndone(tenant, clock.instant(), merge.id(),
        w.survivor().id(), List.of(w.duplicate().id())));

    assertThatThrownBy(() -> crm.contacts().undoMerge(merge.id())).isInstanceOf(IllegalTransitionException.class);
  }

  /** The snapshot with every version 1, the leads', contacts' and accounts' last change dropped and the merges' history left out. */
  private static StoreSnapshot withoutVersions(StoreSnapshot s) {
    return new StoreSnapshot(s.leads().stream().map(x -> new Lead(x.id(), x.tenantId(), 1, x.name(), x.email(), x.phone(),
            x.company(), x.title(), x.source(), x.sourceDetail(), x.status(), x.disqualificationReason(), x.signals(),
            x.temperature(), x.temperatureOverride(), x.owner(), x.score(), x.createdAt(), Instant.EPOCH, x.convertedTo(),
            x.campaign(), x.industry(), x.fields())).toList(),
        s.contacts().stream().map(x -> new Contact(x.id(), x.tenantId(), 1, x.name(), x.accountId(), x.emails(),
            x.phones(), x.title(), x.marketingConsent(), x.originLead(), x.owner(), x.createdAt(), Instant.EPOCH, x.fields())).toList(),
        s.accounts().stream().map(x -> new Account(x.id(), x.tenantId(), 1, x.name(), x.domain(), x.externalReference(),
            x.industry(), x.owner(), x.createdAt(), Instant.EPOCH, x.fields())).toList(),
        s.opportunities().stream().map(x -> versioned(x, 1)).toList(), s.campaigns(),
        s.campaignMembers().stream().map(x -> versioned(x, 1)).toList(),
        s.activities().stream().map(x -> versioned(x, 1)).toList(), s.tasks().stream().map(x -> versioned(x, 1)).toList(),
        s.timeline().stream().filter(e -> e.event().isEmpty() || !e.event().get().contains("Merge")).toList(),
        s.cases().stream().map(x -> versioned(x, 1)).toList(), s.feedback().stream().map(x -> versioned(x, 1)).toList(),
        s.sales().stream().map(x -> versioned(x, 1)).toList(), s.payments().stream().map(x -> versioned(x, 1)).toList(),
        s.payerClasses(), s.credit(), s.mails(), s.mailSuppressions(), s.customFields(), s.servicePolicy(), s.tiers());
  }

  @Test
  void undoIsRefusedOnceTheSurvivorChanged() {
    World w = world();
    ContactMerge merge = crm.contacts().merge(ContactMergePlan.of(w.survivor().id(), List.of(w.duplicate().id())));
    crm.contacts().addPhone(w.survivor().id(), "+4940111111");
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);

    assertThatThrownBy(() -> crm.contacts().undoMerge(merge.id())).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(before);
    assertThatThrownBy(() -> crm.contacts().undoMerge(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aStaleUnknownMergedOrForeignContactIsRefusedAndNothingChanges() {
    World w = world();
    Contact third = crm.contacts().create(NewContact.builder(PersonName.of("K.", "Meyer")).build());
    Crm other = crm(TenantId.of(tenant.value() + "-other"), persistence);
    Contact theirs = other.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer")).build());
    Contact stale = w.duplicate();
    crm.contacts().addEmail(stale.id(), "kathy.meyer@example.org");
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);
    StoreSnapshot theirsBefore = StoreSnapshot.capture(persistence, theirs.tenantId());

    assertThatThrownBy(() -> crm.contacts().merge(ContactMergePlan.of(w.survivor(), List.of(stale))))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm.contacts().merge(ContactMergePlan.of(w.survivor().id(), List.of(theirs.id()))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.contacts().merge(ContactMergePlan.of(theirs.id(), List.of(third.id()))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.contacts().merge(ContactMergePlan.of(w.survivor().id(), List.of(ContactId.of(UUID.randomUUID())))))
        .isInstanceOf(NotFoundException.class);
    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(before);
    assertThat(StoreSnapshot.capture(persistence, theirs.tenantId())).isEqualTo(theirsBefore);
    assertThat(crm.contacts().mergeOf(stale.id())).isEmpty();

    crm.contacts().merge(ContactMergePlan.of(w.survivor().id(), List.of(third.id())));
    StoreSnapshot merged = StoreSnapshot.capture(persistence, tenant);
    assertThatThrownBy(() -> crm.contacts().merge(ContactMergePlan.of(w.duplicate().id(), List.of(third.id()))))
        .isInstanceOf(NotFoundException.class);
    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(merged);
  }

  @Test
  void mergedIdsLeadThroughLaterMergesAndSeveralDuplicatesGoAtOnce() {
    Contact a = crm.contacts().create(NewContact.builder(PersonName.of("Jon", "Smith")).email("jon@example.org").build());
    Contact b = crm.contacts().create(NewContact.builder(PersonName.of("John", "Smith")).email("john@example.org").build());
    Contact c = crm.contacts().create(NewContact.builder(PersonName.of("J.", "Smith")).phone("+4930222222").build());
    Contact e = crm.contacts().create(NewContact.builder(PersonName.of("Johnny", "Smith")).build());

    crm.contacts().merge(ContactMergePlan.of(b.id(), List.of(a.id(), c.id())).taking(ContactMergePlan.Field.NAME, b.id()));
    ContactMerge last = crm.contacts().merge(ContactMergePlan.of(e.id(), List.of(b.id())));

    assertThat(crm.contacts().get(a.id()).id()).isEqualTo(e.id());
    assertThat(crm.contacts().get(c.id()).id()).isEqualTo(e.id());
    assertThat(crm.contacts().get(e.id()).emails()).extracting(x -> x.address())
        .containsExactly("john@example.org", "jon@example.org");
    assertThat(crm.contacts().get(e.id()).phones()).extracting(x -> x.e164()).containsExactly("+4930222222");
    assertThat(crm.contacts().list(PageRequest.first(10)).items()).extracting(Contact::id).containsExactly(e.id());
    assertThat(last.merged()).extracting(Contact::name).containsExactly(PersonName.of("John", "Smith"));
  }

  // ---- accounts

  /** A duplicate account with one of everything linked to it, and the survivor it goes into. */
  private record Accounts(Account survivor, Account duplicate, Contact person, Activity activity, Task task,
      ServiceCase serviceCase, Feedback feedback, Opportunity opportunity, Lead lead,
      dev.rapport.crm.sales.Sale sale, dev.rapport.crm.sales.Payment payment) {}

  private Accounts accounts(boolean survivorHasReference) {
    NewAccount.Builder acme = NewAccount.builder("ACME Inc.").domain("acme.example");
    Account survivor = crm.accounts().create((survivorHasReference ? acme.externalReference("K-9001") : acme).build());
    Account duplicate = crm.accounts().create(NewAccount.builder("ACME GmbH").externalReference("K-9002")
        .industry("Wholesale").build());
    dev.rapport.crm.common.AccountId d = duplicate.id();
    Contact person = crm.contacts().create(NewContact.builder(PersonName.of("Max", "Muster")).account(d).build());
    Activity activity = crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.account(d), "Visited").build());
    Task task = crm.tasks().create(NewTask.builder(Links.account(d), "Call back", START.plus(Duration.ofDays(1))).build());
    ServiceCase serviceCase = crm.cases().open(NewCase.builder(d, "Invoice wrong").contact(person.id()).build());
    Feedback feedback = crm.feedback().record(NewFeedback.nps(d, person.id(), 4).build());
    Opportunity opportunity = crm.opportunities().open(d, NewOpportunity.builder("Renewal", Money.of("900.00", "EUR")).build());
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Max", "Muster"), LeadSource.REFERRAL).build());
    crm.leads().changeStatus(lead.id(), dev.rapport.crm.lead.LeadStatus.QUALIFIED);
    lead = crm.leads().convert(lead.id(), Conversion.standard().toAccount(d).toContact(person.id())).lead();
    dev.rapport.crm.sales.Sale sale = crm.sales().record(dev.rapport.crm.sales.NewSale.invoice("INV-1", d,
        LocalDate.of(2025, 2, 1), "EUR").dueInDays(14).line("PAPER", "2", "50.00").build()).value();
    dev.rapport.crm.sales.Payment payment = crm.sales().recordPayment(dev.rapport.crm.sales.NewPayment.of("PAY-1", d,
        Money.of("100.00", "EUR"), LocalDate.of(2025, 2, 10), "INV-1", "100.00")).value();
    persistence.inUnitOfWork(tenant, uow -> {
      uow.port(dev.rapport.crm.sales.SalesRepository.class).savePayerClasses(
          java.util.Map.of(d, dev.rapport.crm.sales.PayerClass.ON_TIME));
      return null;
    });
    return new Accounts(crm.accounts().get(survivor.id()), crm.accounts().get(d), crm.contacts().get(person.id()),
        activity, task, serviceCase, feedback, opportunity, lead, sale, payment);
  }

  @Test
  void anAccountMergeMovesEveryLinkAndTheMergedReferenceLeadsToTheSurvivor() {
    Accounts w = accounts(true);
    dev.rapport.crm.common.AccountId s = w.survivor().id();
    dev.rapport.crm.common.AccountId d = w.duplicate().id();
    events.clear();

    dev.rapport.crm.contact.AccountMerge merge = crm.accounts().merge(
        dev.rapport.crm.contact.AccountMergePlan.of(w.survivor(), List.of(w.duplicate())));

    Account survivor = crm.accounts().get(s);
    assertThat(merge.survivor()).isEqualTo(survivor);
    assertThat(survivor.name()).isEqualTo("ACME Inc.");
    assertThat(survivor.externalReference()).contains("K-9001");
    assertThat(survivor.industry()).contains(Industry.WHOLESALE);
    assertThat(crm.accounts().get(d)).isEqualTo(survivor);
    assertThat(crm.accounts().findByExternalReference("K-9002")).contains(survivor);
    assertThat(crm.accounts().findByExternalReferences(List.of("K-9001", "K-9002", "K-9003")))
        .isEqualTo(java.util.Map.of("K-9001", survivor, "K-9002", survivor));
    assertThat(crm.accounts().list(PageRequest.first(10)).items()).extracting(Account::id).containsExactly(s);
    assertThat(crm.accounts().mergeOf(d)).contains(merge);

    assertThat(crm.contacts().get(w.person().id()).accountId()).contains(s);
    assertThat(crm.activities().get(w.activity().id()).links().account()).contains(s);
    assertThat(crm.tasks().get(w.task().id()).links().account()).contains(s);
    assertThat(crm.cases().get(w.serviceCase().id()).accountId()).isEqualTo(s);
    assertThat(crm.feedback().get(w.feedback().id()).accountId()).isEqualTo(s);
    assertThat(crm.opportunities().get(w.opportunity().id()).accountId()).isEqualTo(s);
    assertThat(crm.leads().get(w.lead().id()).convertedTo().orElseThrow().accountId()).isEqualTo(s);
    assertThat(crm.sales().get("INV-1").accountId()).isEqualTo(s);
    assertThat(crm.sales().getPayment("PAY-1").content().accountId()).isEqualTo(s);
    assertThat(crm.sales().byAccount(s, PageRequest.first(10)).items()).extracting(x -> x.content().reference())
        .containsExactly("INV-1");
    java.util.Map<dev.rapport.crm.common.AccountId, dev.rapport.crm.sales.PayerClass> classes =
        persistence.inUnitOfWork(tenant, uow -> uow.port(dev.rapport.crm.sales.SalesRepository.class).payerClasses());
    assertThat(classes).isEqualTo(java.util.Map.of(s, dev.rapport.crm.sales.PayerClass.ON_TIME));
    assertThat(crm.timeline().account(s, PageRequest.first(100)).items().get(0).summary())
        .contains("Merged 1 duplicate into this account");
    assertThat(events).filteredOn(e -> e instanceof dev.rapport.crm.contact.AccountsMerged).containsExactly(
        new dev.rapport.crm.contact.AccountsMerged(tenant, merge.mergedAt(), merge.id(), s, List.of(d)));
  }

  @Test
  void anAccountMergeUndoneLeavesEveryRecordAsItWasAndTheSurvivorGivesBackTheReferenceItTook() {
    Accounts w = accounts(false);
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);
    dev.rapport.crm.contact.AccountMerge merge = crm.accounts().merge(
        dev.rapport.crm.contact.AccountMergePlan.of(w.survivor().id(), List.of(w.duplicate().id())));
    assertThat(crm.accounts().get(w.survivor().id()).externalReference()).contains("K-9002");
    assertThat(crm.accounts().findByExternalReference("K-9002").orElseThrow().id()).isEqualTo(w.survivor().id());
    clock.advance(Duration.ofMinutes(5));

    crm.accounts().undoMerge(merge.id());

    StoreSnapshot after = StoreSnapshot.capture(persistence, tenant);
    assertThat(withoutVersions(after)).isEqualTo(withoutVersions(before));
    assertThat(crm.accounts().findByExternalReference("K-9002").orElseThrow().id()).isEqualTo(w.duplicate().id());
    assertThatThrownBy(() -> crm.accounts().undoMerge(merge.id())).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.contacts().undoMerge(merge.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aMergedReferenceTakenByANewAccountWinsTheLookUpAndRefusesTheUndo() {
    Accounts w = accounts(true);
    dev.rapport.crm.contact.AccountMerge merge = crm.accounts().merge(
        dev.rapport.crm.contact.AccountMergePlan.of(w.survivor().id(), List.of(w.duplicate().id())));
    Account newcomer = crm.accounts().create(NewAccount.builder("Another ACME").externalReference("K-9002").build());
    assertThat(crm.accounts().findByExternalReference("K-9002")).contains(newcomer);
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);

    assertThatThrownBy(() -> crm.accounts().undoMerge(merge.id()))
        .isInstanceOf(dev.rapport.crm.exception.DuplicateException.class);
    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(before);
    assertThat(crm.accounts().mergeOf(w.duplicate().id())).contains(merge);
  }

  @Test
  void aStaleOrUnknownAccountMergeIsRefusedAndNothingChanges() {
    Accounts w = accounts(true);
    crm.accounts().rename(w.duplicate().id(), "ACME Germany GmbH");
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);

    assertThatThrownBy(() -> crm.accounts().merge(dev.rapport.crm.contact.AccountMergePlan.of(w.survivor(),
        List.of(w.duplicate())))).isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm.accounts().merge(dev.rapport.crm.contact.AccountMergePlan.of(w.survivor().id(),
        List.of(dev.rapport.crm.common.AccountId.of(UUID.randomUUID()))))).isInstanceOf(NotFoundException.class);
    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(before);
    assertThat(crm.accounts().mergeOf(w.duplicate().id())).isEmpty();
  }

  // ---- leads

  @Test
  void aLeadMergeJoinsSignalsMovesLinksAndUndoPutsEverythingBack() {
    Lead survivor = crm.leads().capture(NewLead.builder(PersonName.of("Robert", "Smith"), LeadSource.WEBSITE_SIGNUP)
        .email("r.smith@example.org").build());
    crm.leads().recordSignal(survivor.id(), dev.rapport.crm.lead.SignalType.NEWSLETTER_SIGNUP);
    clock.advance(Duration.ofMinutes(1));
    Lead duplicate = crm.leads().capture(NewLead.builder(PersonName.of("Bob", "Smith"), LeadSource.REFERRAL)
        .phone("+4930123456").company("Smith & Co").build());
    crm.leads().recordSignal(duplicate.id(), dev.rapport.crm.lead.SignalType.WEBINAR_ATTENDED);
    dev.rapport.crm.common.LeadId d = duplicate.id();
    Activity activity = crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(d), "Met at the fair").build());
    Task task = crm.tasks().create(NewTask.builder(Links.lead(d), "Follow up", START.plus(Duration.ofDays(1))).build());
    Campaign onlyDuplicate = crm.campaigns().plan(NewCampaign.builder("Fair", Channel.TRADE_SHOW,
        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31), Money.of("100.00", "EUR")).build());
    Campaign both = crm.campaigns().plan(NewCampaign.builder("Mailing", Channel.NEWSLETTER,
        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31), Money.of("100.00", "EUR")).build());
    crm.campaigns().addMembers(onlyDuplicate.id(), List.of(MemberId.lead(d)));
    crm.campaigns().addMembers(both.id(), List.of(MemberId.lead(d), MemberId.lead(survivor.id())));
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);
    Lead s = crm.leads().get(survivor.id());
    events.clear();

    dev.rapport.crm.lead.LeadMerge merge = crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(s,
        List.of(crm.leads().get(d))));

    Lead merged = crm.leads().get(s.id());
    assertThat(merge.survivor()).isEqualTo(merged);
    assertThat(merged.name()).isEqualTo(PersonName.of("Robert", "Smith"));
    assertThat(merged.phone()).isPresent();
    assertThat(merged.company()).contains("Smith & Co");
    assertThat(merged.signals()).extracting(x -> x.type())
        .containsExactly(dev.rapport.crm.lead.SignalType.NEWSLETTER_SIGNUP, dev.rapport.crm.lead.SignalType.WEBINAR_ATTENDED);
    assertThat(crm.leads().get(d)).isEqualTo(merged);
    assertThat(crm.leads().mergeOf(d)).contains(merge);
    assertThat(crm.activities().get(activity.id()).links().lead()).contains(s.id());
    assertThat(crm.tasks().get(task.id()).links().lead()).contains(s.id());
    assertThat(members(onlyDuplicate)).extracting(m -> m.member()).containsExactly(MemberId.lead(s.id()));
    assertThat(members(both)).extracting(m -> m.member()).containsExactly(MemberId.lead(s.id()));
    assertThat(events).filteredOn(e -> e instanceof dev.rapport.crm.lead.LeadsMerged).hasSize(1);

    clock.advance(Duration.ofMinutes(5));
    crm.leads().undoMerge(merge.id());

    assertThat(withoutVersions(StoreSnapshot.capture(persistence, tenant))).isEqualTo(withoutVersions(before));
    assertThat(crm.leads().mergeOf(d)).isEmpty();
    assertThatThrownBy(() -> crm.leads().undoMerge(merge.id())).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aConvertedStaleOrUnknownLeadIsNotMergedAndNothingChanges() {
    Lead a = crm.leads().capture(NewLead.builder(PersonName.of("Ann", "Lee"), LeadSource.REFERRAL).build());
    Lead b = crm.leads().capture(NewLead.builder(PersonName.of("Anne", "Lee"), LeadSource.REFERRAL).build());
    Lead c = crm.leads().capture(NewLead.builder(PersonName.of("A.", "Lee"), LeadSource.REFERRAL).build());
    crm.leads().changeStatus(c.id(), dev.rapport.crm.lead.LeadStatus.QUALIFIED);
    crm.leads().convert(c.id(), Conversion.standard());
    crm.leads().assign(b.id(), "sam");
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);

    assertThatThrownBy(() -> crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(a.id(), List.of(c.id()))))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(a, List.of(b))))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(a.id(),
        List.of(dev.rapport.crm.common.LeadId.of(UUID.randomUUID()))))).isInstanceOf(NotFoundException.class);
    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(before);
  }
}
