package dev.rapport.crm.memory;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.lead.LeadRepository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Several threads, each driven by its own seeded {@link Random}, run a bounded number of units of
 * work against one store; afterwards every invariant holds: each committed score increment is
 * counted exactly once, indexes agree with the records, and unique references stayed unique.
 */
class MemoryPersistenceStressTest {
  private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");
  private static final int THREADS = 6;
  private static final int OPERATIONS = 200;
  private static final Temperature[] TEMPS = Temperature.values();

  @Test
  void concurrentUnitsOfWorkKeepEveryInvariant() throws InterruptedException {
    MemoryPersistence store = MemoryPersistence.create();
    TenantId tenant = TenantId.of("stress");
    TenantId bystander = TenantId.of("bystander");
    store.inUnitOfWork(bystander, uow -> uow.port(LeadRepository.class).insert(Samples.lead(bystander, T0)));
    List<Lead> leads = new ArrayList<>();
    store.inUnitOfWork(tenant, uow -> {
      for (int i = 0; i < 40; i++) {
        leads.add(uow.port(LeadRepository.class).insert(Samples.lead(tenant, T0)));
      }
      return null;
    });
    AtomicInteger committedIncrements = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Random random = new Random(1000 + t);
      Thread thread = new Thread(() -> {
        try {
          go.await();
          for (int op = 0; op < OPERATIONS; op++) {
            int kind = random.nextInt(10);
            Lead target = leads.get(random.nextInt(leads.size()));
            try {
              if (kind < 5) { // increment a score and change the temperature (moves index entries)
                Temperature temp = TEMPS[random.nextInt(TEMPS.length)];
                store.inUnitOfWork(tenant, uow -> {
                  Lead l = uow.port(LeadRepository.class).find(target.id()).orElseThrow();
                  return uow.port(LeadRepository.class).update(withScoreAndTemperature(l, l.score() + 1, temp));
                });
                committedIncrements.incrementAndGet();
              } else if (kind < 7) { // claim an external reference from a small pool
                String ref = "REF-" + random.nextInt(5);
                store.inUnitOfWork(tenant, uow -> uow.port(AccountRepository.class).insert(Samples.account(tenant, T0, "A", ref)));
              } else if (kind < 9) { // page through a filtered query: no repeats, ids ascending
                Temperature temp = TEMPS[random.nextInt(TEMPS.length)];
                Set<Object> seen = new HashSet<>();
                Optional<PageRequest> next = Optional.of(PageRequest.first(1 + random.nextInt(4)));
                Object last = null;
                while (next.isPresent()) {
                  PageRequest request = next.get();
                  Page<Lead> page = store.inUnitOfWork(tenant,
                      uow -> uow.port(LeadRepository.class).query(LeadQuery.all().withTemperatures(Set.of(temp)), request));
                  for (Lead l : page.items()) {
                    if (!seen.add(l.id()) || (last != null && ((Comparable<Object>) last).compareTo(l.id()) >= 0)) {
                      throw new AssertionError("paging returned " + l.id() + " out of order or twice");
                    }
                    last = l.id();
                  }
                  next = request.next(page);
                }
              } else { // a unit of work that fails after writing: nothing of it may appear
                try {
                  store.inUnitOfWork(tenant, uow -> {
                    Lead l = uow.port(LeadRepository.class).find(target.id()).orElseThrow();
                    uow.port(LeadRepository.class).update(withScoreAndTemperature(l, l.score() + 1, l.temperature()));
                    throw new IllegalStateException("abandon");
                  });
                } catch (IllegalStateException expected) {
                  // nothing stored
                }
              }
            } catch (ConcurrentUpdateException e) {
              conflicts.incrementAndGet();
            } catch (DuplicateException e) {
              duplicates.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "stress-" + t);
      threads.add(thread);
      thread.start();
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();

    List<Lead> after = store.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).query(LeadQuery.all(), PageRequest.first(500)).items());
    int totalScore = after.stream().mapToInt(Lead::score).sum();
    assertThat(totalScore).isEqualTo(committedIncrements.get());
    assertThat(after).allMatch(l -> l.version() == 1 + l.score());
    assertThat(committedIncrements.get()).isPositive();
    // Indexes agree with the records: each temperature query returns exactly the leads with it.
    for (Temperature temp : TEMPS) {
      List<Lead> byIndex = store.inUnitOfWork(tenant,
          uow -> uow.port(LeadRepository.class).query(LeadQuery.all().withTemperatures(Set.of(temp)), PageRequest.first(500)).items());
      assertThat(byIndex).containsExactlyElementsOf(after.stream().filter(l -> l.temperature() == temp).toList());
    }
    assertThat(store.<List<Lead>>inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).query(
        LeadQuery.all().withStatuses(Set.of(LeadStatus.NEW)), PageRequest.first(500)).items())).hasSize(after.size());
    // Each reference is held by exactly one account.
    List<Account> accounts = store.inUnitOfWork(tenant, uow -> uow.port(AccountRepository.class).list(PageRequest.first(500)).items());
    Map<String, Integer> holders = new HashMap<>();
    accounts.forEach(a -> holders.merge(a.externalReference().orElseThrow(), 1, Integer::sum));
    assertThat(holders.values()).allMatch(n -> n == 1);
    assertThat(accounts).hasSizeBetween(1, 5);
    assertThat(duplicates.get()).isPositive();
    // The other tenant was never touched.
    assertThat(store.<List<Lead>>inUnitOfWork(bystander, uow -> uow.port(LeadRepository.class).query(LeadQuery.all(), PageRequest.first(10)).items())).hasSize(1);
  }

  private static Lead withScoreAndTemperature(Lead l, int score, Temperature t) {
    return new Lead(l.id(), l.tenantId(), l.version(), l.name(), l.email(), l.phone(), l.company(),
        l.title(), l.source(), l.sourceDetail(), l.status(), l.disqualificationReason(), l.signals(),
        t, Optional.of(t), l.owner(), score, l.createdAt(),
        l.updatedAt(), l.convertedTo());
  }
}
