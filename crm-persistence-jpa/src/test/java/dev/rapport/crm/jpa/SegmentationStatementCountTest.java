package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFM segmentation and churn risk are a fixed number of SQL aggregate statements, the same with 3
 * customers as with 30 and with 4 answers as with 40, counted by a proxy over the JDBC statements.
 * The JPA README lists the counts.
 */
class SegmentationStatementCountTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2024, 6, 3);

  private static <T> int count(Target target, Supplier<T> command) {
    CountingDataSource ds = target.store().dataSource();
    ds.reset();
    command.get();
    return ds.count();
  }

  /** {@code n} customers, each with invoices every 28 days, half paid late, and feedback in both windows. */
  private static void history(Crm crm, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      AccountId account = crm.accounts().create(NewAccount.builder(prefix + i).build()).id();
      Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Pat", prefix + i)).account(account).build());
      for (int k = 0; k <= i % 4; k++) {
        String ref = prefix + i + "-" + k;
        LocalDate issued = DAY.plusDays(28L * k + i);
        crm.sales().record(NewSale.invoice(ref, account, issued, "EUR").dueInDays(14).line("PAPER", "10", "5.00").build());
        crm.sales().recordPayment(NewPayment.of("PAY-" + ref, account, Money.of("50.00", "EUR"),
            issued.plusDays(k % 2 == 0 ? 10 : 40), ref, "50.00"));
      }
      crm.feedback().record(NewFeedback.nps(account, contact.id(), 9).answeredAt(Instant.parse("2024-11-01T10:00:00Z")).build());
      crm.feedback().record(NewFeedback.nps(account, contact.id(), i % 11).answeredAt(Instant.parse("2025-02-01T10:00:00Z")).build());
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void segmentationAndChurnRiskAreAFixedNumberOfAggregateStatements(Target target) {
    Crm crm = Crm.builder().persistence(target.persistence()).tenant(TenantId.of("count-" + UUID.randomUUID()))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    Period period = Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
    history(crm, "A-", 3);
    List<Integer> few = List.of(count(target, () -> crm.analytics().segmentation(period)),
        count(target, () -> crm.analytics().churnRisk()));
    history(crm, "B-", 27);
    List<Integer> many = List.of(count(target, () -> crm.analytics().segmentation(period)),
        count(target, () -> crm.analytics().churnRisk()));
    assertThat(crm.analytics().segmentation(period).customers()).hasSize(30);
    assertThat(crm.analytics().churnRisk()).isNotEmpty();
    // segmentation: the RFM figures per account and currency (one statement). Churn risk: the
    // repurchase reminders (purchases per sale; per product: invoices, lines), the late payers (the
    // invoices' balances, the payments' unapplied sums), the feedback scores of the two windows
    assertThat(few).containsExactly(1, 7);
    assertThat(many).isEqualTo(few);
  }

  /** The same counts on the external servers, with {@code -Pdatabases}. */
  @Nested
  @Tag("databases")
  class OnExternalServers {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE", "MARIADB_ECLIPSELINK"})
    void answers(Target target) {
      segmentationAndChurnRiskAreAFixedNumberOfAggregateStatements(target);
    }
  }
}
