package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.analytics.ChurnReason;
import dev.rapport.crm.analytics.ChurnRisk;
import dev.rapport.crm.analytics.CustomerRfm;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.analytics.Segmentation;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.sales.ExchangeRates;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFM segmentation and churn risk ({@code crm.analytics().segmentation} and {@code churnRisk}) on an
 * adapter, from both sales sources (Rapport's store and a host's ledger), against figures worked out
 * by hand. Feedback is always in Rapport's store.
 *
 * <p>Today is 2025-03-03 (the contract's clock, UTC). Every invoice is due 30 days after its issue
 * day (INV-H1 after 90). The data, in EUR unless said:
 * <pre>
 * Abel (A) INV-A1 2025-01-06, INV-A2 2025-02-03, INV-A3 2025-03-03: 400.00 each; PAY-A1 01-20 pays
 *          INV-A1, PAY-A2 02-20 INV-A2
 * Berg (B) INV-B1..B4 2024-06-03, 07-01, 07-29, 08-26: 500.00 each; nothing paid
 * Cole (C) in USD (0.92 EUR on 2025-03-03, no other rate): INV-C1 2025-02-03 300.00, INV-C2 02-17 100.00
 * Dorn (D) INV-D1 2024-12-02 1000.00, CN-D1 2024-12-09 -200.00; PAY-D1 2025-01-15 800.00 (14 days late)
 * Eddy (E) INV-E1 2025-02-24 100.00
 * Gray (G) INV-G1 2024-12-16 150.00, INV-G2 2025-01-13 150.00; PAY-G1 01-10, PAY-G2 02-12 (on time)
 * Hill (H) INV-H1 2023-12-01 100.00 (due 2024-02-29), CN-H1 2024-02-01 -100.00
 * Feedback: A  NPS 9 and CSAT 5 on 2024-11-01; NPS 6 at 2024-12-04T00:00Z and CSAT 4 on 2025-02-01
 *           C  NPS 0 on 2024-08-01 (in neither window); NPS 8 on 2024-11-01; NPS 7 on 2025-02-01
 *           E  NPS 10 on 2025-02-01
 * </pre>
 */
public abstract class SegmentationContract extends ContractSupport {
  static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
  static final Currency USD = Currency.getInstance("USD");
  static final Currency EUR = Currency.getInstance("EUR");

  /** The host's rates: USD to EUR today only. */
  static final ExchangeRates RATES = (from, to, day) -> from.equals(USD) && to.equals(EUR) && day.equals(TODAY)
      ? Optional.of(new BigDecimal("0.92")) : Optional.empty();

  /** Where the sales come from. */
  public enum Source {
    /** Recorded in Rapport's store through {@code crm.sales()}. */
    STORE,
    /** Read from a host's ledger. */
    LEDGER
  }

  private Account a;
  private Account b;
  private Account c;
  private Account d;
  private Account e;
  private Account g;
  private Account h;
  private SalesSources sources;

  /** For subclasses. */
  protected SegmentationContract() {}

  @BeforeEach
  final void sevenAccounts() {
    a = crm.accounts().create(NewAccount.builder("Abel").build());
    b = crm.accounts().create(NewAccount.builder("Berg").build());
    c = crm.accounts().create(NewAccount.builder("Cole").build());
    d = crm.accounts().create(NewAccount.builder("Dorn").build());
    e = crm.accounts().create(NewAccount.builder("Eddy").build());
    g = crm.accounts().create(NewAccount.builder("Gray").build());
    h = crm.accounts().create(NewAccount.builder("Hill").build());
    assertThat(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).isEqualTo(TODAY);
    sources = new SalesSources(tenant, 3);
  }

  static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  private static NewSale invoice(String ref, Account account, String day, String currency, String amount) {
    return NewSale.invoice(ref, account.id(), day(day), currency).dueInDays(30).line("ITEM", "1", amount).build();
  }

  /** The sales of the data, in the order a host would send them. */
  List<NewSale> theSales() {
    return List.of(
        NewSale.invoice("INV-H1", h.id(), day("2023-12-01"), "EUR").dueInDays(90).line("ITEM", "1", "100.00").build(),
        NewSale.creditNote("CN-H1", "INV-H1", h.id(), day("2024-02-01"), "EUR").line("ITEM", "-1", "100.00").build(),
        invoice("INV-B1", b, "2024-06-03", "EUR", "500.00"),
        invoice("INV-B2", b, "2024-07-01", "EUR", "500.00"),
        invoice("INV-B3", b, "2024-07-29", "EUR", "500.00"),
        invoice("INV-B4", b, "2024-08-26", "EUR", "500.00"),
        invoice("INV-D1", d, "2024-12-02", "EUR", "1000.00"),
        NewSale.creditNote("CN-D1", "INV-D1", d.id(), day("2024-12-09"), "EUR").line("ITEM", "-1", "200.00").build(),
        invoice("INV-G1", g, "2024-12-16", "EUR", "150.00"),
        invoice("INV-A1", a, "2025-01-06", "EUR", "400.00"),
        invoice("INV-G2", g, "2025-01-13", "EUR", "150.00"),
        invoice("INV-A2", a, "2025-02-03", "EUR", "400.00"),
        invoice("INV-C1", c, "2025-02-03", "USD", "300.00"),
        invoice("INV-C2", c, "2025-02-17", "USD", "100.00"),
        invoice("INV-E1", e, "2025-02-24", "EUR", "100.00"),
        invoice("INV-A3", a, "2025-03-03", "EUR", "400.00"));
  }

  List<NewPayment> thePayments() {
    return List.of(
        NewPayment.of("PAY-G1", g.id(), eur("150.00"), day("2025-01-10"), "INV-G1", "150.00"),
        NewPayment.of("PAY-D1", d.id(), eur("800.00"), day("2025-01-15"), "INV-D1", "800.00"),
        NewPayment.of("PAY-A1", a.id(), eur("400.00"), day("2025-01-20"), "INV-A1", "400.00"),
        NewPayment.of("PAY-G2", g.id(), eur("150.00"), day("2025-02-12"), "INV-G2", "150.00"),
        NewPayment.of("PAY-A2", a.id(), eur("400.00"), day("2025-02-20"), "INV-A2", "400.00"));
  }

  /** A {@code Crm} of this test's tenant answering from the source, with the host's rates. */
  Crm crmOf(Source source, ExchangeRates rates) {
    return sources.crm(this, source == Source.LEDGER, rates);
  }

  /** The sales put where the source keeps them, the feedback in the store; the {@code Crm} that answers. */
  Crm withTheData(Source source) {
    Crm crm = crmOf(source, RATES);
    sources.put(crm, source == Source.LEDGER, theSales(), thePayments());
    Contact ca = contact(crm, a, "Anna");
    Contact cc = contact(crm, c, "Carl");
    Contact ce = contact(crm, e, "Emma");
    crm.feedback().record(NewFeedback.nps(a.id(), ca.id(), 9).answeredAt(at("2024-11-01T10:00:00Z")).build());
    crm.feedback().record(NewFeedback.csat(a.id(), ca.id(), 5).answeredAt(at("2024-11-01T10:00:00Z")).build());
    crm.feedback().record(NewFeedback.nps(a.id(), ca.id(), 6).answeredAt(at("2024-12-04T00:00:00Z")).build());
    crm.feedback().record(NewFeedback.csat(a.id(), ca.id(), 4).answeredAt(at("2025-02-01T10:00:00Z")).build());
    crm.feedback().record(NewFeedback.nps(c.id(), cc.id(), 0).answeredAt(at("2024-08-01T10:00:00Z")).build());
    crm.feedback().record(NewFeedback.nps(c.id(), cc.id(), 8).answeredAt(at("2024-11-01T10:00:00Z")).build());
    crm.feedback().record(NewFeedback.nps(c.id(), cc.id(), 7).answeredAt(at("2025-02-01T10:00:00Z")).build());
    crm.feedback().record(NewFeedback.nps(e.id(), ce.id(), 10).answeredAt(at("2025-02-01T10:00:00Z")).build());
    events.clear();
    return crm;
  }

  private static Contact contact(Crm crm, Account account, String first) {
    return crm.contacts().create(NewContact.builder(PersonName.of(first, account.name())).account(account.id()).build());
  }

  static Instant at(String text) {
    return Instant.parse(text);
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  // ---------------------------------------------------------------- segmentation

  @ParameterizedTest
  @EnumSource(Source.class)
  public void everyCustomerOfThePeriodIsScoredByQuintileAndSegmented(Source source) {
    Segmentation s = withTheData(source).analytics().segmentation(Period.of(day("2024-01-01"), day("2025-12-31")));

    // the period ends after today: recency is measured to today. H has only a credit note in the
    // period (its invoice is of 2023): not a customer of the period. n = 6, so a score is
    // 1 + floor(5w/6): w = 0 or 1 -> 1, 2 -> 2, 3 -> 3, 4 -> 4, 5 -> 5.
    //
    //      last purchase  recency  frequency  monetary (EUR)          w(R) R  w(F) F  w(M) M  FM=(F+M+1)/2  segment
    //  A   2025-03-03        0        3       1200.00                  5  5    4  4    4  4     4          CHAMPIONS
    //  B   2024-08-26      189        4       2000.00                  0  1    5  5    5  5     5          CANT_LOSE
    //  C   2025-02-17       14        2        368.00 (400 USD x 0.92) 3  3    2  2    2  2     2          POTENTIAL_LOYALISTS
    //  D   2024-12-02       91        1        800.00 (1000 - 200)     1  1    0  1    3  3     2          LOST
    //  E   2025-02-24        7        1        100.00                  4  4    0  1    0  1     1          NEW
    //  G   2025-01-13       49        2        300.00                  2  2    2  2    1  1     2          HIBERNATING
    //
    // order: R+F+M descending: A 13, B 11, C 7, E 6, then D 5 and G 5 (monetary 800 before 300)
    assertThat(s.asOf()).isEqualTo(TODAY);
    assertThat(s.currency()).isEqualTo(EUR);
    assertThat(s.customers()).containsExactly(
        new CustomerRfm(a.id(), day("2025-03-03"), 0, 3, eur("1200.00"), 5, 4, 4, Segment.CHAMPIONS),
        new CustomerRfm(b.id(), day("2024-08-26"), 189, 4, eur("2000.00"), 1, 5, 5, Segment.CANT_LOSE),
        new CustomerRfm(c.id(), day("2025-02-17"), 14, 2, eur("368.00"), 3, 2, 2, Segment.POTENTIAL_LOYALISTS),
        new CustomerRfm(e.id(), day("2025-02-24"), 7, 1, eur("100.00"), 4, 1, 1, Segment.NEW),
        new CustomerRfm(d.id(), day("2024-12-02"), 91, 1, eur("800.00"), 1, 1, 3, Segment.LOST),
        new CustomerRfm(g.id(), day("2025-01-13"), 49, 2, eur("300.00"), 2, 2, 1, Segment.HIBERNATING));
    Map<Segment, Long> counts = new EnumMap<>(Segment.class);
    for (Segment x : Segment.values()) {
      counts.put(x, 0L);
    }
    counts.putAll(Map.of(Segment.CHAMPIONS, 1L, Segment.CANT_LOSE, 1L, Segment.POTENTIAL_LOYALISTS, 1L,
        Segment.NEW, 1L, Segment.LOST, 1L, Segment.HIBERNATING, 1L));
    assertThat(s.segments()).isEqualTo(counts);
    assertThat(s.segments().keySet()).containsExactly(Segment.values());
    assertThat(s.best(2)).extracting(CustomerRfm::accountId).containsExactly(a.id(), b.id());
    assertThat(s.best(1000)).hasSize(6);
    assertThat(s.of(Segment.LOST)).extracting(CustomerRfm::accountId).containsExactly(d.id());
    assertThat(s.customers().get(0).code()).isEqualTo(544);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void aPeriodThatEndsBeforeTodayMeasuresRecencyToItsLastDay(Source source) {
    Segmentation s = withTheData(source).analytics().segmentation(Period.year(2024));

    // customers of 2024: B, D, G (H only a credit note); n = 3: w = 0 -> 1, 1 -> 2, 2 -> 4.
    //      last        recency to 12-31   F  M (EUR)   R  F  M  FM  segment
    //  B   2024-08-26  127                4  2000.00   1  4  4  4   AT_RISK
    //  D   2024-12-02   29                1   800.00   2  1  2  2   HIBERNATING
    //  G   2024-12-16   15                1   150.00   4  1  1  1   NEW
    // order: B 9, G 6, D 5; no USD in the period: no rate needed
    assertThat(s.asOf()).isEqualTo(day("2024-12-31"));
    assertThat(s.customers()).containsExactly(
        new CustomerRfm(b.id(), day("2024-08-26"), 127, 4, eur("2000.00"), 1, 4, 4, Segment.AT_RISK),
        new CustomerRfm(g.id(), day("2024-12-16"), 15, 1, eur("150.00"), 4, 1, 1, Segment.NEW),
        new CustomerRfm(d.id(), day("2024-12-02"), 29, 1, eur("800.00"), 2, 1, 2, Segment.HIBERNATING));
    assertThat(s.segments()).containsEntry(Segment.AT_RISK, 1L).containsEntry(Segment.NEW, 1L)
        .containsEntry(Segment.HIBERNATING, 1L).containsEntry(Segment.CHAMPIONS, 0L);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void aPeriodWithoutInvoicesHasNoCustomers(Source source) {
    Segmentation s = withTheData(source).analytics().segmentation(Period.year(2020));

    assertThat(s.customers()).isEmpty();
    assertThat(s.segments().values()).containsOnly(0L).hasSize(Segment.values().length);
    assertThat(s.best(5)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void aMissingRateIsAnErrorNamingThePairAndTheAsOfDay(Source source) {
    withTheData(source);
    Crm withoutRates = crmOf(source, ExchangeRates.none());

    assertThatThrownBy(() -> withoutRates.analytics().segmentation(Period.year(2025)))
        .isInstanceOfSatisfying(MissingExchangeRateException.class, x -> {
          assertThat(x.from()).isEqualTo(USD);
          assertThat(x.to()).isEqualTo(EUR);
          assertThat(x.day()).isEqualTo(TODAY);
        });
    // 2024 is all in euros: no rate needed
    assertThat(withoutRates.analytics().segmentation(Period.year(2024)).customers()).hasSize(3);
  }

  @Test
  public void badInputNamesTheFieldAndChangesNothing() {
    Crm crm = withTheData(Source.STORE);
    StoreSnapshot before = snapshot();

    assertThatThrownBy(() -> crm.analytics().segmentation(null))
        .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(x.field()).isEqualTo("period"));
    Segmentation s = crm.analytics().segmentation(Period.year(2025));
    assertThatThrownBy(() -> s.best(0))
        .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(x.field()).isEqualTo("limit"));
    assertThatThrownBy(() -> s.best(1001))
        .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(x.field()).isEqualTo("limit"));
    assertThatThrownBy(() -> s.of(null))
        .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(x.field()).isEqualTo("segment"));
    assertThatThrownBy(() -> Period.of(null, TODAY))
        .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(x.field()).isEqualTo("period.from"));
    crm.analytics().churnRisk();
    assertThat(snapshot()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- churn risk

  @ParameterizedTest
  @EnumSource(Source.class)
  public void churnRiskCombinesOverdueRepurchaseFallingFeedbackAndLatePayments(Source source) {
    List<ChurnRisk> risks = withTheData(source).analytics().churnRisk();

    // Windows: recent [2024-12-04, 2025-03-04), previous [2024-09-05, 2024-12-04), UTC.
    // B: purchase days every 28 days, last 2024-08-26: expected 2024-09-23, 161 days overdue:
    //    161 / 28 = 5.75 rhythms -> weight min(0.8, 0.4 x 5.75) = 0.8; nothing paid, INV-B1 243 days
    //    late (>= 90): chronically late, 4 late invoices -> 0.5. Risk 1 - 0.2 x 0.5 = 0.9: HIGH.
    // A: previous NPS 9 (0.9) and CSAT 5 (1.0): mean 0.95; recent NPS 6 (0.6) and CSAT 4 (0.75):
    //    mean 0.675; fall 0.275 -> weight min(0.6, 0.55) = 0.55; one recent detractor -> 0.25.
    //    Not overdue (every 28 days, next 2025-03-31), pays on time. Risk 1 - 0.45 x 0.75 = 0.6625: HIGH.
    // G: days 2024-12-16 and 2025-01-13, 28 apart: expected 2025-02-10, 21 days overdue: 0.75
    //    rhythms -> 0.3. Risk 0.3: MEDIUM.
    // C: previous NPS 8 (0.8), recent 7 (0.7): fall 0.1 -> 0.2 (its NPS 0 of 2024-08-01 is in neither
    //    window). Next purchase expected today: not overdue. Risk 0.2: LOW.
    // D: INV-D1 (800.00 after its credit note) paid 14 days late: occasionally late, 1 late invoice
    //    -> 0.2; one purchase day: no rhythm. Risk 0.2: LOW.
    // E (one purchase, NPS 10) and H (no purchase in its history's rhythm, credited in full on time): none.
    AccountId first = c.id().compareTo(d.id()) < 0 ? c.id() : d.id();
    AccountId second = first.equals(c.id()) ? d.id() : c.id();
    assertThat(risks).extracting(ChurnRisk::accountId).containsExactly(b.id(), a.id(), g.id(), first, second);
    assertThat(risks).extracting(ChurnRisk::asOf).containsOnly(TODAY);

    assertRisk(risks.get(0), 0.9, ChurnRisk.Level.HIGH,
        new ChurnReason(ChurnReason.Code.OVERDUE_REPURCHASE, 5.75, 0.8),
        new ChurnReason(ChurnReason.Code.LATE_PAYMENTS, 4, 0.5));
    assertRisk(risks.get(1), 0.6625, ChurnRisk.Level.HIGH,
        new ChurnReason(ChurnReason.Code.FALLING_FEEDBACK, 0.275, 0.55),
        new ChurnReason(ChurnReason.Code.RECENT_DETRACTOR, 1, 0.25));
    assertRisk(risks.get(2), 0.3, ChurnRisk.Level.MEDIUM,
        new ChurnReason(ChurnReason.Code.OVERDUE_REPURCHASE, 0.75, 0.3));
    ChurnRisk ofC = risks.stream().filter(r -> r.accountId().equals(c.id())).findFirst().orElseThrow();
    assertRisk(ofC, 0.2, ChurnRisk.Level.LOW, new ChurnReason(ChurnReason.Code.FALLING_FEEDBACK, 0.1, 0.2));
    ChurnRisk ofD = risks.stream().filter(r -> r.accountId().equals(d.id())).findFirst().orElseThrow();
    assertRisk(ofD, 0.2, ChurnRisk.Level.LOW, new ChurnReason(ChurnReason.Code.LATE_PAYMENTS, 1, 0.2));
  }

  private static void assertRisk(ChurnRisk risk, double expected, ChurnRisk.Level level, ChurnReason... reasons) {
    assertThat(risk.risk()).isCloseTo(expected, within(1e-9));
    assertThat(risk.level()).isEqualTo(level);
    assertThat(risk.reasons()).hasSize(reasons.length);
    for (int i = 0; i < reasons.length; i++) {
      ChurnReason got = risk.reasons().get(i);
      assertThat(got.code()).isEqualTo(reasons[i].code());
      assertThat(got.figure()).isCloseTo(reasons[i].figure(), within(1e-9));
      assertThat(got.weight()).isCloseTo(reasons[i].weight(), within(1e-9));
    }
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void withoutSalesOrFeedbackNobodyIsAtRisk(Source source) {
    assertThat(crmOf(source, RATES).analytics().churnRisk()).isEmpty();
  }

  @Test
  public void theRiskMovesWithTheClock() {
    withTheData(Source.STORE);
    Crm anyDayRates = crmOf(Source.STORE, (from, to, day) -> Optional.of(new BigDecimal("0.92")));
    // 30 days on, today is 2025-04-02: A's next purchase (2025-03-31) is 2 days overdue: 2 / 28 =
    // 0.0714 rhythms -> 0.4 x 0.0714... = 0.0286. The windows are now [2025-01-03, 2025-04-03) and
    // [2024-10-05, 2025-01-03): the NPS 6 of 2024-12-04 is in the previous one (0.9, 1.0, 0.6: mean
    // 0.8333), the recent one has CSAT 4 (0.75): a fall of 0.0833, below 0.1, and no recent
    // detractor. INV-A2 was paid on time and INV-A3 falls due today: not late. Risk 0.0286: LOW.
    clock.advance(java.time.Duration.ofDays(30));
    ChurnRisk ofA = anyDayRates.analytics().churnRisk().stream().filter(r -> r.accountId().equals(a.id()))
        .findFirst().orElseThrow();
    assertThat(ofA.asOf()).isEqualTo(day("2025-04-02"));
    assertRisk(ofA, 0.0286, ChurnRisk.Level.LOW, new ChurnReason(ChurnReason.Code.OVERDUE_REPURCHASE, 0.0714, 0.0286));
  }
}
