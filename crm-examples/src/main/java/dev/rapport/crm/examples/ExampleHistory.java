package dev.rapport.crm.examples;

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
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.Stage;
import dev.rapport.crm.sales.NewSale;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The example tenant of the analytics report: half a year of a small software vendor's CRM,
 * generated with a fixed seed on a clock that only the story moves, so every run gives the same
 * records, ids included.
 *
 * <p>From 5 January to 26 June 2026 one to four leads arrive each working day from eight sources;
 * a lead whose source has a running campaign is attributed to it. Each source brings leads of its
 * own quality: a referral is contacted, qualified and won far more often than a name from a
 * purchased list. Qualified leads are converted into an account (companies come back, so some
 * accounts buy more than once) and an opportunity, which moves through the pipeline's stages, now
 * and then back a stage, and is won or lost. A won deal is invoiced the day it is won, and some
 * customers order again in the following weeks. The story stops at {@link #NOW}: what is planned
 * after it stays open, so the forecast has a pipeline to show.
 */
final class ExampleHistory {
  /** When the story stops: the report's "today". */
  static final Instant NOW = Instant.parse("2026-06-30T17:00:00Z");
  /** The day of {@link #NOW}. */
  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  /** The days leads were captured. */
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 26);

  private static final String[] OWNERS = {"amira", "bruno", "chen"};
  private static final String[] GIVEN = {"Ada", "Alan", "Barbara", "Claude", "Dennis", "Edsger", "Frances",
      "Grace", "Hedy", "John", "Karen", "Ken", "Leslie", "Margaret", "Niklaus", "Radia", "Shafi", "Tim"};
  private static final String[] FAMILY = {"Allen", "Backus", "Cerf", "Dijkstra", "Engelbart", "Floyd",
      "Goldwasser", "Hamilton", "Hopper", "Kahn", "Knuth", "Lamport", "Liskov", "Perlman", "Ritchie",
      "Shannon", "Thompson", "Wirth"};
  private static final String[] COMPANY_A = {"Alder", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Granite",
      "Harbor", "Iris", "Juniper"};
  private static final String[] COMPANY_B = {"Books", "Logistics", "Dental", "Foods", "Studio", "Legal"};

  /** A source's weight among new leads and how good its leads are. */
  private record Profile(LeadSource source, int weight, double contact, double qualify, double win,
      int minAmount, int maxAmount) {}

  private static final List<Profile> PROFILES = List.of(
      new Profile(LeadSource.WEBSITE_SIGNUP, 6, 0.85, 0.40, 0.45, 20, 120),
      new Profile(LeadSource.SOCIAL_ADS, 5, 0.70, 0.22, 0.30, 10, 60),
      new Profile(LeadSource.WEBINAR, 4, 0.90, 0.45, 0.50, 30, 150),
      new Profile(LeadSource.REFERRAL, 2, 0.95, 0.70, 0.70, 50, 300),
      new Profile(LeadSource.TRADE_SHOW, 3, 0.85, 0.35, 0.45, 40, 250),
      new Profile(LeadSource.PURCHASED_LIST, 4, 0.50, 0.08, 0.20, 10, 50),
      new Profile(LeadSource.COLD_CALL, 2, 1.00, 0.15, 0.35, 20, 90),
      new Profile(LeadSource.NEWSLETTER, 3, 0.75, 0.25, 0.40, 15, 80));

  /** A campaign of the story: leads of its source captured while it runs are attributed to it. */
  private record Plan(String name, Channel channel, LeadSource source, LocalDate from, LocalDate to,
      String budget, String cost) {}

  private static final List<Plan> CAMPAIGNS = List.of(
      new Plan("Spring webinar series", Channel.WEBINAR, LeadSource.WEBINAR,
          LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30), "6000.00", "5200.00"),
      new Plan("Paid social, first half", Channel.SOCIAL_ADS, LeadSource.SOCIAL_ADS,
          LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), "12000.00", "11350.00"),
      new Plan("Trade fair Lyon & Geneva", Channel.TRADE_SHOW, LeadSource.TRADE_SHOW,
          LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 27), "9000.00", "9400.00"),
      new Plan("Purchased list: retail <50 staff>", Channel.PURCHASED_LIST, LeadSource.PURCHASED_LIST,
          LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "2500.00", "2500.00"));

  private final TestClock clock;
  private final Crm crm;
  private final Random random = new Random(20260630L);
  private final PriorityQueue<Step> steps =
      new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
  private final List<Campaign> campaigns = new ArrayList<>();
  private final List<Plan> plans = new ArrayList<>();
  private long order;
  private int invoices;

  private record Step(Instant at, long order, Runnable action) {}

  private ExampleHistory(Crm.Builder builder) {
    this.clock = TestClock.at(FIRST_DAY.minusDays(4).atTime(8, 0).toInstant(ZoneOffset.UTC));
    this.crm = builder.clock(clock).random(new Random(42L)).build();
  }

  /** The example tenant on the memory adapter, "acme-software", its clock standing at {@link #NOW}. */
  static Crm build() {
    return build(Crm.builder().persistence(MemoryPersistence.create()).tenant("acme-software"));
  }

  /**
   * The example history in the CRM the builder makes (its persistence and tenant set; its clock
   * and random are replaced). The clock stands at {@link #NOW} afterwards.
   */
  static Crm build(Crm.Builder builder) {
    ExampleHistory h = new ExampleHistory(builder);
    h.tell();
    return h.crm;
  }

  private void tell() {
    for (Plan p : CAMPAIGNS) {
      Campaign c = crm.campaigns().plan(NewCampaign.builder(p.name(), p.channel(), p.from(), p.to(),
          Money.of(p.budget(), "EUR")).build());
      crm.campaigns().start(c.id());
      campaigns.add(c);
      plans.add(p);
    }
    int leads = 0;
    for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        int number = leads++;
        LocalDate d = day;
        Instant at = day.atTime(8, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(random.nextInt(9 * 60)));
        schedule(at, () -> capture(number, d));
      }
    }
    while (!steps.isEmpty() && !steps.peek().at().isAfter(NOW)) {
      Step s = steps.poll();
      clock.set(s.at());
      s.action().run();
    }
    clock.set(NOW);
    for (int i = 0; i < campaigns.size(); i++) {
      crm.campaigns().recordActualCost(campaigns.get(i).id(), Money.of(plans.get(i).cost(), "EUR"));
    }
  }

  private void schedule(Instant at, Runnable action) {
    steps.add(new Step(at, order++, action));
  }

  private Instant later(int minDays, int maxDays) {
    return clock.instant().plus(Duration.ofDays(minDays + random.nextInt(maxDays - minDays + 1)))
        .plus(Duration.ofMinutes(random.nextInt(8 * 60)));
  }

  private void capture(int number, LocalDate day) {
    Profile p = pick();
    String given = GIVEN[random.nextInt(GIVEN.length)];
    String family = FAMILY[random.nextInt(FAMILY.length)];
    String company = COMPANY_A[random.nextInt(COMPANY_A.length)] + " " + COMPANY_B[random.nextInt(COMPANY_B.length)];
    NewLead.Builder lead = NewLead.builder(PersonName.of(given, family), p.source())
        .email(given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT) + "." + number + "@"
            + company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example")
        .company(company)
        .owner(OWNERS[number % OWNERS.length]);
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      if (plan.source().equals(p.source()) && !day.isBefore(plan.from()) && !day.isAfter(plan.to())) {
        CampaignId id = campaigns.get(i).id();
        lead.campaign(id);
      }
    }
    Lead captured = crm.leads().capture(lead.build());
    if (random.nextDouble() < p.contact()) {
      schedule(later(1, 4), () -> contact(captured.id(), p));
    }
  }

  private Profile pick() {
    int total = PROFILES.stream().mapToInt(Profile::weight).sum();
    int r = random.nextInt(total);
    for (Profile p : PROFILES) {
      r -= p.weight();
      if (r < 0) {
        return p;
      }
    }
    throw new AssertionError();
  }

  private void contact(LeadId id, Profile p) {
    crm.leads().changeStatus(id, LeadStatus.CONTACTED);
    double r = random.nextDouble();
    if (r < p.qualify()) {
      schedule(later(2, 12), () -> qualify(id, p));
    } else if (r < p.qualify() + 0.25) {
      schedule(later(1, 6), () -> crm.leads().changeStatus(id, LeadStatus.NURTURING));
    } else if (r < p.qualify() + 0.55) {
      schedule(later(3, 15), () -> crm.leads().disqualify(id, "No need for the product"));
    }
  }

  private void qualify(LeadId id, Profile p) {
    crm.leads().changeStatus(id, LeadStatus.QUALIFIED);
    schedule(later(1, 6), () -> convert(id, p));
  }

  private void convert(LeadId id, Profile p) {
    int hundreds = p.minAmount() + random.nextInt(p.maxAmount() - p.minAmount() + 1);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    ConversionResult r = crm.leads().convert(id, Conversion.standard().withOpportunity(
        NewOpportunity.builder("Subscription, " + hundreds + " seats", Money.of(hundreds + "00", "EUR"))
            .expectedCloseDate(today.plusDays(30 + random.nextInt(61))).build()));
    Opportunity o = r.opportunity().orElseThrow();
    schedule(later(2, 10), () -> step(o.id(), r.account().id(), p));
  }

  /** One move of an open opportunity: forward, now and then back, or closed at the end. */
  private void step(OpportunityId id, AccountId account, Profile p) {
    List<Stage> stages = crm.opportunities().pipeline().stages();
    Opportunity o = crm.opportunities().get(id);
    int at = 0;
    while (!stages.get(at).name().equals(o.stage())) {
      at++;
    }
    double r = random.nextDouble();
    String next = stages.get(at + 1).name();
    boolean last = stages.get(at + 1).outcome() != OpportunityStatus.OPEN;
    if (last) {
      if (r < p.win() + 0.15) {
        win(id, account);
      } else {
        crm.opportunities().lose(id, random.nextBoolean() ? LostReason.PRICE : LostReason.COMPETITOR);
      }
      return;
    }
    if (r < 0.07) {
      crm.opportunities().lose(id, random.nextBoolean() ? LostReason.NO_BUDGET : LostReason.TIMING);
      return;
    }
    if (r < 0.13 && at > 0) {
      next = stages.get(at - 1).name();
    }
    crm.opportunities().moveToStage(id, next);
    schedule(later(2, 12), () -> step(id, account, p));
  }

  private void win(OpportunityId id, AccountId account) {
    Opportunity won = crm.opportunities().win(id);
    invoice(account, won.amount().amount());
    int repeats = random.nextInt(4);
    Instant at = clock.instant();
    for (int i = 0; i < repeats; i++) {
      at = at.plus(Duration.ofDays(15 + random.nextInt(40)));
      BigDecimal amount = BigDecimal.valueOf(300 + 50L * random.nextInt(50));
      schedule(at, () -> invoice(account, amount));
    }
  }

  private void invoice(AccountId account, BigDecimal amount) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String reference = String.format("INV-2026-%04d", ++invoices);
    crm.sales().record(NewSale.invoice(reference, account, today, "EUR").dueInDays(30)
        .line("SUBSCRIPTION", "1", amount.toPlainString()).build());
  }
}
