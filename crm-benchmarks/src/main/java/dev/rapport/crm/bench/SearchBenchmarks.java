package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.search.SearchHit;
import dev.rapport.crm.search.SearchKind;
import dev.rapport.crm.search.SearchQuery;
import dev.rapport.crm.search.SearchText;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
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
 * Issue 25's text search: {@code crm.search()} for a family name typed with a typo among {@code
 * contacts} generated contacts (given names from a list, family names from random syllables, so a
 * name matches about one contact in a thousand), its first page of 10, against two baselines in
 * the same run: a hand-written trigram query on the same index (in memory an inverted index of
 * primitive arrays over the same search text, tallied and ranked as the store does; on PostgreSQL
 * the {@code <%} select over the same GIN index in plain JDBC) and a scan (every contact's
 * similarity computed; on PostgreSQL {@code word_similarity} on every row). Throughput,
 * single-threaded; the latency is its inverse.
 */
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SearchBenchmarks {
  static final String TENANT = "bench-search";
  static final String[] GIVEN = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hans", "Ida", "Jonas",
      "Karin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tina", "Ugo", "Vera", "Wim", "Xenia", "Yusuf",
      "Zoë", "José", "Søren", "Aylin", "Björn", "Chiara"};
  static final String[] SYLLABLES = {"ka", "ber", "lin", "mo", "ra", "sten", "vo", "gel", "dor", "fa", "ni", "tru",
      "pel", "ham", "zi", "wen", "ko", "lu", "mar", "sa", "bo", "ter", "chi", "gu"};

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = SearchBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** The i-th generated contact's name: the same for every store. */
  static PersonName name(Random random) {
    StringBuilder family = new StringBuilder();
    for (int s = 2 + random.nextInt(2); s > 0; s--) {
      family.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    family.setCharAt(0, Character.toUpperCase(family.charAt(0)));
    return PersonName.of(GIVEN[random.nextInt(GIVEN.length)], family.toString());
  }

  static String phone(Random random) {
    return "+4930" + (1_000_000 + random.nextInt(9_000_000));
  }

  /** What the benchmark types: a stored family name with two letters swapped. */
  static String typed(String family) {
    int i = family.length() / 2;
    return family.substring(0, i) + family.charAt(i + 1) + family.charAt(i) + family.substring(i + 2);
  }

  static SearchQuery query(String typed) {
    return SearchQuery.of(typed).withKinds(SearchKind.CONTACT);
  }

  /** The memory store with the contacts, their search text, and a hand-written index over it. */
  @State(Scope.Benchmark)
  public static class Memory {
    @Param({"10000", "100000", "1000000"})
    public int contacts;

    Crm crm;
    SearchQuery query;
    UUID[] ids;
    SearchText[] texts;
    Map<String, int[]> postings;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).auditTrail(false).build();
      Random random = new Random(25);
      ids = new UUID[contacts];
      texts = new SearchText[contacts];
      Map<String, List<Integer>> lists = new HashMap<>();
      String family = null;
      for (int i = 0; i < contacts; i++) {
        PersonName name = name(random);
        Contact c = crm.contacts().create(NewContact.builder(name).phone(phone(random)).build());
        ids[i] = c.id().value();
        texts[i] = SearchText.of(c);
        for (String g : texts[i].grams()) {
          lists.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        if (i == contacts / 2) {
          family = name.familyName();
        }
      }
      postings = new HashMap<>();
      lists.forEach((g, l) -> postings.put(g, l.stream().mapToInt(Integer::intValue).toArray()));
      query = query(typed(family));
    }
  }

  /** A database with the contacts (written in bulk, search text as the adapter writes it), Rapport on it through Hibernate. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"10000", "100000", "1000000"})
    public int dbContacts;

    Database database;
    EntityManagerFactory factory;
    Crm crm;
    SearchQuery query;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start("postgresql");
      factory = database.entityManagerFactory("hibernate");
      crm = Crm.builder().persistence(JpaPersistence.create(factory)).tenant(TENANT).auditTrail(false).build();
      query = query(typed(load(database, dbContacts)));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      factory.close();
      database.close();
    }
  }

  /**
   * Writes the contacts in statements of 10,000 rows (unnest of arrays), each row as the adapter
   * writes it: name, phones, search text; the search indexes dropped before and built after (as
   * the migration script makes them); then analyses the table. The family name of the middle one.
   */
  static String load(Database database, int contacts) throws SQLException {
    Random random = new Random(25);
    String family = null;
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (Connection c = database.dataSource.getConnection()) {
      try (Statement s = c.createStatement()) { // a bulk load builds its indexes after, as a host's import would
        for (String column : List.of("name", "email", "phone")) {
          s.execute("drop index crm_contact_search_" + column + "_idx");
        }
      }
      for (int from = 0; from < contacts; from += 10_000) {
        int n = Math.min(10_000, contacts - from);
        Object[] id = new Object[n];
        Object[] given = new Object[n];
        Object[] familyNames = new Object[n];
        Object[] phones = new Object[n];
        Object[] searchName = new Object[n];
        Object[] searchPhone = new Object[n];
        for (int i = 0; i < n; i++) {
          PersonName name = name(random);
          String phone = phone(random);
          Contact contact = new Contact(ContactId.of(new UUID(0x0190000000007000L + from + i, 0x8000000000000000L | (from + i))),
              dev.rapport.crm.common.TenantId.of(TENANT), 0, name, java.util.Optional.empty(), List.of(),
              List.of(dev.rapport.crm.common.PhoneNumber.of(phone)), java.util.Optional.empty(), java.util.Optional.empty(),
              java.util.Optional.empty(), java.util.Optional.empty(), now.toInstant(), now.toInstant(), dev.rapport.crm.field.CustomFields.empty());
          SearchText text = SearchText.of(contact);
          id[i] = contact.id().value();
          given[i] = name.givenName().orElse(null);
          familyNames[i] = name.familyName();
          phones[i] = "[\"" + contact.phones().get(0).e164() + "\"]";
          searchName[i] = text.name().orElse(null);
          searchPhone[i] = text.phone().orElse(null);
          if (from + i == contacts / 2) {
            family = name.familyName();
          }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into crm_contact (id, tenant_id, version, given_name,"
            + " family_name, phones, created_at, updated_at, search_name, search_phone) select u.id, ?, 0, u.g, u.f, u.p,"
            + " ?, ?, u.sn, u.sp from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[]) as u(id, g, f, p, sn, sp)")) {
          ps.setString(1, TENANT);
          ps.setTimestamp(2, now);
          ps.setTimestamp(3, now);
          ps.setArray(4, c.createArrayOf("uuid", id));
          ps.setArray(5, c.createArrayOf("varchar", given));
          ps.setArray(6, c.createArrayOf("varchar", familyNames));
          ps.setArray(7, c.createArrayOf("varchar", phones));
          ps.setArray(8, c.createArrayOf("varchar", searchName));
          ps.setArray(9, c.createArrayOf("varchar", searchPhone));
          ps.executeUpdate();
        }
      }
      try (Statement s = c.createStatement()) {
        for (String column : List.of("name", "email", "phone")) { // as V15__rapport_search.sql makes them
          s.execute("create index crm_contact_search_" + column + "_idx on crm_contact using gin (search_" + column
              + " gin_trgm_ops) with (fastupdate = off)");
        }
        s.execute("vacuum analyze crm_contact");
      }
    }
    return family;
  }

  /** Rapport's search in memory: the first page. */
  @Benchmark
  public Page<SearchHit> searchMemory(Memory m) {
    return m.crm.search().search(m.query, PageRequest.first(10));
  }

  /** The baseline: the same search by hand on an inverted index of primitive arrays over the same text. */
  @Benchmark
  public List<UUID> searchHandIndexMemory(Memory m) {
    List<String> grams = m.query.grams();
    int need = m.query.minimumShared(grams.size());
    int[] counts = new int[m.texts.length];
    List<Integer> candidates = new ArrayList<>();
    for (String g : grams) {
      int[] list = m.postings.get(g);
      if (list == null) {
        continue;
      }
      for (int i : list) {
        if (++counts[i] == need) {
          candidates.add(i);
        }
      }
    }
    return top(m, candidates.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The baseline: a scan, every contact's similarity. */
  @Benchmark
  public List<UUID> searchScanMemory(Memory m) {
    int[] all = new int[m.texts.length];
    Arrays.setAll(all, i -> i);
    return top(m, all);
  }

  private static List<UUID> top(Memory m, int[] candidates) {
    PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int i : candidates) {
      double s = m.query.similarity(m.texts[i]);
      if (s >= m.query.minimumSimilarity()) {
        best.add(new double[] {s, i});
        if (best.size() > 10) {
          best.poll();
        }
      }
    }
    List<UUID> out = new ArrayList<>();
    for (double[] b : best) {
      out.add(m.ids[(int) b[1]]);
    }
    return out;
  }

  /** Rapport's search on PostgreSQL: the first page. */
  @Benchmark
  public Page<SearchHit> searchJpa(Db d) {
    return d.crm.search().search(d.query, PageRequest.first(10));
  }

  /** The baseline: the same trigram select over the same index in plain JDBC, with the names. */
  @Benchmark
  public List<String> searchIndexJdbc(Db d) throws SQLException {
    return jdbc(d, "set pg_trgm.word_similarity_threshold = 0.5", "select id, given_name, family_name from crm_contact"
        + " where tenant_id = ? and ? <% search_name order by word_similarity(?, search_name) desc, id limit 11");
  }

  /** The baseline: a scan, word_similarity on every row. */
  @Benchmark
  public List<String> searchScanJdbc(Db d) throws SQLException {
    return jdbc(d, "reset pg_trgm.word_similarity_threshold", "select id, given_name, family_name from crm_contact"
        + " where tenant_id = ? and word_similarity(?, search_name) >= 0.5 order by word_similarity(?, search_name) desc,"
        + " id limit 11");
  }

  private static List<String> jdbc(Db d, String setting, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = d.database.dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute(setting);
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, TENANT);
        ps.setString(2, d.query.folded());
        ps.setString(3, d.query.folded());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
          }
        }
      }
    }
    return out;
  }
}
