package dev.rapport.crm.tck;

import dev.rapport.crm.service.CaseRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.service.CaseOpened;
import dev.rapport.crm.service.CaseResolved;
import dev.rapport.crm.service.CaseStatusChanged;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Service cases on an adapter: every field stored and read back, the lifecycle with its first
 * response and resolution times, the queries (open cases by owner and priority, cases of an
 * account) paged by keyset, versions, concurrent writers and tenant isolation.
 */
public abstract class ServiceCaseContract extends ContractSupport {
  private Account account;
  private Contact contact;

  @BeforeEach
  final void anAccountWithAContact() {
    account = crm.accounts().create(NewAccount.builder("Kanzlei Weber").build());
    contact = crm.contacts().create(NewContact.builder(PersonName.of("Eva", "Weber")).account(account.id()).build());
    events.clear();
  }

  private ServiceCase full(TenantId t, AccountId a, ContactId c, CaseStatus status) {
    boolean done = status == CaseStatus.RESOLVED || status == CaseStatus.CLOSED;
    Instant at = Fixtures.at(START, 0);
    return new ServiceCase(CaseId.of(Fixtures.uuid()), t, 0, a, Optional.of(c),
        "Invoice export fails 🧾 with “quotes”",
        Optional.of("Since the update the DATEV export stops at line 12:\n\tNullPointerException ✓"),
        CasePriority.URGENT, status, Optional.of("agent-7"),
        done ? Optional.of("Patched the export; re-ran it") : Optional.empty(), at,
        Fixtures.at(START, 90), status == CaseStatus.NEW ? Optional.empty() : Optional.of(Fixtures.at(START, 15)),
        done ? Optional.of(Fixtures.at(START, 80)) : Optional.empty(), dev.rapport.crm.field.CustomFields.empty(),
        Optional.of(level(status == CaseStatus.NEW || status == CaseStatus.IN_PROGRESS || status == CaseStatus.REOPENED
            ? Optional.empty() : Optional.of(Fixtures.at(START, 80)))));
  }

  /** A service level with every part set: odd durations to the microsecond, alerts raised. */
  static dev.rapport.crm.service.CaseLevel level(Optional<Instant> pausedSince) {
    return new dev.rapport.crm.service.CaseLevel("Gold “A” 🥇", 3, java.time.Duration.ofMinutes(95),
        java.time.Duration.ofHours(30), 75, Fixtures.at(START, 20), Fixtures.at(START, 18), Fixtures.at(START, 200),
        Fixtures.at(START, 150), java.time.Duration.ofSeconds(5_025, 123_456_000), pausedSince,
        java.util.Set.of(dev.rapport.crm.service.CaseLevel.Alert.RESPONSE_AT_RISK, dev.rapport.crm.service.CaseLevel.Alert.RESOLUTION_BREACHED));
  }

  @ParameterizedTest
  @EnumSource(CaseStatus.class)
  public void everyFieldOfACaseInEveryStatusIsStoredAndReadBackEqual(CaseStatus status) {
    ServiceCase c = full(tenant, account.id(), contact.id(), status);
    ServiceCase inserted = inUnitOfWork(uow -> uow.port(CaseRepository.class).insert(c));
    assertThat(inserted).isEqualTo(versioned(c, 1));
    assertThat(storedCase(c.id())).contains(versioned(c, 1));
  }

  @Test
  public void aMinimalCaseAndCasesAtEveryTextLimitReadBackEqual() {
    ServiceCase minimal = new ServiceCase(CaseId.of(Fixtures.uuid()), tenant, 0, account.id(),
        Optional.empty(), "x", Optional.empty(), CasePriority.LOW, CaseStatus.NEW, Optional.empty(),
        Optional.empty(), START, START, Optional.empty(), Optional.empty(), dev.rapport.crm.field.CustomFields.empty(),
        Optional.empty());
    String emoji = "😀";
    ServiceCase longest = new ServiceCase(CaseId.of(Fixtures.uuid()), tenant, 0, account.id(),
        Optional.of(contact.id()), emoji.repeat(Limits.TEXT), Optional.of(emoji.repeat(Limits.CASE_DESCRIPTION)),
        CasePriority.HIGH, CaseStatus.CLOSED, Optional.of(emoji.repeat(Limits.TEXT)),
        Optional.of(emoji.repeat(Limits.CASE_RESOLUTION)), Limits.EARLIEST_INSTANT, Limits.LATEST_INSTANT,
        Optional.of(Limits.LATEST_INSTANT), Optional.of(Limits.LATEST_INSTANT), dev.rapport.crm.field.CustomFields.empty(),
        Optional.of(new dev.rapport.crm.service.CaseLevel("é".repeat(Limits.CODE), Integer.MAX_VALUE - 1,
            dev.rapport.crm.service.CaseLevel.LONGEST_TARGET, dev.rapport.crm.service.CaseLevel.LONGEST_TARGET, 99,
            Limits.LATEST_INSTANT, Limits.EARLIEST_INSTANT, Limits.LATEST_INSTANT, Limits.EARLIEST_INSTANT,
            java.time.Duration.ofDays(36_500), Optional.of(Limits.LATEST_INSTANT),
            java.util.EnumSet.allOf(dev.rapport.crm.service.CaseLevel.Alert.class))));
    inUnitOfWork(uow -> {
      uow.port(CaseRepository.class).insert(minimal);
      return uow.port(CaseRepository.class).insert(longest);
    });
    assertThat(storedCase(minimal.id())).contains(versioned(minimal, 1));
    assertThat(storedCase(longest.id())).contains(versioned(longest, 1));
  }

  @Test
  public void openingACaseStoresItNewWithItsEventCarryingAccountAndContact() {
    ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "  Cannot log in  ")
        .contact(contact.id()).description("Password reset mail never arrives").priority(CasePriority.HIGH)
        .owner("agent-1").build());
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.status()).isEqualTo(CaseStatus.NEW);
    assertThat(c.subject()).isEqualTo("Cannot log in");
    assertThat(c.openedAt()).isEqualTo(START);
    assertThat(c.firstResponseAt()).isEmpty();
    assertThat(crm.cases().get(c.id())).isEqualTo(c);
    assertThat(events).containsExactly(new CaseOpened(tenant, START, c.id(), account.id(),
        Optional.of(contact.id()), "Cannot log in", CasePriority.HIGH));
  }

  @Test
  public void aCaseGoesFromNewThroughWaitingAndResolvedToClosedWithItsTimesAndEvents() {
    ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "Report wrong").contact(contact.id()).build());
    Instant t1 = clock.advance(Duration.ofMinutes(20));
    ServiceCase working = crm.cases().changeStatus(c.id(), CaseStatus.IN_PROGRESS);
    assertThat(working.firstResponseAt()).contains(t1);
    clock.advance(Duration.ofMinutes(5));
    ServiceCase waiting = crm.cases().changeStatus(c.id(), CaseStatus.WAITING_ON_CUSTOMER);
    assertThat(waiting.firstResponseAt()).contains(t1); // set once, when it first left NEW
    Instant t3 = clock.advance(Duration.ofHours(2));
    ServiceCase resolved = crm.cases().resolve(c.id(), "Re-ran the report with the new period");
    assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(resolved.resolution()).contains("Re-ran the report with the new period");
    assertThat(resolved.resolvedAt()).contains(t3);
    Instant t4 = clock.advance(Duration.ofDays(1));
    ServiceCase closed = crm.cases().changeStatus(c.id(), CaseStatus.CLOSED);
    assertThat(closed.version()).isEqualTo(5);
    assertThat(closed.resolvedAt()).contains(t3);
    assertThat(closed.updatedAt()).isEqualTo(t4);
    assertThat(crm.cases().get(c.id())).isEqualTo(closed);
    List<CrmEvent> lifecycle = events.subList(1, events.size());
    Optional<ContactId> who = Optional.of(contact.id());
    assertThat(lifecycle).containsExactly(
        new CaseStatusChanged(tenant, t1, c.id(), account.id(), who, CaseStatus.NEW, CaseStatus.IN_PROGRESS),
        new CaseStatusChanged(tenant, t1.plus(Duration.ofMinutes(5)), c.id(), account.id(), who,
            CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER),
        new CaseStatusChanged(tenant, t3, c.id(), account.id(), who, CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED),
        new CaseResolved(tenant, t3, c.id(), account.id(), who, "Re-ran the report with the new period", START),
        new CaseStatusChanged(tenant, t4, c.id(), account.id(), who, CaseStatus.RESOLVED, CaseStatus.CLOSED));
    assertThatThrownBy(() -> crm.cases().changeStatus(c.id(), CaseStatus.REOPENED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.cases().assign(c.id(), "agent-2")).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  public void reopeningAResolvedCaseClearsItsResolutionAndKeepsItsFirstResponse() {
    ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "VAT rate").build());
    Instant resolvedAt = clock.advance(Duration.ofMinutes(3));
    crm.cases().resolve(c.id(), "Explained the rate");
    clock.advance(Duration.ofDays(2));
    ServiceCase reopened = crm.cases().changeStatus(c.id(), CaseStatus.REOPENED);
    assertThat(reopened.isOpen()).isTrue();
    assertThat(reopened.resolution()).isEmpty();
    assertThat(reopened.resolvedAt()).isEmpty();
    assertThat(reopened.firstResponseAt()).contains(resolvedAt); // resolving from NEW is a response
    ServiceCase again = crm.cases().resolve(c.id(), "Fixed the rate table");
    assertThat(again.resolution()).contains("Fixed the rate table");
  }

  @Test
  public void anExplicitFirstResponseIsRecordedOnceAndLeavesTheStatus() {
    ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "Question").build());
    Instant answered = clock.advance(Duration.ofMinutes(7));
    ServiceCase responded = crm.cases().recordFirstResponse(c.id());
    assertThat(responded.status()).isEqualTo(CaseStatus.NEW);
    assertThat(responded.firstResponseAt()).contains(answered);
    assertThat(responded.version()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(7));
    assertThat(crm.cases().recordFirstResponse(c.id())).isEqualTo(responded); // unchanged, not stored again
    assertThat(crm.cases().changeStatus(c.id(), CaseStatus.IN_PROGRESS).firstResponseAt()).contains(answered);
  }

  @Test
  public void everyIllegalMoveIsRefusedAndChangesNothing() {
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus to : CaseStatus.values()) {
        if (to == CaseStatus.RESOLVED || from.canMoveTo(to)) {
          continue;
        }
        ServiceCase c = caseIn(from);
        StoreSnapshot before = snapshot();
        assertThatThrownBy(() -> crm.cases().changeStatus(c.id(), to))
            .as("%s -> %s", from, to).isInstanceOf(IllegalTransitionException.class);
        assertThat(snapshot()).isEqualTo(before);
      }
    }
    for (CaseStatus from : EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED)) {
      ServiceCase c = caseIn(from);
      assertThatThrownBy(() -> crm.cases().resolve(c.id(), "again")).isInstanceOf(IllegalTransitionException.class);
    }
  }

  /** A case brought to the status through legal moves. */
  private ServiceCase caseIn(CaseStatus status) {
    ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "In " + status).build());
    return switch (status) {
      case NEW -> c;
      case IN_PROGRESS, WAITING_ON_CUSTOMER -> crm.cases().changeStatus(c.id(), status);
      case RESOLVED -> crm.cases().resolve(c.id(), "done");
      case CLOSED -> {
        crm.cases().resolve(c.id(), "done");
        yield crm.cases().changeStatus(c.id(), CaseStatus.CLOSED);
      }
      case REOPENED -> {
        crm.cases().resolve(c.id(), "done");
        yield crm.cases().changeStatus(c.id(), CaseStatus.REOPENED);
      }
    };
  }

  @Test
  public void openCasesByOwnerAndPriorityArePagedInCreationOrderWithoutClosedOnes() {
    List<ServiceCase> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      CasePriority p = CasePriority.values()[i % 4];
      String owner = i % 3 == 0 ? "ann" : "bob";
      ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "Case " + i).priority(p).owner(owner).build());
      if (i % 5 == 0) {
        c = crm.cases().resolve(c.id(), "quick fix");
      } else if (i % 7 == 0) {
        c = crm.cases().changeStatus(c.id(), CaseStatus.WAITING_ON_CUSTOMER);
      }
      if (c.isOpen() && owner.equals("ann") && (p == CasePriority.HIGH || p == CasePriority.URGENT)) {
        expected.add(c);
      }
    }
    CaseQuery q = CaseQuery.allOpen().withOwner("ann").withPriorities(Set.of(CasePriority.HIGH, CasePriority.URGENT));
    assertThat(expected).isNotEmpty();
    assertThat(StoreSnapshot.all(p -> crm.cases().query(q, p), 2)).containsExactlyElementsOf(expected);
    assertThat(crm.cases().count(q)).isEqualTo(expected.size());
    List<ServiceCase> allOpen = StoreSnapshot.all(p -> crm.cases().query(CaseQuery.allOpen(), p), 3);
    assertThat(allOpen).hasSize(23 - 5).allMatch(ServiceCase::isOpen);
    assertThat(crm.cases().count(CaseQuery.allOpen())).isEqualTo(23 - 5);
    assertThat(crm.cases().count(CaseQuery.allOpen().withOwner("nobody"))).isZero();
    assertThat(allOpen).isSortedAccordingTo((a, b) -> a.id().compareTo(b.id()));
  }

  @Test
  public void casesOfAnAccountInEveryStatusArePagedAndOtherAccountsCasesAreNotAmongThem() {
    Account other = crm.accounts().create(NewAccount.builder("Other GmbH").build());
    List<ServiceCase> mine = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      mine.add(crm.cases().open(NewCase.builder(account.id(), "Mine " + i).build()));
      crm.cases().open(NewCase.builder(other.id(), "Theirs " + i).build());
    }
    mine.set(4, crm.cases().resolve(mine.get(4).id(), "done"));
    assertThat(StoreSnapshot.all(p -> crm.cases().byAccount(account.id(), p), 4)).containsExactlyElementsOf(mine);
    assertThat(crm.cases().countByAccount(account.id())).isEqualTo(mine.size());
    assertThat(crm.cases().byAccount(AccountId.of(UUID.randomUUID()), PageRequest.first(10)).items()).isEmpty();
    assertThat(crm.cases().countByAccount(AccountId.of(UUID.randomUUID()))).isZero();
  }

  @Test
  public void theContactMustBeAContactOfTheCasesAccount() {
    Account other = crm.accounts().create(NewAccount.builder("Other GmbH").build());
    Contact loner = crm.contacts().create(NewContact.builder(PersonName.of("Lone")).build());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.cases().open(NewCase.builder(other.id(), "X").contact(contact.id()).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("contactId");
    assertThatThrownBy(() -> crm.cases().open(NewCase.builder(account.id(), "X").contact(loner.id()).build()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.cases().open(NewCase.builder(account.id(), "X").contact(ContactId.of(UUID.randomUUID())).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void aCommandAtAStaleVersionIsRefusedAndOneAtTheCurrentVersionPasses() {
    ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "Versioned").build());
    ServiceCase assigned = crm.cases().ifVersion(1).assign(c.id(), "ann");
    assertThat(assigned.version()).isEqualTo(2);
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.cases().ifVersion(1).changePriority(c.id(), CasePriority.URGENT))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(crm.cases().ifVersion(2).changePriority(c.id(), CasePriority.URGENT).priority()).isEqualTo(CasePriority.URGENT);
  }

  @Test
  public void twoWritersOfTheSameCaseOneWinsTheOtherGetsConcurrentUpdateException() {
    ServiceCase c = inUnitOfWork(uow -> uow.port(CaseRepository.class).insert(full(tenant, account.id(), contact.id(), CaseStatus.NEW)));
    CountDownLatch firstRead = new CountDownLatch(1);
    CountDownLatch secondRead = new CountDownLatch(1);
    CountDownLatch firstCommitted = new CountDownLatch(1);
    CompletableFuture<ServiceCase> first = Threads.start("first-writer", () -> {
      ServiceCase r = inUnitOfWork(uow -> {
        ServiceCase read = uow.port(CaseRepository.class).find(c.id()).orElseThrow();
        firstRead.countDown();
        Threads.await(secondRead);
        return uow.port(CaseRepository.class).update(read.assign("first-writer", START));
      });
      firstCommitted.countDown();
      return r;
    });
    CompletableFuture<ServiceCase> second = Threads.start("second-writer", () -> inUnitOfWork(uow -> {
      Threads.await(firstRead);
      ServiceCase read = uow.port(CaseRepository.class).find(c.id()).orElseThrow();
      secondRead.countDown();
      Threads.await(firstCommitted);
      return uow.port(CaseRepository.class).update(read.assign("second-writer", START));
    }));
    Object winner = Threads.outcome(first);
    Object loser = Threads.outcome(second);
    assertThat(winner).isInstanceOf(ServiceCase.class);
    assertThat(loser).isInstanceOf(ConcurrentUpdateException.class);
    ServiceCase stored = storedCase(c.id()).orElseThrow();
    assertThat(stored).isEqualTo(winner);
    assertThat(stored.owner()).contains("first-writer");
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  public void anotherTenantSeesNoneOfTheCasesAndCannotChangeThem() {
    ServiceCase c = crm.cases().open(NewCase.builder(account.id(), "Private").owner("ann").build());
    Crm stranger = crm(freshTenant(), persistence);
    assertThat(stranger.cases().find(c.id())).isEmpty();
    assertThatThrownBy(() -> stranger.cases().get(c.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> stranger.cases().assign(c.id(), "mallory")).isInstanceOf(NotFoundException.class);
    assertThat(stranger.cases().query(CaseQuery.allOpen().withOwner("ann"), PageRequest.first(10)).items()).isEmpty();
    assertThat(stranger.cases().byAccount(account.id(), PageRequest.first(10)).items()).isEmpty();
    assertThat(stranger.cases().countByAccount(account.id())).isZero();
    assertThatThrownBy(() -> stranger.cases().open(NewCase.builder(account.id(), "Into yours").build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(crm.cases().get(c.id())).isEqualTo(c);
  }
}
