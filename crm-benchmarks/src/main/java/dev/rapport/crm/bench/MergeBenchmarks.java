package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactMerge;
import dev.rapport.crm.contact.ContactMergePlan;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.memory.MemoryPersistence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A merge of two contacts and its undo, in memory, against a hand-written baseline doing the same
 * work in the same run: {@code contacts} contacts with {@value #NOTES} notes each; one operation
 * merges a contact into another (its notes move, it is deleted, the merge is kept) and undoes it
 * (everything back). The baseline holds the contacts and notes in hash maps with an index from
 * contact to its notes, and moves the notes and the contact by hand. Throughput, single-threaded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MergeBenchmarks {
  static final int NOTES = 5;
  static final int PAIRS = 256;

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = MergeBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** The same contacts and notes in the memory adapter and in the baseline's maps. */
  @State(Scope.Benchmark)
  public static class World {
    @Param("100000")
    public int contacts;

    Crm crm;
    final List<Contact> stored = new ArrayList<>();
    final Map<UUID, String> handContacts = new HashMap<>();
    final Map<UUID, UUID> handNoteContact = new HashMap<>();
    final Map<UUID, List<UUID>> handNotesOf = new HashMap<>();
    final List<UUID> handIds = new ArrayList<>();
    int next;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("bench-merge").build();
      for (int i = 0; i < contacts; i++) {
        Contact c = crm.contacts().create(NewContact.builder(PersonName.of("Person", "Number " + i)).build());
        stored.add(c);
        UUID hand = UUID.randomUUID();
        handIds.add(hand);
        handContacts.put(hand, "Person Number " + i);
        List<UUID> notes = new ArrayList<>(NOTES);
        for (int n = 0; n < NOTES; n++) {
          crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.contact(c.id()), "Note " + n).build());
          UUID note = UUID.randomUUID();
          handNoteContact.put(note, hand);
          notes.add(note);
        }
        handNotesOf.put(hand, notes);
      }
    }

    int pair() {
      return (next++ % PAIRS) * 2;
    }
  }

  @Benchmark
  public ContactMerge mergeAndUndoMemoryRapport(World w) {
    int i = w.pair();
    ContactId survivor = w.stored.get(i).id();
    ContactId duplicate = w.stored.get(i + 1).id();
    ContactMerge merge = w.crm.contacts().merge(ContactMergePlan.of(survivor, List.of(duplicate)));
    return w.crm.contacts().undoMerge(merge.id());
  }

  @Benchmark
  public int mergeAndUndoMemoryBaseline(World w) {
    int i = w.pair();
    UUID survivor = w.handIds.get(i);
    UUID duplicate = w.handIds.get(i + 1);
    // merge: the notes move, the contact goes, what moved is kept
    List<UUID> moved = new ArrayList<>(w.handNotesOf.remove(duplicate));
    String gone = w.handContacts.remove(duplicate);
    for (UUID note : moved) {
      w.handNoteContact.put(note, survivor);
    }
    w.handNotesOf.get(survivor).addAll(moved);
    // undo: everything back
    w.handContacts.put(duplicate, gone);
    for (UUID note : moved) {
      w.handNoteContact.put(note, duplicate);
    }
    List<UUID> own = w.handNotesOf.get(survivor);
    own.subList(own.size() - moved.size(), own.size()).clear();
    w.handNotesOf.put(duplicate, moved);
    return moved.size();
  }
}
