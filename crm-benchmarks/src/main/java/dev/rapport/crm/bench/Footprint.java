package dev.rapport.crm.bench;

import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.Pipeline;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bytes retained per stored record: the used heap after full garbage collections, before and
 * after storing {@code n} records, divided by {@code n}. Run in a fresh JVM of its own (the runner
 * forks one with the serial collector, whose used heap after a full collection is exact) and prints
 * one {@code key=value} line per figure:
 *
 * <ul>
 *   <li>{@code lead.rapport}: a lead captured through {@code Crm} into the in-memory adapter, with
 *       all of the adapter's indexes;
 *   <li>{@code lead.plain}: the same fields in a plain record ({@link HandStore.LeadRow}), held in
 *       a list;
 *   <li>{@code lead.hand}: the plain record in the hand-written maps and indexes of
 *       {@link HandStore};
 *   <li>{@code opportunity.rapport} and {@code opportunity.plain}: the same for an opportunity
 *       (stored through the adapter's port, since an opportunity comes only with a conversion).
 * </ul>
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] args) throws InterruptedException {
    int n = Integer.parseInt(args[0]);
    Instant now = Instant.now();

    long before = usedAfterGc();
    Crm crm = Fixture.memoryCrm();
    Fixture.capture(crm, MemoryStores.STORED, n);
    print("lead.rapport", before, n);
    Reference.reachabilityFence(crm);
    crm = null;

    before = usedAfterGc();
    List<HandStore.LeadRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(plainLead(i, now));
    }
    print("lead.plain", before, n);
    Reference.reachabilityFence(rows);
    rows = null;

    before = usedAfterGc();
    HandStore hand = new HandStore();
    for (int i = 0; i < n; i++) {
      MemoryStores.capture(hand, MemoryStores.STORED, i, now);
    }
    print("lead.hand", before, n);
    Reference.reachabilityFence(hand);
    hand = null;

    before = usedAfterGc();
    MemoryPersistence store = MemoryPersistence.create();
    TenantId tenant = TenantId.of(Fixture.TENANT);
    Pipeline pipeline = Pipeline.standard();
    int chunk = 1_000;
    for (int from = 0; from < n; from += chunk) {
      int start = from;
      int end = Math.min(n, from + chunk);
      store.inUnitOfWork(tenant, uow -> {
        for (int i = start; i < end; i++) {
          uow.port(OpportunityRepository.class).insert(Opportunity.open(OpportunityId.of(HandStore.nextId()), tenant,
              AccountId.of(HandStore.nextId()), Optional.of(ContactId.of(HandStore.nextId())),
              Fixture.deal(i), pipeline, Optional.of(LeadId.of(HandStore.nextId())),
              Optional.of(Fixture.source(i)), Optional.of(Fixture.owner(i)), now));
        }
        return null;
      });
    }
    print("opportunity.rapport", before, n);
    Reference.reachabilityFence(store);
    store = null;

    before = usedAfterGc();
    List<HandStore.OpportunityRow> opportunities = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      opportunities.add(new HandStore.OpportunityRow(HandStore.nextId(), Fixture.TENANT, 1,
          "Ledger suite " + i, HandStore.nextId(), HandStore.nextId(), Fixture.DEAL_AMOUNT,
          "Prospecting", 10, false, "PIPELINE", null, "OPEN", null, Fixture.source(i).code(),
          HandStore.nextId(), Fixture.owner(i),
          List.of(new HandStore.StageRow(null, "Prospecting", now)), now, now, null));
    }
    print("opportunity.plain", before, n);
    Reference.reachabilityFence(opportunities);
  }

  /** Lead {@code i} as a plain record, from the same inputs as Rapport's capture. */
  static HandStore.LeadRow plainLead(long i, Instant now) {
    dev.rapport.crm.lead.SignalType s = Fixture.signal(i);
    return new HandStore.LeadRow(HandStore.nextId(), Fixture.TENANT, 1, Fixture.given(i),
        Fixture.family(i), Fixture.email(MemoryStores.STORED, i), null, Fixture.company(i), null,
        Fixture.source(i).code(), null, dev.rapport.crm.lead.LeadStatus.NEW, null,
        s == null ? List.of() : List.of(new HandStore.SignalRow(s.code(), now)),
        dev.rapport.crm.lead.Temperature.COLD, null, Fixture.owner(i), 0, now, now, null, null,
        null, null);
  }

  private static void print(String key, long before, int n) throws InterruptedException {
    long after = usedAfterGc();
    System.out.printf("%s=%.1f%n", key, (after - before) / (double) n);
  }

  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

}
