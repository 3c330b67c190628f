package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.servicelevel.Retiered;
import dev.rapport.crm.servicelevel.ServicePolicy;
import dev.rapport.crm.servicelevel.ServiceTarget;
import dev.rapport.crm.servicelevel.ServiceTier;
import dev.rapport.crm.servicelevel.TierRule;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
 * Issue 26's service levels, each against a hand-written baseline in the same run:
 *
 * <ul>
 *   <li>re-tiering every account (a whole run of {@code retier(10_000)} calls; a tenth of the
 *       accounts flagged as key accounts, the rest by payer class) against a loop that reads the
 *       same facts once and computes the same tiers into a map (memory), or against the same
 *       selects in plain JDBC and the same loop (PostgreSQL);
 *   <li>the first page (50) of the open-case list ordered by due instant, of a tenant with {@code
 *       dbCases} cases (a tenth open), against the same keyset select in plain JDBC (PostgreSQL),
 *       and in memory against a bounded heap over a list of the open cases.
 * </ul>
 *
 * Throughput, single-threaded.
 */
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ServiceLevelBenchmarks {
  static final String TENANT = "bench-service";
  static final FieldValue YES = FieldValue.bool(true);

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = ServiceLevelBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  static ServicePolicy policy() {
    return ServicePolicy.of(BusinessCalendar.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0), LocalTime.of(17, 0)),
        ServiceTier.named("Gold", ServiceTarget.hours(1, 8)).when(TierRule.flag("key_account", YES)),
        ServiceTier.named("Watch", ServiceTarget.hours(4, 16)).when(TierRule.payerClass(PayerClass.CHRONICALLY_LATE)),
        ServiceTier.named("Standard", ServiceTarget.hours(8, 40)));
  }

  /** Accounts, a tenth of them key accounts, the policy, one whole run done. */
  static List<Account> seedAccounts(Crm crm, int accounts) {
    crm.customFields().define(CustomField.of(RecordKind.ACCOUNT, "key_account", "Key account", FieldType.BOOLEAN));
    List<Account> all = new ArrayList<>();
    List<NewAccount> batch = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      batch.add(NewAccount.builder("Account " + i)
          .fields(i % 10 == 0 ? CustomFields.empty().with("key_account", YES) : CustomFields.empty()).build());
      if (batch.size() == 500 || i == accounts - 1) {
        all.addAll(crm.accounts().createAll(batch));
        batch.clear();
      }
    }
    crm.serviceLevels().define(policy());
    retierAll(crm);
    return all;
  }

  static int retierAll(Crm crm) {
    int n = 0;
    Retiered r;
    do {
      r = crm.serviceLevels().retier(10_000);
      n += r.accounts();
    } while (!r.done());
    return n;
  }

  /** The hand-written tiering: the same facts read once, the first matching tier into a map. */
  static Map<AccountId, String> handTiers(List<Account> accounts, Map<AccountId, PayerClass> payers) {
    Map<AccountId, String> tiers = new HashMap<>();
    for (Account a : accounts) {
      String tier = a.fields().get("key_account").filter(YES::equals).isPresent() ? "Gold"
          : payers.getOrDefault(a.id(), PayerClass.ON_TIME) == PayerClass.CHRONICALLY_LATE ? "Watch" : "Standard";
      tiers.put(a.id(), tier);
    }
    return tiers;
  }

  /** The memory store with the accounts tiered, and the same accounts as a list. */
  @State(Scope.Benchmark)
  public static class MemoryTiers {
    @Param("100000")
    public int accounts;

    Crm crm;
    List<Account> all;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).auditTrail(false).build();
      all = seedAccounts(crm, accounts);
    }
  }

  /** A whole re-tiering run in memory. */
  @Benchmark
  public int retierMemory(MemoryTiers m) {
    return retierAll(m.crm);
  }

  /** The baseline: the same tiers computed by a loop over the same accounts. */
  @Benchmark
  public int retierHandMemory(MemoryTiers m) {
    return handTiers(m.all, Map.of()).size();
  }

  /** Open cases in memory, and the same open cases as a list. */
  @State(Scope.Benchmark)
  public static class MemoryCases {
    @Param("100000")
    public int cases;

    Crm crm;
    List<ServiceCase> open;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).auditTrail(false).build();
      List<Account> accounts = seedAccounts(crm, 100);
      open = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        open.add(crm.cases().open(NewCase.builder(accounts.get(i % accounts.size()).id(), "Case " + i).build()));
      }
    }
  }

  /** The first page by due instant, in memory. */
  @Benchmark
  public int dueListMemory(MemoryCases m) {
    return m.crm.cases().query(CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE), PageRequest.first(50)).items().size();
  }

  /** The baseline: a bounded heap of the 51 soonest over the list of open cases. */
  @Benchmark
  public int dueListHandMemory(MemoryCases m) {
    Comparator<ServiceCase> order = CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE).comparator();
    PriorityQueue<ServiceCase> best = new PriorityQueue<>(52, order.reversed());
    for (ServiceCase c : m.open) {
      if (best.size() < 51) {
        best.add(c);
      } else if (order.compare(c, best.peek()) < 0) {
        best.poll();
        best.add(c);
      }
    }
    return Math.min(50, best.size());
  }

  /** PostgreSQL with accounts tiered through Hibernate. */
  @State(Scope.Benchmark)
  public static class DbTiers {
    @Param("10000")
    public int dbAccounts;

    Database database;
    EntityManagerFactory factory;
    Crm crm;

    @Setup(Level.Trial)
    public void start() {
      database = Database.start("postgresql");
      factory = database.entityManagerFactory("hibernate");
      crm = Crm.builder().persistence(JpaPersistence.create(factory)).tenant(TENANT).auditTrail(false).build();
      seedAccounts(crm, dbAccounts);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      factory.close();
      database.close();
    }
  }

  /** A whole re-tiering run on PostgreSQL. */
  @Benchmark
  public int retierJpa(DbTiers d) {
    return retierAll(d.crm);
  }

  /** The baseline: the accounts' flags, their payer classes and tiers in plain JDBC, the same loop. */
  @Benchmark
  public int retierJdbc(DbTiers d) throws SQLException {
    int changed = 0;
    try (Connection c = d.database.dataSource.getConnection()) {
      Map<UUID, String> had = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select id, tier from crm_account_tier where tenant_id = ?")) {
        ps.setString(1, TENANT);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            had.put(rs.getObject(1, UUID.class), rs.getString(2));
          }
        }
      }
      Map<UUID, String> payers = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select account_id, payer_class from crm_payer_class where tenant_id = ?")) {
        ps.setString(1, TENANT);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            payers.put(rs.getObject(1, UUID.class), rs.getString(2));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("select id, custom_fields from crm_account where tenant_id = ? order by id")) {
        ps.setString(1, TENANT);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            String fields = rs.getString(2);
            String tier = fields != null && fields.contains("\"key_account\":{\"type\":\"BOOLEAN\",\"value\":\"true\"}") ? "Gold"
                : "CHRONICALLY_LATE".equals(payers.get(id)) ? "Watch" : "Standard";
            if (!tier.equals(had.get(id))) {
              changed++;
            }
          }
        }
      }
    }
    return changed;
  }

  /** PostgreSQL with {@code dbCases} cases of one account, written by SQL (a tenth open). */
  @State(Scope.Benchmark)
  public static class DbCases {
    @Param("1000000")
    public int dbCases;

    Database database;
    EntityManagerFactory factory;
    Crm crm;
    String cursor;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start("postgresql");
      factory = database.entityManagerFactory("hibernate");
      crm = Crm.builder().persistence(JpaPersistence.create(factory)).tenant(TENANT).auditTrail(false).build();
      List<Account> accounts = seedAccounts(crm, 10);
      try (Connection c = database.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_CASES)) {
        ps.setString(1, TENANT);
        ps.setObject(2, accounts.get(0).id().value());
        ps.setInt(3, dbCases);
        ps.executeUpdate();
        try (PreparedStatement a = c.prepareStatement("analyze crm_case")) {
          a.execute();
        }
      }
      // the cursor of a later page: after the first 500 open cases (fewer in the quick mode's small tenant)
      int skip = Math.min(500, Math.max(1, dbCases / 40));
      Page<ServiceCase> first = crm.cases().query(CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE), PageRequest.first(skip));
      cursor = first.nextCursor().orElseThrow();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      factory.close();
      database.close();
    }
  }

  /**
   * A tenth of the cases open (NEW, first response due 4 h after opening), the rest closed; a
   * seventh Gold. The sort keys are what the adapter writes ({@code CaseQuery.dueKey}, {@code rankKey}).
   */
  static final String INSERT_CASES = "insert into crm_case (id, tenant_id, version, account_id, subject, priority,"
      + " status, opened_at, updated_at, first_response_at, resolved_at, resolution, sl_tier, sl_rank,"
      + " sl_response_target, sl_resolution_target, sl_at_risk_percent, sl_response_due, sl_response_at_risk,"
      + " sl_resolution_due, sl_resolution_at_risk, sl_paused, sl_paused_since, sl_alerts, due_key, rank_key, alert_at)"
      + " select md5('case' || i)::uuid, ?, 1, ?, 'Case ' || i, 'NORMAL',"
      + " case when i % 10 = 0 then 'NEW' else 'CLOSED' end, t, t,"
      + " case when i % 10 = 0 then null else t + interval '1 hour' end,"
      + " case when i % 10 = 0 then null else t + interval '2 hour' end,"
      + " case when i % 10 = 0 then null else 'done' end,"
      + " case when i % 7 = 0 then 'Gold' else 'Standard' end, case when i % 7 = 0 then 0 else 2 end,"
      + " 3600000000, 28800000000, 80, t + interval '4 hour', t + interval '3 hour', t + interval '8 hour',"
      + " t + interval '6 hour', 0, case when i % 10 = 0 then null else t + interval '2 hour' end, 0,"
      + " case when i % 10 = 0 then (extract(epoch from t + interval '4 hour') * 1000000)::bigint else 9223372036854775807 end,"
      + " case when i % 10 = 0 then (case when i % 7 = 0 then 0 else 2 end) else 2147483647 end,"
      + " case when i % 10 = 0 then t + interval '3 hour' else null end"
      + " from (select i, timestamp '2020-01-01 00:00:00' + (((i::bigint * 7919) % 1000003) * interval '97 second') as t"
      + " from generate_series(1, ?) i) s";

  /** The first page of the open cases by due instant, through Rapport. */
  @Benchmark
  public int dueListJpa(DbCases d) {
    return d.crm.cases().query(CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE), PageRequest.first(50)).items().size();
  }

  /** A later page (after the 500th case), through Rapport. */
  @Benchmark
  public int dueNextPageJpa(DbCases d) {
    return d.crm.cases().query(CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE), PageRequest.after(d.cursor, 50))
        .items().size();
  }

  /** The baseline: the same select of the first 51 open cases by due key in plain JDBC, every column read. */
  @Benchmark
  public int dueListJdbc(DbCases d) throws SQLException {
    return page(d, "", null);
  }

  /** The baseline of a later page: the same keyset, the cursor's keys given by the client. */
  @Benchmark
  public int dueNextPageJdbc(DbCases d) throws SQLException {
    return page(d, " and (due_key, id) > (select due_key, id from crm_case where tenant_id = ? and id = ?)", d.cursor);
  }

  private static int page(DbCases d, String after, String cursor) throws SQLException {
    try (Connection c = d.database.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select * from crm_case where tenant_id = ?"
            + " and status in ('IN_PROGRESS', 'NEW', 'REOPENED', 'WAITING_ON_CUSTOMER')" + after
            + " order by due_key, id limit 51")) {
      ps.setString(1, TENANT);
      if (cursor != null) {
        ps.setString(2, TENANT);
        ps.setObject(3, UUID.fromString(cursor));
      }
      int n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
          n++;
        }
      }
      return Math.min(50, n);
    }
  }
}
