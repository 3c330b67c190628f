package dev.rapport.crm.reports;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.sales.NewSale;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;

/**
 * A small tenant built in memory with a fixed clock: a quarter (January to March 2026) of leads
 * from four sources and two campaigns, in every status; conversions whose opportunities advance,
 * move back, are won, lost or stay open with expected close days in the next months; and invoices
 * of three customers, one a repeat buyer. Every build gives the same records, ids included.
 */
final class SmallTenant {
  /** The quarter the tenant's history covers. */
  static final Period HISTORY = Period.months(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
  /** The history and the quarter after it. */
  static final Period FORECAST = Period.months(YearMonth.of(2026, 1), YearMonth.of(2026, 6));
  /** The last day of the history. */
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-05T09:00:00Z"));
  /** A seeded random: the ids, and so the page, are the same on every build. */
  private final Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("test").clock(clock)
      .random(new Random(20)).build();

  private SmallTenant() {}

  /** The tenant's CRM. */
  /** The default service tier's name: HTML must escape it. */
  static final String STANDARD = "Standard <b>&amp;";

  static Crm build() {
    return new SmallTenant().fill();
  }

  private Crm fill() {
    Campaign webinar = crm.campaigns().plan(NewCampaign.builder("Year-end close webinar", Channel.WEBINAR,
        LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 28), Money.of("600.00", "EUR")).build());
    crm.campaigns().start(webinar.id());
    crm.campaigns().recordActualCost(webinar.id(), Money.of("450.00", "EUR"));
    Campaign letter = crm.campaigns().plan(NewCampaign.builder("Winter newsletter", Channel.NEWSLETTER,
        LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 31), Money.of("200.00", "EUR")).build());
    crm.campaigns().start(letter.id());

    Lead ada = lead("Ada", "Lovelace", LeadSource.WEBINAR, "Analytical Engines Ltd", "ann", webinar);
    Lead grace = lead("Grace", "Hopper", LeadSource.WEBINAR, "Cobol Works", "ann", webinar);
    Lead alan = lead("Alan", "Turing", LeadSource.REFERRAL, "Bletchley Systems", "bo", null);
    Lead edsger = lead("Edsger", "Dijkstra", LeadSource.NEWSLETTER, "Shortest Path BV", "bo", letter);
    Lead barbara = lead("Barbara", "Liskov", LeadSource.REFERRAL, "Substitution Inc", "ann", null);
    lead("Donald", "Knuth", LeadSource.NEWSLETTER, "Literate Press", "bo", letter);
    Lead ken = lead("Ken", "Thompson", LeadSource.PURCHASED_LIST, "Unix Tools", "bo", null);
    Lead dennis = lead("Dennis", "Ritchie", LeadSource.PURCHASED_LIST, "C Compilers", "ann", null);
    Lead frances = lead("Frances", "Allen", LeadSource.NEWSLETTER, "Optimising Compilers", "ann", letter);
    Lead john = lead("John", "Backus", LeadSource.PURCHASED_LIST, "Formula Translators", "bo", null);
    Lead radia = lead("Radia", "Perlman", LeadSource.REFERRAL, "Spanning Trees", "bo", null);

    later(3);
    for (Lead l : new Lead[] {ada, grace, alan, edsger, barbara, ken, dennis, frances, radia}) {
      crm.leads().changeStatus(l.id(), LeadStatus.CONTACTED);
    }
    later(4);
    crm.leads().changeStatus(ken.id(), LeadStatus.NURTURING);
    crm.leads().disqualify(john.id(), "No budget this year");
    for (Lead l : new Lead[] {ada, grace, alan, edsger, barbara, radia}) {
      crm.leads().changeStatus(l.id(), LeadStatus.QUALIFIED);
    }
    later(5);
    Opportunity adaDeal = convert(ada, "Ledger suite, 25 seats", "18000", LocalDate.of(2026, 2, 27));
    Opportunity graceDeal = convert(grace, "Payroll module", "6400", LocalDate.of(2026, 3, 20));
    Opportunity alanDeal = convert(alan, "Consulting days", "3200", LocalDate.of(2026, 4, 15));
    Opportunity edsgerDeal = convert(edsger, "Route planner", "9100", LocalDate.of(2026, 5, 29));
    Opportunity barbaraDeal = convert(barbara, "Type checker licence", "12500", LocalDate.of(2026, 3, 10));

    later(6);
    crm.opportunities().moveToStage(adaDeal.id(), "Needs Analysis");
    crm.opportunities().moveToStage(graceDeal.id(), "Needs Analysis");
    crm.opportunities().moveToStage(barbaraDeal.id(), "Qualification");
    crm.opportunities().moveToStage(alanDeal.id(), "Qualification");
    later(8);
    crm.opportunities().moveToStage(adaDeal.id(), "Proposal");
    crm.opportunities().moveToStage(graceDeal.id(), "Qualification");          // moved back
    crm.opportunities().moveToStage(barbaraDeal.id(), "Proposal");
    crm.opportunities().moveToStage(alanDeal.id(), "Proposal");
    crm.opportunities().moveToStage(edsgerDeal.id(), "Needs Analysis");
    later(9);
    crm.opportunities().moveToStage(adaDeal.id(), "Negotiation");
    Opportunity won = crm.opportunities().win(barbaraDeal.id());
    later(10);
    crm.opportunities().lose(graceDeal.id(), LostReason.PRICE);
    Opportunity adaWon = crm.opportunities().win(adaDeal.id());

    later(2);
    AccountId adaAccount = adaWon.accountId();
    AccountId barbaraAccount = won.accountId();
    AccountId alanAccount = alanDeal.accountId();
    sale("INV-1001", adaAccount, LocalDate.of(2026, 2, 2), "20", "720.00");
    sale("INV-1002", barbaraAccount, LocalDate.of(2026, 2, 20), "1", "12500.00");
    sale("INV-1003", adaAccount, LocalDate.of(2026, 3, 9), "5", "720.00");
    sale("INV-1004", alanAccount, LocalDate.of(2026, 3, 16), "4", "800.00");
    sale("INV-1005", adaAccount, LocalDate.of(2026, 3, 27), "2", "720.00");

    // service levels: the best customer by revenue is Gold; a name that HTML must escape
    crm.serviceLevels().define(dev.rapport.crm.servicelevel.ServicePolicy.of(
        dev.rapport.crm.common.BusinessCalendar.always(java.time.ZoneOffset.UTC),
        dev.rapport.crm.servicelevel.ServiceTier.named("Gold", dev.rapport.crm.servicelevel.ServiceTarget.hours(4, 24))
            .when(dev.rapport.crm.servicelevel.TierRule.bestCustomers(1)),
        dev.rapport.crm.servicelevel.ServiceTier.named(STANDARD, dev.rapport.crm.servicelevel.ServiceTarget.hours(24, 72))));
    while (!crm.serviceLevels().retier(100).done()) {
      // every account in its tier
    }
    dev.rapport.crm.service.ServiceCase adaCase = crm.cases().open(
        dev.rapport.crm.service.NewCase.builder(adaAccount, "Export stops").build());
    dev.rapport.crm.service.ServiceCase alanCase = crm.cases().open(
        dev.rapport.crm.service.NewCase.builder(alanAccount, "Invoice layout").build());
    clock.advance(Duration.ofHours(2));
    crm.cases().recordFirstResponse(adaCase.id());
    clock.advance(Duration.ofHours(4));
    crm.cases().resolve(adaCase.id(), "Patched the export");
    clock.advance(Duration.ofHours(30));
    crm.cases().recordFirstResponse(alanCase.id());
    return crm;
  }

  private Lead lead(String first, String last, LeadSource source, String company, String owner, Campaign campaign) {
    NewLead.Builder b = NewLead.builder(PersonName.of(first, last), source).company(company).owner(owner)
        .email(first.toLowerCase(java.util.Locale.ROOT) + "@" + last.toLowerCase(java.util.Locale.ROOT) + ".example");
    if (campaign != null) {
      b.campaign(campaign.id());
    }
    switch (last) {
      case "Lovelace", "Hopper", "Thompson", "Ritchie" -> b.industry(dev.rapport.crm.common.Industry.TECHNOLOGY);
      case "Knuth" -> b.industry(dev.rapport.crm.common.Industry.MEDIA);
      case "Liskov", "Perlman" -> b.industry("Consulting");
      default -> { } // of no known industry
    }
    return crm.leads().capture(b.build());
  }

  private Opportunity convert(Lead lead, String name, String amount, LocalDate close) {
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard().withOpportunity(
        NewOpportunity.builder(name, Money.of(amount, "EUR")).expectedCloseDate(close).build()));
    return r.opportunity().orElseThrow();
  }

  private void sale(String number, AccountId account, LocalDate day, String quantity, String price) {
    crm.sales().record(NewSale.invoice(number, account, day, "EUR").dueInDays(30).line("SEAT", quantity, price)
        .build());
  }

  private void later(int days) {
    clock.advance(Duration.ofDays(days));
  }
}
