package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.feedback.FeedbackChannel;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rejected-command table of service cases and feedback: every refused command throws the
 * exception that names its cause, leaves the store exactly as it was (a {@link StoreSnapshot}
 * before and after), and delivers no event.
 */
public abstract class ServiceRejectedCommandContract extends ContractSupport {

  /** The records the bad commands aim at. */
  static final class World {
    Crm crm;
    Account account;
    Account other;
    Contact contact;
    Contact otherContact;
    Opportunity opportunityOfOther;
    ServiceCase fresh;
    ServiceCase resolved;
    ServiceCase closed;
    ServiceCase ofOther;
    dev.rapport.crm.feedback.Feedback answer;
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
    w.account = crm.accounts().create(NewAccount.builder("Acme").build());
    w.other = crm.accounts().create(NewAccount.builder("Other").build());
    w.contact = crm.contacts().create(NewContact.builder(PersonName.of("Cont", "Act")).account(w.account.id()).build());
    w.otherContact = crm.contacts().create(NewContact.builder(PersonName.of("Oth", "Er")).account(w.other.id()).build());
    w.opportunityOfOther = crm.opportunities().open(w.other.id(), NewOpportunity.builder("Deal", Money.of("5.00", "EUR")).build());
    w.fresh = crm.cases().open(NewCase.builder(w.account.id(), "Fresh").contact(w.contact.id()).build());
    ServiceCase r = crm.cases().open(NewCase.builder(w.account.id(), "Resolved").build());
    w.resolved = crm.cases().resolve(r.id(), "fixed");
    ServiceCase c = crm.cases().open(NewCase.builder(w.account.id(), "Closed").build());
    crm.cases().resolve(c.id(), "fixed");
    w.closed = crm.cases().changeStatus(c.id(), CaseStatus.CLOSED);
    w.ofOther = crm.cases().open(NewCase.builder(w.other.id(), "Other's").build());
    w.answer = crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 4).build());
    events.clear();
    return w;
  }

  private static Arguments bad(String name, Class<? extends CrmException> expected, Consumer<World> command) {
    return Arguments.of(name, expected, command);
  }

  private static CaseId unknownCase() {
    return CaseId.of(UUID.randomUUID());
  }

  static Stream<Arguments> badCommands() {
    String tooLong = "x".repeat(Limits.TEXT + 1);
    Instant from = Instant.parse("2025-01-01T00:00:00Z");
    Instant to = Instant.parse("2025-02-01T00:00:00Z");
    return Stream.of(
        // unknown ids
        bad("open a case of an unknown account", NotFoundException.class, w -> w.crm.cases().open(NewCase.builder(AccountId.of(UUID.randomUUID()), "S").build())),
        bad("open a case with an unknown contact", NotFoundException.class, w -> w.crm.cases().open(NewCase.builder(w.account.id(), "S").contact(ContactId.of(UUID.randomUUID())).build())),
        bad("get an unknown case", NotFoundException.class, w -> w.crm.cases().get(unknownCase())),
        bad("move an unknown case", NotFoundException.class, w -> w.crm.cases().changeStatus(unknownCase(), CaseStatus.IN_PROGRESS)),
        bad("resolve an unknown case", NotFoundException.class, w -> w.crm.cases().resolve(unknownCase(), "done")),
        bad("assign an unknown case", NotFoundException.class, w -> w.crm.cases().assign(unknownCase(), "ann")),
        bad("respond to an unknown case", NotFoundException.class, w -> w.crm.cases().recordFirstResponse(unknownCase())),
        bad("delete a contact a case and feedback name", IllegalTransitionException.class,
            w -> w.crm.contacts().delete(w.contact.id())),
        bad("delete an account cases name", IllegalTransitionException.class, w -> w.crm.accounts().delete(w.other.id())),
        bad("delete an unknown case", NotFoundException.class, w -> w.crm.cases().delete(unknownCase())),
        bad("delete a case read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.cases().ifVersion(w.fresh.version() + 1).delete(w.fresh.id())),
        bad("delete no case", ValidationException.class, w -> w.crm.cases().delete(null)),
        bad("delete unknown feedback", NotFoundException.class,
            w -> w.crm.feedback().delete(dev.rapport.crm.common.FeedbackId.of(UUID.randomUUID()))),
        bad("delete feedback read at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.feedback().ifVersion(w.answer.version() + 1).delete(w.answer.id())),
        bad("delete no feedback", ValidationException.class, w -> w.crm.feedback().delete(null)),
        bad("record feedback about an unknown account", NotFoundException.class, w -> w.crm.feedback().record(NewFeedback.nps(AccountId.of(UUID.randomUUID()), w.contact.id(), 9).build())),
        bad("record feedback from an unknown contact", NotFoundException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), ContactId.of(UUID.randomUUID()), 9).build())),
        bad("record feedback about an unknown case", NotFoundException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).aboutCase(unknownCase()).build())),
        bad("record feedback about an unknown opportunity", NotFoundException.class, w -> w.crm.feedback().record(NewFeedback.csat(w.account.id(), w.contact.id(), 5).aboutOpportunity(OpportunityId.of(UUID.randomUUID())).build())),
        bad("get unknown feedback", NotFoundException.class, w -> w.crm.feedback().get(FeedbackId.of(UUID.randomUUID()))),
        // illegal moves
        bad("resolve a resolved case", IllegalTransitionException.class, w -> w.crm.cases().resolve(w.resolved.id(), "again")),
        bad("resolve a closed case", IllegalTransitionException.class, w -> w.crm.cases().resolve(w.closed.id(), "again")),
        bad("reopen a closed case", IllegalTransitionException.class, w -> w.crm.cases().changeStatus(w.closed.id(), CaseStatus.REOPENED)),
        bad("close a new case", IllegalTransitionException.class, w -> w.crm.cases().changeStatus(w.fresh.id(), CaseStatus.CLOSED)),
        bad("reopen a new case", IllegalTransitionException.class, w -> w.crm.cases().changeStatus(w.fresh.id(), CaseStatus.REOPENED)),
        bad("move a resolved case to in progress", IllegalTransitionException.class, w -> w.crm.cases().changeStatus(w.resolved.id(), CaseStatus.IN_PROGRESS)),
        bad("move a case back to new", IllegalTransitionException.class, w -> w.crm.cases().changeStatus(w.fresh.id(), CaseStatus.NEW)),
        bad("assign a closed case", IllegalTransitionException.class, w -> w.crm.cases().assign(w.closed.id(), "ann")),
        bad("change the priority of a closed case", IllegalTransitionException.class, w -> w.crm.cases().changePriority(w.closed.id(), CasePriority.HIGH)),
        bad("respond to a closed case", IllegalTransitionException.class, w -> w.crm.cases().recordFirstResponse(w.closed.id())),
        // stale versions
        bad("assign a case read at a stale version", ConcurrentUpdateException.class, w -> w.crm.cases().ifVersion(w.resolved.version() - 1).changeStatus(w.resolved.id(), CaseStatus.CLOSED)),
        bad("resolve a case read at a newer version", ConcurrentUpdateException.class, w -> w.crm.cases().ifVersion(w.fresh.version() + 1).resolve(w.fresh.id(), "done")),
        bad("ask for case version 0", ValidationException.class, w -> w.crm.cases().ifVersion(0)),
        // links that do not belong together
        bad("open a case with another account's contact", ValidationException.class, w -> w.crm.cases().open(NewCase.builder(w.account.id(), "S").contact(w.otherContact.id()).build())),
        bad("record feedback from another account's contact", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.otherContact.id(), 9).build())),
        bad("record feedback about another account's case", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).aboutCase(w.ofOther.id()).build())),
        bad("record feedback about another account's opportunity", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).aboutOpportunity(w.opportunityOfOther.id()).build())),
        // bad values
        bad("resolve with a blank resolution", ValidationException.class, w -> w.crm.cases().resolve(w.fresh.id(), " \t")),
        bad("resolve with a resolution too long", ValidationException.class, w -> w.crm.cases().resolve(w.fresh.id(), "r".repeat(Limits.CASE_RESOLUTION + 1))),
        bad("resolve with NUL", ValidationException.class, w -> w.crm.cases().resolve(w.fresh.id(), "done\u0000")),
        bad("resolve through changeStatus", ValidationException.class, w -> w.crm.cases().changeStatus(w.fresh.id(), CaseStatus.RESOLVED)),
        bad("move to a null status", ValidationException.class, w -> w.crm.cases().changeStatus(w.fresh.id(), null)),
        bad("assign a blank owner", ValidationException.class, w -> w.crm.cases().assign(w.fresh.id(), "")),
        bad("assign an owner too long", ValidationException.class, w -> w.crm.cases().assign(w.fresh.id(), tooLong)),
        bad("change to a null priority", ValidationException.class, w -> w.crm.cases().changePriority(w.fresh.id(), null)),
        bad("open a case with a subject too long", ValidationException.class, w -> w.crm.cases().open(NewCase.builder(w.account.id(), tooLong).build())),
        bad("open a case with a blank subject", ValidationException.class, w -> w.crm.cases().open(NewCase.builder(w.account.id(), "   ").build())),
        bad("open a case with a description too long", ValidationException.class, w -> w.crm.cases().open(NewCase.builder(w.account.id(), "S").description("d".repeat(Limits.CASE_DESCRIPTION + 1)).build())),
        bad("open a case with an unpaired surrogate", ValidationException.class, w -> w.crm.cases().open(NewCase.builder(w.account.id(), "S \uDC00").build())),
        bad("open a null case", ValidationException.class, w -> w.crm.cases().open(null)),
        bad("query open cases with a blank owner", ValidationException.class, w -> w.crm.cases().query(CaseQuery.allOpen().withOwner(" "), PageRequest.first(5))),
        bad("count open cases without a query", ValidationException.class, w -> w.crm.cases().count(null)),
        bad("count the cases of no account", ValidationException.class, w -> w.crm.cases().countByAccount(null)),
        bad("NPS score 11", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 11).build())),
        bad("NPS score -1", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), -1).build())),
        bad("CSAT score 0", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.csat(w.account.id(), w.contact.id(), 0).build())),
        bad("CSAT score 6", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.csat(w.account.id(), w.contact.id(), 6).build())),
        bad("feedback answered a year from now", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).answeredAt(START.plus(java.time.Duration.ofDays(365))).build())),
        bad("feedback answered a second from now", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).answeredAt(START.plusSeconds(1)).build())),
        bad("a comment too long", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).comment("c".repeat(Limits.FEEDBACK_COMMENT + 1)).build())),
        bad("a survey name too long", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).survey(tooLong).build())),
        bad("a malformed channel", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).channel(FeedbackChannel.of("in app")).build())),
        bad("answered in the year 10000", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).answeredAt(Instant.parse("+10000-01-01T00:00:00Z")).build())),
        bad("answered before 1900", ValidationException.class, w -> w.crm.feedback().record(NewFeedback.nps(w.account.id(), w.contact.id(), 9).answeredAt(Instant.parse("1899-12-31T23:59:59Z")).build())),
        bad("NPS over a period that ends before it starts", ValidationException.class, w -> w.crm.feedback().nps(to, from)),
        bad("CSAT with a null bound", ValidationException.class, w -> w.crm.feedback().csat(w.account.id(), from, null)),
        bad("detractors with a null account option", ValidationException.class, w -> w.crm.feedback().detractors(null, from, to, PageRequest.first(5))));
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
  public void theWorldOfTheBadCommandsIsWhatTheyAimAt() {
    StoreSnapshot s = snapshot();
    assertThat(s.cases()).hasSize(4);
    assertThat(s.feedback()).hasSize(1);
    assertThat(world.closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(world.resolved.version()).isEqualTo(2);
    assertThat(crm.cases().query(CaseQuery.allOpen(), PageRequest.first(10)).items())
        .extracting(ServiceCase::id).containsExactly(world.fresh.id(), world.ofOther.id());
    assertThat(crm.cases().find(world.fresh.id())).isEqualTo(Optional.of(world.fresh));
  }
}
