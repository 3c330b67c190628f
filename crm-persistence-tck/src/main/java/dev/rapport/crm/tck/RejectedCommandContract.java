package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.Goals;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CampaignId;
import java.time.LocalDate;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TaskId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rejected command throws the exception that names its cause and leaves the store exactly
 * as it was (compared with a {@link StoreSnapshot}), and delivers no event.
 */
public abstract class RejectedCommandContract extends ContractSupport {

  /** The records the bad commands aim at. */
  static final class World {
    Crm crm;
    /** The same tenant under a policy that refuses likely duplicates. */
    Crm refusing;
    Crm strict;
    Campaign leadsCampaign;
    Lead fresh;
    Lead qualified;
    Lead converted;
    Lead disqualified;
    Account account;
    Account other;
    Contact contact;
    Opportunity open;
    Opportunity won;
    Campaign planned;
    Campaign active;
    Campaign completed;
    Campaign aborted;
    Task task;
    Task doneTask;
    Task cancelledTask;
  }

  private World world;

  @BeforeEach
  final void aWorld() {
    world = sharedWorld(this::build);
  }

  /** The world, in this test's tenant; every row leaves it as it was, so the table shares one. */
  private World build() {
    World w = new World();
    w.crm = crm;
    w.refusing = Crm.builder().persistence(persistence).tenant(tenant).clock(clock).listener(events::add)
        .duplicatePolicy(dev.rapport.crm.dedupe.DuplicatePolicy.refuse()).build();
    w.strict = Crm.builder().persistence(persistence).tenant(tenant).clock(clock).listener(events::add)
        .consentPolicy(dev.rapport.crm.campaign.ConsentPolicy.strict()).build();
    w.fresh = crm.leads().capture(NewLead.builder(PersonName.of("Fresh"), LeadSource.WEBINAR).email("fresh@a.example").build());
    Lead q = crm.leads().capture(NewLead.builder(PersonName.of("Qual"), LeadSource.WEBINAR).email("q@b.example").company("B Co").build());
    w.qualified = crm.leads().changeStatus(q.id(), LeadStatus.QUALIFIED);
    Lead c = crm.leads().capture(NewLead.builder(PersonName.of("Conv"), LeadSource.REFERRAL).build());
    crm.leads().changeStatus(c.id(), LeadStatus.QUALIFIED);
    w.converted = crm.leads().convert(c.id(), Conversion.standard()).lead();
    Lead d = crm.leads().capture(NewLead.builder(PersonName.of("Disq"), LeadSource.OTHER).build());
    w.disqualified = crm.leads().disqualify(d.id(), "not a fit");
    w.account = crm.accounts().create(NewAccount.builder("Acme").externalReference("CUST-1").build());
    w.other = crm.accounts().create(NewAccount.builder("Other").externalReference("CUST-2").build());
    w.contact = crm.contacts().create(NewContact.builder(PersonName.of("Cont", "Act")).account(w.account.id()).build());
    w.open = crm.opportunities().open(w.account.id(), NewOpportunity.builder("Open", Money.of("10.00", "EUR")).build());
    Opportunity toWin = crm.opportunities().open(w.account.id(), NewOpportunity.builder("Won", Money.of("20.00", "EUR")).build());
    w.won = crm.opportunities().win(toWin.id());
    // campaigns in every status; the fresh lead is a member of the planned and the active one
    w.planned = crm.campaigns().plan(campaign("Planned"));
    crm.campaigns().addMembers(w.planned.id(), List.of(MemberId.lead(w.fresh.id())));
    Campaign a = crm.campaigns().plan(campaign("Active"));
    crm.campaigns().addMembers(a.id(), List.of(MemberId.lead(w.fresh.id())));
    w.active = crm.campaigns().start(a.id());
    w.completed = crm.campaigns().complete(crm.campaigns().start(crm.campaigns().plan(campaign("Done")).id()).id());
    w.aborted = crm.campaigns().abort(crm.campaigns().plan(campaign("Aborted")).id());
    w.leadsCampaign = crm.campaigns().plan(campaign("Brought leads"));
    crm.leads().capture(NewLead.builder(PersonName.of("Brought"), LeadSource.SOCIAL_ADS).campaign(w.leadsCampaign.id()).build());
    w.task = crm.tasks().create(NewTask.builder(Links.lead(w.fresh.id()), "Call", START).build());
    w.doneTask = crm.tasks().complete(crm.tasks().create(NewTask.builder(Links.account(w.account.id()), "Done", START).build()).id());
    w.cancelledTask = crm.tasks().cancel(crm.tasks().create(NewTask.builder(Links.contact(w.contact.id()), "Gone", START).build()).id());
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.contact(w.contact.id()), "Note").build());
    events.clear();
    return w;
  }

  private static Arguments bad(String name, Class<? extends CrmException> expected, Consumer<World> command) {
    return Arguments.of(name, expected, command);
  }

  private static NewCampaign campaign(String name) {
    return NewCampaign.builder(name, Channel.EMAIL, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
        Money.of("100.00", "EUR")).build();
  }

  private static CampaignId unknownCampaign() {
    return CampaignId.of(UUID.randomUUID());
  }

  private static LeadId unknownLead() {
    return LeadId.of(UUID.randomUUID());
  }

  static Stream<Arguments> badCommands() {
    String longText = "x".repeat(201);
    NewOpportunity deal = NewOpportunity.builder("Deal", Money.of("1.00", "EUR")).build();
    return Stream.of(
        // unknown ids
        bad("get unknown lead", NotFoundException.class, w -> w.crm.leads().get(unknownLead())),
        bad("duplicates of unknown lead", NotFoundException.class, w -> w.crm.duplicates().ofLead(unknownLead())),
        bad("duplicates of unknown contact", NotFoundException.class, w -> w.crm.duplicates().ofContact(ContactId.of(UUID.randomUUID()))),
        bad("capture a lead like a stored one where duplicates are refused", DuplicateException.class,
            w -> w.refusing.leads().capture(NewLead.builder(PersonName.of("FRESH"), LeadSource.REFERRAL).email("Fresh@A.example").build())),
        bad("capture a list holding a lead like a stored one where duplicates are refused", DuplicateException.class,
            w -> w.refusing.leads().captureAll(List.of(NewLead.builder(PersonName.of("New", "One"), LeadSource.REFERRAL).build(),
                NewLead.builder(PersonName.of("Fresh"), LeadSource.REFERRAL).email("fresh@a.example").build()))),
        bad("create contacts, one naming an unknown account", NotFoundException.class,
            w -> w.crm.contacts().createAll(List.of(NewContact.builder(PersonName.of("Fine")).build(),
                NewContact.builder(PersonName.of("Lost")).account(AccountId.of(UUID.randomUUID())).build()))),
        bad("create accounts, one with a taken reference", DuplicateException.class,
            w -> w.crm.accounts().createAll(List.of(NewAccount.builder("Fresh Ltd").build(),
                NewAccount.builder("Taken").externalReference("CUST-1").build()))),
        bad("create accounts giving one reference twice", DuplicateException.class,
            w -> w.crm.accounts().createAll(List.of(NewAccount.builder("One").externalReference("CUST-9").build(),
                NewAccount.builder("Two").externalReference("CUST-9").build()))),
        bad("duplicates of unknown account", NotFoundException.class, w -> w.crm.duplicates().ofAccount(AccountId.of(UUID.randomUUID()))),
        bad("create an account like a stored one where duplicates are refused", DuplicateException.class,
            w -> w.refusing.accounts().create(NewAccount.builder("ACME Inc.").build())),
        bad("create a contact like a stored one where duplicates are refused", DuplicateException.class,
            w -> w.refusing.contacts().create(NewContact.builder(PersonName.of("Cont", "Act")).account(w.account.id()).build())),
        bad("assign unknown lead", NotFoundException.class, w -> w.crm.leads().assign(unknownLead(), "ann")),
        bad("change status of unknown lead", NotFoundException.class, w -> w.crm.leads().changeStatus(unknownLead(), LeadStatus.CONTACTED)),
        bad("convert unknown lead", NotFoundException.class, w -> w.crm.leads().convert(unknownLead(), Conversion.standard())),
        bad("convert into unknown account", NotFoundException.class, w -> w.crm.leads().convert(w.qualified.id(), Conversion.standard().toAccount(AccountId.of(UUID.randomUUID())))),
        bad("convert into unknown contact", NotFoundException.class, w -> w.crm.leads().convert(w.qualified.id(), Conversion.standard().toContact(ContactId.of(UUID.randomUUID())))),
        bad("convert with opportunity naming unknown contact", NotFoundException.class, w -> w.crm.leads().convert(w.qualified.id(),
            Conversion.standard().withOpportunity(NewOpportunity.builder("D", Money.of("1", "EUR")).primaryContact(ContactId.of(UUID.randomUUID())).build()))),
        bad("rename unknown account", NotFoundException.class, w -> w.crm.accounts().rename(AccountId.of(UUID.randomUUID()), "X")),
        bad("link reference to unknown account", NotFoundException.class, w -> w.crm.accounts().linkExternalReference(AccountId.of(UUID.randomUUID()), "CUST-9")),
        bad("merge a contact with itself", dev.rapport.crm.exception.ValidationException.class,
            w -> w.crm.contacts().merge(dev.rapport.crm.contact.ContactMergePlan.of(w.contact.id(), List.of(w.contact.id())))),
        bad("merge an unknown (or another tenant's) contact", NotFoundException.class,
            w -> w.crm.contacts().merge(dev.rapport.crm.contact.ContactMergePlan.of(w.contact.id(), List.of(ContactId.of(UUID.randomUUID()))))),
        bad("merge into an unknown contact", NotFoundException.class,
            w -> w.crm.contacts().merge(dev.rapport.crm.contact.ContactMergePlan.of(ContactId.of(UUID.randomUUID()), List.of(w.contact.id())))),
        bad("merge contacts read at a stale version", dev.rapport.crm.exception.ConcurrentUpdateException.class,
            w -> w.crm.contacts().merge(dev.rapport.crm.contact.ContactMergePlan.of(versioned(w.contact, w.contact.version() + 1),
                List.of(w.crm.contacts().get(w.converted.convertedTo().orElseThrow().contactId()))))),
        bad("undo an unknown merge", NotFoundException.class, w -> w.crm.contacts().undoMerge(UUID.randomUUID())),
        bad("merge an account with itself", dev.rapport.crm.exception.ValidationException.class,
            w -> w.crm.accounts().merge(dev.rapport.crm.contact.AccountMergePlan.of(w.account.id(), List.of(w.account.id())))),
        bad("merge an unknown (or another tenant's) account", NotFoundException.class,
            w -> w.crm.accounts().merge(dev.rapport.crm.contact.AccountMergePlan.of(w.account.id(), List.of(AccountId.of(UUID.randomUUID()))))),
        bad("merge accounts read at a stale version", dev.rapport.crm.exception.ConcurrentUpdateException.class,
            w -> w.crm.accounts().merge(dev.rapport.crm.contact.AccountMergePlan.of(versioned(w.account, w.account.version() + 1),
                List.of(w.other)))),
        bad("undo an unknown merge of accounts", NotFoundException.class, w -> w.crm.accounts().undoMerge(UUID.randomUUID())),
        bad("merge a lead with itself", dev.rapport.crm.exception.ValidationException.class,
            w -> w.crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(w.fresh.id(), List.of(w.fresh.id())))),
        bad("merge a converted lead", dev.rapport.crm.exception.IllegalTransitionException.class,
            w -> w.crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(w.fresh.id(), List.of(w.converted.id())))),
        bad("merge an unknown lead", NotFoundException.class,
            w -> w.crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(w.fresh.id(), List.of(unknownLead())))),
        bad("merge leads read at a stale version", dev.rapport.crm.exception.ConcurrentUpdateException.class,
            w -> w.crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(versioned(w.fresh, w.fresh.version() + 1),
                List.of(w.qualified)))),
        bad("undo an unknown merge of leads", NotFoundException.class, w -> w.crm.leads().undoMerge(UUID.randomUUID())),
        bad("add email to unknown contact", NotFoundException.class, w -> w.crm.contacts().addEmail(ContactId.of(UUID.randomUUID()), "a@b.example")),
        bad("attach contact to unknown account", NotFoundException.class, w -> w.crm.contacts().attachToAccount(w.contact.id(), AccountId.of(UUID.randomUUID()))),
        bad("create contact of unknown account", NotFoundException.class, w -> w.crm.contacts().create(NewContact.builder(PersonName.of("N")).account(AccountId.of(UUID.randomUUID())).build())),
        bad("open opportunity for unknown account", NotFoundException.class, w -> w.crm.opportunities().open(AccountId.of(UUID.randomUUID()), deal)),
        bad("open opportunity with unknown contact", NotFoundException.class, w -> w.crm.opportunities().open(w.account.id(),
            NewOpportunity.builder("D", Money.of("1", "EUR")).primaryContact(ContactId.of(UUID.randomUUID())).build())),
        bad("win unknown opportunity", NotFoundException.class, w -> w.crm.opportunities().win(OpportunityId.of(UUID.randomUUID()))),
        // illegal moves
        bad("convert a new lead", IllegalTransitionException.class, w -> w.crm.leads().convert(w.fresh.id(), Conversion.standard())),
        bad("convert a converted lead", IllegalTransitionException.class, w -> w.crm.leads().convert(w.converted.id(), Conversion.standard())),
        bad("convert a disqualified lead", IllegalTransitionException.class, w -> w.crm.leads().convert(w.disqualified.id(), Conversion.standard())),
        bad("reopen a qualified lead", IllegalTransitionException.class, w -> w.crm.leads().reopen(w.qualified.id())),
        bad("move a disqualified lead", IllegalTransitionException.class, w -> w.crm.leads().changeStatus(w.disqualified.id(), LeadStatus.CONTACTED)),
        bad("disqualify a disqualified lead", IllegalTransitionException.class, w -> w.crm.leads().disqualify(w.disqualified.id(), "again")),
        bad("disqualify a converted lead", IllegalTransitionException.class, w -> w.crm.leads().disqualify(w.converted.id(), "late")),
        bad("score a converted lead", IllegalTransitionException.class, w -> w.crm.leads().score(w.converted.id(), 50)),
        bad("move a new lead back to new", IllegalTransitionException.class, w -> w.crm.leads().changeStatus(w.fresh.id(), LeadStatus.NEW)),
        bad("win a won opportunity", IllegalTransitionException.class, w -> w.crm.opportunities().win(w.won.id())),
        bad("lose a won opportunity", IllegalTransitionException.class, w -> w.crm.opportunities().lose(w.won.id(), LostReason.PRICE)),
        bad("move a won opportunity", IllegalTransitionException.class, w -> w.crm.opportunities().moveToStage(w.won.id(), "Proposal")),
        bad("reopen an open opportunity", IllegalTransitionException.class, w -> w.crm.opportunities().reopen(w.open.id(), "Proposal")),
        bad("change amount of a won opportunity", IllegalTransitionException.class, w -> w.crm.opportunities().changeAmount(w.won.id(), Money.of("5", "EUR"))),
        bad("override probability of a won opportunity", IllegalTransitionException.class, w -> w.crm.opportunities().overrideProbability(w.won.id(), 5)),
        // stale versions: the caller read a version that is no longer the stored one
        bad("assign a lead read at a stale version", ConcurrentUpdateException.class, w -> w.crm.leads().ifVersion(w.qualified.version() - 1).assign(w.qualified.id(), "ann")),
        bad("convert a lead read at a stale version", ConcurrentUpdateException.class, w -> w.crm.leads().ifVersion(w.qualified.version() - 1).convert(w.qualified.id(), Conversion.standard())),
        bad("update a lead read at a newer version", ConcurrentUpdateException.class, w -> w.crm.leads().ifVersion(w.fresh.version() + 1).score(w.fresh.id(), 5)),
        bad("rename an account read at a stale version", ConcurrentUpdateException.class, w -> w.crm.accounts().ifVersion(w.account.version() + 1).rename(w.account.id(), "New name")),
        bad("add email to a contact read at a stale version", ConcurrentUpdateException.class, w -> w.crm.contacts().ifVersion(w.contact.version() + 1).addEmail(w.contact.id(), "n@c.example")),
        bad("win an opportunity read at a stale version", ConcurrentUpdateException.class, w -> w.crm.opportunities().ifVersion(w.open.version() + 1).win(w.open.id())),
        bad("ask for version 0", ValidationException.class, w -> w.crm.leads().ifVersion(0)),
        bad("count leads without a query", ValidationException.class, w -> w.crm.leads().count(null)),
        bad("count the contacts of no account", ValidationException.class, w -> w.crm.contacts().countByAccount(null)),
        bad("count opportunities without a query", ValidationException.class, w -> w.crm.opportunities().count(null)),
        bad("count opportunities in a stage the pipeline lacks", ValidationException.class, w -> w.crm.opportunities().count(
            OpportunityQuery.all().withStages(Set.of("Negotiations")))),
        bad("count opportunities closing in a reversed range", ValidationException.class, w -> w.crm.opportunities().count(
            OpportunityQuery.all().withExpectedClose(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))),
        bad("query opportunities closing after the latest date", ValidationException.class, w -> w.crm.opportunities().query(
            OpportunityQuery.all().withExpectedClose(LocalDate.of(10_000, 1, 1), null), PageRequest.first(5))),
        bad("count opportunities of a null source", ValidationException.class, w -> w.crm.opportunities().count(
            OpportunityQuery.all().withSources(Collections.singleton(null)))),
        bad("count opportunities of 101 sources", ValidationException.class, w -> w.crm.opportunities().count(
            OpportunityQuery.all().withSources(IntStream.range(0, 101)
                .mapToObj(i -> LeadSource.of("s" + i)).collect(Collectors.toSet())))),
        // uniqueness
        bad("create account with a taken reference", DuplicateException.class, w -> w.crm.accounts().create(NewAccount.builder("Dup").externalReference("CUST-1").build())),
        bad("link a taken reference", DuplicateException.class, w -> w.crm.accounts().linkExternalReference(w.other.id(), "CUST-1")),
        // bad values
        bad("change status to converted", ValidationException.class, w -> w.crm.leads().changeStatus(w.qualified.id(), LeadStatus.CONVERTED)),
        bad("change status to disqualified", ValidationException.class, w -> w.crm.leads().changeStatus(w.fresh.id(), LeadStatus.DISQUALIFIED)),
        bad("change status to null", ValidationException.class, w -> w.crm.leads().changeStatus(w.fresh.id(), null)),
        bad("disqualify with blank reason", ValidationException.class, w -> w.crm.leads().disqualify(w.fresh.id(), "  ")),
        bad("score above 100", ValidationException.class, w -> w.crm.leads().score(w.fresh.id(), 101)),
        bad("score below 0", ValidationException.class, w -> w.crm.leads().score(w.fresh.id(), -1)),
        bad("assign blank owner", ValidationException.class, w -> w.crm.leads().assign(w.fresh.id(), "")),
        bad("assign too long owner", ValidationException.class, w -> w.crm.leads().assign(w.fresh.id(), longText)),
        bad("assign null lead id", ValidationException.class, w -> w.crm.leads().assign(null, "ann")),
        bad("convert with opportunity in a closed stage", ValidationException.class, w -> w.crm.leads().convert(w.qualified.id(),
            Conversion.standard().withOpportunity(NewOpportunity.builder("D", Money.of("1", "EUR")).stage("Closed Won").build()))),
        bad("open opportunity in unknown stage", ValidationException.class, w -> w.crm.opportunities().open(w.account.id(),
            NewOpportunity.builder("D", Money.of("1", "EUR")).stage("Nope").build())),
        bad("move to unknown stage", ValidationException.class, w -> w.crm.opportunities().moveToStage(w.open.id(), "Nope")),
        bad("move to won stage", ValidationException.class, w -> w.crm.opportunities().moveToStage(w.open.id(), "Closed Won")),
        bad("reopen in lost stage", ValidationException.class, w -> w.crm.opportunities().reopen(w.won.id(), "Closed Lost")),
        bad("probability above 100", ValidationException.class, w -> w.crm.opportunities().overrideProbability(w.open.id(), 101)),
        bad("negative amount", ValidationException.class, w -> w.crm.opportunities().changeAmount(w.open.id(),
            new Money(new BigDecimal("-1.00"), Currency.getInstance("EUR")))),
        bad("change amount to another currency", ValidationException.class, w -> w.crm.opportunities().changeAmount(w.open.id(), Money.of("10", "JPY"))),
        bad("name an account with NUL", ValidationException.class, w -> w.crm.accounts().rename(w.account.id(), "Acme\u0000")),
        bad("name an account with an unpaired surrogate", ValidationException.class, w -> w.crm.accounts().rename(w.account.id(), "Acme \uD800 GmbH")),
        bad("look up a lead by e-mail with NUL", ValidationException.class, w -> w.crm.leads().findByEmail("fresh@a.example\u0000")),
        bad("expect to close in year 10000", ValidationException.class, w -> w.crm.opportunities().expectCloseOn(w.open.id(), java.time.LocalDate.of(10_000, 1, 1))),
        bad("add invalid email", ValidationException.class, w -> w.crm.contacts().addEmail(w.contact.id(), "not-an-email")),
        bad("add invalid phone", ValidationException.class, w -> w.crm.contacts().addPhone(w.contact.id(), "12")),
        bad("rename account to blank", ValidationException.class, w -> w.crm.accounts().rename(w.account.id(), " ")),
        bad("link blank reference", ValidationException.class, w -> w.crm.accounts().linkExternalReference(w.account.id(), "")),
        bad("record consent without source", ValidationException.class, w -> w.crm.contacts().recordConsent(w.contact.id(), true, "")),
        // campaigns: unknown ids
        bad("start unknown campaign", NotFoundException.class, w -> w.crm.campaigns().start(unknownCampaign())),
        bad("results of unknown campaign", NotFoundException.class, w -> w.crm.campaigns().results(unknownCampaign())),
        bad("add members to unknown campaign", NotFoundException.class, w -> w.crm.campaigns().addMembers(unknownCampaign(), List.of(MemberId.lead(w.fresh.id())))),
        bad("add an unknown lead to a campaign", NotFoundException.class, w -> w.crm.campaigns().addMembers(w.active.id(),
            List.of(MemberId.lead(w.qualified.id()), MemberId.lead(unknownLead())))),
        bad("add an unknown contact to a campaign", NotFoundException.class, w -> w.crm.campaigns().addMembers(w.active.id(),
            List.of(MemberId.contact(w.contact.id()), MemberId.contact(ContactId.of(UUID.randomUUID()))))),
        bad("record a response of a non-member", NotFoundException.class, w -> w.crm.campaigns().recordResponse(w.active.id(),
            MemberId.lead(w.qualified.id()), ResponseStatus.CLICKED)),
        bad("capture a lead with an unknown campaign", NotFoundException.class, w -> w.crm.leads().capture(
            NewLead.builder(PersonName.of("X"), LeadSource.SOCIAL_ADS).campaign(unknownCampaign()).build())),
        bad("capture leads, one with an unknown campaign", NotFoundException.class, w -> w.crm.leads().captureAll(List.of(
            NewLead.builder(PersonName.of("X"), LeadSource.SOCIAL_ADS).campaign(w.active.id()).build(),
            NewLead.builder(PersonName.of("Y"), LeadSource.SOCIAL_ADS).campaign(unknownCampaign()).build()))),
        // mail
        bad("ingest no message", ValidationException.class, w -> w.crm.mail().ingest(null)),
        bad("ingest no list", ValidationException.class, w -> w.crm.mail().ingestAll(null)),
        bad("ingest a list holding null", ValidationException.class, w -> w.crm.mail().ingestAll(
            java.util.Arrays.asList(dev.rapport.crm.mail.MailMessage.builder("ok@x.example",
                dev.rapport.crm.mail.MailAddress.of("x@x.example"), java.time.Instant.parse("2025-03-03T09:00:00Z")).build(), null))),
        bad("ingest 1,001 messages at once", ValidationException.class, w -> w.crm.mail().ingestAll(
            java.util.Collections.nCopies(dev.rapport.crm.mail.MailService.MAX_BATCH + 1,
                dev.rapport.crm.mail.MailMessage.builder("ok@x.example", dev.rapport.crm.mail.MailAddress.of("x@x.example"),
                    java.time.Instant.parse("2025-03-03T09:00:00Z")).build()))),
        bad("the thread of an unknown message", NotFoundException.class, w -> w.crm.mail().thread(
            dev.rapport.crm.common.MailId.of(java.util.UUID.randomUUID()), dev.rapport.crm.common.PageRequest.first(5))),
        bad("an unknown logged message", NotFoundException.class, w -> w.crm.mail().get(
            dev.rapport.crm.common.MailId.of(java.util.UUID.randomUUID()))),
        bad("find a message by a malformed id", ValidationException.class, w -> w.crm.mail().find("two words")),
        bad("delete a converted lead", IllegalTransitionException.class, w -> w.crm.leads().delete(w.converted.id())),
        bad("delete an unknown lead", NotFoundException.class, w -> w.crm.leads().delete(LeadId.of(UUID.randomUUID()))),
        bad("delete a lead read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.leads().ifVersion(w.fresh.version() + 1).delete(w.fresh.id())),
        bad("delete no lead", ValidationException.class, w -> w.crm.leads().delete(null)),
        bad("erase an unknown lead", NotFoundException.class,
            w -> w.crm.privacy().erase(dev.rapport.crm.privacy.Person.lead(LeadId.of(UUID.randomUUID())))),
        bad("erase a person nobody holds", NotFoundException.class,
            w -> w.crm.privacy().erase(dev.rapport.crm.privacy.Person.withEmail("nobody@nowhere.example"))),
        bad("erase nobody", ValidationException.class, w -> w.crm.privacy().erase(null)),
        bad("export an unknown contact", NotFoundException.class,
            w -> w.crm.privacy().export(dev.rapport.crm.privacy.Person.contact(ContactId.of(UUID.randomUUID())))),
        bad("erase a person by a malformed address", ValidationException.class,
            w -> w.crm.privacy().erase(dev.rapport.crm.privacy.Person.withEmail("not an address"))),
        bad("apply no retention", ValidationException.class, w -> w.crm.privacy().applyRetention(null)),
        bad("retention of no time", ValidationException.class, w -> w.crm.privacy().applyRetention(
            dev.rapport.crm.privacy.Retention.leadsUntouchedFor(java.time.Period.ZERO))),
        bad("allow back a malformed address", ValidationException.class, w -> w.crm.privacy().allowReturn("x@")),
        bad("ask when no address was erased", ValidationException.class, w -> w.crm.privacy().erasedOn(null)),
        bad("delete an account contacts and opportunities name", IllegalTransitionException.class,
            w -> w.crm.accounts().delete(w.account.id())),
        bad("delete an unknown account", NotFoundException.class, w -> w.crm.accounts().delete(AccountId.of(UUID.randomUUID()))),
        bad("delete an account read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.accounts().ifVersion(w.other.version() + 1).delete(w.other.id())),
        bad("delete no account", ValidationException.class, w -> w.crm.accounts().delete(null)),
        bad("delete an unknown contact", NotFoundException.class, w -> w.crm.contacts().delete(ContactId.of(UUID.randomUUID()))),
        bad("delete a contact read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.contacts().ifVersion(w.contact.version() + 1).delete(w.contact.id())),
        bad("delete no contact", ValidationException.class, w -> w.crm.contacts().delete(null)),
        bad("delete an unknown opportunity", NotFoundException.class,
            w -> w.crm.opportunities().delete(OpportunityId.of(UUID.randomUUID()))),
        bad("delete an opportunity read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.opportunities().ifVersion(w.won.version() + 1).delete(w.won.id())),
        bad("delete no opportunity", ValidationException.class, w -> w.crm.opportunities().delete(null)),
        bad("delete a campaign leads were captured with", IllegalTransitionException.class,
            w -> w.crm.campaigns().delete(w.leadsCampaign.id())),
        bad("delete an unknown campaign", NotFoundException.class, w -> w.crm.campaigns().delete(unknownCampaign())),
        bad("delete a campaign read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.campaigns().ifVersion(w.planned.version() + 1).delete(w.planned.id())),
        bad("take a member off a completed campaign", IllegalTransitionException.class,
            w -> w.crm.campaigns().removeMember(w.completed.id(), MemberId.lead(w.fresh.id()))),
        bad("take off someone who is not a member", NotFoundException.class,
            w -> w.crm.campaigns().removeMember(w.active.id(), MemberId.lead(w.qualified.id()))),
        bad("delete an unknown activity", NotFoundException.class,
            w -> w.crm.activities().delete(dev.rapport.crm.common.ActivityId.of(UUID.randomUUID()))),
        bad("delete an unknown task", NotFoundException.class,
            w -> w.crm.tasks().delete(dev.rapport.crm.common.TaskId.of(UUID.randomUUID()))),
        bad("delete a task read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.tasks().ifVersion(w.task.version() + 1).delete(w.task.id())),
        bad("add a contact without consent to an e-mail campaign under a strict consent policy", ValidationException.class,
            w -> w.strict.campaigns().addMembers(w.active.id(), List.of(MemberId.contact(w.contact.id())))),
        bad("add a lead to an e-mail campaign under a strict consent policy", ValidationException.class,
            w -> w.strict.campaigns().addMembers(w.active.id(), List.of(MemberId.lead(w.qualified.id())))),
        bad("send a campaign without a mail transport", ValidationException.class, w -> w.crm.mail().sendCampaign(w.active.id(),
            dev.rapport.crm.mail.CampaignMail.of(dev.rapport.crm.mail.MailAddress.of("x@x.example"), "News", "Text"))),
        bad("send no campaign mail", ValidationException.class, w -> w.crm.mail().sendCampaign(w.active.id(), null)),
        bad("unsubscribe without an unsubscribe link configured", ValidationException.class,
            w -> w.crm.mail().unsubscribe("AAAA")),
        bad("the suppression of no address", ValidationException.class, w -> w.crm.mail().suppression(null)),
        bad("a page of suppressions without a page", ValidationException.class, w -> w.crm.mail().suppressions(null)),
        bad("ingest a bounce naming a malformed address", ValidationException.class, w -> w.crm.mail().ingest(
            dev.rapport.crm.mail.MailMessage.builder("b@x.example", dev.rapport.crm.mail.MailAddress.of("x@x.example"),
                java.time.Instant.parse("2025-03-03T09:00:00Z")).failedRecipient(
                    dev.rapport.crm.common.EmailAddress.of("no address")).build())),
        // campaigns: illegal moves
        bad("complete a planned campaign", IllegalTransitionException.class, w -> w.crm.campaigns().complete(w.planned.id())),
        bad("start an active campaign", IllegalTransitionException.class, w -> w.crm.campaigns().start(w.active.id())),
        bad("abort a completed campaign", IllegalTransitionException.class, w -> w.crm.campaigns().abort(w.completed.id())),
        bad("start an aborted campaign", IllegalTransitionException.class, w -> w.crm.campaigns().start(w.aborted.id())),
        bad("add members to a completed campaign", IllegalTransitionException.class, w -> w.crm.campaigns().addMembers(w.completed.id(),
            List.of(MemberId.lead(w.qualified.id())))),
        bad("add members to an aborted campaign", IllegalTransitionException.class, w -> w.crm.campaigns().addMembers(w.aborted.id(),
            List.of(MemberId.lead(w.qualified.id())))),
        bad("record a response on a planned campaign", IllegalTransitionException.class, w -> w.crm.campaigns().recordResponse(w.planned.id(),
            MemberId.lead(w.fresh.id()), ResponseStatus.CLICKED)),
        bad("record the cost of an aborted campaign", IllegalTransitionException.class, w -> w.crm.campaigns().recordActualCost(w.aborted.id(),
            Money.of("1.00", "EUR"))),
        bad("change the goals of an aborted campaign", IllegalTransitionException.class, w -> w.crm.campaigns().changeGoals(w.aborted.id(), Goals.NONE)),
        // campaigns: stale version
        bad("start a campaign read at a stale version", ConcurrentUpdateException.class, w -> w.crm.campaigns().ifVersion(w.planned.version() + 1).start(w.planned.id())),
        // campaigns: bad values
        bad("record a cost in another currency", ValidationException.class, w -> w.crm.campaigns().recordActualCost(w.active.id(), Money.of("1", "USD"))),
        bad("record a negative cost", ValidationException.class, w -> w.crm.campaigns().recordActualCost(w.active.id(),
            new Money(new BigDecimal("-1.00"), Currency.getInstance("EUR")))),
        bad("set a revenue goal in another currency", ValidationException.class, w -> w.crm.campaigns().changeGoals(w.active.id(),
            Goals.of(1, 1, Money.of("1", "USD")))),
        bad("set a negative lead goal", ValidationException.class, w -> w.crm.campaigns().changeGoals(w.active.id(),
            Goals.of(-1, 1, Money.of("1", "EUR")))),
        bad("add more people than one command takes", ValidationException.class, w -> w.crm.campaigns().addMembers(w.active.id(),
            java.util.Collections.nCopies(10_001, MemberId.lead(w.qualified.id())))),
        bad("add a null member", ValidationException.class, w -> w.crm.campaigns().addMembers(w.active.id(),
            java.util.Arrays.asList(MemberId.lead(w.qualified.id()), null))),
        bad("record a response in the year 10000", ValidationException.class, w -> w.crm.campaigns().recordResponse(w.active.id(),
            MemberId.lead(w.fresh.id()), ResponseStatus.CLICKED, java.time.Instant.parse("+10000-01-01T00:00:00Z"))),
        bad("record a response from the future", ValidationException.class, w -> w.crm.campaigns().recordResponse(w.active.id(),
            MemberId.lead(w.fresh.id()), ResponseStatus.CLICKED, START.plusSeconds(1))),
        bad("complete a task before it was created", ValidationException.class, w -> w.crm.tasks().complete(w.task.id(),
            w.task.createdAt().minusSeconds(1))),
        bad("complete a task in 1900", ValidationException.class, w -> w.crm.tasks().complete(w.task.id(), Limits.EARLIEST_INSTANT)),
        bad("record a null response status", ValidationException.class, w -> w.crm.campaigns().recordResponse(w.active.id(),
            MemberId.lead(w.fresh.id()), null)),
        bad("plan a campaign ending before it starts", ValidationException.class, w -> w.crm.campaigns().plan(NewCampaign.builder("X",
            Channel.EMAIL, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31), Money.of("1", "EUR")).build())),
        bad("plan a campaign with a blank name", ValidationException.class, w -> w.crm.campaigns().plan(NewCampaign.builder(" ",
            Channel.EMAIL, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), Money.of("1", "EUR")).build())),
        bad("plan a campaign with a malformed channel", ValidationException.class, w -> w.crm.campaigns().plan(NewCampaign.builder("X",
            Channel.of("facebook ads"), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), Money.of("1", "EUR")).build())),
        bad("plan a campaign with a negative budget", ValidationException.class, w -> w.crm.campaigns().plan(NewCampaign.builder("X",
            Channel.EMAIL, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), new Money(new BigDecimal("-5.00"), Currency.getInstance("EUR"))).build())),
        // activities, tasks, timelines
        bad("log activity on unknown lead", NotFoundException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(unknownLead()), "n").build())),
        bad("log activity on known lead and unknown contact", NotFoundException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.MEETING,
            Links.lead(w.fresh.id()).andContact(ContactId.of(UUID.randomUUID())), "n").build())),
        bad("log activity on unknown account", NotFoundException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.account(AccountId.of(UUID.randomUUID())), "n").build())),
        bad("log inbound call on lead and unknown opportunity", NotFoundException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.CALL,
            Links.lead(w.fresh.id()).andOpportunity(OpportunityId.of(UUID.randomUUID())), "n").direction(Direction.INBOUND).build())),
        bad("create task on unknown opportunity", NotFoundException.class, w -> w.crm.tasks().create(NewTask.builder(Links.opportunity(OpportunityId.of(UUID.randomUUID())), "t", START).build())),
        bad("get unknown activity", NotFoundException.class, w -> w.crm.activities().get(ActivityId.of(UUID.randomUUID()))),
        bad("complete unknown task", NotFoundException.class, w -> w.crm.tasks().complete(TaskId.of(UUID.randomUUID()))),
        bad("timeline of unknown contact", NotFoundException.class, w -> w.crm.timeline().contact(ContactId.of(UUID.randomUUID()), PageRequest.first(10))),
        bad("timeline after unknown cursor", NotFoundException.class, w -> w.crm.timeline().lead(w.fresh.id(), PageRequest.after(UUID.randomUUID().toString(), 10))),
        bad("complete a cancelled task", IllegalTransitionException.class, w -> w.crm.tasks().complete(w.cancelledTask.id())),
        bad("cancel a done task", IllegalTransitionException.class, w -> w.crm.tasks().cancel(w.doneTask.id())),
        bad("reschedule a done task", IllegalTransitionException.class, w -> w.crm.tasks().reschedule(w.doneTask.id(), START, null)),
        bad("handle the reminder of a task without one", IllegalTransitionException.class, w -> w.crm.tasks().reminderHandled(w.task.id())),
        bad("complete a task read at a stale version", ConcurrentUpdateException.class, w -> w.crm.tasks().ifVersion(w.task.version() + 1).complete(w.task.id())),
        bad("log a call without direction", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(w.fresh.id()), "c").build())),
        bad("log a note with a direction", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(w.fresh.id()), "c").direction(Direction.INBOUND).build())),
        bad("log a body over the limit", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(w.fresh.id()), "c")
            .body("b".repeat(Limits.ACTIVITY_BODY + 1)).build())),
        bad("log a negative duration", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(w.fresh.id()), "c").duration(Duration.ofSeconds(-1)).build())),
        bad("log a duration over the limit", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(w.fresh.id()), "c").duration(Limits.ACTIVITY_DURATION.plusSeconds(1)).build())),
        bad("log a duration with a fraction of a second", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(w.fresh.id()), "c").duration(Duration.ofMillis(1500)).build())),
        bad("log an activity in the year 10000", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(w.fresh.id()), "c")
            .occurredAt(Instant.parse("+10000-01-01T00:00:00Z")).build())),
        bad("log an activity linked to nothing", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.NOTE,
            new Links(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), "c").build())),
        bad("log an activity of a malformed type", ValidationException.class, w -> w.crm.activities().log(NewActivity.builder(ActivityType.of("two words"), Links.lead(w.fresh.id()), "c").build())),
        bad("create a task with NUL in its subject", ValidationException.class, w -> w.crm.tasks().create(NewTask.builder(Links.lead(w.fresh.id()), "a\u0000b", START).build())),
        bad("create a task without a due time", ValidationException.class, w -> w.crm.tasks().create(NewTask.builder(Links.lead(w.fresh.id()), "t", null).build())),
        bad("complete a task in the future", ValidationException.class, w -> w.crm.tasks().complete(w.task.id(), START.plusSeconds(1))),
        bad("list the tasks of a blank owner", ValidationException.class, w -> w.crm.tasks().dueBy(" ", START, PageRequest.first(10))),
        bad("count the tasks of a blank owner", ValidationException.class, w -> w.crm.tasks().countDueBy(" ", START)),
        bad("count the tasks due by no time", ValidationException.class, w -> w.crm.tasks().countDueBy("ann", null)));
  }

  /** The rows refused by what the store holds (unknown ids, stale versions, duplicates): every adapter. */
  static Stream<Arguments> storeRefusals() {
    return byWhoRefuses(badCommands(), true);
  }

  /** The rows refused by the core's own rules (values, lifecycles): tagged {@value #CORE_RULES}. */
  static Stream<Arguments> coreRefusals() {
    return byWhoRefuses(badCommands(), false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storeRefusals")
  public void aCommandRefusedByWhatTheStoreHoldsThrowsItsExceptionAndLeavesTheStoreExactlyAsBefore(String name,
      Class<? extends CrmException> expected, Consumer<World> command) {
    refused(expected, command);
  }

  @Tag(CORE_RULES)
  @ParameterizedTest(name = "{0}")
  @MethodSource("coreRefusals")
  public void aCommandTheCoreRefusesThrowsItsExceptionAndLeavesTheStoreExactlyAsBefore(String name,
      Class<? extends CrmException> expected, Consumer<World> command) {
    refused(expected, command);
  }

  private void refused(Class<? extends CrmException> expected, Consumer<World> command) {
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> command.accept(world)).isInstanceOf(expected);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void aCommandAtTheCurrentVersionPasses() {
    Crm own = crm(freshTenant(), persistence); // the table's shared world stays as the rows found it
    Lead qualified = own.leads().changeStatus(own.leads().capture(NewLead.builder(PersonName.of("Qual"),
        LeadSource.WEBINAR).build()).id(), LeadStatus.QUALIFIED);
    Lead assigned = own.leads().ifVersion(qualified.version()).assign(qualified.id(), "ann");
    assertThat(assigned.version()).isEqualTo(qualified.version() + 1);
    assertThat(assigned.owner()).contains("ann");
  }

  @Test
  public void theWorldOfTheBadCommandsIsWhatTheyAimAt() {
    StoreSnapshot s = snapshot();
    assertThat(s.leads()).hasSize(5); // and one captured with the campaign that brought it
    assertThat(s.accounts()).hasSize(3); // two named, one from the conversion
    assertThat(s.opportunities()).hasSize(2);
    assertThat(s.campaigns()).extracting(c -> c.status()).containsExactly(dev.rapport.crm.campaign.CampaignStatus.PLANNED,
        dev.rapport.crm.campaign.CampaignStatus.ACTIVE, dev.rapport.crm.campaign.CampaignStatus.COMPLETED,
        dev.rapport.crm.campaign.CampaignStatus.ABORTED, dev.rapport.crm.campaign.CampaignStatus.PLANNED);
    assertThat(s.campaignMembers()).hasSize(2);
    assertThat(world.converted.status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(world.qualified.version()).isEqualTo(2); // captured, then qualified: a stale version 1 exists
  }

  @Tag(CORE_RULES)
  @Test
  public void randomlyGeneratedOutOfRangeValuesAreRejectedAndChangeNothing() {
    Random random = new Random(20250303);
    StoreSnapshot before = snapshot();
    for (int i = 0; i < 200; i++) {
      int outside = random.nextBoolean() ? 101 + random.nextInt(Integer.MAX_VALUE - 101) : -1 - random.nextInt(Integer.MAX_VALUE);
      String text = random.nextBoolean() ? " ".repeat(random.nextInt(5)) : "y".repeat(201 + random.nextInt(300));
      List<Runnable> commands = List.of(
          () -> crm.leads().score(world.fresh.id(), outside),
          () -> crm.opportunities().overrideProbability(world.open.id(), outside),
          () -> crm.leads().assign(world.qualified.id(), text),
          () -> crm.leads().disqualify(world.fresh.id(), text),
          () -> crm.accounts().rename(world.account.id(), text));
      Runnable command = commands.get(random.nextInt(commands.size()));
      assertThatThrownBy(command::run).isInstanceOf(ValidationException.class);
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }
}
