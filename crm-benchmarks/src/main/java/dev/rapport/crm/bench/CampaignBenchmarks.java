package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignResults;
import dev.rapport.crm.campaign.CampaignService;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * The results of one campaign of {@code members} members (every 5th responded), with one lead in
 * 100 attributed to it, converted, and every other deal won: Rapport's {@code results} against
 * hand-written SQL over the same tables ({@code jpa*}: H2 and embedded PostgreSQL, Hibernate and
 * EclipseLink), and the memory adapter against hand-written maps with the same indexes
 * ({@code memory*}). Throughput, single-threaded.
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CampaignBenchmarks {
  static final int ATTRIBUTED_EVERY = 100;
  static final int RESPONDED_EVERY = 5;

  /** The database with the campaign, its members, leads and deals written by JDBC. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("100000")
    public int members;

    Database database;
    UUID campaign;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      database = Database.start(db);
      campaign = seed(database.dataSource, members);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      database.close();
    }
  }

  /** Rapport on the JPA adapter of one provider, over the database. */
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

  /** The same campaign on the memory adapter, made through Rapport's commands, and in hand-written maps. */
  @State(Scope.Benchmark)
  public static class Memory {
    @Param("100000")
    public int members;

    Crm crm;
    CampaignId campaign;
    Hand hand;

    @Setup(Level.Trial)
    public void start() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant(Fixture.TENANT).build();
      Campaign c = crm.campaigns().plan(NewCampaign.builder("Spring newsletter", Channel.NEWSLETTER,
          LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), Money.of("5000.00", "EUR")).build());
      campaign = c.id();
      crm.campaigns().start(campaign);
      crm.campaigns().recordActualCost(campaign, Money.of("4200.00", "EUR"));
      hand = new Hand();
      for (int from = 0; from < members; from += CampaignService.MAX_BATCH) {
        List<NewLead> drafts = new ArrayList<>();
        for (int i = from; i < Math.min(members, from + CampaignService.MAX_BATCH); i++) {
          NewLead.Builder b = NewLead.builder(PersonName.of(Fixture.given(i), Fixture.family(i)), LeadSource.NEWSLETTER);
          if (i % ATTRIBUTED_EVERY == 0) {
            b.campaign(campaign);
          }
          drafts.add(b.build());
        }
        List<Lead> leads = crm.leads().captureAll(drafts);
        crm.campaigns().addMembers(campaign, leads.stream().map(l -> MemberId.lead(l.id())).toList());
        for (int k = 0; k < leads.size(); k++) {
          int i = from + k;
          Lead l = leads.get(k);
          boolean responded = i % RESPONDED_EVERY == 0;
          if (responded) {
            crm.campaigns().recordResponse(campaign, MemberId.lead(l.id()), ResponseStatus.CLICKED);
          }
          hand.member(campaign.value(), l.id().value(), responded);
          if (i % ATTRIBUTED_EVERY == 0) {
            crm.leads().changeStatus(l.id(), LeadStatus.QUALIFIED);
            Opportunity o = crm.leads().convert(l.id(), Conversion.standard().withOpportunity(
                NewOpportunity.builder("Deal " + i, Money.of("1000.00", "EUR")).build())).opportunity().orElseThrow();
            boolean won = (i / ATTRIBUTED_EVERY) % 2 == 0;
            if (won) {
              crm.opportunities().win(o.id());
            }
            hand.lead(campaign.value(), l.id().value(), true, o.id().value(), won, new BigDecimal("1000.00"), "EUR");
          }
        }
      }
    }
  }

  /**
   * Hand-written maps with the same indexes as the memory adapter: members and responders by
   * campaign, leads by campaign, deals by lead.
   */
  static final class Hand {
    record LeadRow(UUID id, boolean converted) {}

    record DealRow(UUID id, boolean won, BigDecimal amount, String currency) {}

    record Totals(long members, long responses, long leads, long converted, long deals, long won,
        Map<String, BigDecimal> revenue) {}

    final Map<UUID, Set<UUID>> members = new HashMap<>();
    final Map<UUID, Set<UUID>> responded = new HashMap<>();
    final Map<UUID, List<LeadRow>> leads = new HashMap<>();
    final Map<UUID, List<DealRow>> deals = new HashMap<>();

    void member(UUID campaign, UUID person, boolean responds) {
      members.computeIfAbsent(campaign, k -> new HashSet<>()).add(person);
      if (responds) {
        responded.computeIfAbsent(campaign, k -> new HashSet<>()).add(person);
      }
    }

    void lead(UUID campaign, UUID lead, boolean converted, UUID deal, boolean won, BigDecimal amount, String currency) {
      leads.computeIfAbsent(campaign, k -> new ArrayList<>()).add(new LeadRow(lead, converted));
      deals.computeIfAbsent(lead, k -> new ArrayList<>()).add(new DealRow(deal, won, amount, currency));
    }

    Totals totals(UUID campaign) {
      long leadCount = 0;
      long converted = 0;
      long dealCount = 0;
      long won = 0;
      Map<String, BigDecimal> revenue = new TreeMap<>();
      for (LeadRow l : leads.getOrDefault(campaign, List.of())) {
        leadCount++;
        converted += l.converted() ? 1 : 0;
        for (DealRow d : deals.getOrDefault(l.id(), List.of())) {
          dealCount++;
          if (d.won()) {
            won++;
            revenue.merge(d.currency(), d.amount(), BigDecimal::add);
          }
        }
      }
      return new Totals(members.getOrDefault(campaign, Set.of()).size(),
          responded.getOrDefault(campaign, Set.of()).size(), leadCount, converted, dealCount, won, revenue);
    }
  }

  /** Writes the campaign, {@code n} leads (one in 100 attributed and converted, every other deal won) and their memberships. */
  static UUID seed(DataSource ds, int n) throws SQLException {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    LocalDateTime at = JdbcBaseline.column(now);
    UUID campaign = HandStore.nextId();
    List<UUID> leads = JdbcBaseline.insertLeads(ds, "campaign", 0, n, 1_000, "NEW", now);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("insert into crm_campaign (id, tenant_id, version, name,"
          + " channel, starts_on, ends_on, status, currency, budget, actual_cost, created_at, updated_at)"
          + " values (?, ?, 1, 'Spring newsletter', 'newsletter', ?, ?, 'ACTIVE', 'EUR', 5000, 4200, ?, ?)")) {
        p.setObject(1, campaign);
        p.setString(2, Fixture.TENANT);
        p.setObject(3, LocalDate.of(2026, 3, 1));
        p.setObject(4, LocalDate.of(2026, 5, 31));
        p.setObject(5, at);
        p.setObject(6, at);
        p.executeUpdate();
      }
      try (PreparedStatement member = c.prepareStatement("insert into crm_campaign_member (tenant_id,"
              + " campaign_id, member_id, lead_id, version, status, status_response, status_signal,"
              + " status_signal_intent, status_at, responded_at, added_at)"
              + " values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement attribute = c.prepareStatement("update crm_lead set campaign_id = ?,"
              + " status = 'CONVERTED' where tenant_id = ? and id = ?");
          PreparedStatement deal = c.prepareStatement("insert into crm_opportunity (id, tenant_id, version,"
              + " name, account_id, amount, currency, stage, probability, probability_overridden,"
              + " forecast_category, status, origin_lead_id, history, created_at, updated_at, closed_at)"
              + " values (?, ?, 1, ?, ?, 1000, 'EUR', ?, ?, false, ?, ?, ?, '[]', ?, ?, ?)")) {
        for (int i = 0; i < n; i++) {
          UUID lead = leads.get(i);
          boolean responded = i % RESPONDED_EVERY == 0;
          member.setString(1, Fixture.TENANT);
          member.setObject(2, campaign);
          member.setObject(3, lead);
          member.setObject(4, lead);
          member.setString(5, responded ? "clicked" : "sent");
          member.setBoolean(6, responded);
          member.setString(7, responded ? "website_visit" : null);
          member.setString(8, responded ? "MARKETING" : null);
          member.setObject(9, at);
          member.setObject(10, responded ? at : null);
          member.setObject(11, at);
          member.addBatch();
          if (i % ATTRIBUTED_EVERY == 0) {
            attribute.setObject(1, campaign);
            attribute.setString(2, Fixture.TENANT);
            attribute.setObject(3, lead);
            attribute.addBatch();
            boolean won = (i / ATTRIBUTED_EVERY) % 2 == 0;
            deal.setObject(1, HandStore.nextId());
            deal.setString(2, Fixture.TENANT);
            deal.setString(3, "Deal " + i);
            deal.setObject(4, HandStore.nextId());
            deal.setString(5, won ? "Closed Won" : "Proposal");
            deal.setInt(6, won ? 100 : 50);
            deal.setString(7, won ? "CLOSED" : "PIPELINE");
            deal.setString(8, won ? "WON" : "OPEN");
            deal.setObject(9, lead);
            deal.setObject(10, at);
            deal.setObject(11, at);
            deal.setObject(12, won ? at : null);
            deal.addBatch();
          }
          if ((i + 1) % 1_000 == 0 || i == n - 1) {
            member.executeBatch();
            attribute.executeBatch();
            deal.executeBatch();
            c.commit();
          }
        }
      }
    }
    return campaign;
  }

  /** The same figures in hand-written SQL: the campaign row and three aggregate queries on one connection. */
  static long[] resultsBySql(DataSource ds, UUID campaign) throws SQLException {
    long[] out = new long[7];
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement p = c.prepareStatement("select budget, actual_cost, currency from crm_campaign"
          + " where tenant_id = ? and id = ?")) {
        p.setString(1, Fixture.TENANT);
        p.setObject(2, campaign);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          out[6] = rs.getBigDecimal(2).longValue();
        }
      }
      try (PreparedStatement p = c.prepareStatement("select count(*), count(responded_at) from crm_campaign_member"
          + " where tenant_id = ? and campaign_id = ?")) {
        p.setString(1, Fixture.TENANT);
        p.setObject(2, campaign);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          out[0] = rs.getLong(1);
          out[1] = rs.getLong(2);
        }
      }
      try (PreparedStatement p = c.prepareStatement("select count(*), sum(case when status = 'CONVERTED' then 1 else 0 end)"
          + " from crm_lead where tenant_id = ? and campaign_id = ?")) {
        p.setString(1, Fixture.TENANT);
        p.setObject(2, campaign);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          out[2] = rs.getLong(1);
          out[3] = rs.getLong(2);
        }
      }
      try (PreparedStatement p = c.prepareStatement("select o.status, o.currency, count(*), sum(o.amount)"
          + " from crm_opportunity o join crm_lead l on o.tenant_id = l.tenant_id and o.origin_lead_id = l.id"
          + " where l.tenant_id = ? and l.campaign_id = ? group by o.status, o.currency")) {
        p.setString(1, Fixture.TENANT);
        p.setObject(2, campaign);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out[4] += rs.getLong(3);
            if ("WON".equals(rs.getString(1))) {
              out[5] += rs.getLong(3);
            }
          }
        }
      }
    }
    return out;
  }

  @Benchmark
  public CampaignResults jpaResultsRapport(Db db, Rapport rapport) {
    return rapport.crm.campaigns().results(CampaignId.of(db.campaign));
  }

  @Benchmark
  public long[] jpaResultsBaseline(Db db) throws SQLException {
    return resultsBySql(db.database.dataSource, db.campaign);
  }

  @Benchmark
  public CampaignResults memoryResultsRapport(Memory m) {
    return m.crm.campaigns().results(m.campaign);
  }

  @Benchmark
  public Hand.Totals memoryResultsBaseline(Memory m) {
    return m.hand.totals(m.campaign.value());
  }
}
