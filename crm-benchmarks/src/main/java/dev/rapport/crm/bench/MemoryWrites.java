package dev.rapport.crm.bench;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Writes on a store of {@code leads} leads, Rapport's in-memory adapter against the hand-written
 * {@link HandStore}: capturing a lead, and converting a qualified lead into a new contact, account
 * and opportunity. Each iteration is one batch of a fixed number of calls (single-shot mode with a
 * batch size), so the store grows by a known amount and every converted lead was made qualified
 * before the batch started. The runner sets the batch size, iterations, threads and dataset size.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, batchSize = 10_000)
@Measurement(iterations = 10, batchSize = 10_000)
public class MemoryWrites {

  /** The time stamped on the signals of the leads a thread captures. */
  @State(Scope.Thread)
  public static class Clock {
    Instant now;

    @Setup(Level.Iteration)
    public void tick() {
      now = Instant.now();
    }
  }

  /** Qualified leads in Rapport, one for each call of the coming batch of this thread. */
  @State(Scope.Thread)
  public static class RapportQualified {
    final ArrayDeque<LeadId> leads = new ArrayDeque<>();

    @Setup(Level.Iteration)
    public void qualify(MemoryStores.Rapport store, MemoryStores.Dataset data, IterationParams it) {
      leads.clear();
      Instant now = Instant.now();
      for (int b = 0; b < it.getBatchSize(); b++) {
        long i = data.written.getAndIncrement();
        Lead lead = store.crm.leads().capture(Fixture.convertibleLead(i, now));
        store.crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
        leads.add(lead.id());
      }
    }
  }

  /** Qualified leads in the baseline, one for each call of the coming batch of this thread. */
  @State(Scope.Thread)
  public static class HandQualified {
    final ArrayDeque<UUID> leads = new ArrayDeque<>();

    @Setup(Level.Iteration)
    public void qualify(MemoryStores.Hand store, MemoryStores.Dataset data, IterationParams it) {
      leads.clear();
      Instant now = Instant.now();
      for (int b = 0; b < it.getBatchSize(); b++) {
        long i = data.written.getAndIncrement();
        HandStore.LeadRow row = store.store.capture(Fixture.given(i), Fixture.family(i),
            "buyer" + i + "@buyer" + i + ".example", "Buyer " + i + " Ltd", Fixture.owner(i),
            Fixture.source(i).code(), dev.rapport.crm.lead.SignalType.DEMO_REQUEST, now);
        store.store.changeStatus(row.id(), LeadStatus.QUALIFIED, now);
        leads.add(row.id());
      }
    }
  }

  @Benchmark
  public Lead captureRapport(MemoryStores.Rapport store, MemoryStores.Dataset data, Clock clock) {
    long i = data.written.getAndIncrement();
    return store.crm.leads().capture(Fixture.newLead("new", i, clock.now));
  }

  @Benchmark
  public HandStore.LeadRow captureBaseline(MemoryStores.Hand store, MemoryStores.Dataset data,
      Clock clock) {
    long i = data.written.getAndIncrement();
    return MemoryStores.capture(store.store, "new", i, clock.now);
  }

  @Benchmark
  public ConversionResult convertRapport(MemoryStores.Rapport store, RapportQualified qualified) {
    LeadId id = qualified.leads.poll();
    return store.crm.leads().convert(id, Conversion.standard().withOpportunity(Fixture.deal(0)));
  }

  @Benchmark
  public HandStore.OpportunityRow convertBaseline(MemoryStores.Hand store, HandQualified qualified) {
    UUID id = qualified.leads.poll();
    return store.store.convert(id, "Ledger suite 0", Fixture.DEAL_AMOUNT, Instant.now());
  }
}
