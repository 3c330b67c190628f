package dev.rapport.crm.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.analytics.ChurnRisk;
import dev.rapport.crm.analytics.CustomerRfm;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.ForecastMonth;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.sales.CreditHistory;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.service.CaseStatus;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Runs the accounting package's story ({@link HostStory}) on the in-memory store and on H2 through
 * JPA, and checks what the package relies on: one lead per address, conversion into the customer
 * the books already have, the pipeline, the books' invoices answering Rapport's sales questions,
 * the support case, the reports, and every event on the package's own bus.
 */
class AccountingHostTest {

  @Test
  void theStoryInMemory() {
    HostStory.Result r = HostStory.run(AccountingHost::inMemory);

    assertStory(r);
    // The listener hands the bus each event after its command committed, in order.
    assertThat(r.topics()).containsSubsequence("crm.LeadCaptured", "crm.LeadConverted", "crm.OpportunityWon",
        "crm.CaseOpened", "crm.CaseResolved", "crm.PayerClassChanged");
  }

  @Test
  void theStoryOnH2ThroughJpaAndTheOutbox() {
    String url = "jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/rapport/h2")
        .table("rapport_schema_history").load().migrate();
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("accounting-host", Map.of(
        "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", "sa",
        "jakarta.persistence.jdbc.password", ""));
    try {
      HostStory.Result r = HostStory.run(clock -> AccountingHost.onDatabase(emf, clock));

      assertStory(r);
      // The outbox delivered the same events, in order, when the morning job relayed it.
      assertThat(r.topics()).containsSubsequence("crm.LeadCaptured", "crm.LeadConverted", "crm.OpportunityWon",
          "crm.CaseOpened", "crm.CaseResolved", "crm.PayerClassChanged");
      HostStory.Result inMemory = HostStory.run(AccountingHost::inMemory);
      // The same CRM events as the listener delivers in memory; only later (at the morning job).
      assertThat(crmTopics(r)).isEqualTo(crmTopics(inMemory));
    } finally {
      emf.close();
    }
  }

  @Test
  void mainPrintsTheReports() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccountingHost.print(HostStory.run(AccountingHost::inMemory), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Leads from the website: 3 (2 converted, 1 won for 18000.00 EUR)")
        .contains("Fabrikam Tools CHRONICALLY_LATE");
  }

  private static List<String> crmTopics(HostStory.Result r) {
    return r.topics().stream().filter(t -> t.startsWith("crm.")).toList();
  }

  private static void assertStory(HostStory.Result r) {
    // The form: three people, one lead each (Ada sent it twice, with her address in other case).
    assertThat(r.websiteLeads()).isEqualTo(3);
    assertThat(r.leadsWithAdasAddress()).hasSize(1);
    assertThat(r.adaOnArrival().temperature()).isEqualTo(Temperature.HOT);     // asked for a demo
    assertThat(r.graceAfterCall().temperature()).isNotEqualTo(Temperature.COLD); // called in
    assertThat(r.ada().source()).isEqualTo(LeadSource.WEBSITE_SIGNUP);
    assertThat(r.ada().sourceDetail().orElseThrow().utmCampaign()).contains("payroll-2026");
    assertThat(r.alan().status()).isEqualTo(LeadStatus.DISQUALIFIED);
    assertThat(r.alan().disqualificationReason()).contains("Student project, no business");

    // Conversion: Ada's company is new; Grace's is matched by name to the customer of the books.
    assertThat(r.ada().status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(r.adaConverted().accountCreated()).isTrue();
    assertThat(r.graceConverted().accountCreated()).isFalse();
    assertThat(r.graceConverted().account().externalReference()).contains("C-1001");

    // The pipeline: Ada's deal won (its account now customer C-2001), Grace's lost on price.
    assertThat(r.adaDeal().status()).isEqualTo(OpportunityStatus.WON);
    assertThat(r.adaDeal().history()).extracting(h -> h.to())
        .containsSubsequence("Needs Analysis", "Proposal", "Negotiation", "Closed Won");
    assertThat(r.graceDeal().status()).isEqualTo(OpportunityStatus.LOST);
    assertThat(r.graceDeal().lostReason()).contains(LostReason.PRICE);
    assertThat(r.newCustomer()).isEqualTo("C-2001");

    // Activities and tasks: the morning job sent the reminder; the contact's timeline shows the lead's past.
    assertThat(r.remindersSent()).extracting(t -> t.subject()).containsExactly("Call Ada back about the demo");
    assertThat(r.adaTimeline().items()).extracting(TimelineItem::event)
        .contains(java.util.Optional.of("LeadCaptured"), java.util.Optional.of("LeadConverted"));

    // Service: resolved, and a promoter.
    assertThat(r.supportCase().status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(r.nps().promoters()).isEqualTo(1);

    // Sales questions answered from the books: one purchase of 18,000, paid 15 days late.
    assertThat(r.adaPurchases().overall().orElseThrow().purchases()).isEqualTo(1);
    assertThat(r.adaPurchases().overall().orElseThrow().total()).isEqualTo(Money.of("18000.00", "EUR"));
    assertThat(r.adaCredit().paidLate()).isEqualTo(1);
    assertThat(r.adaCredit().worstDaysLate()).isEqualTo(15);
    assertThat(r.adaCredit().payerClass()).isEqualTo(PayerClass.OCCASIONALLY_LATE);
    assertThat(r.recordingRefused()).isTrue();

    // Reports.
    EffectivenessRow total = r.effectiveness().total();
    assertThat(total.leads()).isEqualTo(3);
    assertThat(total.converted()).isEqualTo(2);
    assertThat(total.disqualified()).isEqualTo(1);
    assertThat(total.won()).isEqualTo(1);
    assertThat(total.lost()).isEqualTo(1);
    assertThat(total.wonRevenue()).isEqualTo(Money.of("18000.00", "EUR"));
    ForecastMonth march = r.forecast().months().get(0);
    assertThat(march.month()).isEqualTo(YearMonth.of(2026, 3));
    assertThat(march.won()).isEqualTo(1);
    assertThat(march.wonRevenue()).isEqualTo(Money.of("18000.00", "EUR"));
    assertThat(r.segmentation().customers()).extracting(CustomerRfm::accountId)
        .extracting(r::nameOf)
        .containsExactlyInAnyOrder("Northwind Traders", "Contoso Bakery", "Fabrikam Tools", "Analytical Engines Ltd");
    assertThat(r.churn()).extracting(ChurnRisk::accountId).extracting(r::nameOf).contains("Contoso Bakery");
    List<CreditHistory> late = r.latePayers();
    assertThat(late).extracting(c -> r.nameOf(c.accountId()) + " " + c.payerClass())
        .startsWith("Fabrikam Tools CHRONICALLY_LATE")
        .contains("Analytical Engines Ltd OCCASIONALLY_LATE")
        .doesNotContain("Northwind Traders ON_TIME");
  }
}
