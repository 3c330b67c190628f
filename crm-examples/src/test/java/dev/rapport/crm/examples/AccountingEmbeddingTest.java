package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.OpportunityStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.sales.PayerClass;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountingEmbeddingTest {

  private static AccountingEmbedding.Summary runOn(String url, ByteArrayOutputStream buffer) {
    return AccountingEmbedding.run(url, "sa", "", new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  @Test
  void theHostConvertsTheHotSignupWinsItAndTurnsTheAccountIntoAnInvoicedCustomer() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    AccountingEmbedding.Summary s = runOn(url, buffer);

    assertThat(s.conversion().lead().name().fullName()).isEqualTo("Maria Garcia");
    assertThat(s.conversion().lead().status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(s.conversion().account().name()).isEqualTo("Northwind Traders");
    assertThat(s.won().status()).isEqualTo(OpportunityStatus.WON);
    assertThat(s.customer().number).isEqualTo("C-10001");
    assertThat(s.customer().crmAccountId).isEqualTo(s.conversion().account().id().toString());
    assertThat(s.invoice().customerNumber).isEqualTo("C-10001");
    assertThat(s.invoice().amount).isEqualByComparingTo(new BigDecimal("4800"));
    assertThat(s.invoice().status).isEqualTo("DRAFT");
    // 3 captures, 2 temperature changes, 1 qualification, conversion (account, contact,
    // opportunity, status, converted), 1 stage move, win (stage change and won): 14 events;
    // and 4 of the campaign (planned, started, members added, Tom's
    // response), 2 activities, 2 of the task, 4 of the case (opened, two moves, resolved), 1 NPS answer;
    // and the regular customer's account, its change of payer class and the task of its reminder
    assertThat(s.eventsDelivered()).isEqualTo(30);
    assertThat(s.eventsPending()).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("host customer C-10001 \"Northwind Traders\"");
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("pipeline: 1 open deal(s) expected to close within two months");
    // read from the host's ledger: 5 invoices paid 20 days late, the last open 16 days past due
    assertThat(s.latePayer().payerClass()).isEqualTo(PayerClass.CHRONICALLY_LATE);
    assertThat(s.latePayer().paidLate()).isEqualTo(5);
    assertThat(s.latePayer().openLate()).isEqualTo(1);
    assertThat(s.latePayer().worstDaysLate()).isEqualTo(20);
    assertThat(s.latePayer().overdue()).isEqualTo(Money.of("49.00", "EUR"));
    assertThat(s.reminder().medianDaysBetween()).isEqualTo(30);
    assertThat(s.reminder().dueInDays()).isZero();
    assertThat(s.reminderTask().owner()).contains("partner");
    assertThat(s.reminderTask().subject()).isEqualTo("Repurchase due: Contoso Bakery");
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("late payer: Contoso Bakery, CHRONICALLY_LATE");
  }

  @Test
  void aSecondRunOnTheSameDatabaseReusesTheCustomerAndDraftsASecondInvoice() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    AccountingEmbedding.Summary first = runOn(url, new ByteArrayOutputStream());
    AccountingEmbedding.Summary second = runOn(url, new ByteArrayOutputStream());

    assertThat(second.conversion().accountCreated()).isFalse();
    assertThat(second.conversion().account().id()).isEqualTo(first.conversion().account().id());
    assertThat(second.customer().number).isEqualTo("C-10001");
    assertThat(second.invoice().id).isNotEqualTo(first.invoice().id);
    // no new account, no new contact, no change of payer class; a second reminder task
    assertThat(second.eventsDelivered()).isEqualTo(26);
    assertThat(second.latePayer().accountId()).isEqualTo(first.latePayer().accountId());
  }
}
