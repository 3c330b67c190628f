package dev.rapport.crm.jackson;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Outcome;
import dev.rapport.crm.activity.Priority;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.Goals;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.feedback.FeedbackChannel;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.sales.CustomerRank;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A sales story on an in-memory Crm (campaign, leads, engagement, conversion, a won and a lost
 * opportunity, tasks, a sale paid late, a case, feedback, the reports) that keeps every value a
 * service returned and every event the listener received: real objects for the round trip.
 */
final class Scenario {
  /** What the services returned, in order. */
  final List<Object> results = new ArrayList<>();
  /** The events delivered to the listener. */
  final List<CrmEvent> events = new ArrayList<>();
  final TestClock clock = TestClock.at(Instant.parse("2026-11-01T09:00:00Z"));

  Scenario run() {
    MemoryPersistence store = MemoryPersistence.create();
    Crm crm = Crm.builder().persistence(store).tenant("acme-books").clock(clock)
        .listener(events::add).build();

    Campaign webinar = keep(crm.campaigns().plan(NewCampaign.builder("Year-end close webinar", Channel.WEBINAR,
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 15), Money.of("1500.00", "EUR"))
        .goals(Goals.of(10, 20, Money.of("30000.00", "EUR"))).build()));
    keep(crm.campaigns().start(webinar.id()));

    Lead ada = keep(crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@analytical-engines.example").phone("+44 20 7183 8750").company("Analytical Engines Ltd")
        .campaign(webinar.id()).build()));
    Lead grace = keep(crm.leads().capture(NewLead.builder(PersonName.of("Grace", "Hopper"), LeadSource.NEWSLETTER)
        .email("grace@cobol.example").build()));
    Lead alan = keep(crm.leads().capture(NewLead.builder(PersonName.of("Turing"), LeadSource.PURCHASED_LIST)
        .build()));

    keep(crm.campaigns().addMembers(webinar.id(), List.of(MemberId.lead(ada.id()), MemberId.lead(grace.id()))));
    keep(crm.campaigns().recordResponse(webinar.id(), MemberId.lead(grace.id()), ResponseStatus.REGISTERED));
    keep(crm.campaigns().recordResponse(webinar.id(), MemberId.lead(ada.id()), ResponseStatus.ATTENDED));
    keep(crm.leads().recordSignal(grace.id(), SignalType.of("podcast_listened", SignalType.Intent.MARKETING)));
    keep(crm.leads().overrideTemperature(alan.id(), Temperature.WARM));
    keep(crm.leads().disqualify(alan.id(), "Not a buyer"));

    clock.advance(Duration.ofDays(1));
    keep(crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(ada.id()), "Asked for a demo")
        .direction(Direction.INBOUND).outcome(Outcome.CONNECTED).duration(Duration.ofMinutes(12)).owner("sam").build()));
    Task followUp = keep(crm.tasks().create(NewTask.builder(Links.lead(ada.id()), "Send the quote",
        clock.instant().plus(Duration.ofDays(2))).owner("sam").priority(Priority.HIGH)
        .reminderAt(clock.instant().plus(Duration.ofDays(1))).build()));
    Task spare = keep(crm.tasks().create(NewTask.builder(Links.lead(grace.id()), "Call back",
        clock.instant().plus(Duration.ofDays(3))).build()));
    keep(crm.tasks().reschedule(spare.id(), clock.instant().plus(Duration.ofDays(4)), null));
    keep(crm.tasks().cancel(spare.id()));

    keep(crm.leads().changeStatus(ada.id(), LeadStatus.CONTACTED));
    keep(crm.leads().changeStatus(ada.id(), LeadStatus.QUALIFIED));
    ConversionResult converted = keep(crm.leads().convert(ada.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Ledger suite, 25 seats", Money.of("18000", "EUR"))
            .expectedCloseDate(LocalDate.of(2026, 12, 31)).build())));
    Opportunity deal = converted.opportunity().orElseThrow();
    clock.advance(Duration.ofDays(2));
    keep(crm.opportunities().moveToStage(deal.id(), "Needs Analysis"));
    keep(crm.opportunities().moveToStage(deal.id(), "Proposal"));
    keep(crm.tasks().complete(followUp.id()));
    keep(crm.opportunities().win(deal.id()));
    keep(crm.campaigns().recordActualCost(webinar.id(), Money.of("1200.00", "EUR")));

    AccountId customer = converted.account().id();
    Account other = keep(crm.accounts().create(NewAccount.builder("Difference Engines plc").build()));
    Opportunity lost = keep(crm.opportunities().open(other.id(),
        NewOpportunity.builder("Archive scanning", Money.of("4000.00", "EUR")).build()));
    keep(crm.opportunities().lose(lost.id(), LostReason.PRICE));
    keep(crm.opportunities().reopen(lost.id(), "Proposal"));

    LocalDate invoiced = LocalDate.of(2026, 11, 4);
    keep(crm.sales().record(NewSale.invoice("INV-2026-0042", customer, invoiced, "EUR").dueInDays(30)
        .line("LEDGER-SEAT", "25", "720.00").build()));
    clock.advance(Duration.ofDays(60));
    keep(crm.sales().recordPayment(NewPayment.of("BANK-7781", customer, Money.of("9000.00", "EUR"),
        invoiced.plusDays(20), "INV-2026-0042", "9000.00")));
    keep(crm.sales().recordPayment(NewPayment.of("BANK-7802", customer, Money.of("9000.00", "EUR"),
        invoiced.plusDays(41), "INV-2026-0042", "9000.00")));
    keep(crm.sales().status("INV-2026-0042"));
    keep(crm.sales().summary(customer));
    keep(crm.sales().creditHistory(customer));
    keep(crm.sales().reminders(400));
    keep(crm.sales().latePayers());
    keep(crm.sales().refreshPayerClasses());
    keep(crm.sales().bestCustomers(invoiced.minusDays(1), invoiced.plusDays(1), CustomerRank.By.REVENUE, 10));

    ServiceCase ticket = keep(crm.cases().open(NewCase.builder(customer, "Bank import rejects MT940 files")
        .contact(converted.contact().id()).priority(CasePriority.HIGH).owner("support").build()));
    keep(crm.cases().changeStatus(ticket.id(), CaseStatus.IN_PROGRESS));
    keep(crm.cases().resolve(ticket.id(), "Import mapping updated for the bank's format"));
    keep(crm.cases().query(CaseQuery.allOpen(), PageRequest.first(10)));
    keep(crm.feedback().record(NewFeedback.nps(customer, converted.contact().id(), 9)
        .aboutCase(ticket.id()).comment("Fixed the same day").build()));
    keep(crm.feedback().record(NewFeedback.csat(customer, converted.contact().id(), 2)
        .channel(FeedbackChannel.EMAIL).build()));
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    keep(crm.feedback().nps(from, clock.instant()));
    keep(crm.feedback().csat(from, clock.instant()));

    keep(crm.contacts().recordConsent(converted.contact().id(), true, "webinar form"));
    keep(crm.campaigns().results(webinar.id()));
    keep(crm.campaigns().members(webinar.id(), PageRequest.first(10)));
    keep(crm.leads().query(LeadQuery.all(), PageRequest.first(10)));
    keep(crm.opportunities().query(OpportunityQuery.all(), PageRequest.first(10)));
    keep(crm.timeline().contact(converted.contact().id(), PageRequest.first(50)));
    Period year = Period.months(YearMonth.of(2026, 1), YearMonth.of(2026, 12));
    keep(year);
    keep(crm.analytics().effectiveness(year, ReportFilter.all()));
    keep(crm.analytics().funnel(year, ReportFilter.all()));
    keep(crm.analytics().forecast(year, ReportFilter.all()));
    keep(crm.opportunities().pipeline().stages());
    // the same person again, merged into the converted contact and the merge undone
    dev.rapport.crm.contact.Contact twin = keep(crm.contacts().create(dev.rapport.crm.contact.NewContact
        .builder(PersonName.of("Ada", "Lovelace")).email("ada@analytical.example").build()));
    dev.rapport.crm.contact.ContactMerge merge = keep(crm.contacts().merge(
        dev.rapport.crm.contact.ContactMergePlan.of(converted.contact().id(), java.util.List.of(twin.id()))));
    keep(crm.contacts().undoMerge(merge.id()));
    dev.rapport.crm.contact.Account twinAccount = keep(crm.accounts().create(
        dev.rapport.crm.contact.NewAccount.builder("Analytical Engines Ltd").externalReference("K-77").build()));
    dev.rapport.crm.contact.AccountMerge accountMerge = keep(crm.accounts().merge(
        dev.rapport.crm.contact.AccountMergePlan.of(converted.account().id(), java.util.List.of(twinAccount.id()))));
    keep(crm.accounts().undoMerge(accountMerge.id()));
    Lead twinLead = keep(crm.leads().capture(NewLead.builder(PersonName.of("Charles", "Babbage"), LeadSource.REFERRAL)
        .email("charles@engines.example").build()));
    Lead otherLead = keep(crm.leads().capture(NewLead.builder(PersonName.of("Charles", "Babbage"), LeadSource.WEBINAR)
        .phone("+442071234567").build()));
    dev.rapport.crm.lead.LeadMerge leadMerge = keep(crm.leads().merge(
        dev.rapport.crm.lead.LeadMergePlan.of(twinLead.id(), java.util.List.of(otherLead.id()))));
    keep(crm.leads().undoMerge(leadMerge.id()));
    // campaign mail: one sent, one refused by the transport, one without consent; a bounce
    Crm mail = Crm.builder().persistence(store).tenant("acme-books").clock(clock).listener(events::add)
        .mail(dev.rapport.crm.mail.MailSettings.builder().ownDomain("acme-books.example")
            .unsubscribe("https://acme-books.example/unsubscribe?t=", "scenario-key-scenario-key-scenario-key").build())
        .mailTransport(m -> {
          if (m.to().get(0).address().address().startsWith("refused")) {
            throw new IllegalStateException("550 no such mailbox");
          }
        }).build();
    dev.rapport.crm.contact.MarketingConsent yes = new dev.rapport.crm.contact.MarketingConsent(true, clock.instant(), "form");
    dev.rapport.crm.contact.Contact reader = keep(crm.contacts().create(dev.rapport.crm.contact.NewContact
        .builder(PersonName.of("Mary", "Somerville")).email("mary@somerville.example").consent(yes).build()));
    dev.rapport.crm.contact.Contact refused = keep(crm.contacts().create(dev.rapport.crm.contact.NewContact
        .builder(PersonName.of("Refused", "Reader")).email("refused@nowhere.example").consent(yes).build()));
    Campaign news = keep(crm.campaigns().plan(NewCampaign.builder("Newsletter", Channel.NEWSLETTER,
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), Money.of("0.00", "EUR")).build()));
    crm.campaigns().addMembers(news.id(), java.util.List.of(MemberId.contact(reader.id()), MemberId.contact(refused.id()),
        MemberId.contact(converted.contact().id()), MemberId.lead(twinLead.id())));
    keep(crm.campaigns().start(news.id()));
    dev.rapport.crm.mail.CampaignSendReport report = keep(mail.mail().sendCampaign(news.id(), dev.rapport.crm.mail.CampaignMail.of(
        dev.rapport.crm.mail.MailAddress.of("news@acme-books.example"), "November news", "Closing the year.")));
    if (report.sent().isEmpty() || report.failed().size() != 1 || report.skipped().isEmpty()) {
      throw new IllegalStateException("the scenario's campaign mail went otherwise: " + report);
    }
    keep(mail.mail().ingest(dev.rapport.crm.mail.MailMessage.builder("bounce-1@mx.example",
            dev.rapport.crm.mail.MailAddress.of("mailer-daemon@mx.example"), clock.instant()).subject("Undelivered")
        .failedRecipient(dev.rapport.crm.common.EmailAddress.of("mary@somerville.example")).build()));
    keep(mail.mail().suppressions(PageRequest.first(10)));
    // a reader asks what is held about her, then to be forgotten; old leads go by retention
    keep(mail.privacy().export(dev.rapport.crm.privacy.Person.withEmail("mary@somerville.example")));
    keep(mail.privacy().erase(dev.rapport.crm.privacy.Person.contact(reader.id())));
    keep(crm.audit().ofRecord(converted.contact().id().value(), PageRequest.first(10)));
    clock.advance(Duration.ofDays(800));
    keep(crm.privacy().applyRetention(dev.rapport.crm.privacy.Retention.leadsUntouchedFor(java.time.Period.ofYears(2))));
    return this;
  }

  private <T> T keep(T value) {
    results.add(value);
    return value;
  }
}
