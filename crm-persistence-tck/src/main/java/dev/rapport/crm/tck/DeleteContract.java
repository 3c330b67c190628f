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
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadDeleted;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Deleting a lead on the adapter: its timeline, the activities, tasks and logged messages that
 * concern only it and its campaign memberships go with it; what concerns others stays, without
 * it; the rest of the store is exactly as before, and the database's keys hold. Refusals (a
 * converted lead, a stale version, an unknown lead, another tenant's) change nothing.
 */
public abstract class DeleteContract extends ContractSupport {

  private record World(Lead lead, Contact contact, Activity own, Activity shared, Task ownTask, Task sharedTask,
      LoggedMail ownMail, LoggedMail sharedMail, Campaign campaign) {}

  private World world() {
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Lang"), LeadSource.WEBINAR)
        .email("otto@lang.example").build());
    Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .email("k@meyer.example").build());
    Activity own = crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "First note").build());
    Activity shared = crm.activities().log(NewActivity.builder(ActivityType.MEETING,
        Links.lead(lead.id()).andContact(contact.id()), "Meeting with both").build());
    Task ownTask = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Call Otto back", START.plusSeconds(3_600)).build());
    Task sharedTask = crm.tasks().create(NewTask.builder(Links.lead(lead.id()).andContact(contact.id()), "Send both the offer",
        START.plusSeconds(7_200)).build());
    LoggedMail ownMail = crm.mail().ingest(MailMessage.builder(UUID.randomUUID() + "@lang.example",
        MailAddress.of("otto@lang.example"), START).subject("Question").text("Only Otto").build()).mail().orElseThrow();
    LoggedMail sharedMail = crm.mail().ingest(MailMessage.builder(UUID.randomUUID() + "@lang.example",
        MailAddress.of("otto@lang.example"), START).cc(MailAddress.of("k@meyer.example")).subject("Both").build())
        .mail().orElseThrow();
    Campaign campaign = crm.campaigns().plan(NewCampaign.builder("News", Channel.NEWSLETTER, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 31), Money.of("0.00", "EUR")).build());
    crm.campaigns().addMembers(campaign.id(), List.of(MemberId.lead(lead.id()), MemberId.contact(contact.id())));
    events.clear();
    return new World(crm.leads().get(lead.id()), contact, own, shared, ownTask, sharedTask, ownMail, sharedMail, campaign);
  }

  @Test
  public void aDeletedLeadTakesWhatConcernsOnlyItAndLeavesTheRestWithoutIt() {
    World w = world();
    StoreSnapshot before = snapshot();

    LeadDeleted deleted = crm.leads().ifVersion(w.lead().version()).delete(w.lead().id());

    assertThat(deleted.leadId()).isEqualTo(w.lead().id());
    assertThat(deleted.activitiesDeleted()).isEqualTo(2); // the call and the mail only Otto wrote
    assertThat(deleted.tasksDeleted()).isEqualTo(1);
    assertThat(deleted.membershipsDeleted()).isEqualTo(1);
    assertThat(deleted.mailsDeleted()).isEqualTo(1);
    assertThat(events).containsExactly(deleted);
    assertThat(crm.leads().find(w.lead().id())).isEmpty();
    assertThatThrownBy(() -> crm.leads().get(w.lead().id())).isInstanceOf(NotFoundException.class);

    StoreSnapshot after = snapshot();
    UUID lead = w.lead().id().value();
    assertThat(after.leads()).doesNotContain(w.lead()).hasSize(before.leads().size() - 1);
    assertThat(after.activities()).extracting(Activity::id)
        .containsExactlyInAnyOrderElementsOf(before.activities().stream().map(Activity::id)
            .filter(id -> !id.equals(w.own().id()) && !id.equals(w.ownMail().activity())).toList());
    Activity shared = after.activities().stream().filter(a -> a.id().equals(w.shared().id())).findFirst().orElseThrow();
    assertThat(shared.links()).isEqualTo(Links.contact(w.contact().id()));
    assertThat(shared.version()).isEqualTo(w.shared().version() + 1);
    assertThat(after.tasks()).extracting(Task::id).containsExactlyInAnyOrderElementsOf(before.tasks().stream()
        .map(Task::id).filter(id -> !id.equals(w.ownTask().id())).toList());
    assertThat(after.tasks().stream().filter(t -> t.id().equals(w.sharedTask().id())).findFirst().orElseThrow().links())
        .isEqualTo(Links.contact(w.contact().id()));
    assertThat(after.mails()).extracting(LoggedMail::id).containsExactly(w.sharedMail().id());
    LoggedMail sharedMail = after.mails().get(0);
    assertThat(sharedMail.leads()).isEmpty();
    assertThat(sharedMail.contacts()).containsExactly(w.contact().id());
    assertThat(sharedMail.message()).isEqualTo(w.sharedMail().message());
    assertThat(after.campaignMembers()).extracting(m -> m.member())
        .containsExactly(MemberId.contact(w.contact().id()));
    Set<UUID> goneRefs = Set.of(w.own().id().value(), w.ownMail().activity().value(), w.ownTask().id().value());
    assertThat(after.timeline()).noneMatch(e -> e.subjectId().equals(lead))
        .noneMatch(e -> e.refId().filter(goneRefs::contains).isPresent());
    assertThat(after.timeline()).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(before.timeline()
        .stream().filter(e -> !e.subjectId().equals(lead) && e.refId().filter(goneRefs::contains).isEmpty())
        .map(TimelineEntry::id).toList());
    // everything else exactly as before
    assertThat(after.contacts()).isEqualTo(before.contacts());
    assertThat(after.accounts()).isEqualTo(before.accounts());
    assertThat(after.campaigns()).isEqualTo(before.campaigns());
    assertThat(after.opportunities()).isEqualTo(before.opportunities());
    // the contact's timeline still shows what it shared with the lead
    assertThat(crm.timeline().contact(w.contact().id(), dev.rapport.crm.common.PageRequest.first(20)).items())
        .extracting(i -> i.activity().map(a -> a.id().value()).or(() -> i.task().map(t -> t.id().value())).orElse(null))
        .contains(w.shared().id().value(), w.sharedMail().activity().value(), w.sharedTask().id().value());

    assertThatThrownBy(() -> crm.leads().delete(w.lead().id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  public void refusedDeletionsChangeNothing() {
    World w = world();
    Lead converting = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.REFERRAL).build());
    crm.leads().changeStatus(converting.id(), LeadStatus.QUALIFIED);
    var converted = crm.leads().convert(converting.id(), Conversion.standard());
    events.clear();
    StoreSnapshot before = snapshot();

    assertThatThrownBy(() -> crm.leads().delete(converting.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(converted.contact().id().toString()).hasMessageContaining(converted.account().id().toString());
    assertThatThrownBy(() -> crm.leads().ifVersion(w.lead().version() + 1).delete(w.lead().id()))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm.leads().delete(dev.rapport.crm.common.LeadId.of(UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
    Crm other = crm(freshTenant(), persistence);
    assertThatThrownBy(() -> other.leads().delete(w.lead().id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.leads().delete(null)).isInstanceOf(dev.rapport.crm.exception.ValidationException.class)
        .hasMessageContaining("leadId");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
    assertThat(before.leads().stream().map(Lead::id).collect(Collectors.toSet())).contains(w.lead().id());
  }
  @Test
  public void anActivityOrTaskLoggedByMistakeIsDeletedWithItsTimelineEntriesAndMail() {
    World w = world();
    StoreSnapshot before = snapshot();

    var gone = crm.activities().ifVersion(w.shared().version()).delete(w.shared().id());
    var mailGone = crm.activities().delete(w.sharedMail().activity());
    var taskGone = crm.tasks().ifVersion(w.sharedTask().version()).delete(w.sharedTask().id());

    assertThat(gone.links()).isEqualTo(w.shared().links());
    assertThat(events).containsExactly(gone, mailGone, taskGone);
    StoreSnapshot after = snapshot();
    Set<UUID> refs = Set.of(w.shared().id().value(), w.sharedMail().activity().value(), w.sharedTask().id().value());
    assertThat(after.activities()).extracting(Activity::id).containsExactlyInAnyOrderElementsOf(before.activities()
        .stream().map(Activity::id).filter(id -> !refs.contains(id.value())).toList());
    assertThat(after.tasks()).extracting(Task::id).containsExactlyInAnyOrderElementsOf(before.tasks().stream()
        .map(Task::id).filter(id -> !refs.contains(id.value())).toList());
    assertThat(after.mails()).extracting(LoggedMail::id).containsExactly(w.ownMail().id());
    assertThat(after.timeline()).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(before.timeline()
        .stream().filter(e -> e.refId().filter(refs::contains).isEmpty()).map(TimelineEntry::id).toList());
    assertThat(after.leads()).isEqualTo(before.leads());
    assertThat(after.contacts()).isEqualTo(before.contacts());
    assertThat(after.campaignMembers()).isEqualTo(before.campaignMembers());

    // refused: unknown, stale, another tenant's: nothing changes
    StoreSnapshot now = snapshot();
    events.clear();
    assertThatThrownBy(() -> crm.activities().delete(w.shared().id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.activities().ifVersion(w.own().version() + 1).delete(w.own().id()))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm.tasks().ifVersion(w.ownTask().version() + 1).delete(w.ownTask().id()))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm(freshTenant(), persistence).tasks().delete(w.ownTask().id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(now);
    assertThat(events).isEmpty();
  }
  @Test
  public void aCampaignWithoutLeadsIsDeletedWithItsMembersAndAMemberCanBeTakenOff() {
    World w = world();
    crm.campaigns().removeMember(w.campaign().id(), MemberId.lead(w.lead().id()));
    assertThat(events).hasSize(1).first().isInstanceOf(dev.rapport.crm.campaign.CampaignMemberRemoved.class);
    assertThatThrownBy(() -> crm.campaigns().getMember(w.campaign().id(), MemberId.lead(w.lead().id())))
        .isInstanceOf(NotFoundException.class);
    Campaign brought = crm.campaigns().plan(NewCampaign.builder("Ads", Channel.SOCIAL_ADS, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 31), Money.of("0.00", "EUR")).build());
    crm.leads().capture(NewLead.builder(PersonName.of("From", "Ads"), LeadSource.SOCIAL_ADS).campaign(brought.id()).build());
    StoreSnapshot before = snapshot();
    events.clear();

    var deleted = crm.campaigns().ifVersion(w.campaign().version()).delete(w.campaign().id());

    assertThat(deleted.membersDeleted()).isEqualTo(1);
    assertThat(events).containsExactly(deleted);
    StoreSnapshot after = snapshot();
    assertThat(after.campaigns()).extracting(Campaign::id).doesNotContain(w.campaign().id()).contains(brought.id());
    assertThat(after.campaignMembers()).noneMatch(m -> m.campaignId().equals(w.campaign().id()));
    assertThat(after.leads()).isEqualTo(before.leads());
    assertThat(after.contacts()).isEqualTo(before.contacts());
    assertThatThrownBy(() -> crm.campaigns().get(w.campaign().id())).isInstanceOf(NotFoundException.class);

    // a campaign leads came from is their attribution: refused, nothing changes
    events.clear();
    assertThatThrownBy(() -> crm.campaigns().delete(brought.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("1 lead was captured with it");
    assertThat(snapshot()).isEqualTo(after);
    assertThat(events).isEmpty();
  }

  @Test
  public void aDeletedContactTakesWhatConcernsOnlyItAndLeavesTheRestWithoutIt() {
    World w = world();
    Contact other = crm.contacts().create(NewContact.builder(PersonName.of("Jon", "Berg")).email("jon@berg.example").build());
    Contact c = w.contact();
    Activity own = crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.contact(c.id()), "Her note").build());
    Activity shared = crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.contact(c.id()), "Second note")
        .build());
    Task ownTask = crm.tasks().create(NewTask.builder(Links.contact(c.id()), "Call Katherine", START.plusSeconds(60)).build());
    LoggedMail ownMail = crm.mail().ingest(MailMessage.builder(UUID.randomUUID() + "@meyer.example",
        MailAddress.of("k@meyer.example"), START).subject("Mine").build()).mail().orElseThrow();
    LoggedMail bothMail = crm.mail().ingest(MailMessage.builder(UUID.randomUUID() + "@meyer.example",
        MailAddress.of("k@meyer.example"), START).cc(MailAddress.of("jon@berg.example")).subject("Both of us").build())
        .mail().orElseThrow();
    events.clear();
    StoreSnapshot before = snapshot();
    Contact current = crm.contacts().get(c.id());

    var deleted = crm.contacts().ifVersion(current.version()).delete(c.id());

    // her note, the call, her own mail and the two mails she shared with the lead, which go to the lead alone
    assertThat(deleted.contactId()).isEqualTo(c.id());
    assertThat(deleted.accountId()).isEmpty();
    assertThat(deleted.tasksDeleted()).isEqualTo(1);
    assertThat(deleted.membershipsDeleted()).isEqualTo(1);
    assertThat(deleted.mailsDeleted()).isEqualTo(1);
    assertThat(deleted.activitiesDeleted()).isEqualTo(3); // her note, the call, her own mail's activity
    assertThat(events).containsExactly(deleted);
    assertThatThrownBy(() -> crm.contacts().get(c.id())).isInstanceOf(NotFoundException.class);
    assertThat(crm.contacts().findByEmail("k@meyer.example")).isEmpty();
    StoreSnapshot after = snapshot();
    assertThat(after.contacts()).containsExactlyInAnyOrderElementsOf(before.contacts().stream()
        .filter(x -> !x.id().equals(c.id())).toList());
    Set<UUID> gone = Set.of(own.id().value(), shared.id().value(), ownMail.activity().value());
    assertThat(after.activities()).extracting(Activity::id).containsExactlyInAnyOrderElementsOf(before.activities()
        .stream().map(Activity::id).filter(id -> !gone.contains(id.value())).toList());
    // what she shared with the lead and with Jon stays, without her
    assertThat(after.activities()).filteredOn(a -> a.id().equals(w.shared().id())).singleElement()
        .satisfies(a -> assertThat(a.links()).isEqualTo(Links.lead(w.lead().id())));
    assertThat(after.mails()).filteredOn(m -> m.id().equals(bothMail.id())).singleElement()
        .satisfies(m -> assertThat(m.contacts()).containsExactly(other.id()));
    assertThat(after.mails()).extracting(LoggedMail::id).doesNotContain(ownMail.id());
    assertThat(after.tasks()).extracting(Task::id).doesNotContain(ownTask.id()).contains(w.sharedTask().id());
    assertThat(after.tasks()).filteredOn(t -> t.id().equals(w.sharedTask().id())).singleElement()
        .satisfies(t -> assertThat(t.links()).isEqualTo(Links.lead(w.lead().id())));
    assertThat(after.campaignMembers()).extracting(m -> m.member()).containsExactly(MemberId.lead(w.lead().id()));
    assertThat(after.timeline()).noneMatch(e -> e.subjectId().equals(c.id().value()));
    assertThat(after.leads()).isEqualTo(before.leads());
    assertThat(after.accounts()).isEqualTo(before.accounts());
    assertThat(after.campaigns()).isEqualTo(before.campaigns());
  }

  @Test
  public void anAccountIsEmptiedInOrderAndEachRefusalNamesWhatStillNamesIt() {
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.REFERRAL)
        .email("ada@engines.example").company("Analytical Engines").build());
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    var converted = crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(dev.rapport.crm.opportunity.NewOpportunity.builder("Licence", Money.of("990.00", "EUR")).build()));
    var account = converted.account();
    var contact = converted.contact();
    var opportunity = converted.opportunity().orElseThrow();
    crm.opportunities().moveToStage(opportunity.id(), crm.opportunities().pipeline().stages().get(1).name());
    var serviceCase = crm.cases().open(dev.rapport.crm.service.NewCase.builder(account.id(), "Cannot log in")
        .contact(contact.id()).build());
    var answer = crm.feedback().record(dev.rapport.crm.feedback.NewFeedback.nps(account.id(), contact.id(), 9)
        .aboutCase(serviceCase.id()).aboutOpportunity(opportunity.id()).build());
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.account(account.id()), "Account note").build());
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.opportunity(opportunity.id()), "Deal note").build());
    events.clear();
    StoreSnapshot start = snapshot();

    assertThatThrownBy(() -> crm.accounts().delete(account.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("1 contacts").hasMessageContaining("1 service cases").hasMessageContaining("1 feedback answers")
        .hasMessageContaining("1 opportunities");
    assertThatThrownBy(() -> crm.contacts().delete(contact.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("1 service cases").hasMessageContaining("1 feedback answers")
        .hasMessageContaining("1 opportunities (as primary contact)");
    assertThatThrownBy(() -> crm.opportunities().delete(opportunity.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("1 feedback answers");
    assertThatThrownBy(() -> crm.cases().delete(serviceCase.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("1 feedback answers");
    assertThatThrownBy(() -> crm.leads().delete(lead.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(contact.id().toString());
    assertThatThrownBy(() -> crm.feedback().ifVersion(answer.version() + 1).delete(answer.id()))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm.cases().ifVersion(serviceCase.version() + 1).delete(serviceCase.id()))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm(freshTenant(), persistence).feedback().delete(answer.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(start);
    assertThat(events).isEmpty();

    var f = crm.feedback().ifVersion(answer.version()).delete(answer.id());
    var k = crm.cases().ifVersion(serviceCase.version()).delete(serviceCase.id());
    var o = crm.opportunities().delete(opportunity.id());
    var c = crm.contacts().delete(contact.id());
    var a = crm.accounts().delete(account.id());
    var l = crm.leads().delete(lead.id());

    assertThat(events).containsExactly(f, k, o, c, a, l);
    assertThat(o.activitiesDeleted()).isEqualTo(1);
    assertThat(o.name()).isEqualTo("Licence");
    assertThat(a.activitiesDeleted()).isEqualTo(1);
    assertThat(c.accountId()).contains(account.id());
    StoreSnapshot end = snapshot();
    assertThat(end.accounts()).isEmpty();
    assertThat(end.contacts()).isEmpty();
    assertThat(end.leads()).isEmpty();
    assertThat(end.opportunities()).isEmpty();
    assertThat(end.cases()).isEmpty();
    assertThat(end.feedback()).isEmpty();
    assertThat(end.activities()).isEmpty();
    assertThat(end.timeline()).isEmpty();
    assertThat(crm.feedback().nps(START.minusSeconds(86_400), START.plusSeconds(86_400 * 400L)).answers()).isZero();
    assertThatThrownBy(() -> crm.opportunities().get(opportunity.id())).isInstanceOf(NotFoundException.class);
  }
}
