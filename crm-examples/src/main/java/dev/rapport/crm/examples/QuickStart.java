package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadCaptured;
import dev.rapport.crm.event.LeadStatusChanged;
import dev.rapport.crm.event.LeadTemperatureChanged;
import dev.rapport.crm.event.OpportunityOpened;
import dev.rapport.crm.event.OpportunityStageChanged;
import dev.rapport.crm.event.OpportunityWon;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.SourceDetail;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The quick start: leads from several sources warm up and heat up with engagement, one is
 * qualified and converted into contact, account and opportunity, and the opportunity is won.
 * Run it with {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl crm-examples exec:java}.
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

    // Leads arrive from several sources.
    Lead ada = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@analytical-engines.example").company("Analytical Engines Ltd")
        .sourceDetail(SourceDetail.campaign("Spring close webinar")).build());
    Lead grace = crm.leads().capture(NewLead.builder(PersonName.of("Grace", "Hopper"), LeadSource.NEWSLETTER)
        .email("grace@cobol.example").build());
    Lead alan = crm.leads().capture(NewLead.builder(PersonName.of("Alan", "Turing"), LeadSource.PURCHASED_LIST)
        .email("alan@bletchley.example").build());

    // Engagement warms them up; buying interest makes a lead hot.
    crm.leads().recordSignal(grace.id(), SignalType.NEWSLETTER_SIGNUP);
    crm.leads().recordSignal(ada.id(), SignalType.WEBINAR_ATTENDED);
    crm.leads().recordSignal(ada.id(), SignalType.DEMO_REQUEST);

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
    Opportunity won = crm.opportunities().win(deal.id());
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
    out.println();
    out.println("what happened (events delivered after each commit):");
    Map<UUID, String> names = new HashMap<>();
    for (Lead lead : List.of(ada, grace, alan)) {
      names.put(lead.id().value(), lead.name().fullName());
    }
    names.put(converted.account().id().value(), converted.account().name());
    names.put(converted.contact().id().value(), converted.contact().name().fullName());
    names.put(won.id().value(), won.name());
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
