package dev.rapport.crm.tck;

import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.activity.TaskRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
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
import dev.rapport.crm.activity.TaskStatus;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.activity.ActivityLogged;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.activity.TaskCancelled;
import dev.rapport.crm.activity.TaskCompleted;
import dev.rapport.crm.activity.TaskCreated;
import dev.rapport.crm.activity.TaskRescheduled;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Activities and tasks through the services, stored by the adapter under test: every field reads
 * back equal, logging is engagement of a lead, the task lifecycle and its lists, tenant isolation
 * and optimistic concurrency.
 */
public abstract class ActivityContract extends ContractSupport {
  /** A text at the limit, of emoji (two UTF-16 units each) and escapable characters. */
  private static String full(int max) {
    StringBuilder b = new StringBuilder("\"\\<é>'");
    while (b.codePointCount(0, b.length()) < max) {
      b.appendCodePoint(0x1F600);
    }
    return b.toString();
  }

  private Lead lead() {
    return crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
  }

  private Account account() {
    return crm.accounts().create(NewAccount.builder("Analytical Engines").build());
  }

  @Test
  public void anActivityWithEveryFieldAtItsLimitReadsBackEqual() {
    Lead lead = lead();
    Account account = account();
    Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Ada", "L")).account(account.id()).build());
    Opportunity opp = crm.opportunities().open(account.id(), NewOpportunity.builder("Deal", Money.of("10.00", "EUR")).build());
    Instant earlier = START.minus(Duration.ofDays(400)).plusNanos(123_456_789);
    events.clear();
    Activity logged = crm.activities().log(NewActivity.builder(ActivityType.CALL,
            Links.lead(lead.id()).andContact(contact.id()).andAccount(account.id()).andOpportunity(opp.id()), full(Limits.TEXT))
        .body(full(Limits.ACTIVITY_BODY)).direction(Direction.OUTBOUND).outcome(Outcome.LEFT_VOICEMAIL)
        .occurredAt(earlier).duration(Limits.ACTIVITY_DURATION).owner(full(Limits.TEXT)).build());
    assertThat(logged.version()).isEqualTo(1);
    assertThat(logged.occurredAt()).isEqualTo(earlier.minusNanos(789)); // kept to the microsecond
    assertThat(logged.loggedAt()).isEqualTo(START);
    assertThat(crm.activities().get(logged.id())).isEqualTo(logged);
    assertThat(this.<Optional<Activity>>inUnitOfWork(uow -> uow.port(ActivityRepository.class).find(logged.id()))).contains(logged);
    assertThat(events).containsExactly(new ActivityLogged(tenant, START, logged.id(), ActivityType.CALL,
        Optional.of(Direction.OUTBOUND), logged.links(), logged.occurredAt()));

    Activity note = crm.activities().log(NewActivity.builder(ActivityType.of("Site_Visit"), Links.account(account.id()), "s").build());
    assertThat(crm.activities().get(note.id())).isEqualTo(note);
    assertThat(note.type()).isEqualTo(ActivityType.of("site_visit"));
    assertThat(note.body()).isEmpty();
    assertThat(note.duration()).isEmpty();
    assertThat(note.occurredAt()).isEqualTo(START);
  }

  @Test
  public void aTaskReadsBackEqualAtEveryStepOfItsLifecycle() {
    Lead lead = lead();
    Instant due = START.plus(Duration.ofDays(2));
    Task created = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), full(Limits.TEXT), due)
        .description(full(Limits.ACTIVITY_BODY)).priority(Priority.HIGH).owner(full(Limits.TEXT))
        .reminderAt(due.minus(Duration.ofHours(1))).build());
    assertThat(created.status()).isEqualTo(TaskStatus.OPEN);
    assertThat(created.version()).isEqualTo(1);
    assertThat(crm.tasks().get(created.id())).isEqualTo(created);

    clock.advance(Duration.ofMinutes(5));
    Task moved = crm.tasks().reschedule(created.id(), due.plus(Duration.ofDays(1)), due);
    assertThat(moved.version()).isEqualTo(2);
    assertThat(crm.tasks().get(created.id())).isEqualTo(moved);

    clock.advance(Duration.ofDays(2));
    Task handled = crm.tasks().reminderHandled(created.id());
    assertThat(handled.reminderHandledAt()).contains(clock.instant());
    assertThat(crm.tasks().get(created.id())).isEqualTo(handled);

    Instant doneAt = clock.instant().minus(Duration.ofMinutes(30));
    Task done = crm.tasks().complete(created.id(), doneAt);
    assertThat(done.status()).isEqualTo(TaskStatus.DONE);
    assertThat(done.endedAt()).contains(doneAt);
    assertThat(crm.tasks().get(created.id())).isEqualTo(done);
    assertThat(this.<Optional<Task>>inUnitOfWork(uow -> uow.port(TaskRepository.class).find(created.id()))).contains(done);
    assertThat(events).filteredOn(e -> e instanceof TaskCreated || e instanceof TaskRescheduled
        || e instanceof TaskCompleted).hasSize(3);
  }

  @Test
  public void illegalTaskMovesAreRefusedAndChangeNothing() {
    Lead lead = lead();
    Task cancelled = crm.tasks().cancel(crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Call", START).build()).id());
    Task done = crm.tasks().complete(crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Mail", START).build()).id());
    Task plain = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "No reminder", START).build());
    assertThat(events).filteredOn(e -> e instanceof TaskCancelled).hasSize(1);
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.tasks().complete(cancelled.id())).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.tasks().cancel(done.id())).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.tasks().complete(done.id())).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.tasks().reschedule(done.id(), START, null)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.tasks().reminderHandled(plain.id())).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.tasks().complete(plain.id(), START.plusSeconds(1))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("task.doneAt");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void anInboundCallOrAMeetingHeatsALeadAndAnInboundMailWarmsIt() {
    Lead called = lead();
    Lead mailed = lead();
    Lead met = lead();
    Lead outbound = lead();
    assertThat(called.temperature()).isEqualTo(Temperature.COLD);
    events.clear();
    crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(called.id()), "Asked for prices")
        .direction(Direction.INBOUND).outcome(Outcome.CONNECTED).build());
    crm.activities().log(NewActivity.builder(ActivityType.EMAIL, Links.lead(mailed.id()), "Re: newsletter")
        .direction(Direction.INBOUND).build());
    crm.activities().log(NewActivity.builder(ActivityType.MEETING, Links.lead(met.id()), "Demo").build());
    crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(outbound.id()), "Cold call")
        .direction(Direction.OUTBOUND).build());
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(outbound.id()), "Seems keen").build());

    Lead c = crm.leads().get(called.id());
    assertThat(c.temperature()).isEqualTo(Temperature.HOT);
    assertThat(c.signals()).singleElement().satisfies(s -> {
      assertThat(s.type()).isEqualTo(SignalType.INBOUND_CALL);
      assertThat(s.detail()).contains("Asked for prices");
      assertThat(s.occurredAt()).isEqualTo(START);
    });
    assertThat(crm.leads().get(mailed.id()).temperature()).isEqualTo(Temperature.WARM);
    assertThat(crm.leads().get(mailed.id()).signals()).extracting(s -> s.type()).containsExactly(SignalType.EMAIL_REPLY);
    assertThat(crm.leads().get(met.id()).signals()).extracting(s -> s.type()).containsExactly(SignalType.MEETING_HELD);
    assertThat(crm.leads().get(met.id()).temperature()).isEqualTo(Temperature.HOT);
    assertThat(crm.leads().get(outbound.id())).isEqualTo(outbound);
    assertThat(events).filteredOn(e -> e instanceof LeadTemperatureChanged).containsExactly(
        new LeadTemperatureChanged(tenant, START, called.id(), Temperature.COLD, Temperature.HOT),
        new LeadTemperatureChanged(tenant, START, mailed.id(), Temperature.COLD, Temperature.WARM),
        new LeadTemperatureChanged(tenant, START, met.id(), Temperature.COLD, Temperature.HOT));
  }

  @Test
  public void anOldInboundCallIsRecordedAtItsTimeAndWarmsOnlyAsThePolicySays() {
    Lead lead = lead();
    crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(lead.id()), "Old call")
        .direction(Direction.INBOUND).occurredAt(START.minus(Duration.ofDays(60))).build());
    Lead after = crm.leads().get(lead.id());
    assertThat(after.signals()).singleElement().satisfies(s -> assertThat(s.occurredAt()).isEqualTo(START.minus(Duration.ofDays(60))));
    assertThat(after.temperature()).isEqualTo(Temperature.WARM); // buying interest older than 30 days
  }

  @Test
  public void anActivityOnAConvertedLeadIsLoggedAndLeavesTheLeadAsItWas() {
    Lead lead = crm.leads().changeStatus(lead().id(), LeadStatus.QUALIFIED);
    Lead converted = crm.leads().convert(lead.id(), Conversion.standard()).lead();
    Activity a = crm.activities().log(NewActivity.builder(ActivityType.MEETING, Links.lead(lead.id()), "After").build());
    assertThat(crm.activities().get(a.id())).isEqualTo(a);
    assertThat(crm.leads().get(lead.id())).isEqualTo(converted);
  }

  @Test
  public void linksToRecordsTheTenantDoesNotHaveAreRefusedAndStoreNothing() {
    Lead mine = lead();
    Crm other = crm(freshTenant(), persistence);
    Lead theirs = other.leads().capture(NewLead.builder(PersonName.of("Theirs"), LeadSource.OTHER).build());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.activities().log(NewActivity.builder(ActivityType.NOTE,
        Links.lead(mine.id()).andContact(dev.rapport.crm.common.ContactId.of(theirs.id().value())), "x").build()))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contact");
    assertThatThrownBy(() -> crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(theirs.id()), "x").build()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.tasks().create(NewTask.builder(Links.lead(theirs.id()), "x", START).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void anotherTenantSeesNoneOfTheActivitiesAndTasks() {
    Lead lead = lead();
    Activity a = crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "Mine").build());
    Task t = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Mine", START.minusSeconds(60))
        .owner("ann").reminderAt(START.minusSeconds(120)).build());
    TenantId otherTenant = freshTenant();
    Crm other = crm(otherTenant, persistence);
    assertThatThrownBy(() -> other.activities().get(a.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.tasks().get(t.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.tasks().complete(t.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.timeline().lead(lead.id(), PageRequest.first(10))).isInstanceOf(NotFoundException.class);
    assertThat(other.tasks().overdue(PageRequest.first(10)).items()).isEmpty();
    assertThat(other.tasks().remindersDue(PageRequest.first(10)).items()).isEmpty();
    assertThat(other.tasks().dueBy("ann", START, PageRequest.first(10)).items()).isEmpty();
    assertThat(other.tasks().countOverdue()).isZero();
    assertThat(other.tasks().countDueBy("ann", START)).isZero();
    assertThat(StoreSnapshot.capture(persistence, otherTenant).size()).isZero();
    assertThat(crm.tasks().overdue(PageRequest.first(10)).items()).containsExactly(t);
    assertThat(crm.tasks().countOverdue()).isEqualTo(1);
  }

  @Test
  public void theDayListHoldsTheOwnersOpenTasksDueByTheTimeInCreationOrderPageByPage() {
    Lead lead = lead();
    Instant endOfDay = START.plus(Duration.ofHours(15));
    Task overdue = task(lead, "ann", START.minus(Duration.ofDays(1)));
    Task today1 = task(lead, "ann", START.plus(Duration.ofHours(2)));
    task(lead, "bob", START.plus(Duration.ofHours(2)));
    task(lead, "ann", endOfDay.plusNanos(1000));
    Task atTheEnd = task(lead, "ann", endOfDay);
    Task done = task(lead, "ann", START);
    crm.tasks().complete(done.id());
    Task cancelled = task(lead, "ann", START);
    crm.tasks().cancel(cancelled.id());
    Task today2 = task(lead, "ann", START.plus(Duration.ofHours(3)));

    List<Task> list = StoreSnapshot.all(p -> crm.tasks().dueBy("ann", endOfDay, p), 2);
    assertThat(list).containsExactly(overdue, today1, atTheEnd, today2);
    assertThat(crm.tasks().countDueBy("ann", endOfDay)).isEqualTo(4);
    assertThat(crm.tasks().countDueBy("ann", endOfDay.minusNanos(1000))).as("the end of the day excluded").isEqualTo(3);
    assertThat(crm.tasks().countDueBy("bob", endOfDay)).isEqualTo(1);
    assertThat(StoreSnapshot.all(p -> crm.tasks().overdue(p), 1)).containsExactly(overdue);
    assertThat(crm.tasks().countOverdue()).isEqualTo(1);
    clock.advance(Duration.ofHours(4));
    assertThat(StoreSnapshot.all(p -> crm.tasks().overdue(p), 1)).extracting(Task::subject)
        .containsExactly("ann", "ann", "bob", "ann");
    assertThat(crm.tasks().countOverdue()).isEqualTo(4);
  }

  private Task task(Lead lead, String owner, Instant due) {
    return crm.tasks().create(NewTask.builder(Links.lead(lead.id()), owner, due).owner(owner).build());
  }

  @Test
  public void dueRemindersAreReturnedUntilTheHostReportsThemHandled() {
    Lead lead = lead();
    Task soon = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Soon", START.plus(Duration.ofHours(2)))
        .reminderAt(START.plus(Duration.ofHours(1))).build());
    Task now = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Now", START.plus(Duration.ofHours(2)))
        .reminderAt(START).build());
    Task cancelled = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Gone", START).reminderAt(START).build());
    crm.tasks().cancel(cancelled.id());
    crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "None", START).build());

    assertThat(crm.tasks().remindersDue(PageRequest.first(10)).items()).extracting(Task::id).containsExactly(now.id());
    crm.tasks().reminderHandled(now.id());
    assertThat(crm.tasks().remindersDue(PageRequest.first(10)).items()).isEmpty();
    clock.advance(Duration.ofHours(1));
    assertThat(crm.tasks().remindersDue(PageRequest.first(10)).items()).extracting(Task::id).containsExactly(soon.id());
    crm.tasks().reschedule(now.id(), START.plus(Duration.ofDays(1)), START.plus(Duration.ofMinutes(30)));
    assertThat(crm.tasks().remindersDue(PageRequest.first(10)).items()).extracting(Task::id)
        .containsExactly(soon.id(), now.id());
  }

  @Test
  public void aStaleTaskIsRefusedWithConcurrentUpdate() {
    Lead lead = lead();
    Task t = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Call", START).reminderAt(START).build());
    crm.tasks().reminderHandled(t.id());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.tasks().ifVersion(1).complete(t.id())).isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(TaskRepository.class).update(t.cancel(START)))).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(crm.tasks().ifVersion(2).complete(t.id()).version()).isEqualTo(3);
  }

  @Test
  public void twoUnitsEndingTheSameTaskAtOnceLeaveExactlyOneEnd() throws Exception {
    Lead lead = lead();
    Task t = crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Race", START).build());
    java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(2);
    java.util.concurrent.CompletableFuture<Object> a = Threads.start("complete", () -> persistence.inUnitOfWork(tenant, uow -> {
      Task mine = uow.port(TaskRepository.class).find(t.id()).orElseThrow();
      read.countDown();
      Threads.await(read);
      return uow.port(TaskRepository.class).update(mine.complete(START, START));
    }));
    java.util.concurrent.CompletableFuture<Object> b = Threads.start("cancel", () -> persistence.inUnitOfWork(tenant, uow -> {
      Task mine = uow.port(TaskRepository.class).find(t.id()).orElseThrow();
      read.countDown();
      Threads.await(read);
      return uow.port(TaskRepository.class).update(mine.cancel(START));
    }));
    Object ra = Threads.outcome(a);
    Object rb = Threads.outcome(b);
    List<Object> outcomes = List.of(ra, rb);
    assertThat(outcomes).filteredOn(o -> o instanceof Task).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof ConcurrentUpdateException).hasSize(1);
    Task stored = crm.tasks().get(t.id());
    assertThat(stored.version()).isEqualTo(2);
    assertThat(outcomes).contains(stored);
  }
}
