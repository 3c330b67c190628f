package dev.rapport.crm.jpa;

import dev.rapport.crm.sales.SalesReports;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.sales.SalesRepository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.feedback.FeedbackFigures;
import dev.rapport.crm.feedback.FeedbackRepository.ScoreRow;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.sales.SalesReports.RfmRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The segmentation figures the adapter computes in SQL ({@code SalesRepository.rfm}, {@code
 * FeedbackRepository.scores}) against {@link SalesFigures#rfm} and {@link FeedbackFigures#scores},
 * their reference definitions, over the same seeded random history recorded through the services:
 * 150 invoices and credit notes of 8 accounts in three currencies (0, 2 and 3 decimals) over 400
 * days, and 200 NPS and CSAT answers; compared over several periods, including ones that cut
 * between an invoice and its credit note, and windows that start exactly on an answer.
 */
class JpaSegmentationFiguresTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
  private static final Instant NOW = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
  private static final List<String> CURRENCIES = List.of("EUR", "JPY", "KWD");

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void rfmAndScoresInSqlAreTheReferenceFiguresOfASeededRandomHistory(Target target) {
    check(target, 20_251_202L);
  }

  /** The same on the external servers, with {@code -Pdatabases}. */
  @Nested
  @Tag("databases")
  class OnExternalServers {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void figures(Target target) {
      check(target, 20_251_202L);
    }
  }

  private static void check(Target target, long seed) {
    Random random = new Random(seed);
    TenantId tenant = TenantId.of("segments-" + UUID.randomUUID());
    Crm crm = Crm.builder().persistence(target.persistence()).tenant(tenant).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
    List<AccountId> accounts = new ArrayList<>();
    Map<AccountId, dev.rapport.crm.common.ContactId> contacts = new HashMap<>();
    for (int i = 0; i < 8; i++) {
      AccountId a = crm.accounts().create(NewAccount.builder("Buyer " + i).build()).id();
      accounts.add(a);
      contacts.put(a, crm.contacts().create(NewContact.builder(PersonName.of("Pat", "Buyer " + i)).account(a).build()).id());
    }
    List<NewSale> sales = new ArrayList<>();
    List<NewSale> invoices = new ArrayList<>();
    while (sales.size() < 150) {
      if (invoices.isEmpty() || random.nextInt(5) > 0) {
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        NewSale.Builder b = NewSale.invoice("INV-" + sales.size(), accounts.get(random.nextInt(accounts.size())),
            TODAY.minusDays(random.nextInt(400)), currency).dueInDays(30);
        for (int l = 1 + random.nextInt(3); l > 0; l--) {
          b.line("P" + random.nextInt(5), String.valueOf(1 + random.nextInt(9)),
              BigDecimal.valueOf(1 + random.nextInt(100_000), digits).toPlainString());
        }
        NewSale inv = crm.sales().record(b.build()).value().content();
        sales.add(inv);
        invoices.add(inv);
      } else {
        NewSale inv = invoices.remove(random.nextInt(invoices.size()));
        BigDecimal part = inv.total().amount().divide(BigDecimal.valueOf(2 + random.nextInt(3)),
            inv.total().amount().scale(), RoundingMode.DOWN);
        if (part.signum() == 0) {
          continue;
        }
        sales.add(crm.sales().record(NewSale.creditNote("CN-" + sales.size(), inv.reference(), inv.accountId(),
            inv.issuedOn().plusDays(random.nextInt(60)), inv.currency().getCurrencyCode())
            .line("P0", "-1", part.toPlainString()).build()).value().content());
      }
    }
    List<Feedback> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      AccountId a = accounts.get(random.nextInt(accounts.size()));
      Instant at = NOW.minusSeconds(random.nextInt(400 * 86_400)).minusNanos(random.nextInt(1000) * 1000L);
      NewFeedback f = random.nextBoolean()
          ? NewFeedback.nps(a, contacts.get(a), random.nextInt(11)).answeredAt(at).build()
          : NewFeedback.csat(a, contacts.get(a), 1 + random.nextInt(5)).answeredAt(at).build();
      answers.add(crm.feedback().record(f));
    }

    List<LocalDate[]> periods = List.of(new LocalDate[] {TODAY.minusDays(400), TODAY},
        new LocalDate[] {TODAY.minusDays(90), TODAY}, new LocalDate[] {TODAY.minusDays(200), TODAY.minusDays(100)},
        new LocalDate[] {sales.get(7).issuedOn(), sales.get(7).issuedOn()}, new LocalDate[] {TODAY.plusDays(1), TODAY.plusDays(9)});
    for (LocalDate[] p : periods) {
      List<RfmRow> sql = target.persistence().inUnitOfWork(tenant, uow -> uow.port(SalesReports.class).rfm(p[0], p[1]));
      assertThat(normalised(sql)).as("rfm %s to %s", p[0], p[1])
          .containsExactlyInAnyOrderElementsOf(normalised(SalesFigures.rfm(sales, p[0], p[1])));
    }
    List<RfmRow> all = target.persistence().inUnitOfWork(tenant, uow -> uow.port(SalesReports.class).rfm(TODAY.minusDays(400), TODAY));
    assertThat(all).hasSizeGreaterThan(8);
    List<Instant[]> windows = List.of(new Instant[] {NOW.minusSeconds(400L * 86_400), NOW.plusSeconds(1)},
        new Instant[] {NOW.minusSeconds(90L * 86_400), NOW}, new Instant[] {answers.get(3).answeredAt(), answers.get(9).answeredAt()},
        new Instant[] {answers.get(5).answeredAt(), answers.get(5).answeredAt()});
    for (Instant[] w : windows) {
      List<ScoreRow> sql = target.persistence().inUnitOfWork(tenant, uow -> uow.port(FeedbackRepository.class).scores(w[0], w[1]));
      assertThat(sql).as("scores %s to %s", w[0], w[1])
          .containsExactlyInAnyOrderElementsOf(FeedbackFigures.scores(answers, w[0], w[1]));
    }
  }

  /** Rows with amounts at the scale of their currency, as the adapter returns them. */
  private static List<RfmRow> normalised(List<RfmRow> rows) {
    return rows.stream().map(r -> new RfmRow(r.accountId(), r.currency(), r.lastPurchase(), r.purchases(),
        r.amount().setScale(Math.max(r.currency().getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY))).toList();
  }
}
