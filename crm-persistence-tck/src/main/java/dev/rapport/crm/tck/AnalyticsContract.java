package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.analytics.CategoryTotal;
import dev.rapport.crm.analytics.Effectiveness;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.Forecast;
import dev.rapport.crm.analytics.ForecastMonth;
import dev.rapport.crm.analytics.Funnel;
import dev.rapport.crm.analytics.Performance;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.analytics.StageFlow;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.sales.ExchangeRates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics reports on an adapter, against figures worked out by hand. The clock's zone is
 * UTC; the pipeline is the standard one (Prospecting 10 %, Qualification 20 %, Needs Analysis 25 %,
 * Proposal 50 %, Negotiation 80 %). Campaign K "Spring webinar" cost 300.00 EUR. USD to EUR: 0.90
 * on 2025-03-31, 0.92 on 2025-04-03. The history, in clock order:
 * <pre>
 * 03-03 09:00  L1 webinar K ann, L2 webinar K bob, L3 webinar K ann, L4 referral ann,
 *              L5 referral bob, L6 referral ann captured; L4 CONTACTED, L3 DISQUALIFIED,
 *              L6 QUALIFIED, L1 QUALIFIED, L2 CONTACTED
 * 03-04 08:00  L6 converted (0 days: 23 h) into O3 2,000.00 EUR, Prospecting
 * 03-08 09:00  L1 converted (5 days) into O1 1,000.00 EUR, Prospecting; L2 QUALIFIED
 * 03-10 09:00  O1 to Proposal (Prospecting 2 days); O3 to Qualification (Prospecting 6 days 1 h)
 * 03-13 09:00  L2 converted (10 days) into O2 500.00 USD, Prospecting
 * 03-14 09:00  O2 won (Prospecting 1 day; cycle 1 day)
 * 03-20 09:00  O1 lost (Proposal 10 days; cycle 12 days)
 * 03-21 09:00  O3 back to Prospecting (Qualification 11 days), expected to close 04-15;
 *              O4 800.00 EUR opened in Negotiation by bob, no source, expected to close 05-10
 * 03-31 23:30  L8 other, cy captured (in March in UTC, in April in Berlin)
 * 04-02 09:00  L7 advertising ann captured; O5 1,500.00 EUR partner, ann opened
 * 04-03 09:00  O5 won (cycle 1 day): today
 * </pre>
 */
public abstract class AnalyticsContract extends ContractSupport {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency USD = Currency.getInstance("USD");
  static final Period MARCH = Period.month(YearMonth.of(2025, 3));
  static final Period SPRING = Period.months(YearMonth.of(2025, 3), YearMonth.of(2025, 5));
  static final LeadSource OTHER = LeadSource.OTHER;

  static final ExchangeRates RATES = (from, to, day) -> {
    if (!from.equals(USD) || !to.equals(EUR)) {
      return Optional.empty();
    }
    return Optional.ofNullable(Map.of(LocalDate.of(2025, 3, 31), new BigDecimal("0.90"),
        LocalDate.of(2025, 4, 3), new BigDecimal("0.92")).get(day));
  };

  Crm reports;
  Campaign k;
  Map<String, LeadId> leads = new java.util.HashMap<>();
  Map<String, OpportunityId> opportunities = new java.util.HashMap<>();

  Crm withRates(ZoneId zone) {
    return Crm.builder().persistence(persistence).tenant(tenant).clock(clock.withZone(zone))
        .exchangeRates(RATES).build();
  }

  @BeforeEach
  final void history() {
    k = crm.campaigns().plan(NewCampaign.builder("Spring webinar", Channel.EMAIL, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 31), Money.of("500.00", "EUR")).build());
    k = crm.campaigns().recordActualCost(k.id(), Money.of("300.00", "EUR"));
    capture("L1", LeadSource.WEBINAR, true, "ann");
    capture("L2", LeadSource.WEBINAR, true, "bob");
    capture("L3", LeadSource.WEBINAR, true, "ann");
    capture("L4", LeadSource.REFERRAL, false, "ann");
    capture("L5", LeadSource.REFERRAL, false, "bob");
    capture("L6", LeadSource.REFERRAL, false, "ann");
    crm.leads().changeStatus(leads.get("L4"), LeadStatus.CONTACTED);
    crm.leads().disqualify(leads.get("L3"), "no budget");
    crm.leads().changeStatus(leads.get("L6"), LeadStatus.QUALIFIED);
    crm.leads().changeStatus(leads.get("L1"), LeadStatus.QUALIFIED);
    crm.leads().changeStatus(leads.get("L2"), LeadStatus.CONTACTED);
    to("2025-03-04T08:00:00Z");
    convert("L6", "O3", "2000.00", "EUR");
    to("2025-03-08T09:00:00Z");
    convert("L1", "O1", "1000.00", "EUR");
    crm.leads().changeStatus(leads.get("L2"), LeadStatus.QUALIFIED);
    to("2025-03-10T09:00:00Z");
    crm.opportunities().moveToStage(opportunities.get("O1"), "Proposal");
    crm.opportunities().moveToStage(opportunities.get("O3"), "Qualification");
    to("2025-03-13T09:00:00Z");
    convert("L2", "O2", "500.00", "USD");
    to("2025-03-14T09:00:00Z");
    crm.opportunities().win(opportunities.get("O2"));
    to("2025-03-20T09:00:00Z");
    crm.opportunities().lose(opportunities.get("O1"), LostReason.PRICE);
    to("2025-03-21T09:00:00Z");
    crm.opportunities().moveToStage(opportunities.get("O3"), "Prospecting");
    crm.opportunities().expectCloseOn(opportunities.get("O3"), LocalDate.of(2025, 4, 15));
    var dorn = crm.accounts().create(NewAccount.builder("Dorn").build());
    OpportunityId o4 = crm.opportunities().open(dorn.id(), NewOpportunity.builder("Dorn renewal",
        Money.of("800.00", "EUR")).stage("Negotiation").owner("bob").build()).id();
    opportunities.put("O4", o4);
    crm.opportunities().expectCloseOn(o4, LocalDate.of(2025, 5, 10));
    to("2025-03-31T23:30:00Z");
    capture("L8", OTHER, false, "cy");
    to("2025-04-02T09:00:00Z");
    capture("L7", LeadSource.ADVERTISING, false, "ann");
    OpportunityId o5 = crm.opportunities().open(dorn.id(), NewOpportunity.builder("Dorn extension",
        Money.of("1500.00", "EUR")).source(LeadSource.PARTNER).owner("ann").build()).id();
    opportunities.put("O5", o5);
    to("2025-04-03T09:00:00Z");
    crm.opportunities().win(o5);
    reports = withRates(java.time.ZoneOffset.UTC);
  }

  private void to(String instant) {
    Instant target = Instant.parse(instant);
    clock.advance(Duration.between(clock.instant(), target));
  }

  private void capture(String name, LeadSource source, boolean inK, String owner) {
    NewLead.Builder b = NewLead.builder(PersonName.of("Lead", name), source)
        .email(name.toLowerCase() + "@" + name.toLowerCase() + ".example").company(name + " GmbH").owner(owner);
    if (inK) {
      b.campaign(k.id());
    }
    Lead l = crm.leads().capture(b.build());
    leads.put(name, l.id());
  }

  private void convert(String lead, String opportunity, String amount, String currency) {
    var result = crm.leads().convert(leads.get(lead), Conversion.standard()
        .withOpportunity(NewOpportunity.builder(lead + " deal", Money.of(amount, currency)).build()));
    opportunities.put(opportunity, result.opportunity().orElseThrow().id());
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  /** The row's counts: leads, contacted, qualified, converted, disqualified, opportunities, won, lost. */
  static List<Long> counts(EffectivenessRow r) {
    return List.of(r.leads(), r.contacted(), r.qualified(), r.converted(), r.disqualified(),
        r.opportunities(), r.won(), r.lost());
  }

  @Test
  void effectivenessPerSourceAndCampaignAsWorkedOutByHand() {
    Effectiveness e = reports.analytics().effectiveness(MARCH, ReportFilter.all());

    assertThat(e.currency()).isEqualTo(EUR);
    // referral and webinar have 3 leads each: by code; other has 1
    assertThat(e.bySource()).extracting(r -> r.source().orElseThrow())
        .containsExactly(LeadSource.REFERRAL, LeadSource.WEBINAR, OTHER);
    EffectivenessRow referral = e.bySource().get(0);
    assertThat(counts(referral)).containsExactly(3L, 2L, 1L, 1L, 0L, 1L, 0L, 0L);
    assertThat(referral.wonRevenue()).isEqualTo(eur("0.00"));
    assertThat(referral.medianDaysToConversion()).contains(0.0); // 23 hours
    assertThat(referral.cost()).isEmpty();
    assertThat(referral.contactedShare()).isEqualTo(2.0 / 3);
    EffectivenessRow webinar = e.bySource().get(1);
    assertThat(counts(webinar)).containsExactly(3L, 2L, 2L, 2L, 1L, 2L, 1L, 1L);
    // O2 won: 500.00 USD at 0.90 on the rate day 03-31 (the period's end, before today)
    assertThat(webinar.wonRevenue()).isEqualTo(eur("450.00"));
    assertThat(webinar.medianDaysToConversion()).contains(7.5); // (5 + 10) / 2
    assertThat(webinar.disqualifiedShare()).isEqualTo(1.0 / 3);
    EffectivenessRow other = e.bySource().get(2);
    assertThat(counts(other)).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(other.medianDaysToConversion()).isEmpty();

    assertThat(e.byCampaign()).hasSize(2);
    EffectivenessRow inK = e.byCampaign().get(0);
    assertThat(inK.campaign()).contains(k.id());
    assertThat(inK.campaignName()).contains("Spring webinar");
    assertThat(counts(inK)).isEqualTo(counts(webinar));
    assertThat(inK.cost()).contains(eur("300.00"));
    assertThat(inK.costPerLead()).contains(eur("100.00")); // 300 / 3 leads
    assertThat(inK.costPerWon()).contains(eur("300.00")); // 300 / 1 won
    EffectivenessRow none = e.byCampaign().get(1);
    assertThat(none.campaign()).isEmpty();
    assertThat(counts(none)).containsExactly(4L, 2L, 1L, 1L, 0L, 1L, 0L, 0L); // L4, L5, L6, L8
    assertThat(none.cost()).isEmpty();

    assertThat(counts(e.total())).containsExactly(7L, 4L, 3L, 3L, 1L, 3L, 1L, 1L);
    assertThat(e.total().wonRevenue()).isEqualTo(eur("450.00"));
    assertThat(e.total().medianDaysToConversion()).contains(5.0); // 0, 5, 10
    assertThat(e.total().wonShare()).isEqualTo(1.0 / 7);
  }

  @Test
  void effectivenessFilteredByOwnerSourceAndCampaign() {
    Effectiveness ann = reports.analytics().effectiveness(MARCH, ReportFilter.all().withOwner(" ann "));
    // ann's leads of March: L1, L3 (webinar), L4, L6 (referral)
    assertThat(counts(ann.total())).containsExactly(4L, 3L, 2L, 2L, 1L, 2L, 0L, 1L);
    assertThat(ann.bySource()).extracting(r -> r.source().orElseThrow())
        .containsExactly(LeadSource.REFERRAL, LeadSource.WEBINAR);
    assertThat(ann.bySource().get(1).medianDaysToConversion()).contains(5.0);
    assertThat(ann.total().wonRevenue()).isEqualTo(eur("0.00"));
    assertThat(ann.byCampaign().get(0).costPerWon()).isEmpty(); // nothing won
    assertThat(ann.byCampaign().get(0).costPerLead()).contains(eur("150.00")); // 300 / 2

    Effectiveness inK = reports.analytics().effectiveness(MARCH, ReportFilter.all().withCampaign(k.id()));
    assertThat(inK.byCampaign()).hasSize(1);
    assertThat(counts(inK.total())).containsExactly(3L, 2L, 2L, 2L, 1L, 2L, 1L, 1L);

    Effectiveness referral = reports.analytics().effectiveness(MARCH,
        ReportFilter.all().withSource(LeadSource.REFERRAL).withOwner("bob"));
    assertThat(counts(referral.total())).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L); // L5
  }

  @Test
  void periodDaysAreInTheClocksZone() {
    // L8 was captured at 23:30 UTC on 03-31: 01:30 on 04-01 in Berlin
    Crm berlin = withRates(ZoneId.of("Europe/Berlin"));
    assertThat(berlin.analytics().effectiveness(MARCH, ReportFilter.all()).total().leads()).isEqualTo(6);
    assertThat(berlin.analytics().effectiveness(Period.month(YearMonth.of(2025, 4)), ReportFilter.all())
        .total().leads()).isEqualTo(2); // L8 and L7
    assertThat(reports.analytics().effectiveness(Period.month(YearMonth.of(2025, 4)), ReportFilter.all())
        .total().leads()).isEqualTo(1); // L7
    assertThat(reports.analytics().effectiveness(Period.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 3, 31)),
        ReportFilter.all()).total().leads()).isEqualTo(1); // L8
  }

  @Test
  void funnelAsWorkedOutByHand() {
    Funnel f = reports.analytics().funnel(MARCH, ReportFilter.all());

    assertThat(f.leadsByStatus()).containsExactly(Map.entry(LeadStatus.NEW, 2L),
        Map.entry(LeadStatus.CONTACTED, 1L), Map.entry(LeadStatus.NURTURING, 0L),
        Map.entry(LeadStatus.QUALIFIED, 0L), Map.entry(LeadStatus.CONVERTED, 3L),
        Map.entry(LeadStatus.DISQUALIFIED, 1L));
    assertThat(f.leads()).isEqualTo(7);
    assertThat(f.stages()).extracting(StageFlow::stage)
        .containsExactly("Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation");
    // Prospecting: O3 twice (6 days to Qualification; still in since 03-21), O1 (2 days to
    // Proposal), O2 (1 day to won): ended visits 1, 2, 6 -> median 2, 90th percentile 6
    assertThat(f.stages().get(0)).isEqualTo(new StageFlow("Prospecting", 4, 2, 0, 1, 0, 1,
        Optional.of(2.0), Optional.of(6.0)));
    assertThat(f.stages().get(0).movedOnShare()).isEqualTo(0.75);
    assertThat(f.stages().get(1)).isEqualTo(new StageFlow("Qualification", 1, 0, 1, 0, 0, 0,
        Optional.of(11.0), Optional.of(11.0)));
    assertThat(f.stages().get(2)).isEqualTo(new StageFlow("Needs Analysis", 0, 0, 0, 0, 0, 0,
        Optional.empty(), Optional.empty()));
    assertThat(f.stages().get(3)).isEqualTo(new StageFlow("Proposal", 1, 0, 0, 0, 1, 0,
        Optional.of(10.0), Optional.of(10.0)));
    assertThat(f.stages().get(4)).isEqualTo(new StageFlow("Negotiation", 1, 0, 0, 0, 0, 1,
        Optional.empty(), Optional.empty()));
    assertThat(f.opportunitiesCreated()).isEqualTo(4); // O3, O1, O2, O4
    // 4 created x (450.00 won / 2 closed) / 1 day median cycle = 900.00 a day
    assertThat(f.velocityPerDay()).contains(eur("900.00"));

    Funnel bob = reports.analytics().funnel(MARCH, ReportFilter.all().withOwner("bob"));
    assertThat(bob.leads()).isEqualTo(2); // L2, L5
    assertThat(bob.stages().get(0)).isEqualTo(new StageFlow("Prospecting", 1, 0, 0, 1, 0, 0,
        Optional.of(1.0), Optional.of(1.0)));
    assertThat(bob.opportunitiesCreated()).isEqualTo(2); // O2, O4
    assertThat(bob.velocityPerDay()).contains(eur("900.00")); // 2 x 450.00 / 1 / 1

    Funnel april = reports.analytics().funnel(Period.month(YearMonth.of(2025, 4)), ReportFilter.all());
    assertThat(april.stages().get(0).entered()).isEqualTo(1); // O5 entered Prospecting on 04-02
    assertThat(april.stages().get(0).won()).isEqualTo(1);
    assertThat(april.velocityPerDay()).contains(eur("1500.00")); // 1 x 1500 / 1 / 1
  }

  @Test
  void forecastAsWorkedOutByHand() {
    Forecast f = reports.analytics().forecast(SPRING, ReportFilter.all());

    assertThat(f.months()).extracting(ForecastMonth::month)
        .containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 4), YearMonth.of(2025, 5));
    // the rate day is today, 04-03 (before the period's end): O2's 500.00 USD at 0.92
    assertThat(f.months().get(0)).isEqualTo(new ForecastMonth(YearMonth.of(2025, 3), 0, eur("0.00"),
        eur("0.00"), List.of(), 1, eur("460.00")));
    assertThat(f.months().get(1)).isEqualTo(new ForecastMonth(YearMonth.of(2025, 4), 1, eur("2000.00"),
        eur("200.00"), List.of(new CategoryTotal(ForecastCategory.PIPELINE, 1, eur("2000.00"), eur("200.00"))),
        1, eur("1500.00")));
    assertThat(f.months().get(2)).isEqualTo(new ForecastMonth(YearMonth.of(2025, 5), 1, eur("800.00"),
        eur("640.00"), List.of(new CategoryTotal(ForecastCategory.COMMIT, 1, eur("800.00"), eur("640.00"))),
        0, eur("0.00")));
    assertThat(f.undatedOpen()).isZero();
    assertThat(f.byOwner()).containsExactly(
        new Performance(Optional.of("ann"), 1, 1, eur("1500.00"), Optional.of(1.0)),
        new Performance(Optional.of("bob"), 1, 0, eur("460.00"), Optional.of(1.0)));
    assertThat(f.byOwner().get(0).winRate()).contains(0.5);
    assertThat(f.bySource()).containsExactly(
        new Performance(Optional.of("partner"), 1, 0, eur("1500.00"), Optional.of(1.0)),
        new Performance(Optional.of("webinar"), 1, 1, eur("460.00"), Optional.of(1.0)));

    Forecast inK = reports.analytics().forecast(SPRING, ReportFilter.all().withCampaign(k.id()));
    assertThat(inK.months()).extracting(ForecastMonth::won).containsExactly(1L, 0L, 0L);
    assertThat(inK.months()).extracting(ForecastMonth::open).containsExactly(0L, 0L, 0L);
    assertThat(inK.byOwner()).extracting(Performance::group)
        .containsExactly(Optional.of("bob"), Optional.of("ann")); // bob won O2; ann lost O1
  }

  @Test
  void forecastCountsUndatedOpportunitiesApartAndOnlyPipelineInsideThePeriod() {
    Forecast april = reports.analytics().forecast(Period.month(YearMonth.of(2025, 4)), ReportFilter.all());
    assertThat(april.months()).hasSize(1);
    assertThat(april.months().get(0).open()).isEqualTo(1); // O3; O4 closes in May
    var dorn = crm.accounts().create(NewAccount.builder("Undated").build());
    crm.opportunities().open(dorn.id(), NewOpportunity.builder("No date", Money.of("100.00", "EUR"))
        .stage("Proposal").build());
    Forecast again = reports.analytics().forecast(Period.month(YearMonth.of(2025, 4)), ReportFilter.all());
    assertThat(again.undatedOpen()).isEqualTo(1);
    assertThat(again.undatedAmount()).isEqualTo(eur("100.00"));
    assertThat(again.undatedWeighted()).isEqualTo(eur("50.00"));
  }

  @Test
  void aMissingRateIsNamedAndAReportWithoutForeignMoneyNeedsNone() {
    Crm noRates = crm(tenant, persistence);
    assertThatThrownBy(() -> noRates.analytics().effectiveness(MARCH, ReportFilter.all()))
        .isInstanceOf(MissingExchangeRateException.class)
        .hasMessageContaining("USD").hasMessageContaining("2025-03-31");
    assertThat(noRates.analytics().effectiveness(MARCH, ReportFilter.all().withSource(LeadSource.REFERRAL))
        .total().leads()).isEqualTo(3);
  }

  @Test
  void anotherTenantsRecordsAreNotCounted() {
    Crm other = crm(freshTenant(), persistence);
    other.leads().capture(NewLead.builder(PersonName.of("Someone Else"), LeadSource.WEBINAR).build());
    var acct = other.accounts().create(NewAccount.builder("Elsewhere").build());
    other.opportunities().win(other.opportunities().open(acct.id(),
        NewOpportunity.builder("Elsewhere deal", Money.of("9.00", "EUR")).build()).id());
    assertThat(reports.analytics().effectiveness(Period.month(YearMonth.of(2025, 4)), ReportFilter.all())
        .total().leads()).isEqualTo(1);
    assertThat(reports.analytics().forecast(Period.month(YearMonth.of(2025, 4)), ReportFilter.all())
        .months().get(0).won()).isEqualTo(1);
  }

  @Test
  void badArgumentsAreRejectedNamingTheFieldAndChangeNothing() {
    StoreSnapshot before = snapshot();
    var analytics = reports.analytics();
    assertField(() -> analytics.effectiveness(null, ReportFilter.all()), "period");
    assertField(() -> analytics.effectiveness(MARCH, null), "filter");
    assertField(() -> analytics.funnel(null, ReportFilter.all()), "period");
    assertField(() -> analytics.funnel(MARCH, null), "filter");
    assertField(() -> analytics.forecast(null, ReportFilter.all()), "period");
    assertField(() -> analytics.forecast(MARCH, null), "filter");
    assertField(() -> analytics.forecast(Period.months(YearMonth.of(2020, 1), YearMonth.of(2030, 1)),
        ReportFilter.all()), "period");
    assertField(() -> Period.of(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 1)), "period.to");
    assertField(() -> Period.of(null, LocalDate.of(2025, 3, 1)), "period.from");
    assertField(() -> Period.of(LocalDate.of(1899, 12, 31), LocalDate.of(2025, 3, 1)), "period.from");
    assertField(() -> Period.year(10_000), "period.from");
    assertField(() -> ReportFilter.all().withOwner(" "), "filter.owner");
    assertField(() -> ReportFilter.all().withOwner("x".repeat(201)), "filter.owner");
    assertField(() -> ReportFilter.all().withOwner("a\u0000b"), "filter.owner");
    assertField(() -> ReportFilter.all().withSource(null), "filter.source");
    assertField(() -> ReportFilter.all().withCampaign(null), "filter.campaign");
    assertThat(snapshot()).isEqualTo(before);
  }

  private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }
}
