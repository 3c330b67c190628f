package dev.rapport.crm.examples.host;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.analytics.ChurnRisk;
import dev.rapport.crm.analytics.Effectiveness;
import dev.rapport.crm.analytics.Forecast;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.analytics.Segmentation;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.feedback.NpsResult;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.sales.CreditHistory;
import dev.rapport.crm.sales.CustomerSummary;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.service.ServiceCase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Three months in the life of the accounting package's CRM module, on a simulated clock: three
 * customers already in the books, three people filling in the website's form, two deals (one
 * won, one lost), an invoice paid late, a support case, and the reports at the end.
 */
public final class HostStory {

  /** When the story starts. */
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** What the package shows its users at the end of the story. */
  public record Result(
      Lead adaOnArrival, Lead graceAfterCall, Lead ada, Lead grace, Lead alan, int websiteLeads, List<Lead> leadsWithAdasAddress,
      ConversionResult adaConverted, ConversionResult graceConverted,
      Opportunity adaDeal, Opportunity graceDeal, String newCustomer,
      List<Task> remindersSent, Page<TimelineItem> adaTimeline,
      ServiceCase supportCase, NpsResult nps,
      CustomerSummary adaPurchases, CreditHistory adaCredit, boolean recordingRefused,
      Effectiveness effectiveness, Forecast forecast, Segmentation segmentation,
      List<ChurnRisk> churn, List<CreditHistory> latePayers,
      List<String> topics, Map<AccountId, String> names) {

    public String nameOf(AccountId id) {
      return names.getOrDefault(id, id.toString());
    }
  }

  private HostStory() {}

  /** Runs the story on a host made by {@code host} with a clock the story moves. */
  public static Result run(Function<Clock, AccountingHost> host) {
    TestClock clock = TestClock.at(START);
    AccountingHost app = host.apply(clock);
    Ledger books = app.ledger();

    // The books already have three customers, with a year of invoices and payments.
    Account northwind = app.importCustomer("C-1001", "Northwind Traders", "accounts@northwind.example");
    Account contoso = app.importCustomer("C-1002", "Contoso Bakery", "office@contoso-bakery.example");
    Account fabrikam = app.importCustomer("C-1003", "Fabrikam Tools", "ap@fabrikam.example");
    for (int m = 0; m < 12; m++) {             // Northwind: the payroll module every month, paid on time
      LocalDate issued = LocalDate.of(2025, 3, 5).plusMonths(m);
      invoice(books, "NW-" + issued, "C-1001", issued, 14, "PAYROLL", "1", "250.00");
      pay(books, "BANK-NW-" + issued, "C-1001", issued.plusDays(7), "NW-" + issued, "250.00");
    }
    for (int m = 0; m < 4; m++) {              // Contoso: every two months, then nothing since August
      LocalDate issued = LocalDate.of(2025, 2, 10).plusMonths(2L * m);
      invoice(books, "CB-" + issued, "C-1002", issued, 14, "BOOKKEEPING", "1", "400.00");
      pay(books, "BANK-CB-" + issued, "C-1002", issued.plusDays(10), "CB-" + issued, "400.00");
    }
    for (int q = 0; q < 4; q++) {              // Fabrikam: quarterly, always six weeks late or more
      LocalDate issued = LocalDate.of(2025, 3, 31).plusMonths(3L * q);
      invoice(books, "FT-" + issued, "C-1003", issued, 30, "AUDIT-PACK", "1", "3000.00");
      pay(books, "BANK-FT-" + issued, "C-1003", issued.plusDays(75), "FT-" + issued, "3000.00");
    }

    // The website's form: Ada asks for a demo, Grace works at a customer, Alan is a student.
    Lead ada = app.webFormSubmitted(new WebForm("Ada", "Lovelace", "ada@analytical-engines.example",
        Optional.of("Analytical Engines Ltd"), Optional.of("+44 20 7946 0018"), "google", "cpc", "payroll-2026", true));
    Lead grace = app.webFormSubmitted(new WebForm("Grace", "Hopper", "grace.hopper@northwind.example",
        Optional.of("Northwind Traders"), Optional.empty(), "newsletter", "email", "march", false));
    Lead alan = app.webFormSubmitted(new WebForm("Alan", "Turing", "alan.turing@gmail.com",
        Optional.empty(), Optional.empty(), "google", "organic", "none", false));
    app.webFormSubmitted(new WebForm("Ada", "Lovelace", "Ada@Analytical-Engines.example",
        Optional.of("Analytical Engines Ltd"), Optional.empty(), "google", "cpc", "payroll-2026", false));

    // Grace calls in: engagement. Sales sets a follow-up for Ada; the morning job sends the reminder.
    app.inboundCall(grace.id(), "Asked about the payroll add-on for 40 staff", Duration.ofMinutes(12));
    Lead graceAfterCall = app.crm().leads().get(grace.id());
    Task callAda = app.followUp(Links.lead(ada.id()), "Call Ada back about the demo",
        START.plus(Duration.ofDays(2)));
    clock.advance(Duration.ofDays(2).minus(Duration.ofMinutes(30)));
    List<Task> reminders = app.daily();

    // Both are qualified and converted; Grace's company is a customer already, Ada's is new.
    clock.advance(Duration.ofDays(1));
    ConversionResult adaConverted = app.qualifyAndConvert(ada.id(), "Ledger suite, 25 seats",
        Money.of("18000.00", "EUR"), LocalDate.of(2026, 3, 31));
    app.done(callAda);
    ConversionResult graceConverted = app.qualifyAndConvert(grace.id(), "Payroll for 40 staff",
        Money.of("4000.00", "EUR"), LocalDate.of(2026, 4, 30));
    app.disqualify(alan.id(), "Student project, no business");

    // The pipeline: Ada's deal is won, Grace's lost on price.
    var adaDeal = adaConverted.opportunity().orElseThrow().id();
    var graceDeal = graceConverted.opportunity().orElseThrow().id();
    clock.advance(Duration.ofDays(3));
    app.advance(adaDeal, "Needs Analysis");
    app.advance(graceDeal, "proposal");          // stage names ignore case
    clock.advance(Duration.ofDays(4));
    app.advance(adaDeal, "Proposal");
    clock.advance(Duration.ofDays(5));
    app.advance(adaDeal, "Negotiation");
    app.lose(graceDeal, LostReason.PRICE);
    clock.advance(Duration.ofDays(3));
    String newCustomer = app.win(adaDeal);

    // The books invoice the deal with 30 days' credit; it is paid in two parts, the second late.
    LocalDate invoiced = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    invoice(books, "INV-2026-0100", newCustomer, invoiced, 30, "LEDGER-SEAT", "25", "720.00");
    pay(books, "BANK-7781", newCustomer, invoiced.plusDays(21), "INV-2026-0100", "9000.00");
    pay(books, "BANK-7802", newCustomer, invoiced.plusDays(45), "INV-2026-0100", "9000.00");
    for (int m = 0; m < 3; m++) {              // Northwind keeps buying
      LocalDate issued = LocalDate.of(2026, 3, 5).plusMonths(m);
      invoice(books, "NW-" + issued, "C-1001", issued, 14, "PAYROLL", "1", "250.00");
      pay(books, "BANK-NW-" + issued, "C-1001", issued.plusDays(7), "NW-" + issued, "250.00");
    }

    // A support case after go-live, resolved; Ada answers the survey.
    clock.advance(Duration.ofDays(10));
    ServiceCase ticket = app.openCase(adaConverted.account().id(), adaConverted.contact().id(),
        "Bank import rejects MT940 files");
    clock.advance(Duration.ofHours(3));
    ServiceCase resolved = app.resolve(ticket, "Import mapping updated for the bank's format", 9);
    app.note(adaConverted.account().id(), "Go-live done", "25 seats live, bank import fixed.");

    // Mid-May: the morning job, then the reports.
    clock.set(Instant.parse("2026-05-15T06:00:00Z"));
    app.daily();
    LocalDate today = LocalDate.of(2026, 5, 15);
    var crm = app.crm();
    boolean refused;
    try {
      crm.sales().record(NewSale.invoice("INV-X", northwind.id(), today, "EUR").line("X", "1", "1.00").build());
      refused = false;
    } catch (ValidationException e) {
      refused = true;                          // the books are the one truth: Rapport records no sales
    }
    Map<AccountId, String> names = new HashMap<>();
    for (Account a : crm.accounts().list(PageRequest.first(100)).items()) {
      names.put(a.id(), a.name());
    }
    return new Result(ada, graceAfterCall,
        crm.leads().get(ada.id()), crm.leads().get(grace.id()), crm.leads().get(alan.id()),
        crm.leads().query(LeadQuery.all().withSources(Set.of(LeadSource.WEBSITE_SIGNUP)), PageRequest.first(100))
            .items().size(),
        crm.leads().findByEmail("ada@analytical-engines.example"),
        adaConverted, graceConverted,
        crm.opportunities().get(adaDeal), crm.opportunities().get(graceDeal), newCustomer,
        reminders, crm.timeline().contact(adaConverted.contact().id(), PageRequest.first(50)),
        resolved, crm.feedback().nps(adaConverted.account().id(), START, clock.instant()),
        crm.sales().summary(adaConverted.account().id()), crm.sales().creditHistory(adaConverted.account().id()),
        refused,
        crm.analytics().effectiveness(Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31)), ReportFilter.all()),
        crm.analytics().forecast(Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30)), ReportFilter.all()),
        crm.analytics().segmentation(Period.of(today.minusYears(1).plusDays(1), today)),
        crm.analytics().churnRisk(), crm.sales().latePayers(),
        app.bus().topics(), names);
  }

  private static void invoice(Ledger books, String number, String customer, LocalDate issued, int terms,
      String product, String quantity, String unitPrice) {
    books.issue(new Ledger.Invoice(number, customer, issued, terms,
        List.of(new Ledger.Line(product, new BigDecimal(quantity), new BigDecimal(unitPrice)))));
  }

  private static void pay(Ledger books, String reference, String customer, LocalDate paidOn, String invoice,
      String amount) {
    books.book(new Ledger.Payment(reference, customer, new BigDecimal(amount), paidOn,
        Map.of(invoice, new BigDecimal(amount))));
  }
}
