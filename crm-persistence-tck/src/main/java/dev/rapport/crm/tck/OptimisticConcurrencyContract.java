package dev.rapport.crm.tck;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Two writers of one record: exactly one wins, the other gets {@link ConcurrentUpdateException},
 * nothing of the loser's unit of work is stored, and the winner's change is what the store holds.
 * The threads meet at latches, so the outcome does not depend on timing.
 */
public abstract class OptimisticConcurrencyContract extends ContractSupport {

  /**
   * Both writers read the record, then the first updates and commits, then the second updates
   * (and inserts another record) and tries to commit.
   */
  private <R> void raceOfTwoWriters(R original, Function<R, Object> id,
      Function<dev.rapport.crm.spi.UnitOfWork, java.util.Optional<R>> read,
      java.util.function.BiFunction<dev.rapport.crm.spi.UnitOfWork, R, R> write, String winnerMark,
      String loserMark) {
    CountDownLatch firstRead = new CountDownLatch(1);
    CountDownLatch secondRead = new CountDownLatch(1);
    CountDownLatch firstCommitted = new CountDownLatch(1);
    Lead loserExtra = Fixtures.minimalLead(tenant, START);
    CompletableFuture<R> first = Threads.start("first-writer", () -> {
      R result = inUnitOfWork(uow -> {
        R r = read.apply(uow).orElseThrow();
        firstRead.countDown();
        Threads.await(secondRead);
        return write.apply(uow, r);
      });
      firstCommitted.countDown();
      return result;
    });
    CompletableFuture<R> second = Threads.start("second-writer", () -> inUnitOfWork(uow -> {
      Threads.await(firstRead);
      R r = read.apply(uow).orElseThrow();
      secondRead.countDown();
      Threads.await(firstCommitted);
      uow.port(LeadRepository.class).insert(loserExtra);
      return write.apply(uow, r);
    }));
    Object winner = Threads.outcome(first);
    Object loser = Threads.outcome(second);
    assertThat(winner).isNotInstanceOf(Throwable.class);
    assertThat(loser).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(((ConcurrentUpdateException) loser).id()).isEqualTo(id.apply(original).toString());
    Object stored = inUnitOfWork(uow -> read.apply(uow).orElseThrow());
    assertThat(stored).isEqualTo(winner);
    assertThat(storedLead(loserExtra.id())).isEmpty();
  }

  @Test
  public void twoWritersOfTheSameLeadOneWinsTheOtherGetsConcurrentUpdateException() {
    Lead lead = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START)));
    raceOfTwoWriters(lead, Lead::id, uow -> uow.port(LeadRepository.class).find(lead.id()),
        (uow, l) -> uow.port(LeadRepository.class).update(l.assignTo(Thread.currentThread().getName(), START)), "first", "second");
    assertThat(storedLead(lead.id()).orElseThrow().owner()).contains("first-writer");
    assertThat(storedLead(lead.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  public void twoWritersOfTheSameAccountOneWinsTheOtherGetsConcurrentUpdateException() {
    Account account = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "Race Ltd")));
    raceOfTwoWriters(account, Account::id, uow -> uow.port(AccountRepository.class).find(account.id()),
        (uow, a) -> uow.port(AccountRepository.class).update(a.rename(Thread.currentThread().getName(), START)), "first", "second");
    assertThat(storedAccount(account.id()).orElseThrow().name()).isEqualTo("first-writer");
  }

  @Test
  public void twoWritersOfTheSameOpportunityOneWinsTheOtherGetsConcurrentUpdateException() {
    Account account = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "Race Ltd")));
    Opportunity opp = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).insert(Fixtures.opportunity(tenant, START, account.id(), null)));
    raceOfTwoWriters(opp, Opportunity::id, uow -> uow.port(OpportunityRepository.class).find(opp.id()),
        (uow, o) -> uow.port(OpportunityRepository.class).update(o.overrideProbability(
            Thread.currentThread().getName().startsWith("first") ? 42 : 24, START)), "first", "second");
    assertThat(storedOpportunity(opp.id()).orElseThrow().probability()).isEqualTo(42);
  }

  @Test
  public void twoServiceCommandsOnOneLeadFromTwoThreadsExactlyOneWinsAndNoChangeIsLost() {
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Race", "Condition"), LeadSource.WEBINAR).build());
    // Both commands must have read the lead before either writes: they meet after their reads.
    CountDownLatch bothRead = new CountDownLatch(2);
    InterceptingPersistence meeting = new InterceptingPersistence(persistence, new InterceptingPersistence.Interceptor() {
      @Override
      public void after(String operation, Object result) {
        if (operation.equals("LeadRepository.find") && bothRead.getCount() > 0) {
          bothRead.countDown();
          Threads.await(bothRead);
        }
      }
    });
    Crm racing = crm(tenant, meeting);
    LeadId id = lead.id();
    events.clear();
    CompletableFuture<Lead> ann = Threads.start("ann", () -> racing.leads().assign(id, "ann"));
    CompletableFuture<Lead> bob = Threads.start("bob", () -> racing.leads().assign(id, "bob"));
    List<Object> outcomes = List.of(Threads.outcome(ann), Threads.outcome(bob));
    assertThat(outcomes).filteredOn(o -> o instanceof ConcurrentUpdateException).hasSize(1);
    Lead winner = (Lead) outcomes.stream().filter(o -> o instanceof Lead).findFirst().orElseThrow();
    assertThat(winner.version()).isEqualTo(2);
    assertThat(crm.leads().get(id)).isEqualTo(winner);
  }

  @Test
  public void aRetryAfterConcurrentUpdateExceptionOnTheFreshRecordSucceeds() {
    Lead v1 = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START)));
    inUnitOfWork(uow -> uow.port(LeadRepository.class).update(v1.withScore(10, START)));
    Object stale = Threads.outcome(Threads.start("stale", () -> inUnitOfWork(uow -> uow.port(LeadRepository.class).update(v1.withScore(20, START)))));
    assertThat(stale).isInstanceOf(ConcurrentUpdateException.class);
    Lead fresh = storedLead(v1.id()).orElseThrow();
    Lead retried = inUnitOfWork(uow -> uow.port(LeadRepository.class).update(fresh.withScore(20, START)));
    assertThat(retried.version()).isEqualTo(3);
    assertThat(storedLead(v1.id())).contains(retried);
  }

  @Test
  public void manyThreadsIncrementingOneScoreWithRetriesLoseNoIncrement() {
    Lead lead = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START)));
    int threads = 4;
    int perThread = 10;
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> workers = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(Threads.start("inc-" + t, () -> {
        Threads.await(go);
        int conflicts = 0;
        for (int i = 0; i < perThread; i++) {
          while (true) {
            try {
              inUnitOfWork(uow -> {
                Lead l = uow.port(LeadRepository.class).find(lead.id()).orElseThrow();
                return uow.port(LeadRepository.class).update(l.withScore(l.score() + 1, START));
              });
              break;
            } catch (ConcurrentUpdateException e) {
              conflicts++;
            }
          }
        }
        return conflicts;
      }));
    }
    go.countDown();
    for (CompletableFuture<Integer> w : workers) {
      assertThat(Threads.outcome(w)).isInstanceOf(Integer.class);
    }
    Lead last = storedLead(lead.id()).orElseThrow();
    assertThat(last.score()).isEqualTo(threads * perThread);
    assertThat(last.version()).isEqualTo(1 + threads * perThread);
  }

  @Test
  public void twoThreadsCreatingAccountsWithOneExternalReferenceStoreExactlyOne() {
    CountDownLatch bothChecked = new CountDownLatch(2);
    InterceptingPersistence meeting = new InterceptingPersistence(persistence, new InterceptingPersistence.Interceptor() {
      @Override
      public void after(String operation, Object result) {
        if (operation.equals("AccountRepository.findByExternalReference") && bothChecked.getCount() > 0) {
          bothChecked.countDown();
          Threads.await(bothChecked);
        }
      }
    });
    Crm racing = crm(tenant, meeting);
    CompletableFuture<Account> a = Threads.start("a", () -> racing.accounts().create(NewAccount.builder("A").externalReference("CUST-1").build()));
    CompletableFuture<Account> b = Threads.start("b", () -> racing.accounts().create(NewAccount.builder("B").externalReference("CUST-1").build()));
    List<Object> outcomes = List.of(Threads.outcome(a), Threads.outcome(b));
    assertThat(outcomes).filteredOn(o -> o instanceof dev.rapport.crm.exception.DuplicateException).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof Account).hasSize(1);
    assertThat(snapshot().accounts()).hasSize(1);
  }
}
