package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.dedupe.DuplicateCluster;
import dev.rapport.crm.dedupe.DuplicateMatch;
import dev.rapport.crm.dedupe.DuplicateMatcher;
import dev.rapport.crm.dedupe.MatchProfile;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Duplicate detection's speed, each against a hand-written baseline doing the same work in the
 * same run:
 *
 * <ul>
 *   <li>one new record against {@code contacts} stored ones, in memory ({@code lookUpMemory*}):
 *       {@code crm.duplicates().contactsLike(profile)} against hand-written hash maps from the
 *       same three blocking keys to the profiles, judged by the same matcher;
 *   <li>the same on a database ({@code lookUpRapport/db/provider} against {@code lookUpJdbc/db}):
 *       one indexed query for the candidates and one for their addresses, written by hand over
 *       JDBC on the same data source and judged by the same matcher;
 *   <li>a whole-tenant scan of {@code scanned} contacts in memory ({@code scanMemory*}):
 *       {@code crm.duplicates().scanContacts} against the matcher's own {@code clusters} over the
 *       same profiles held in a list (the store's reading and the ids are the difference).
 * </ul>
 *
 * The contacts are {@link ContactSets#business} (colleagues, namesakes, a third written twice or
 * three times). Throughput, single-threaded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DedupeBenchmarks {
  static final String TENANT = "bench-dedupe";
  static final long SEED = 20261206L;
  /** Probes: stored people written again, as a new form or import row would. */
  static final int PROBES = 1_024;

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = DedupeBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** The stored people (valid for the core: a number when E.164, an address when it parses). */
  static List<MatchProfile> people(int n) {
    List<MatchProfile> out = new ArrayList<>(n);
    long seed = SEED;
    while (out.size() < n) {
      for (ContactSets.Labelled l : ContactSets.business((int) (n / 1.45) + 1, seed++)) {
        if (out.size() == n) {
          break;
        }
        out.add(valid(l.profile()));
      }
    }
    return out;
  }

  /** The profile with only the numbers and addresses the core accepts. */
  private static MatchProfile valid(MatchProfile p) {
    List<String> phones = new ArrayList<>();
    for (String x : p.phones()) {
      try {
        phones.add(PhoneNumber.of(x).e164());
      } catch (RuntimeException e) {
        // a generated number outside the numbering plan: left out
      }
    }
    List<String> emails = new ArrayList<>();
    for (String x : p.emails()) {
      try {
        emails.add(EmailAddress.of(x).address());
      } catch (RuntimeException e) {
        // left out
      }
    }
    return new MatchProfile(p.givenName(), p.familyName(), emails, phones, p.company(), p.attributes());
  }

  /** Probes: stored profiles with another given-name spelling and a tagged address. */
  static List<MatchProfile> probes(List<MatchProfile> stored) {
    List<MatchProfile> out = new ArrayList<>(PROBES);
    java.util.SplittableRandom r = new java.util.SplittableRandom(SEED);
    for (int i = 0; i < PROBES; i++) {
      MatchProfile p = stored.get(r.nextInt(stored.size()));
      MatchProfile probe = MatchProfile.person(p.givenName().map(g -> g.toLowerCase(java.util.Locale.ROOT)).orElse(null),
          p.familyName().orElse(null));
      for (String e : p.emails()) {
        probe = probe.withEmail(e.replace("@", "+new@"));
      }
      out.add(i % 2 == 0 ? probe : p.phones().isEmpty() ? probe : probe.withPhone(p.phones().get(0)));
    }
    return out;
  }

  static NewContact draft(MatchProfile p) {
    NewContact.Builder b = NewContact.builder(new PersonName(p.givenName(), p.familyName().orElse("?")));
    p.emails().forEach(b::email);
    p.phones().forEach(b::phone);
    return b.build();
  }

  /** The hand-written baseline: the three blocking keys to the profiles holding them. */
  static final class HandIndex {
    final Map<String, List<Integer>> byKey = new HashMap<>();
    final List<MatchProfile> profiles;

    HandIndex(List<MatchProfile> profiles) {
      this.profiles = profiles;
      for (int i = 0; i < profiles.size(); i++) {
        for (String k : keys(profiles.get(i), false)) {
          byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(i);
        }
      }
    }

    static List<String> keys(MatchProfile p, boolean lookups) {
      MatchKeys k = MatchKeys.of(p.givenName(), p.familyName(), p.emails().stream().findFirst(),
          p.phones().stream().findFirst());
      List<String> out = new ArrayList<>(4);
      k.email().ifPresent(e -> out.add("e:" + e));
      k.phone().ifPresent(x -> out.add("p:" + x));
      for (String n : lookups ? k.nameLookups() : List.of(k.name())) {
        out.add("n:" + n);
      }
      return out;
    }

    int likely(DuplicateMatcher m, MatchProfile probe) {
      Map<Integer, Boolean> seen = new LinkedHashMap<>();
      for (String k : keys(probe, true)) {
        for (int i : byKey.getOrDefault(k, List.of())) {
          seen.putIfAbsent(i, Boolean.TRUE);
        }
      }
      int n = 0;
      for (int i : seen.keySet()) {
        if (m.compare(probe, profiles.get(i)).likelyDuplicate()) {
          n++;
        }
      }
      return n;
    }
  }

  /** {@code contacts} contacts in the memory adapter and in the hand-written index. */
  @State(Scope.Benchmark)
  public static class Memory {
    @Param("1000000")
    public int contacts;

    Crm crm;
    HandIndex hand;
    List<MatchProfile> probes;
    final DuplicateMatcher matcher = DuplicateMatcher.standard();
    int next;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).build();
      List<MatchProfile> people = people(contacts);
      for (MatchProfile p : people) {
        crm.contacts().create(draft(p));
      }
      hand = new HandIndex(people);
      probes = probes(people);
    }

    MatchProfile probe() {
      return probes.get(next++ & (PROBES - 1));
    }
  }

  @Benchmark
  public List<DuplicateMatch<ContactId>> lookUpMemoryRapport(Memory m) {
    return m.crm.duplicates().contactsLike(m.probe());
  }

  @Benchmark
  public int lookUpMemoryBaseline(Memory m) {
    return m.hand.likely(m.matcher, m.probe());
  }

  /** {@code scanned} contacts in the memory adapter, and their profiles in a list. */
  @State(Scope.Benchmark)
  public static class Scan {
    @Param("100000")
    public int scanned;

    Crm crm;
    List<MatchProfile> profiles;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).build();
      profiles = people(scanned);
      for (MatchProfile p : profiles) {
        crm.contacts().create(draft(p));
      }
      // the list holds the profiles as the store gives them back (a contact has no company here)
      profiles = new ArrayList<>();
      crm.contacts().list(dev.rapport.crm.common.PageRequest.first(1)); // warm the read path once
      dev.rapport.crm.common.PageRequest page = dev.rapport.crm.common.PageRequest.first(500);
      while (true) {
        var p = crm.contacts().list(page);
        p.items().forEach(c -> profiles.add(MatchProfile.of(c)));
        if (p.nextCursor().isEmpty()) {
          break;
        }
        page = dev.rapport.crm.common.PageRequest.after(p.nextCursor().get(), 500);
      }
    }
  }

  @Benchmark
  public List<DuplicateCluster<ContactId>> scanMemoryRapport(Scan s) {
    return s.crm.duplicates().scanContacts(n -> { });
  }

  @Benchmark
  public List<List<Integer>> scanMemoryBaseline(Scan s) {
    return DuplicateMatcher.standard().trainedOn(s.profiles)
        .clusters(s.profiles, DuplicateMatcher.DEFAULT_MAX_BLOCK, n -> { });
  }

  /** A database with {@code rows} contacts written by JDBC, keys and addresses included. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("100000")
    public int rows;

    Database database;
    List<MatchProfile> probes;
    final DuplicateMatcher matcher = DuplicateMatcher.standard();
    int next;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start(db);
      JpaFixture.seed(database, TENANT, java.time.Clock.systemUTC(), crm -> { });
      List<MatchProfile> people = people(rows);
      insert(people);
      probes = probes(people);
    }

    private void insert(List<MatchProfile> people) throws SQLException {
      LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
      try (Connection c = database.dataSource.getConnection();
          PreparedStatement contact = c.prepareStatement("insert into crm_contact (id, tenant_id, version,"
              + " given_name, family_name, phones, created_at, updated_at, match_email, match_phone, match_name)"
              + " values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement email = c.prepareStatement("insert into crm_contact_email (tenant_id, contact_id,"
              + " email_normalized, address, list_index) values (?, ?, ?, ?, ?)")) {
        c.setAutoCommit(false);
        int n = 0;
        for (MatchProfile p : people) {
          UUID id = UUID.randomUUID();
          List<EmailAddress> emails = p.emails().stream().map(EmailAddress::of).toList();
          List<PhoneNumber> phones = p.phones().stream().map(PhoneNumber::of).toList();
          PersonName name = new PersonName(p.givenName(), p.familyName().orElse("?"));
          MatchKeys k = MatchKeys.of(name, emails, phones);
          contact.setObject(1, id);
          contact.setString(2, TENANT);
          contact.setString(3, name.givenName().orElse(null));
          contact.setString(4, name.familyName());
          contact.setString(5, phones.isEmpty() ? "[]" : "[\"" + phones.get(0).e164() + "\"]");
          contact.setObject(6, now);
          contact.setObject(7, now);
          contact.setString(8, k.email().orElse(null));
          contact.setString(9, k.phone().orElse(null));
          contact.setString(10, k.name());
          contact.addBatch();
          for (int i = 0; i < emails.size(); i++) {
            email.setString(1, TENANT);
            email.setObject(2, id);
            email.setString(3, emails.get(i).normalized());
            email.setString(4, emails.get(i).address());
            email.setInt(5, i);
            email.addBatch();
          }
          if (++n % 1000 == 0) {
            contact.executeBatch();
            email.executeBatch();
          }
        }
        contact.executeBatch();
        email.executeBatch();
        c.commit();
      }
    }

    MatchProfile probe() {
      return probes.get(next++ & (PROBES - 1));
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

    @Setup(Level.Trial)
    public void start(Db db) {
      jpa = JpaFixture.open(db.database, provider, TENANT);
    }

    @TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  @Benchmark
  public List<DuplicateMatch<ContactId>> lookUpRapport(Db db, Rapport r) {
    return r.jpa.crm.duplicates().contactsLike(db.probe());
  }

  /** The same two queries by hand: the candidates through the key indexes, then their addresses. */
  @Benchmark
  public int lookUpJdbc(Db db) throws SQLException {
    MatchProfile probe = db.probe();
    MatchKeys k = MatchKeys.of(probe.givenName(), probe.familyName(), probe.emails().stream().findFirst(),
        probe.phones().stream().findFirst());
    Map<UUID, String[]> found = new LinkedHashMap<>();
    try (Connection c = db.database.dataSource.getConnection()) {
      List<String> names = k.nameLookups();
      StringBuilder sql = new StringBuilder("select id, given_name, family_name, phones from crm_contact"
          + " where tenant_id = ? and (match_name in (?" + (names.size() > 1 ? ", ?" : "") + ")");
      if (k.email().isPresent()) {
        sql.append(" or match_email = ?");
      }
      if (k.phone().isPresent()) {
        sql.append(" or match_phone = ?");
      }
      sql.append(") order by id fetch first 201 rows only");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int i = 1;
        ps.setString(i++, TENANT);
        for (String n : names) {
          ps.setString(i++, n);
        }
        if (k.email().isPresent()) {
          ps.setString(i++, k.email().get());
        }
        if (k.phone().isPresent()) {
          ps.setString(i, k.phone().get());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
          }
        }
      }
      Map<UUID, List<String>> emails = new HashMap<>();
      if (!found.isEmpty()) {
        StringBuilder in = new StringBuilder("select contact_id, address from crm_contact_email where tenant_id = ?"
            + " and contact_id in (");
        for (int j = 0; j < found.size(); j++) {
          in.append(j == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement(in.append(") order by contact_id, list_index").toString())) {
          ps.setString(1, TENANT);
          int j = 2;
          for (UUID id : found.keySet()) {
            ps.setObject(j++, id);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              emails.computeIfAbsent(rs.getObject(1, UUID.class), x -> new ArrayList<>()).add(rs.getString(2));
            }
          }
        }
      }
      int likely = 0;
      for (Map.Entry<UUID, String[]> e : found.entrySet()) {
        String[] row = e.getValue();
        MatchProfile stored = new MatchProfile(Optional.ofNullable(row[0]), Optional.of(row[1]),
            emails.getOrDefault(e.getKey(), List.of()), phonesOf(row[2]), Optional.empty(), Map.of());
        if (db.matcher.compare(probe, stored).likelyDuplicate()) {
          likely++;
        }
      }
      return likely;
    }
  }

  private static List<String> phonesOf(String json) {
    String inner = json.substring(1, json.length() - 1).trim();
    if (inner.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String p : inner.split(",")) {
      out.add(p.trim().replace("\"", ""));
    }
    return out;
  }
}
