package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskStatus;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.activity.TimelineItem.Kind;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Timelines through the services, on the adapter under test: activities, tasks and history of a
 * record merged newest first, keyset-paged without repeats or gaps, and after conversion the
 * lead's history in the timelines of its contact and account.
 */
public abstract class TimelineContract extends ContractSupport {

  private Lead lead(String name) {
    return crm.leads().capture(NewLead.builder(PersonName.of(name), LeadSource.WEBINAR).company(name + " Ltd").build());
  }

  private static List<String> describe(List<TimelineItem> items) {
    List<String> out = new ArrayList<>();
    for (TimelineItem i : items) {
      out.add(switch (i.kind()) {
        case ACTIVITY -> "activity " + i.activity().orElseThrow().subject();
        case TASK -> "task " + i.task().orElseThrow().subject();
        case HISTORY -> i.event().orElseThrow();
      });
    }
    return out;
  }

  private List<TimelineItem> whole(java.util.function.Function<PageRequest, Page<TimelineItem>> query, int size) {
    return StoreSnapshot.all(query, size);
  }

  @Test
  public void aLeadsTimelineMergesActivitiesTasksAndHistoryNewestFirst() {
    Lead lead = lead("Ada"); // 09:00
    clock.advance(Duration.ofHours(1));
    crm.leads().changeStatus(lead.id(), LeadStatus.CONTACTED); // 10:00
    clock.advance(Duration.ofHours(1));
    // logged at 11:00, happened at 09:30: it sorts by when it happened
    crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(lead.id()), "First call")
        .direction(Direction.OUTBOUND).occurredAt(START.plus(Duration.ofMinutes(30))).build());
    clock.advance(Duration.ofHours(1));
    Task task = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Send offer", START.plus(Duration.ofDays(1))).build()); // 12:00
    clock.advance(Duration.ofHours(1));
    crm.tasks().complete(task.id()); // 13:00

    Page<TimelineItem> page = crm.timeline().lead(lead.id(), PageRequest.first(50));
    assertThat(page.hasNext()).isFalse();
    assertThat(describe(page.items())).containsExactly("TaskCompleted", "task Send offer",
        "LeadStatusChanged", "activity First call", "LeadCaptured");
    assertThat(page.items()).extracting(TimelineItem::occurredAt).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(page.items()).allSatisfy(i -> assertThat(i.subjectId()).isEqualTo(lead.id().value()));
    TimelineItem taskItem = page.items().get(1);
    assertThat(taskItem.kind()).isEqualTo(Kind.TASK);
    assertThat(taskItem.task().orElseThrow().status()).isEqualTo(TaskStatus.DONE); // as it stands now
    assertThat(taskItem.task().orElseThrow()).isEqualTo(crm.tasks().get(task.id()));
    assertThat(page.items().get(2).summary()).contains("Status: NEW -> CONTACTED");
  }

  @Test
  public void pagingWalksTheWholeTimelineNewestFirstWithoutRepeatsOrGaps() {
    Lead lead = lead("Pager");
    Random random = new Random(42);
    List<Activity> logged = new ArrayList<>();
    HashSet<Long> minutes = new HashSet<>();
    while (logged.size() < 23) {
      long m = 1 + random.nextInt(100_000);
      if (minutes.add(m)) {
        logged.add(crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "n" + m)
            .occurredAt(START.minus(Duration.ofMinutes(m))).build()));
      }
    }
    List<Instant> expected = new ArrayList<>(logged.stream().map(Activity::occurredAt).toList());
    expected.add(START); // captured
    expected.sort(Comparator.reverseOrder());
    for (int size : new int[] {1, 5, 24, 500}) {
      List<TimelineItem> all = whole(p -> crm.timeline().lead(lead.id(), p), size);
      assertThat(all).as("page size %s", size).extracting(TimelineItem::occurredAt).containsExactlyElementsOf(expected);
    }
    Page<TimelineItem> first = crm.timeline().lead(lead.id(), PageRequest.first(5));
    // an activity logged while paging, older than the cursor, is found on a later page; a newer one is not repeated
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "late")
        .occurredAt(START.minus(Duration.ofDays(1000))).build());
    List<TimelineItem> rest = new ArrayList<>();
    java.util.Optional<PageRequest> next = java.util.Optional.of(PageRequest.after(first.nextCursor().orElseThrow(), 4));
    while (next.isPresent()) {
      Page<TimelineItem> p = crm.timeline().lead(lead.id(), next.get());
      rest.addAll(p.items());
      next = next.get().next(p);
    }
    assertThat(rest).hasSize(expected.size() - 5 + 1);
    assertThat(describe(rest)).last().isEqualTo("activity late");
  }

  @Test
  public void itemsWithTheSameTimeArePagedInAStableOrder() {
    Lead lead = lead("Same");
    for (int i = 0; i < 9; i++) {
      crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "same " + i).build());
    }
    List<TimelineItem> one = whole(p -> crm.timeline().lead(lead.id(), p), 500);
    List<TimelineItem> paged = whole(p -> crm.timeline().lead(lead.id(), p), 2);
    assertThat(paged).hasSize(10).containsExactlyElementsOf(one);
  }

  @Test
  public void afterConversionTheContactAndAccountTimelinesIncludeWhatHappenedToTheLead() {
    Lead lead = lead("Grace");
    clock.advance(Duration.ofMinutes(1));
    crm.activities().log(NewActivity.builder(ActivityType.EMAIL, Links.lead(lead.id()), "Question")
        .direction(Direction.INBOUND).build());
    clock.advance(Duration.ofMinutes(1));
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    clock.advance(Duration.ofMinutes(1));
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Licence", Money.of("100.00", "EUR")).build()));
    ContactId contact = r.contact().id();
    AccountId account = r.account().id();
    OpportunityId opp = r.opportunity().orElseThrow().id();
    clock.advance(Duration.ofMinutes(1));
    crm.activities().log(NewActivity.builder(ActivityType.MEETING, Links.contact(contact).andOpportunity(opp), "Kick-off").build());
    clock.advance(Duration.ofMinutes(1));
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "Late note on the lead").build());

    List<String> contactLine = describe(whole(p -> crm.timeline().contact(contact, p), 3));
    // at conversion: the contact was created, then the lead became CONVERTED, then LeadConverted
    assertThat(contactLine).containsExactly("activity Late note on the lead", "activity Kick-off",
        "LeadConverted", "LeadStatusChanged", "ContactCreated", "LeadStatusChanged", "LeadTemperatureChanged",
        "activity Question", "LeadCaptured");
    List<String> accountLine = describe(whole(p -> crm.timeline().account(account, p), 3));
    assertThat(accountLine).containsExactly("activity Late note on the lead", "LeadConverted",
        "LeadStatusChanged", "OpportunityOpened", "AccountCreated", "LeadStatusChanged",
        "LeadTemperatureChanged", "activity Question", "LeadCaptured");
    List<String> oppLine = describe(whole(p -> crm.timeline().opportunity(opp, p), 3));
    assertThat(oppLine).containsExactly("activity Kick-off", "LeadConverted", "OpportunityOpened");
    assertThat(describe(whole(p -> crm.timeline().lead(lead.id(), p), 50)))
        .doesNotContain("activity Kick-off", "ContactCreated", "AccountCreated");
  }

  @Test
  public void anOpportunitysStagesAndEndAppearInItsTimelineAndItsAccounts() {
    Account account = crm.accounts().create(NewAccount.builder("Acme").build());
    Opportunity o = crm.opportunities().open(account.id(), NewOpportunity.builder("Deal", Money.of("10.00", "EUR")).build());
    clock.advance(Duration.ofMinutes(1));
    crm.opportunities().moveToStage(o.id(), "Proposal");
    clock.advance(Duration.ofMinutes(1));
    crm.opportunities().win(o.id());
    Opportunity lost = crm.opportunities().open(account.id(), NewOpportunity.builder("Other", Money.of("1.00", "EUR")).build());
    clock.advance(Duration.ofMinutes(1));
    crm.opportunities().lose(lost.id(), LostReason.PRICE);
    clock.advance(Duration.ofMinutes(1));
    crm.opportunities().reopen(lost.id(), "Proposal");
    assertThat(describe(crm.timeline().opportunity(o.id(), PageRequest.first(50)).items()))
        .containsExactly("OpportunityWon", "OpportunityStageChanged", "OpportunityStageChanged", "OpportunityOpened");
    assertThat(describe(crm.timeline().opportunity(lost.id(), PageRequest.first(50)).items()))
        .containsExactly("OpportunityReopened", "OpportunityStageChanged", "OpportunityLost",
            "OpportunityStageChanged", "OpportunityOpened");
    assertThat(describe(crm.timeline().account(account.id(), PageRequest.first(50)).items()))
        .containsExactly("OpportunityOpened", "OpportunityWon", "OpportunityOpened", "AccountCreated");
  }

  @Test
  public void unknownRecordsAndCursorsAreRefused() {
    Lead lead = lead("Known");
    assertThatThrownBy(() -> crm.timeline().lead(LeadId.of(UUID.randomUUID()), PageRequest.first(5)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.timeline().contact(ContactId.of(UUID.randomUUID()), PageRequest.first(5)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.timeline().account(AccountId.of(lead.id().value()), PageRequest.first(5)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.timeline().opportunity(OpportunityId.of(UUID.randomUUID()), PageRequest.first(5)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.timeline().lead(lead.id(), PageRequest.after(UUID.randomUUID().toString(), 5)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("timelineEntry");
  }

  @Test
  public void aCommandThatFailsFilesNothingInTheTimeline() {
    Lead lead = lead("Atomic");
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.leads().changeStatus(lead.id(), LeadStatus.CONVERTED))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class);
    assertThatThrownBy(() -> crm.activities().log(NewActivity.builder(ActivityType.NOTE,
        Links.lead(lead.id()).andAccount(AccountId.of(UUID.randomUUID())), "x").build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(snapshot().timeline()).hasSize(1);
  }
}
