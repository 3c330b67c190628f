package dev.rapport.crm.examples;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.sales.CreditHistory;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.PurchaseHistory;
import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Outcome;
import dev.rapport.crm.activity.Priority;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.analytics.Effectiveness;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignResults;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.lead.LeadStatusChanged;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.opportunity.OpportunityOpened;
import dev.rapport.crm.opportunity.OpportunityStageChanged;
import dev.rapport.crm.opportunity.OpportunityWon;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The quick start: a webinar campaign and leads from several sources; campaign responses, a call
 * and a meeting warm and heat them; a follow-up task; one lead is qualified and converted into
 * contact, account and opportunity, the opportunity is won; after the sale a service case is
 * opened and resolved and the customer answers an NPS survey; the campaign's results and the
 * contact's timeline show what happened.
 * Run it as the README says: {@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java}.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the story, printing to {@code out}; returns the events the CRM delivered. */
  static List<CrmEvent> run(PrintStream out) {
    // quick-start:begin
    List<CrmEvent> events = new ArrayList<>();
    Crm crm = Crm.builder()
        .persistence(MemoryPersistence.create())
        .tenant("acme-books")
        .listener(events::add)
        .build();

    // A webinar campaign: leads captured with it are attributed to it, responses are engagement.
    Campaign webinar = crm.campaigns().plan(NewCampaign.builder("Year-end close webinar", Channel.WEBINAR,
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 15), Money.of("1500.00", "EUR")).build());
    crm.campaigns().start(webinar.id());

    // Leads arrive from several sources.
    Lead ada = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@analytical-engines.example").company("Analytical Engines Ltd").industry(Industry.TECHNOLOGY)
        .campaign(webinar.id()).build());
    Lead grace = crm.leads().capture(NewLead.builder(PersonName.of("Grace", "Hopper"), LeadSource.NEWSLETTER)
        .email("grace@cobol.example").build());
    Lead alan = crm.leads().capture(NewLead.builder(PersonName.of("Alan", "Turing"), LeadSource.PURCHASED_LIST)
        .email("alan@bletchley.example").build());

    // Engagement warms them up: Grace registers for the webinar, Ada attends it.
    crm.campaigns().addMembers(webinar.id(), List.of(MemberId.lead(ada.id()), MemberId.lead(grace.id())));
    crm.campaigns().recordResponse(webinar.id(), MemberId.lead(grace.id()), ResponseStatus.REGISTERED);
    crm.campaigns().recordResponse(webinar.id(), MemberId.lead(ada.id()), ResponseStatus.ATTENDED);

    // Ada calls in and meets the team: buying interest makes her hot. A follow-up task is set.
    crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(ada.id()), "Asked for a demo")
        .direction(Direction.INBOUND).outcome(Outcome.CONNECTED).duration(Duration.ofMinutes(12)).owner("sam").build());
    crm.activities().log(NewActivity.builder(ActivityType.MEETING, Links.lead(ada.id()), "Demo of the ledger suite")
        .duration(Duration.ofHours(1)).owner("sam").build());
    Task followUp = crm.tasks().create(NewTask.builder(Links.lead(ada.id()), "Send the quote",
        Instant.now().plus(Duration.ofDays(2))).owner("sam").priority(Priority.HIGH).build());

    // Ada is qualified and converted into contact, account and opportunity in one step.
    crm.leads().changeStatus(ada.id(), LeadStatus.CONTACTED);
    crm.leads().changeStatus(ada.id(), LeadStatus.QUALIFIED);
    ConversionResult converted = crm.leads().convert(ada.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Ledger suite, 25 seats", Money.of("18000", "EUR"))
            .expectedCloseDate(LocalDate.of(2026, 12, 31)).build()));

    // The opportunity moves through the pipeline and is won.
    Opportunity deal = converted.opportunity().orElseThrow();
    crm.opportunities().moveToStage(deal.id(), "Needs Analysis");
    crm.opportunities().moveToStage(deal.id(), "Proposal");
    crm.opportunities().moveToStage(deal.id(), "Negotiation");
    crm.tasks().complete(followUp.id());
    Opportunity won = crm.opportunities().win(deal.id());
    crm.campaigns().recordActualCost(webinar.id(), Money.of("1200.00", "EUR"));

    // The sale was invoiced 60 days ago with 30 days' credit and paid in two parts, the second
    // late. (A host that keeps invoices in its own ledger hands Rapport a SalesLedger instead.)
    AccountId customer = converted.account().id();
    LocalDate invoiced = LocalDate.now(ZoneOffset.UTC).minusDays(60);
    crm.sales().record(NewSale.invoice("INV-2026-0042", customer, invoiced, "EUR").dueInDays(30)
        .line("LEDGER-SEAT", "25", "720.00").build());
    crm.sales().recordPayment(NewPayment.of("BANK-7781", customer, Money.of("9000.00", "EUR"),
        invoiced.plusDays(20), "INV-2026-0042", "9000.00"));
    crm.sales().recordPayment(NewPayment.of("BANK-7802", customer, Money.of("9000.00", "EUR"),
        invoiced.plusDays(41), "INV-2026-0042", "9000.00"));

    // After the sale: a service case, resolved, and Ada's answer to the NPS survey.
    ServiceCase bankImport = crm.cases().open(NewCase.builder(converted.account().id(), "Bank import rejects MT940 files")
        .contact(converted.contact().id()).priority(CasePriority.HIGH).owner("support").build());
    crm.cases().changeStatus(bankImport.id(), CaseStatus.IN_PROGRESS);
    crm.cases().resolve(bankImport.id(), "Import mapping updated for the bank's format");
    crm.feedback().record(NewFeedback.nps(converted.account().id(), converted.contact().id(), 9)
        .aboutCase(bankImport.id()).comment("Fixed the same day").build());

    CampaignResults results = crm.campaigns().results(webinar.id());
    PurchaseHistory purchases = crm.sales().summary(customer).overall().orElseThrow();
    CreditHistory credit = crm.sales().creditHistory(customer);
    Page<TimelineItem> timeline = crm.timeline().contact(converted.contact().id(), PageRequest.first(50));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Effectiveness sources = crm.analytics().effectiveness(Period.of(today.minusDays(30), today), ReportFilter.all());
    // quick-start:end

    out.printf("%-16s %-15s %-10s %-11s%n", "lead", "source", "status", "temperature");
    for (Lead lead : List.of(ada, grace, alan)) {
      Lead now = crm.leads().get(lead.id());
      out.printf("%-16s %-15s %-10s %-11s%n", now.name(), now.source(), now.status(), now.temperature());
    }
    out.println();
    out.printf("converted %s into contact %s at account \"%s\" (new account: %s)%n",
        ada.name(), converted.contact().name(), converted.account().name(), converted.accountCreated());
    out.printf("opportunity \"%s\": %s, %s, stages %s%n", won.name(), won.amount(), won.status(),
        won.history().stream().map(h -> h.to()).toList());
    out.printf("campaign \"%s\": %d members, %d responses, %d lead, %d converted, %d won for %s, ROI %s%n",
        webinar.name(), results.members(), results.responses(), results.leads(), results.convertedLeads(),
        results.wonDeals(), results.wonRevenue(), results.roi().map(r -> r.toPlainString()).orElse("-"));
    out.printf("sales of \"%s\": %d purchase of %s, first on %s; invoices paid on time %d, late %d (worst %d days): %s%n",
        converted.account().name(), purchases.purchases(), purchases.total(), purchases.firstPurchase(),
        credit.onTime(), credit.paidLate(), credit.worstDaysLate(), credit.payerClass());
    for (EffectivenessRow r : sources.bySource()) {
      out.printf("source %s, last 30 days: %d leads, %d converted, %d won for %s%n", r.source().orElseThrow(),
          r.leads(), r.converted(), r.won(), r.wonRevenue());
    }
    for (EffectivenessRow r : sources.byIndustry()) {
      out.printf("industry %s, last 30 days: %d leads, %d won%n", r.industry().map(Industry::code).orElse("not known"),
          r.leads(), r.won());
    }
    out.printf("account \"%s\" works in %s (from the lead)%n", converted.account().name(),
        converted.account().industry().map(Industry::code).orElse("-"));
    out.println();
    out.printf("%s's timeline as a contact (newest first, with her history as a lead):%n", ada.name());
    for (TimelineItem item : timeline.items()) {
      out.printf("  %-8s %s%n", item.kind(), item.activity().map(a -> a.type() + ": " + a.subject())
          .or(() -> item.task().map(t -> "task: " + t.subject() + " (" + t.status() + ")"))
          .orElse(item.summary().orElse("")));
    }
    out.println();
    out.println("what happened (events delivered after each commit):");
    Map<UUID, String> names = new HashMap<>();
    for (Lead lead : List.of(ada, grace, alan)) {
      names.put(lead.id().value(), lead.name().fullName());
    }
    names.put(converted.account().id().value(), converted.account().name());
    names.put(converted.contact().id().value(), converted.contact().name().fullName());
    names.put(won.id().value(), won.name());
    names.put(webinar.id().value(), webinar.name());
    for (CrmEvent e : events) {
      out.printf("  %-24s %-24s %s%n", e.getClass().getSimpleName(),
          names.getOrDefault(e.aggregateId(), e.aggregateId().toString()), detail(e));
    }
    return events;
  }

  private static String detail(CrmEvent e) {
    if (e instanceof LeadCaptured c) {
      return "from " + c.source();
    } else if (e instanceof LeadTemperatureChanged t) {
      return t.from() + " -> " + t.to();
    } else if (e instanceof LeadStatusChanged s) {
      return s.from() + " -> " + s.to();
    } else if (e instanceof OpportunityOpened o) {
      return o.amount() + " in " + o.stage();
    } else if (e instanceof OpportunityStageChanged s) {
      return s.from() + " -> " + s.to();
    } else if (e instanceof OpportunityWon w) {
      return w.amount().toString();
    }
    return "";
  }
}
