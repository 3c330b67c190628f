package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first page of 50 of a contact's timeline when the contact has {@code activities}
 * activities: Rapport on its JPA adapter (the contact, the leads converted into it, the page of
 * the timeline index, the page's activities and tasks) against one hand-written JDBC query that
 * joins the index with the activities; and Rapport's memory adapter against hand-written maps (a
 * sorted map of the contact's activities, newest first).
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TimelineBenchmarks {
  static final int PAGE = 50;
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  /** A database whose one contact has {@code activities} activities, written by JDBC in batches. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("10000")
    public int activities;

    Database database;
    UUID contact;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start(db);
      JpaFixture.seed(database, Fixture.TENANT, Clock.systemUTC(), crm -> {
        Account a = crm.accounts().create(NewAccount.builder("Timeline Ltd").build());
        Contact c = crm.contacts().create(NewContact.builder(PersonName.of("Busy", "Contact")).account(a.id()).build());
        contact = c.id().value();
      });
      insertActivities(database, contact, activities);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      database.close();
    }
  }

  /** Rapport on the JPA adapter of one provider. */
  @State(Scope.Benchmark)
  public static class Rapport {
    @Param({"hibernate", "eclipselink"})
    public String provider;

    JpaFixture jpa;
    Crm crm;

    @Setup(Level.Trial)
    public void start(Db db) {
      jpa = JpaFixture.open(db.database, provider, Fixture.TENANT);
      crm = jpa.crm;
    }

    @TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  /** The memory adapter and the hand-written maps, each with one contact of {@code activities} activities. */
  @State(Scope.Benchmark)
  public static class Memory {
    @Param("10000")
    public int activities;

    Crm crm;
    ContactId contact;
    /** Per subject, its activities by (occurred at, id), newest last. */
    final Map<UUID, NavigableMap<Key, Row>> hand = new HashMap<>();

    record Key(Instant at, UUID id) implements Comparable<Key> {
      @Override
      public int compareTo(Key o) {
        int c = at.compareTo(o.at);
        return c != 0 ? c : id.compareTo(o.id);
      }
    }

    record Row(UUID id, String type, String subject, Instant occurredAt, UUID contact) {}

    @Setup(Level.Trial)
    public void start() {
      crm = Fixture.memoryCrm();
      Account a = crm.accounts().create(NewAccount.builder("Timeline Ltd").build());
      contact = crm.contacts().create(NewContact.builder(PersonName.of("Busy", "Contact")).account(a.id()).build()).id();
      NavigableMap<Key, Row> rows = new TreeMap<>();
      for (int i = 0; i < activities; i++) {
        Instant at = START.plus(Duration.ofMinutes(i));
        crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.contact(contact), "Note " + i)
            .occurredAt(at).build());
        UUID id = HandStore.nextId();
        rows.put(new Key(at, id), new Row(id, "note", "Note " + i, at, contact.value()));
      }
      hand.put(contact.value(), rows);
    }
  }

  static void insertActivities(Database database, UUID contact, int n) throws SQLException {
    try (Connection c = database.dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement a = c.prepareStatement("insert into crm_activity (id, tenant_id, version, type,"
              + " contact_id, subject, occurred_at, logged_at) values (?, ?, 1, 'note', ?, ?, ?, ?)");
          PreparedStatement t = c.prepareStatement("insert into crm_timeline_entry (id, tenant_id, subject_id,"
              + " occurred_at, kind, activity_id) values (?, ?, ?, ?, 'ACTIVITY', ?)")) {
        for (int i = 0; i < n; i++) {
          UUID id = HandStore.nextId();
          var at = JdbcBaseline.column(START.plus(Duration.ofMinutes(i)));
          a.setObject(1, id);
          a.setString(2, Fixture.TENANT);
          a.setObject(3, contact);
          a.setString(4, "Note " + i);
          a.setObject(5, at);
          a.setObject(6, at);
          a.addBatch();
          t.setObject(1, HandStore.nextId());
          t.setString(2, Fixture.TENANT);
          t.setObject(3, contact);
          t.setObject(4, at);
          t.setObject(5, id);
          t.addBatch();
          if ((i + 1) % 1000 == 0 || i == n - 1) {
            a.executeBatch();
            t.executeBatch();
            c.commit();
          }
        }
      }
    }
  }

  @Benchmark
  public Page<TimelineItem> jpaRapport(Rapport rapport, Db db) {
    return rapport.crm.timeline().contact(ContactId.of(db.contact), PageRequest.first(PAGE));
  }

  /** One query: the page of the index joined with the activities, every column read. */
  @Benchmark
  public List<Object[]> jpaBaseline(Db db) throws SQLException {
    try (Connection c = db.database.dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select e.id, e.occurred_at, e.kind, e.event_type, e.summary,"
            + " a.id, a.type, a.subject, a.body, a.direction, a.outcome, a.occurred_at, a.duration_seconds,"
            + " a.owner, a.logged_at, a.lead_id, a.contact_id, a.account_id, a.opportunity_id, a.version"
            + " from crm_timeline_entry e left join crm_activity a on a.tenant_id = e.tenant_id and a.id = e.activity_id"
            + " where e.tenant_id = ? and e.subject_id = ? order by e.occurred_at desc, e.id desc limit " + (PAGE + 1))) {
      s.setString(1, Fixture.TENANT);
      s.setObject(2, db.contact);
      List<Object[]> rows = new ArrayList<>(PAGE + 1);
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int k = 0; k < columns; k++) {
            row[k] = rs.getObject(k + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  @Benchmark
  public Page<TimelineItem> memoryRapport(Memory m) {
    return m.crm.timeline().contact(m.contact, PageRequest.first(PAGE));
  }

  @Benchmark
  public List<Memory.Row> memoryBaseline(Memory m) {
    List<Memory.Row> page = new ArrayList<>(PAGE + 1);
    Iterator<Memory.Row> it = m.hand.get(m.contact.value()).descendingMap().values().iterator();
    while (page.size() <= PAGE && it.hasNext()) {
      page.add(it.next());
    }
    return page.size() > PAGE ? page.subList(0, PAGE) : page;
  }

  /** For a quick check by hand. */
  static Optional<String> describe(Page<TimelineItem> page) {
    return page.items().isEmpty() ? Optional.empty() : Optional.of(page.items().get(0).toString());
  }
}
