package dev.rapport.crm.bench;

import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.Temperature;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads on a store of {@code leads} leads, Rapport's in-memory adapter against the hand-written
 * {@link HandStore}: a lookup by e-mail address (Rapport: {@code findByEmail}; baseline: one
 * {@code ConcurrentHashMap.get} of the lower-cased address), and the first page of 50 hot leads of
 * one owner (Rapport: {@code query}; baseline: a walk of the owner index filtering on temperature).
 * Throughput; the runner sets iterations, threads and the dataset size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MemoryReads {
  static final int PAGE = 50;
  private static final Set<Temperature> HOT = Set.of(Temperature.HOT);

  /** Each thread's stream of keys: random stored e-mail addresses and owners. */
  @State(Scope.Thread)
  public static class Keys {
    private static final int SIZE = 4096;
    String[] emails;
    String[] owners;
    int next;

    @Setup
    public void setUp(MemoryStores.Dataset data) {
      SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
      emails = new String[SIZE];
      owners = new String[SIZE];
      for (int i = 0; i < SIZE; i++) {
        emails[i] = Fixture.email(MemoryStores.STORED, random.nextInt(data.leads));
        owners[i] = Fixture.owner(random.nextInt(Fixture.OWNERS));
      }
    }

    String email() {
      return emails[next++ & (SIZE - 1)];
    }

    String owner() {
      return owners[next++ & (SIZE - 1)];
    }
  }

  @Benchmark
  public List<Lead> emailRapport(MemoryStores.Rapport store, Keys keys) {
    return store.crm.leads().findByEmail(keys.email());
  }

  @Benchmark
  public HandStore.LeadRow emailBaseline(MemoryStores.Hand store, Keys keys) {
    return store.store.findByEmail(keys.email());
  }

  @Benchmark
  public Page<Lead> pageRapport(MemoryStores.Rapport store, Keys keys) {
    return store.crm.leads().query(LeadQuery.all().withOwner(keys.owner()).withTemperatures(HOT),
        PageRequest.first(PAGE));
  }

  @Benchmark
  public List<HandStore.LeadRow> pageBaseline(MemoryStores.Hand store, Keys keys) {
    return store.store.hotLeadsOf(keys.owner(), PAGE);
  }

  @Benchmark
  public long countRapport(MemoryStores.Rapport store, Keys keys) {
    return store.crm.leads().count(LeadQuery.all().withOwner(keys.owner()).withTemperatures(HOT));
  }

  @Benchmark
  public long countBaseline(MemoryStores.Hand store, Keys keys) {
    return store.store.countHotLeadsOf(keys.owner());
  }
}
