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
 * A merge of two contacts and its undo, against a hand-written baseline doing the same work in the
 * same run: {@code contacts} contacts with {@value #NOTES} notes each; one operation merges a
 * contact into another (its notes and their timeline entries move, it is deleted, the merge is
 * kept) and undoes it (everything back).
 *
 * <ul>
 *   <li>in memory: the baseline holds the contacts and notes in hash maps with an index from
 *       contact to its notes, and moves the notes and the contact by hand;
 *   <li>on a database through the JPA adapter: the baseline is the SQL a hand-written merge needs
 *       over JDBC, in two transactions (move the notes and the timeline entries, delete the
 *       contact; then insert it again and move them back), without Rapport's history, events or
 *       merge record.
 * </ul>
 *
 * Throughput, single-threaded.
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

  /** A database with {@code dbContacts} contacts and their notes, stored through Rapport. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("2000")
    public int dbContacts;

    Database database;
    final List<ContactId> ids = new ArrayList<>();
    int next;

    @Setup(Level.Trial)
    public void start() {
      database = Database.start(db);
      JpaFixture.seed(database, "bench-merge", java.time.Clock.systemUTC(), crm -> {
        for (int i = 0; i < dbContacts; i++) {
          Contact c = crm.contacts().create(NewContact.builder(PersonName.of("Person", "Number " + i))
              .email("person" + i + "@merge.example").build());
          ids.add(c.id());
          for (int n = 0; n < NOTES; n++) {
            crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.contact(c.id()), "Note " + n).build());
          }
        }
      });
    }

    int pair() {
      return (next++ % (Math.min(PAIRS, dbContacts / 4))) * 2;
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void stop() throws java.io.IOException {
      database.close();
    }
  }

  /** Rapport on the JPA adapter of one provider. */
  @State(Scope.Benchmark)
  public static class Rapport {
    @Param({"hibernate", "eclipselink"})
    public String provider;

    JpaFixture jpa;

    @Setup(Level.Trial)
    public void start(Db db) {
      jpa = JpaFixture.open(db.database, provider, "bench-merge");
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  @Benchmark
  public ContactMerge mergeAndUndoJpaRapport(Db db, Rapport r) {
    int i = db.pair();
    ContactMerge merge = r.jpa.crm.contacts().merge(ContactMergePlan.of(db.ids.get(i), List.of(db.ids.get(i + 1))));
    return r.jpa.crm.contacts().undoMerge(merge.id());
  }

  /**
   * The same by hand: the duplicate's notes and timeline entries to the survivor and the duplicate
   * gone in one transaction; then the duplicate back (its row and address) and its notes and entries
   * with it in another. Uses the pairs of the upper half, which Rapport's rows do not touch.
   */
  @Benchmark
  public int mergeAndUndoJdbc(Db db) throws java.sql.SQLException {
    int i = db.pair() + db.dbContacts / 2;
    java.util.UUID survivor = db.ids.get(i).value();
    java.util.UUID duplicate = db.ids.get(i + 1).value();
    String tenant = "bench-merge";
    int moved = 0;
    try (java.sql.Connection c = db.database.dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<java.util.UUID> notes = ids(c, "select id from crm_activity where tenant_id = ? and contact_id = ?", tenant, duplicate);
      List<java.util.UUID> entries = ids(c, "select id from crm_timeline_entry where tenant_id = ? and subject_id = ?", tenant, duplicate);
      Object[] row;
      Object[] email;
      try (java.sql.PreparedStatement ps = c.prepareStatement("select version, given_name, family_name, phones,"
          + " created_at, updated_at, match_email, match_phone, match_name from crm_contact where tenant_id = ? and id = ?")) {
        ps.setString(1, tenant);
        ps.setObject(2, duplicate);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          rs.next();
          row = new Object[9];
          for (int k = 0; k < 9; k++) {
            row[k] = rs.getObject(k + 1);
          }
        }
      }
      try (java.sql.PreparedStatement ps = c.prepareStatement("select email_normalized, address, list_index"
          + " from crm_contact_email where tenant_id = ? and contact_id = ?")) {
        ps.setString(1, tenant);
        ps.setObject(2, duplicate);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          rs.next();
          email = new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)};
        }
      }
      moved += update(c, "update crm_activity set contact_id = ?, version = version + 1 where tenant_id = ? and contact_id = ?",
          survivor, tenant, duplicate);
      moved += update(c, "update crm_timeline_entry set subject_id = ? where tenant_id = ? and subject_id = ?",
          survivor, tenant, duplicate);
      update(c, "delete from crm_contact_email where tenant_id = ? and contact_id = ?", null, tenant, duplicate);
      update(c, "delete from crm_contact where tenant_id = ? and id = ?", null, tenant, duplicate);
      c.commit();
      // undo
      try (java.sql.PreparedStatement ps = c.prepareStatement("insert into crm_contact (id, tenant_id, version, given_name,"
          + " family_name, phones, created_at, updated_at, match_email, match_phone, match_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setObject(1, duplicate);
        ps.setString(2, tenant);
        for (int k = 0; k < 9; k++) {
          ps.setObject(k + 3, row[k]);
        }
        ps.executeUpdate();
      }
      try (java.sql.PreparedStatement ps = c.prepareStatement("insert into crm_contact_email (tenant_id, contact_id,"
          + " email_normalized, address, list_index) values (?, ?, ?, ?, ?)")) {
        ps.setString(1, tenant);
        ps.setObject(2, duplicate);
        ps.setString(3, (String) email[0]);
        ps.setString(4, (String) email[1]);
        ps.setInt(5, (Integer) email[2]);
        ps.executeUpdate();
      }
      moveBack(c, "update crm_activity set contact_id = ?, version = version + 1 where tenant_id = ? and id = ?", duplicate, tenant, notes);
      moveBack(c, "update crm_timeline_entry set subject_id = ? where tenant_id = ? and id = ?", duplicate, tenant, entries);
      c.commit();
    }
    return moved;
  }

  private static List<java.util.UUID> ids(java.sql.Connection c, String sql, String tenant, java.util.UUID id)
      throws java.sql.SQLException {
    List<java.util.UUID> out = new ArrayList<>();
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setObject(2, id);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getObject(1, java.util.UUID.class));
        }
      }
    }
    return out;
  }

  private static int update(java.sql.Connection c, String sql, java.util.UUID to, String tenant, java.util.UUID id)
      throws java.sql.SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      int k = 1;
      if (to != null) {
        ps.setObject(k++, to);
      }
      ps.setString(k++, tenant);
      ps.setObject(k, id);
      return ps.executeUpdate();
    }
  }

  private static void moveBack(java.sql.Connection c, String sql, java.util.UUID to, String tenant, List<java.util.UUID> rows)
      throws java.sql.SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      for (java.util.UUID row : rows) {
        ps.setObject(1, to);
        ps.setString(2, tenant);
        ps.setObject(3, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
