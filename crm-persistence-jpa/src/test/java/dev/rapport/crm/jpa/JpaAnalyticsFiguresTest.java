package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.analytics.AnalyticsFigures;
import dev.rapport.crm.analytics.AnalyticsRepository;
import dev.rapport.crm.analytics.AnalyticsRepository.Scope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The analytics aggregates the adapter computes in SQL against {@link AnalyticsFigures}, their
 * reference definition, over the same seeded random history recorded through the public API: leads
 * of many sources, campaigns and owners, contacted, qualified, disqualified and converted (with an
 * opportunity or without), opportunities opened on their own, moved between stages, won, lost,
 * reopened and given other amounts, in four currencies of 0, 2 and 3 decimals, while the clock moves
 * by minutes to weeks (at microseconds). The expected rows are computed from the records read back;
 * every method must return exactly them (as multisets), for scopes with and without an owner, a
 * source and a campaign, over periods that cut the history anywhere.
 */
class JpaAnalyticsFiguresTest {
  private static final Instant START = Instant.parse("2025-01-01T08:00:00Z");
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "KWD");
  private static final List<LeadSource> SOURCES = List.of(LeadSource.WEBINAR, LeadSource.REFERRAL,
      LeadSource.TRADE_SHOW, LeadSource.COLD_CALL, LeadSource.PARTNER);
  private static final List<String> OWNERS = List.of("ana", "bo", "chen");
  private static final List<String> OPEN_STAGES = List.of("Prospecting", "Qualification", "Needs Analysis",
      "Proposal", "Negotiation");

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aggregatesInSqlAreTheReferenceAggregatesOfASeededRandomHistory(Target target) {
    new History(target, 20_251_202L).record().check();
  }

  /** The same on the external servers, with {@code -Pdatabases}. */
  @Nested
  @Tag("databases")
  class OnExternalServers {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void aggregates(Target target) {
      new History(target, 20_251_202L).record().check();
    }
  }

  /** A clock the test moves forward. */
  private static final class MovingClock extends Clock {
    Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A random history recorded through the service, and the ids of what it made. */
  private static final class History {
    private final Target target;
    private final Random random;
    private final TenantId tenant = TenantId.of("analytics-" + UUID.randomUUID());
    private final MovingClock clock = new MovingClock();
    private final Crm crm;
    private final List<CampaignId> campaigns = new ArrayList<>();
    private final List<AccountId> accounts = new ArrayList<>();
    private final List<LeadId> leads = new ArrayList<>();
    /** The leads not yet converted. */
    private final List<LeadId> active = new ArrayList<>();
    private final List<OpportunityId> opportunities = new ArrayList<>();

    History(Target target, long seed) {
      this.target = target;
      this.random = new Random(seed);
      this.crm = Crm.builder().persistence(target.persistence()).tenant(tenant).clock(clock).build();
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    /** Minutes to about two weeks, at microseconds, now and then exactly a day. */
    private void tick() {
      long micros = random.nextInt(4) == 0 ? 86_400_000_000L * (1 + random.nextInt(3))
          : (long) (random.nextDouble() * random.nextDouble() * 14 * 86_400_000_000L) + 60_000_000L;
      clock.now = clock.now.plus(Duration.ofNanos(micros * 1_000));
    }

    private Money money() {
      String currency = pick(CURRENCIES);
      int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
      return new Money(BigDecimal.valueOf(random.nextInt(5_000_000), digits).add(BigDecimal.ONE),
          Currency.getInstance(currency));
    }

    /** An opportunity's draft; of its own (not converted from a lead), now and then with a source. */
    private NewOpportunity draft(String name, boolean ofItsOwn) {
      NewOpportunity.Builder b = NewOpportunity.builder(name, money());
      if (ofItsOwn && random.nextBoolean()) {
        b.source(pick(SOURCES));
      }
      if (random.nextInt(3) > 0) {
        b.expectedCloseDate(LocalDate.ofInstant(clock.now, ZoneOffset.UTC).plusDays(random.nextInt(400) - 60));
      }
      if (random.nextBoolean()) {
        b.stage(pick(OPEN_STAGES.subList(0, 3)));
      }
      if (random.nextInt(4) == 0) {
        b.owner(pick(OWNERS));
      }
      return b.build();
    }

    History record() {
      for (int i = 0; i < 3; i++) {
        LocalDate day = LocalDate.of(2025, 1, 1);
        campaigns.add(crm.campaigns().plan(NewCampaign.builder("Campaign " + i, Channel.EMAIL, day, day.plusDays(90),
            Money.of("1000.00", "EUR")).build()).id());
      }
      for (int i = 0; i < 4; i++) {
        accounts.add(crm.accounts().create(NewAccount.builder("Account " + i).build()).id());
      }
      for (int step = 0; step < 420; step++) {
        tick();
        int dice = random.nextInt(20);
        if (dice < 5 || active.isEmpty()) {
          capture();
        } else if (dice < 11) {
          advanceLead();
        } else if (dice < 12) {
          opportunities.add(crm.opportunities().open(pick(accounts), draft("Direct " + step, true)).id());
        } else if (!opportunities.isEmpty()) {
          changeOpportunity(pick(opportunities));
        }
      }
      return this;
    }

    private void capture() {
      NewLead.Builder b = NewLead.builder(PersonName.of("Lead " + leads.size()), pick(SOURCES));
      if (random.nextInt(3) > 0) {
        b.campaign(pick(campaigns));
      }
      if (random.nextInt(4) > 0) {
        b.owner(pick(OWNERS));
      }
      leads.add(crm.leads().capture(b.build()).id());
      active.add(leads.get(leads.size() - 1));
    }

    private void advanceLead() {
      Lead lead = crm.leads().get(pick(active));
      switch (lead.status()) {
        case NEW -> {
          if (random.nextInt(5) == 0) {
            crm.leads().disqualify(lead.id(), "no fit");
          } else {
            crm.leads().changeStatus(lead.id(), random.nextInt(3) == 0 ? LeadStatus.CONTACTED : LeadStatus.QUALIFIED);
          }
        }
        case CONTACTED, NURTURING -> crm.leads().changeStatus(lead.id(),
            random.nextInt(3) == 0 ? LeadStatus.NURTURING.equals(lead.status()) ? LeadStatus.CONTACTED
                : LeadStatus.NURTURING : LeadStatus.QUALIFIED);
        case QUALIFIED -> {
          Conversion c = Conversion.standard();
          if (random.nextInt(5) > 0) {
            c = c.withOpportunity(draft("From " + lead.id(), false));
          }
          ConversionResult r = crm.leads().convert(lead.id(), c);
          active.remove(lead.id());
          r.opportunity().ifPresent(o -> opportunities.add(o.id()));
        }
        case DISQUALIFIED -> {
          if (random.nextBoolean()) {
            crm.leads().reopen(lead.id());
          }
        }
        case CONVERTED -> { }
      }
    }

    private void changeOpportunity(OpportunityId id) {
      Opportunity o = crm.opportunities().get(id);
      int dice = random.nextInt(10);
      if (o.status() != OpportunityStatus.OPEN) {
        if (dice < 2) {
          crm.opportunities().reopen(id, pick(OPEN_STAGES));
        }
        return;
      }
      if (dice < 5) {
        String stage = pick(OPEN_STAGES);
        if (!stage.equalsIgnoreCase(o.stage())) {
          crm.opportunities().moveToStage(id, stage);
        }
      } else if (dice < 7) {
        crm.opportunities().win(id);
      } else if (dice < 9) {
        crm.opportunities().lose(id, pick(List.of(LostReason.PRICE, LostReason.TIMING)));
      } else {
        Money m = money();
        crm.opportunities().changeAmount(id, new Money(m.amount().setScale(o.amount().amount().scale(),
            java.math.RoundingMode.DOWN), o.amount().currency()));
      }
    }

    // ---- the check

    private <T> T read(Function<AnalyticsRepository, T> query) {
      return target.persistence().inUnitOfWork(tenant, uow -> query.apply(uow.port(AnalyticsRepository.class)));
    }

    private List<Object> rows(Function<AnalyticsRepository, List<?>> query) {
      return new ArrayList<>(read(query));
    }

    void check() {
      List<Lead> storedLeads = leads.stream().map(crm.leads()::get).toList();
      List<Opportunity> storedOpportunities = opportunities.stream().map(crm.opportunities()::get).toList();
      Map<LeadId, Lead> leadById = new HashMap<>();
      storedLeads.forEach(l -> leadById.put(l.id(), l));
      Map<OpportunityId, Opportunity> opportunityById = new HashMap<>();
      storedOpportunities.forEach(o -> opportunityById.put(o.id(), o));
      Function<LeadId, Optional<Lead>> leadOf = id -> Optional.ofNullable(leadById.get(id));
      Function<OpportunityId, Optional<Opportunity>> opportunityOf = id -> Optional.ofNullable(opportunityById.get(id));

      // the history holds what the definitions distinguish
      assertThat(storedLeads).extracting(Lead::status).contains(LeadStatus.values());
      assertThat(storedOpportunities).extracting(Opportunity::status).contains(OpportunityStatus.values());
      assertThat(storedOpportunities).anyMatch(o -> o.history().size() > 3)
          .anyMatch(o -> o.originLead().isPresent()).anyMatch(o -> o.originLead().isEmpty())
          .anyMatch(o -> o.expectedCloseDate().isEmpty())
          .anyMatch(o -> o.status() == OpportunityStatus.OPEN && o.history().size() > 1 && o.closedAt().isEmpty()
              && o.history().stream().anyMatch(h -> h.to().startsWith("Closed")));
      assertThat(storedOpportunities).extracting(o -> o.amount().currency().getCurrencyCode()).containsAll(CURRENCIES);

      // the campaign whose leads became the most closed opportunities
      Map<CampaignId, Long> closedOf = new HashMap<>();
      storedOpportunities.stream().filter(o -> o.closedAt().isPresent())
          .forEach(o -> o.originLead().flatMap(leadOf).flatMap(Lead::campaign).ifPresent(c -> closedOf.merge(c, 1L, Long::sum)));
      CampaignId busy = closedOf.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      Instant end = clock.now.plusSeconds(1);
      List<List<Instant>> periods = List.of(List.of(START.minusSeconds(86_400), end),
          List.of(START.plus(Duration.ofDays(40)), START.plus(Duration.ofDays(200))),
          List.of(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z")),
          List.of(end, end.plusSeconds(86_400)));
      List<Scope> scopes = new ArrayList<>();
      for (List<Instant> p : periods) {
        Instant from = p.get(0);
        Instant to = p.get(1);
        scopes.add(new Scope(from, to, Optional.empty(), Optional.empty(), Optional.empty()));
        scopes.add(new Scope(from, to, Optional.of(OWNERS.get(0)), Optional.empty(), Optional.empty()));
        scopes.add(new Scope(from, to, Optional.empty(), Optional.of(SOURCES.get(1)), Optional.empty()));
        scopes.add(new Scope(from, to, Optional.empty(), Optional.empty(), Optional.of(busy)));
        scopes.add(new Scope(from, to, Optional.of(OWNERS.get(1)), Optional.empty(), Optional.of(busy)));
        scopes.add(new Scope(from, to, Optional.of(OWNERS.get(1)), Optional.of(SOURCES.get(0)),
            Optional.of(campaigns.get(0))));
        scopes.add(new Scope(from, to, Optional.of("nobody"), Optional.empty(), Optional.empty()));
      }
      java.util.Set<String> found = new java.util.TreeSet<>();
      for (Scope s : scopes) {
        assertThat(rows(a -> a.leadCounts(s))).as("leadCounts %s", s)
            .containsExactlyInAnyOrderElementsOf(AnalyticsFigures.leadCounts(storedLeads, s));
        assertThat(rows(a -> a.conversionDays(s))).as("conversionDays %s", s)
            .containsExactlyInAnyOrderElementsOf(AnalyticsFigures.conversionDays(storedLeads, s));
        assertThat(rows(a -> a.leadOpportunities(s))).as("leadOpportunities %s", s)
            .containsExactlyInAnyOrderElementsOf(AnalyticsFigures.leadOpportunities(storedLeads, opportunityOf, s));
        assertThat(rows(a -> a.stageVisits(s))).as("stageVisits %s", s)
            .containsExactlyInAnyOrderElementsOf(AnalyticsFigures.stageVisits(storedOpportunities, leadOf, s));
        assertThat((long) this.<Long>read(a -> a.opportunitiesCreated(s))).as("opportunitiesCreated %s", s)
            .isEqualTo(AnalyticsFigures.opportunitiesCreated(storedOpportunities, leadOf, s));
        assertThat(rows(a -> a.closedCycles(s))).as("closedCycles %s", s)
            .containsExactlyInAnyOrderElementsOf(AnalyticsFigures.closedCycles(storedOpportunities, leadOf, s));
        List<Instant> edges = new ArrayList<>();
        for (Instant e = s.from(); e.isBefore(s.to()); e = e.plus(Duration.ofDays(17)).plusSeconds(3_601)) {
          edges.add(e);
        }
        edges.add(s.to());
        assertThat(rows(a -> a.closedByBucket(s, edges))).as("closedByBucket %s", s)
            .containsExactlyInAnyOrderElementsOf(AnalyticsFigures.closedByBucket(storedOpportunities, leadOf, s, edges));
        LocalDate first = LocalDate.ofInstant(s.from(), ZoneOffset.UTC);
        for (LocalDate last : List.of(first.plusDays(45), first.plusDays(400), first)) {
          assertThat(rows(a -> a.openPipeline(s, first, last))).as("openPipeline %s to %s", s, last)
              .containsExactlyInAnyOrderElementsOf(AnalyticsFigures.openPipeline(storedOpportunities, leadOf, s, first, last));
        }
        if (!AnalyticsFigures.stageVisits(storedOpportunities, leadOf, s).isEmpty()
            && !AnalyticsFigures.closedCycles(storedOpportunities, leadOf, s).isEmpty()) {
          found.add((s.owner().isPresent() ? "owner" : "") + (s.source().isPresent() ? "source" : "")
              + (s.campaign().isPresent() ? "campaign" : ""));
        }
      }
      assertThat(found).as("the filters that found visits and closed deals").contains("", "owner", "source", "campaign");
      Map<CampaignId, Campaign> expected = new HashMap<>();
      campaigns.forEach(c -> expected.put(c, crm.campaigns().get(c)));
      assertThat(this.<Map<CampaignId, Campaign>>read(a -> a.campaigns(campaigns))).isEqualTo(expected);
      assertThat(this.<Map<CampaignId, Campaign>>read(a -> a.campaigns(List.of(CampaignId.of(UUID.randomUUID()))))).isEmpty();
    }
  }
}
