package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The stores the in-memory benchmarks share: the dataset size, Rapport's in-memory adapter and the
 * hand-written baseline, each loaded with the same {@code leads} leads before the first
 * iteration. A benchmark method names only the store it uses, so a fork loads only that one.
 */
public final class MemoryStores {
  /** The series of the preloaded leads. */
  static final String STORED = "lead";

  private MemoryStores() {}

  /** The dataset: how many leads are stored before measuring (the runner sets it). */
  @State(Scope.Benchmark)
  public static class Dataset {
    @Param("1000000")
    public int leads;

    /** Numbers for leads written while measuring, unique across threads. */
    final AtomicLong written = new AtomicLong();
  }

  /** Rapport on its in-memory adapter, with its defaults. */
  @State(Scope.Benchmark)
  public static class Rapport {
    Crm crm;

    @Setup(Level.Trial)
    public void load(Dataset data) {
      crm = Fixture.memoryCrm();
      Fixture.capture(crm, STORED, data.leads);
    }
  }

  /** The hand-written baseline. */
  @State(Scope.Benchmark)
  public static class Hand {
    HandStore store;

    @Setup(Level.Trial)
    public void load(Dataset data) {
      store = new HandStore();
      Instant now = Instant.now();
      for (int i = 0; i < data.leads; i++) {
        capture(store, STORED, i, now);
      }
    }
  }

  /** Stores lead {@code i} of a series in the baseline, from the same inputs Rapport gets. */
  static HandStore.LeadRow capture(HandStore store, String prefix, long i, Instant now) {
    return store.capture(Fixture.given(i), Fixture.family(i), Fixture.email(prefix, i),
        Fixture.company(i), Fixture.owner(i), Fixture.source(i).code(), Fixture.signal(i), now);
  }
}
