package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.common.OpportunityId;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 24's audit trail: what it adds to a command. A lead captured and a deal moved between two
 * stages, by a {@code Crm} that writes the trail and by one that does not, on the same store
 * (two tenants): in memory, and on H2 and embedded PostgreSQL through Hibernate. Throughput,
 * single-threaded.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditBenchmarks {

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = AuditBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** Two {@code Crm}s, with and without the trail, each with a deal to move. */
  abstract static class Pair {
    Crm with;
    Crm without;
    OpportunityId withDeal;
    OpportunityId withoutDeal;
    String[] stages;
    long next;
    int flip;
    long withMoves;
    long withoutMoves;

    void open(Crm with, Crm without) {
      this.with = with;
      this.without = without;
      withDeal = deal(with);
      withoutDeal = deal(without);
      stages = new String[] {with.opportunities().pipeline().stages().get(1).name(),
          with.opportunities().pipeline().stages().get(2).name()};
    }

    private static OpportunityId deal(Crm crm) {
      var account = crm.accounts().create(NewAccount.builder("Audited").build());
      return crm.opportunities().open(account.id(), NewOpportunity.builder("Deal", Money.of("100.00", "EUR")).build()).id();
    }

    NewLead lead() {
      long i = next++;
      return NewLead.builder(PersonName.of(Fixture.given((int) (i % 10_000)), Fixture.family((int) (i % 10_000))),
          LeadSource.WEBINAR).email("lead" + i + "@audit.example").build();
    }

    String stage() {
      return stages[flip++ & 1];
    }

    /**
     * The deal to move next: a deal holds at most 1,000 stage changes, so each {@code Crm} opens a
     * new one every 900 moves (one open per 900 moves, the same on both sides).
     */
    OpportunityId deal(boolean trail) {
      if (trail ? ++withMoves % 900 == 0 : ++withoutMoves % 900 == 0) {
        if (trail) {
          withDeal = deal(with);
        } else {
          withoutDeal = deal(without);
        }
      }
      return trail ? withDeal : withoutDeal;
    }
  }

  /** The memory store. */
  @State(Scope.Benchmark)
  public static class Memory extends Pair {
    @Setup(Level.Trial)
    public void start() {
      MemoryPersistence store = MemoryPersistence.create();
      open(Crm.builder().persistence(store).tenant("bench-audit-on").actor("ann").build(),
          Crm.builder().persistence(store).tenant("bench-audit-off").auditTrail(false).build());
    }
  }

  /** A database through Hibernate. */
  @State(Scope.Benchmark)
  public static class Db extends Pair {
    @Param({"h2", "postgresql"})
    public String db;

    Database database;
    EntityManagerFactory factory;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start(db);
      factory = database.entityManagerFactory("hibernate");
      JpaPersistence store = JpaPersistence.create(factory);
      open(Crm.builder().persistence(store).tenant("bench-audit-on").actor("ann").build(),
          Crm.builder().persistence(store).tenant("bench-audit-off").auditTrail(false).build());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      factory.close();
      database.close();
    }
  }

  /** A capture that writes its audit entry. */
  @Benchmark
  public Lead captureWithTrailMemory(Memory m) {
    return m.with.leads().capture(m.lead());
  }

  /** The baseline: the same capture without the trail. */
  @Benchmark
  public Lead captureWithoutTrailMemory(Memory m) {
    return m.without.leads().capture(m.lead());
  }

  /** A stage move that writes its audit entry (with the fields it changed). */
  @Benchmark
  public Opportunity moveStageWithTrailMemory(Memory m) {
    return m.with.opportunities().moveToStage(m.deal(true), m.stage());
  }

  /** The baseline: the same move without the trail. */
  @Benchmark
  public Opportunity moveStageWithoutTrailMemory(Memory m) {
    return m.without.opportunities().moveToStage(m.deal(false), m.stage());
  }

  /** A capture on the database that writes its audit entry. */
  @Benchmark
  public Lead captureWithTrailJpa(Db d) {
    return d.with.leads().capture(d.lead());
  }

  /** The baseline on the database. */
  @Benchmark
  public Lead captureWithoutTrailJpa(Db d) {
    return d.without.leads().capture(d.lead());
  }

  /** A stage move on the database that writes its audit entry. */
  @Benchmark
  public Opportunity moveStageWithTrailJpa(Db d) {
    return d.with.opportunities().moveToStage(d.deal(true), d.stage());
  }

  /** The baseline on the database. */
  @Benchmark
  public Opportunity moveStageWithoutTrailJpa(Db d) {
    return d.without.opportunities().moveToStage(d.deal(false), d.stage());
  }
}
