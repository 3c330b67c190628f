package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadDeleted;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 24's lead deletion in memory: a lead with {@value #NOTES} notes of its own and one shared
 * with a contact deleted (its timeline, the own notes, the shared note unlinked), against the
 * capture of the same lead in the same run: what a deletion costs beside what a capture costs, in a
 * store of {@code leads} leads. Throughput, single-threaded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class DeleteBenchmarks {
  /** Notes of each deleted lead's own. */
  static final int NOTES = 3;

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = DeleteBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** A store of {@code leads} leads and a contact. */
  @State(Scope.Benchmark)
  public static class World {
    @Param("100000")
    public int leads;

    Crm crm;
    dev.rapport.crm.contact.Contact contact;
    long next;

    @Setup(Level.Trial)
    public void store() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("bench-delete").build();
      contact = crm.contacts().create(NewContact.builder(PersonName.of("Shared", "Contact")).build());
      for (int from = 0; from < leads; from += 1_000) {
        List<NewLead> batch = new ArrayList<>();
        for (int i = from; i < Math.min(leads, from + 1_000); i++) {
          batch.add(lead(i));
        }
        crm.leads().captureAll(batch);
      }
    }

    static NewLead lead(long i) {
      return NewLead.builder(PersonName.of(Fixture.given((int) (i % 10_000)), Fixture.family((int) (i % 10_000))),
          LeadSource.WEBINAR).email("lead" + i + "@delete.example").build();
    }
  }

  /**
   * The lead the next {@link #deleteLeadMemory} deletes, with its notes, made before the call and
   * outside its time (one per invocation: a deletion takes tens of microseconds, far above JMH's
   * cost of a setup per invocation).
   */
  @State(Scope.Thread)
  public static class Doomed {
    Lead lead;

    @Setup(Level.Invocation)
    public void make(World w) {
      lead = w.crm.leads().capture(World.lead(w.next++));
      for (int n = 0; n < NOTES; n++) {
        w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "note " + n).build());
      }
      w.crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()).andContact(w.contact.id()),
          "shared").build());
    }
  }

  /** A lead with {@value #NOTES} notes of its own and one shared note, deleted. */
  @Benchmark
  public LeadDeleted deleteLeadMemory(World w, Doomed d) {
    return w.crm.leads().delete(d.lead.id());
  }

  /** The baseline: the capture of a lead like it (no notes). */
  @Benchmark
  public Lead captureLeadMemory(World w) {
    return w.crm.leads().capture(World.lead(w.next++));
  }
}
