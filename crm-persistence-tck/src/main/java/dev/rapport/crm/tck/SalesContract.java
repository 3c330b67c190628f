package dev.rapport.crm.tck;

import dev.rapport.crm.sales.SalesRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.common.Recorded;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.sales.PayerClassChanged;
import dev.rapport.crm.sales.PaymentRecorded;
import dev.rapport.crm.sales.SaleRecorded;
import dev.rapport.crm.sales.CreditHistory;
import dev.rapport.crm.sales.CustomerRank;
import dev.rapport.crm.sales.CustomerSummary;
import dev.rapport.crm.sales.ExchangeRates;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.PurchaseHistory;
import dev.rapport.crm.sales.RepurchaseReminder;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.sales.SaleStatus;
import dev.rapport.crm.sales.SalesLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sales and payment history on an adapter, from both sources: every answer (customer summary per
 * account and product, repurchase reminders, credit history and late payers, best customers, the
 * status of an invoice, payer classes) is checked against figures worked out by hand, once with
 * the sales recorded in Rapport's store and once with the same sales read from a host's ledger.
 * Then what only the store does: sales and payments read back equal, idempotent recording, updates
 * with versions, events, timelines and tenant isolation.
 *
 * <p>Today is 2025-03-03 (the contract's clock). The data, in EUR unless said:
 * <pre>
 * Abel (A)  INV-A1 2025-01-06 due 01-20: PAPER 10 x 5.00, TONER 2 x 40.00 (cost 25.00) = 130.00
 *           INV-A2 2025-01-27 due 02-10: PAPER 20 x 5.00 = 100.00
 *           CN-A1  2025-02-03 corrects INV-A2: PAPER -4 x 5.00 = -20.00
 *           INV-A3 2025-02-24 due 03-10: PAPER 10 x 5.00, TONER 1 x 40.00 (cost 25.00) = 90.00
 *           PAY-A1 2025-01-20: 130.00 to INV-A1 (on time)
 *           PAY-A2 2025-02-15: 100.00, 80.00 to INV-A2 (5 days late), 20.00 unapplied
 * Berg (B)  INV-B1 2024-10-01 due 10-31, INV-B2 2024-11-01 due 12-01, INV-B3 2024-12-01 due 12-31:
 *           SERVICE 1 x 500.00 each
 *           PAY-B1 2024-12-20: 500.00 to INV-B1 (50 days late); PAY-B2 2025-01-10: 200.00 to INV-B2
 * Cole (C)  in USD, rates to EUR 0.90 on 02-03, 0.95 on 02-17, 0.92 on 03-03:
 *           INV-C1 2025-02-03 due 03-05: WIDGET 3 x 100.00; INV-C2 2025-02-17 due 03-19: WIDGET 1 x 100.00
 *           PAY-C1 2025-02-10: 300.00 USD to INV-C1
 * Dorn (D)  no sales
 * </pre>
 */
public abstract class SalesContract extends ContractSupport {
  static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
  static final Currency USD = Currency.getInstance("USD");
  static final Currency EUR = Currency.getInstance("EUR");

  /** The host's rates: USD to EUR on three days. */
  static final ExchangeRates RATES = (from, to, day) -> {
    if (!from.equals(USD) || !to.equals(EUR)) {
      return Optional.empty();
    }
    return Optional.ofNullable(Map.of(LocalDate.of(2025, 2, 3), new BigDecimal("0.90"),
        LocalDate.of(2025, 2, 17), new BigDecimal("0.95"), TODAY, new BigDecimal("0.92")).get(day));
  };

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
  private SalesSources sources;

  @BeforeEach
  final void fourAccounts() {
    a = crm.accounts().create(NewAccount.builder("Abel").owner("ann").build());
    b = crm.accounts().create(NewAccount.builder("Berg").build());
    c = crm.accounts().create(NewAccount.builder("Cole").owner("carl").build());
    d = crm.accounts().create(NewAccount.builder("Dorn").build());
    // the contract's clock starts on 2025-03-03 at 09:00 UTC: today is TODAY
    assertThat(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).isEqualTo(TODAY);
    sources = new SalesSources(tenant, 2);
    events.clear();
  }

  static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  private static SaleLine costed(SaleLine line, String cost) {
    return line.withUnitCost(Money.of(cost, line.unitPrice().currency().getCurrencyCode()));
  }

  /** The sales of the data, in the order a host would send them. */
  List<NewSale> theSales() {
    return List.of(
        NewSale.invoice("INV-B1", b.id(), day("2024-10-01"), "EUR").dueInDays(30).line("SERVICE", "1", "500.00").build(),
        NewSale.invoice("INV-B2", b.id(), day("2024-11-01"), "EUR").dueInDays(30).line("SERVICE", "1", "500.00").build(),
        NewSale.invoice("INV-B3", b.id(), day("2024-12-01"), "EUR").dueInDays(30).line("SERVICE", "1", "500.00").build(),
        NewSale.invoice("INV-A1", a.id(), day("2025-01-06"), "EUR").dueInDays(14).line("PAPER", "10", "5.00")
            .line(costed(SaleLine.of("TONER", new BigDecimal("2"), Money.of("40.00", "EUR")), "25.00")).build(),
        NewSale.invoice("INV-A2", a.id(), day("2025-01-27"), "EUR").dueInDays(14).line("PAPER", "20", "5.00").build(),
        NewSale.creditNote("CN-A1", "INV-A2", a.id(), day("2025-02-03"), "EUR").line("PAPER", "-4", "5.00").build(),
        NewSale.invoice("INV-C1", c.id(), day("2025-02-03"), "USD").dueInDays(30).line("WIDGET", "3", "100.00").build(),
        NewSale.invoice("INV-C2", c.id(), day("2025-02-17"), "USD").dueInDays(30).line("WIDGET", "1", "100.00").build(),
        NewSale.invoice("INV-A3", a.id(), day("2025-02-24"), "EUR").dueInDays(14).line("PAPER", "10", "5.00")
            .line(costed(SaleLine.of("TONER", BigDecimal.ONE, Money.of("40.00", "EUR")), "25.00")).build());
  }

  List<NewPayment> thePayments() {
    return List.of(
        NewPayment.of("PAY-B1", b.id(), Money.of("500.00", "EUR"), day("2024-12-20"), "INV-B1", "500.00"),
        NewPayment.of("PAY-B2", b.id(), Money.of("200.00", "EUR"), day("2025-01-10"), "INV-B2", "200.00"),
        NewPayment.of("PAY-A1", a.id(), Money.of("130.00", "EUR"), day("2025-01-20"), "INV-A1", "130.00"),
        NewPayment.of("PAY-C1", c.id(), Money.of("300.00", "USD"), day("2025-02-10"), "INV-C1", "300.00"),
        NewPayment.of("PAY-A2", a.id(), Money.of("100.00", "EUR"), day("2025-02-15"), "INV-A2", "80.00"));
  }

  /** A {@code Crm} of this test's tenant answering from the source, with the host's rates. */
  Crm crmOf(Source source, ExchangeRates rates) {
    return sources.crm(this, source == Source.LEDGER, rates);
  }

  /** The data put where the source keeps it; the {@code Crm} that answers from there. */
  Crm withTheData(Source source) {
    Crm crm = crmOf(source, RATES);
    sources.put(crm, source == Source.LEDGER, theSales(), thePayments());
    events.clear();
    return crm;
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  // ---------------------------------------------------------------- answers, from both sources

  @ParameterizedTest
  @EnumSource(Source.class)
  public void theSummaryOfAnAccountIsWhenHowOftenAndHowMuchItBuys(Source source) {
    CustomerSummary s = withTheData(source).sales().summary(a.id());

    assertThat(s.accountId()).isEqualTo(a.id());
    assertThat(s.asOf()).isEqualTo(TODAY);
    // purchase days 01-06, 01-27, 02-24: gaps 21 and 28, median 24.5, next 02-24 + 25 days
    assertThat(s.overall()).contains(new PurchaseHistory(Optional.empty(), day("2025-01-06"), day("2025-02-24"), 3,
        eur("300.00"), eur("100.00"), OptionalDouble.of(24.5), 7, Optional.of(day("2025-03-21"))));
    // PAPER in all three (50 + 100 - 20 + 50), TONER in the first and the last (80 + 40): gap 49
    assertThat(s.products()).containsExactly(
        new PurchaseHistory(Optional.of("PAPER"), day("2025-01-06"), day("2025-02-24"), 3, eur("180.00"),
            eur("60.00"), OptionalDouble.of(24.5), 7, Optional.of(day("2025-03-21"))),
        new PurchaseHistory(Optional.of("TONER"), day("2025-01-06"), day("2025-02-24"), 2, eur("120.00"),
            eur("60.00"), OptionalDouble.of(49), 7, Optional.of(day("2025-04-14"))));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void amountsInAnotherCurrencyAreConvertedAtTheRateOfTheirDay(Source source) {
    CustomerSummary s = withTheData(source).sales().summary(c.id());

    // 300.00 USD x 0.90 + 100.00 USD x 0.95 = 365.00 EUR over 2 purchases 14 days apart
    assertThat(s.overall()).contains(new PurchaseHistory(Optional.empty(), day("2025-02-03"), day("2025-02-17"), 2,
        eur("365.00"), eur("182.50"), OptionalDouble.of(14), 14, Optional.of(TODAY)));
    assertThat(s.products()).extracting(PurchaseHistory::productCode).containsExactly(Optional.of("WIDGET"));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void aMissingRateIsAnErrorNamingThePairAndTheDayNeverASilentSum(Source source) {
    withTheData(source);
    Crm withoutRates = crmOf(source, ExchangeRates.none());

    assertThatThrownBy(() -> withoutRates.sales().summary(c.id()))
        .isInstanceOfSatisfying(MissingExchangeRateException.class, e -> {
          assertThat(e.from()).isEqualTo(USD);
          assertThat(e.to()).isEqualTo(EUR);
          assertThat(e.day()).isIn(day("2025-02-03"), day("2025-02-17"));
          assertThat(e.getMessage()).contains("USD").contains("EUR").contains(e.day().toString());
        });
    assertThatThrownBy(() -> withoutRates.sales().creditHistory(c.id()))
        .isInstanceOfSatisfying(MissingExchangeRateException.class, e -> assertThat(e.day()).isEqualTo(TODAY));
    // what is all in euros needs no rate
    assertThat(withoutRates.sales().summary(a.id()).overall().orElseThrow().total()).isEqualTo(eur("300.00"));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void anAccountThatNeverBoughtHasNoHistoryAndPaysOnTime(Source source) {
    Crm crm = withTheData(source);

    assertThat(crm.sales().summary(d.id())).isEqualTo(new CustomerSummary(d.id(), TODAY, Optional.empty(), List.of()));
    assertThat(crm.sales().creditHistory(d.id())).isEqualTo(new CreditHistory(d.id(), TODAY, 0, 0, 0,
        OptionalDouble.empty(), 0, eur("0.00"), eur("0.00"), eur("0.00"), PayerClass.ON_TIME));
    AccountId unknown = AccountId.of(java.util.UUID.randomUUID());
    assertThatThrownBy(() -> crm.sales().summary(unknown)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.sales().creditHistory(unknown)).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void theCreditHistoryCountsInvoicesOnTimeAndLateAndWhatIsOutstanding(Source source) {
    Crm crm = withTheData(source);

    // A: INV-A1 on time, INV-A2 settled 5 days late, INV-A3 open and not yet due; 20.00 paid beyond
    assertThat(crm.sales().creditHistory(a.id())).isEqualTo(new CreditHistory(a.id(), TODAY, 1, 1, 0,
        OptionalDouble.of(5), 5, eur("90.00"), eur("0.00"), eur("20.00"), PayerClass.OCCASIONALLY_LATE));
    // B: INV-B1 settled 50 days late, INV-B2 (300.00 left) 92 days and INV-B3 62 days late and open
    assertThat(crm.sales().creditHistory(b.id())).isEqualTo(new CreditHistory(b.id(), TODAY, 0, 1, 2,
        OptionalDouble.of(68), 92, eur("800.00"), eur("800.00"), eur("0.00"), PayerClass.CHRONICALLY_LATE));
    // C: INV-C1 on time, INV-C2 (100.00 USD at 0.92) open and not due
    assertThat(crm.sales().creditHistory(c.id())).isEqualTo(new CreditHistory(c.id(), TODAY, 1, 0, 0,
        OptionalDouble.empty(), 0, eur("92.00"), eur("0.00"), eur("0.00"), PayerClass.ON_TIME));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void lateAreListedChronicFirst(Source source) {
    assertThat(withTheData(source).sales().latePayers())
        .extracting(CreditHistory::accountId, CreditHistory::payerClass)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(b.id(), PayerClass.CHRONICALLY_LATE),
            org.assertj.core.groups.Tuple.tuple(a.id(), PayerClass.OCCASIONALLY_LATE));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void aPolicyWithGraceDaysJudgesAgain(Source source) {
    withTheData(source);
    Crm lenient = sources.reading(source == Source.LEDGER, Crm.builder().persistence(persistence).tenant(tenant)
        .clock(clock).exchangeRates(RATES).payerPolicy(new dev.rapport.crm.sales.PayerPolicy(7, 50, 3, 90))).build();
    // 5 days late is within 7 days of grace: A pays on time
    assertThat(lenient.sales().creditHistory(a.id())).isEqualTo(new CreditHistory(a.id(), TODAY, 2, 0, 0,
        OptionalDouble.empty(), 0, eur("90.00"), eur("0.00"), eur("20.00"), PayerClass.ON_TIME));
    assertThat(lenient.sales().latePayers()).extracting(CreditHistory::accountId).containsExactly(b.id());
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void remindersAreTheAccountsAndProductsDueByTheirOwnRhythm(Source source) {
    Crm crm = withTheData(source);

    // B bought every 30.5 days (31, 30), last on 2024-12-01: expected 2025-01-01, 61 days overdue;
    // C every 14 days, last on 02-17: due today
    assertThat(crm.sales().reminders(0)).containsExactly(
        new RepurchaseReminder(b.id(), Optional.empty(), day("2024-12-01"), day("2025-01-01"), 30.5, -61),
        new RepurchaseReminder(b.id(), Optional.of("SERVICE"), day("2024-12-01"), day("2025-01-01"), 30.5, -61),
        new RepurchaseReminder(c.id(), Optional.empty(), day("2025-02-17"), TODAY, 14, 0),
        new RepurchaseReminder(c.id(), Optional.of("WIDGET"), day("2025-02-17"), TODAY, 14, 0));
    // within 18 days A and its PAPER come due too (03-21); TONER (04-14) not yet
    List<RepurchaseReminder> within18 = crm.sales().reminders(18);
    assertThat(within18).hasSize(6);
    assertThat(within18.subList(4, 6)).containsExactly(
        new RepurchaseReminder(a.id(), Optional.empty(), day("2025-02-24"), day("2025-03-21"), 24.5, 18),
        new RepurchaseReminder(a.id(), Optional.of("PAPER"), day("2025-02-24"), day("2025-03-21"), 24.5, 18));
    assertThat(within18.get(0).isOverdue()).isTrue();
    assertThat(crm.sales().reminders(17)).hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void aReminderBecomesATaskForTheAccountsOwner(Source source) {
    Crm crm = withTheData(source);
    RepurchaseReminder cole = crm.sales().reminders(0).get(2);

    Task task = crm.sales().remind(cole);

    assertThat(task.owner()).contains("carl");
    assertThat(task.links().account()).contains(c.id());
    assertThat(task.subject()).isEqualTo("Repurchase due: Cole");
    assertThat(task.dueAt()).isEqualTo(clock.instant()); // due today, whose start is past
    RepurchaseReminder berg = crm.sales().reminders(0).get(1);
    Task second = crm.sales().remind(berg);
    assertThat(second.owner()).isEmpty();
    assertThat(second.subject()).isEqualTo("Repurchase due: Berg (SERVICE)");
    assertThat(crm.tasks().get(task.id())).isEqualTo(task);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void bestCustomersByRevenuePurchasesAndMargin(Source source) {
    Crm crm = withTheData(source);
    LocalDate from = day("2025-01-01");
    LocalDate to = day("2025-02-28");

    // C: 365.00 EUR in 2 purchases; A: 300.00 in 3, margin (80 - 50) + (40 - 25) = 45.00; B bought in 2024
    CustomerRank cole = new CustomerRank(c.id(), eur("365.00"), 2, Optional.empty());
    CustomerRank abel = new CustomerRank(a.id(), eur("300.00"), 3, Optional.of(eur("45.00")));
    assertThat(crm.sales().bestCustomers(from, to, CustomerRank.By.REVENUE, 10)).containsExactly(cole, abel);
    assertThat(crm.sales().bestCustomers(from, to, CustomerRank.By.PURCHASES, 10)).containsExactly(abel, cole);
    assertThat(crm.sales().bestCustomers(from, to, CustomerRank.By.MARGIN, 10)).containsExactly(abel);
    assertThat(crm.sales().bestCustomers(from, to, CustomerRank.By.REVENUE, 1)).containsExactly(cole);
    // both bounds are included: a period of the one day 2025-02-03 holds INV-C1 and CN-A1
    assertThat(crm.sales().bestCustomers(day("2025-02-03"), day("2025-02-03"), CustomerRank.By.REVENUE, 10))
        .containsExactly(new CustomerRank(c.id(), eur("270.00"), 1, Optional.empty()),
            new CustomerRank(a.id(), eur("-20.00"), 0, Optional.empty()));
    assertThat(crm.sales().bestCustomers(day("2024-01-01"), day("2024-12-31"), CustomerRank.By.REVENUE, 10))
        .containsExactly(new CustomerRank(b.id(), eur("1500.00"), 3, Optional.empty()));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void theStatusOfAnInvoiceIsWhatIsDuePaidAndHowLate(Source source) {
    Crm crm = withTheData(source);

    assertThat(crm.sales().status("INV-A2")).isEqualTo(new SaleStatus("INV-A2", TODAY, eur("80.00"), eur("80.00"),
        eur("0.00"), Optional.of(day("2025-02-15")), false, 5));
    assertThat(crm.sales().status("INV-B2")).isEqualTo(new SaleStatus("INV-B2", TODAY, eur("500.00"), eur("200.00"),
        eur("300.00"), Optional.empty(), true, 92));
    assertThat(crm.sales().status("INV-A3")).isEqualTo(new SaleStatus("INV-A3", TODAY, eur("90.00"), eur("0.00"),
        eur("90.00"), Optional.empty(), false, 0));
    assertThatThrownBy(() -> crm.sales().status("CN-A1")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("credit note");
    assertThatThrownBy(() -> crm.sales().status("INV-404")).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  public void refreshingPayerClassesRaisesAnEventForEachAccountThatChangedClass(Source source) {
    Crm crm = withTheData(source);

    List<PayerClassChanged> changes = crm.sales().refreshPayerClasses();

    assertThat(changes).extracting(PayerClassChanged::accountId, PayerClassChanged::from, PayerClassChanged::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id(), PayerClass.ON_TIME, PayerClass.OCCASIONALLY_LATE),
            org.assertj.core.groups.Tuple.tuple(b.id(), PayerClass.ON_TIME, PayerClass.CHRONICALLY_LATE));
    assertThat(changes.get(1).worstDaysLate()).isEqualTo(92);
    assertThat(events).containsExactlyElementsOf(changes);
    assertThat(crm.timeline().account(b.id(), PageRequest.first(50)).items())
        .anySatisfy(i -> assertThat(i.summary()).contains("Payer class: ON_TIME -> CHRONICALLY_LATE"));
    // nothing changed since: no event
    events.clear();
    assertThat(crm.sales().refreshPayerClasses()).isEmpty();
    assertThat(events).isEmpty();
    // weeks later, C's second invoice is overdue too
    clock.advance(java.time.Duration.ofDays(30));
    assertThat(crm.sales().refreshPayerClasses()).extracting(PayerClassChanged::accountId, PayerClassChanged::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(c.id(), PayerClass.OCCASIONALLY_LATE));
  }

  // ---------------------------------------------------------------- Rapport's store

  @Test
  public void aSaleAndAPaymentReadBackEqualWhateverTheirCurrency() {
    NewSale yen = NewSale.invoice("請求書-0001", a.id(), day("2025-02-01"), "JPY").dueInDays(45)
        .line(SaleLine.of("GREEN-TEA", new BigDecimal("0.125"), Money.of("4000", "JPY")).withDescription("抹茶 125 g")
            .withUnitCost(Money.of("1999", "JPY")))
        .line("KETTLE", "1", "12000").build();
    NewSale dinar = NewSale.invoice("KWD-7", a.id(), day("2025-02-01"), "KWD").line("OIL", "1.5", "2.125").build();

    Sale sale = crm.sales().record(yen).value();
    Sale other = crm.sales().record(dinar).value();
    Payment paid = crm.sales().recordPayment(NewPayment.of("振込-1", a.id(), Money.of("13000", "JPY"), day("2025-02-20"),
        "請求書-0001", "12500")).value();

    assertThat(sale.version()).isEqualTo(1);
    assertThat(sale.content()).isEqualTo(yen);
    assertThat(sale.total()).isEqualTo(Money.of("12500", "JPY"));
    assertThat(other.total()).isEqualTo(Money.of("3.188", "KWD")); // 1.5 x 2.125 = 3.1875, half-even
    assertThat(crm.sales().get("請求書-0001")).isEqualTo(sale);
    assertThat(crm.sales().get("KWD-7")).isEqualTo(other);
    assertThat(crm.sales().getPayment("振込-1")).isEqualTo(paid);
    assertThat(this.<Optional<Sale>>inUnitOfWork(uow -> uow.port(SalesRepository.class).find(sale.id()))).contains(sale);
    assertThat(this.<Optional<Payment>>inUnitOfWork(uow -> uow.port(SalesRepository.class).findPayment(paid.id()))).contains(paid);
    assertThat(crm.sales().byAccount(a.id(), PageRequest.first(1)).items()).containsExactly(sale);
    Page<Sale> first = crm.sales().byAccount(a.id(), PageRequest.first(1));
    assertThat(crm.sales().byAccount(a.id(), PageRequest.first(1).next(first).orElseThrow()).items()).containsExactly(other);
    assertThat(crm.sales().paymentsByAccount(a.id(), PageRequest.first(10)).items()).containsExactly(paid);
    assertThat(crm.sales().byAccount(b.id(), PageRequest.first(10)).items()).isEmpty();
    assertThat(crm.sales().status("請求書-0001").settledOn()).contains(day("2025-02-20"));
    // 500 JPY paid beyond and 3.188 KWD outstanding: without rates there is no figure in euros
    assertThatThrownBy(() -> crm.sales().creditHistory(a.id())).isInstanceOf(MissingExchangeRateException.class);
  }

  @Test
  public void theSameInvoiceSentTwiceIsOneInvoiceAndOtherContentUnderItsReferenceIsRefused() {
    NewSale invoice = theSales().get(3);
    Recorded<Sale> first = crm.sales().record(invoice);
    Recorded<Sale> again = crm.sales().record(invoice);

    assertThat(first.created()).isTrue();
    assertThat(again.repeat()).as("the re-sent invoice is marked as a repeat").isTrue();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(events).hasSize(1).first().isInstanceOf(SaleRecorded.class);
    StoreSnapshot before = snapshot();
    NewSale changed = NewSale.invoice("INV-A1", a.id(), day("2025-01-06"), "EUR").dueInDays(30).line("PAPER", "10", "5.00").build();
    assertThatThrownBy(() -> crm.sales().record(changed)).isInstanceOf(DuplicateException.class)
        .hasMessageContaining("INV-A1");
    assertThat(snapshot()).isEqualTo(before);

    Payment p = crm.sales().recordPayment(NewPayment.of("PAY-1", a.id(), eur("10.00"), day("2025-01-07"), "INV-A1", "10.00")).value();
    assertThat(crm.sales().recordPayment(NewPayment.of("PAY-1", a.id(), eur("10.00"), day("2025-01-07"), "INV-A1", "10.00")))
        .isEqualTo(Recorded.repeated(p));
    assertThatThrownBy(() -> crm.sales().recordPayment(NewPayment.of("PAY-1", a.id(), eur("11.00"), day("2025-01-07"))))
        .isInstanceOf(DuplicateException.class);
    assertThat(events).hasSize(2).last().isInstanceOf(PaymentRecorded.class);
  }

  @Test
  public void anUpdateChangesTheContentAtTheVersionItWasRead() {
    Crm crm = crmOf(Source.STORE, RATES);
    theSales().forEach(crm.sales()::record);
    thePayments().forEach(crm.sales()::recordPayment);
    events.clear();
    // INV-A3 corrected: a third TONER
    NewSale corrected = NewSale.invoice("INV-A3", a.id(), day("2025-02-24"), "EUR").dueInDays(14).line("PAPER", "10", "5.00")
        .line(costed(SaleLine.of("TONER", new BigDecimal("3"), eur("40.00")), "25.00")).build();

    Sale updated = crm.sales().update("INV-A3", 1, corrected);

    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.content()).isEqualTo(corrected);
    assertThat(crm.sales().get("INV-A3")).isEqualTo(updated);
    assertThat(events).singleElement().isInstanceOfSatisfying(SaleRecorded.class, e -> {
      assertThat(e.version()).isEqualTo(2);
      assertThat(e.total()).isEqualTo(eur("170.00"));
    });
    assertThat(crm.sales().summary(a.id()).overall().orElseThrow().total()).isEqualTo(eur("380.00"));
    assertThat(crm.sales().creditHistory(a.id()).outstanding()).isEqualTo(eur("170.00"));
    assertThat(crm.sales().update("INV-A3", 2, corrected)).isEqualTo(updated); // same content: unchanged
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.sales().update("INV-A3", 1, theSales().get(8))).isInstanceOf(ConcurrentUpdateException.class);
    NewSale otherAccount = NewSale.invoice("INV-A3", b.id(), day("2025-02-24"), "EUR").line("PAPER", "1", "5.00").build();
    assertThatThrownBy(() -> crm.sales().update("INV-A3", 2, otherAccount)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("accountId");
    // INV-A2 is credited 20.00: its total cannot go below that
    NewSale tooLow = NewSale.invoice("INV-A2", a.id(), day("2025-01-27"), "EUR").dueInDays(14).line("PAPER", "3", "5.00").build();
    assertThatThrownBy(() -> crm.sales().update("INV-A2", 1, tooLow)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("credit notes");
    assertThatThrownBy(() -> crm.sales().update("INV-404", 1, tooLow)).isInstanceOf(ValidationException.class);
    assertThat(snapshot()).isEqualTo(before);
    // a credit note corrected to credit less makes its invoice due more
    NewSale smallerCredit = NewSale.creditNote("CN-A1", "INV-A2", a.id(), day("2025-02-03"), "EUR").line("PAPER", "-2", "5.00").build();
    crm.sales().update("CN-A1", 1, smallerCredit);
    assertThat(crm.sales().status("INV-A2")).isEqualTo(new SaleStatus("INV-A2", TODAY, eur("90.00"), eur("80.00"),
        eur("10.00"), Optional.empty(), true, 21));
  }

  @Test
  public void aSaleOrPaymentRecordedByMistakeIsDeletedAndTheBalancesFollow() {
    Crm crm = crmOf(Source.STORE, RATES);
    theSales().forEach(crm.sales()::record);
    thePayments().forEach(crm.sales()::recordPayment);
    events.clear();
    StoreSnapshot before = snapshot();

    assertThatThrownBy(() -> crm.sales().deleteSale("INV-A2", 1)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("1 credit notes and 1 payments");
    assertThatThrownBy(() -> crm.sales().deleteSale("INV-A3", 2)).isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> crm.sales().deleteSale("INV-404", 1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.sales().deletePayment("PAY-404", 1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.sales().deletePayment("PAY-A2", 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crmOf(Source.LEDGER, RATES).sales().deleteSale("INV-A3", 1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("salesLedger");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();

    var paymentGone = crm.sales().deletePayment("PAY-A2", 1);
    assertThat(crm.sales().status("INV-A2")).extracting(SaleStatus::due, SaleStatus::paid, SaleStatus::outstanding)
        .containsExactly(eur("80.00"), eur("0.00"), eur("80.00"));
    var creditGone = crm.sales().deleteSale("CN-A1", 1);
    assertThat(creditGone.corrects()).contains("INV-A2");
    assertThat(crm.sales().status("INV-A2")).extracting(SaleStatus::due, SaleStatus::paid, SaleStatus::outstanding)
        .containsExactly(eur("100.00"), eur("0.00"), eur("100.00"));
    var invoiceGone = crm.sales().deleteSale("INV-A2", 1);
    assertThat(events).containsExactly(paymentGone, creditGone, invoiceGone);
    assertThatThrownBy(() -> crm.sales().get("INV-A2")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.sales().getPayment("PAY-A2")).isInstanceOf(NotFoundException.class);
    StoreSnapshot after = snapshot();
    assertThat(after.sales()).hasSize(before.sales().size() - 2);
    assertThat(after.payments()).hasSize(before.payments().size() - 1);
    // the figures are those of the sales and payments left, as if the deleted ones had never been recorded
    Crm fresh = crm(freshTenant(), persistence);
    var a2 = fresh.accounts().create(dev.rapport.crm.contact.NewAccount.builder("A again").build());
    for (Sale left : after.sales().stream().filter(x -> x.content().accountId().equals(a.id())).toList()) {
      fresh.sales().record(rehome(left.content(), a2.id()));
    }
    for (Payment left : after.payments().stream().filter(x -> x.content().accountId().equals(a.id())).toList()) {
      NewPayment p = left.content();
      fresh.sales().recordPayment(new NewPayment(p.reference(), a2.id(), p.amount(), p.paidOn(), p.allocations()));
    }
    assertThat(crm.sales().creditHistory(a.id()).outstanding()).isEqualTo(fresh.sales().creditHistory(a2.id()).outstanding());
    assertThat(crm.sales().summary(a.id()).overall()).isEqualTo(fresh.sales().summary(a2.id()).overall());
  }

  private static NewSale rehome(NewSale s, dev.rapport.crm.common.AccountId account) {
    return new NewSale(s.reference(), account, s.corrects(), s.issuedOn(), s.dueOn(), s.currency(), s.lines(), s.total());
  }

  @Test
  public void salesAndPaymentsShowInTheAccountsTimelineAndRaiseEvents() {
    Crm crm = crmOf(Source.STORE, RATES);
    theSales().forEach(crm.sales()::record);
    thePayments().forEach(crm.sales()::recordPayment);

    assertThat(events).filteredOn(e -> e instanceof SaleRecorded).hasSize(9);
    assertThat(events).filteredOn(e -> e instanceof PaymentRecorded).hasSize(5);
    PaymentRecorded a2 = (PaymentRecorded) events.get(events.size() - 1);
    assertThat(a2.unapplied()).isEqualTo(eur("20.00"));
    assertThat(crm.timeline().account(a.id(), PageRequest.first(50)).items())
        .filteredOn(i -> i.kind() == TimelineItem.Kind.HISTORY).extracting(i -> i.summary().orElse(""))
        .contains("Invoice INV-A1: 130.00 EUR", "Credit note CN-A1 for INV-A2: -20.00 EUR", "Payment PAY-A2: 100.00 EUR");
  }

  @Test
  public void anotherTenantNeitherSeesTheSalesNorIsHinderedByTheirReferences() {
    Crm crm = crmOf(Source.STORE, RATES);
    theSales().forEach(crm.sales()::record);
    TenantId otherTenant = freshTenant();
    Crm other = crm(otherTenant, persistence);
    Account mine = other.accounts().create(NewAccount.builder("Mine").build());

    assertThatThrownBy(() -> other.sales().get("INV-A1")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.sales().summary(a.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.sales().record(theSales().get(3))).isInstanceOf(NotFoundException.class);
    Sale own = other.sales().record(NewSale.invoice("INV-A1", mine.id(), TODAY, "EUR").line("X", "1", "1.00").build()).value();
    assertThat(other.sales().get("INV-A1")).isEqualTo(own);
    assertThat(other.sales().latePayers()).isEmpty();
    assertThat(crm.sales().get("INV-A1").accountId()).isEqualTo(a.id());
  }

  @Test
  public void twoPaymentsOfOneInvoiceAtOnceNeitherCountTwiceNorPayBeyondWhatIsDue() {
    crm.sales().record(NewSale.invoice("INV-1", a.id(), day("2025-02-01"), "EUR").line("P", "1", "100.00").build());
    // both payments read the invoice's movements before either writes: they meet after their reads
    java.util.concurrent.CountDownLatch bothRead = new java.util.concurrent.CountDownLatch(2);
    InterceptingPersistence meeting = new InterceptingPersistence(persistence, new InterceptingPersistence.Interceptor() {
      @Override
      public void after(String operation, Object result) {
        if (operation.equals("SalesRepository.movements") && bothRead.getCount() > 0) {
          bothRead.countDown();
          Threads.await(bothRead);
        }
      }
    });
    Crm racing = crm(tenant, meeting);
    events.clear();
    java.util.concurrent.CompletableFuture<Payment> first = Threads.start("first", () -> racing.sales().recordPayment(
        NewPayment.of("PAY-1", a.id(), eur("60.00"), day("2025-02-10"), "INV-1", "60.00")).value());
    java.util.concurrent.CompletableFuture<Payment> second = Threads.start("second", () -> racing.sales().recordPayment(
        NewPayment.of("PAY-2", a.id(), eur("60.00"), day("2025-02-11"), "INV-1", "60.00")).value());
    List<Object> outcomes = List.of(Threads.outcome(first), Threads.outcome(second));

    assertThat(outcomes).filteredOn(o -> o instanceof ConcurrentUpdateException).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof Payment).hasSize(1);
    assertThat(snapshot().payments()).hasSize(1);
    assertThat(crm.sales().status("INV-1").paid()).isEqualTo(eur("60.00"));
    assertThat(events).hasSize(1);
    // the loser reads again and pays what is left
    assertThat(crm.sales().recordPayment(NewPayment.of("PAY-3", a.id(), eur("40.00"), day("2025-02-12"), "INV-1", "40.00")))
        .isNotNull();
    assertThat(crm.sales().status("INV-1").settledOn()).contains(day("2025-02-12"));
  }

  // ---------------------------------------------------------------- the host's ledger

  @Test
  public void withALedgerRapportRecordsNoSales() {
    Crm crm = crmOf(Source.LEDGER, RATES);
    StoreSnapshot before = snapshot();

    assertThatThrownBy(() -> crm.sales().record(theSales().get(0)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("salesLedger"));
    assertThatThrownBy(() -> crm.sales().recordPayment(thePayments().get(0))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.sales().get("INV-B1")).isInstanceOf(ValidationException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void aFailingOrLoopingLedgerIsAStoreFailure() {
    SalesLedger failing = new SalesLedger() {
      @Override
      public Page<NewSale> sales(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
          Optional<String> after, int size) {
        throw new IllegalStateException("ledger database down");
      }

      @Override
      public Page<NewPayment> payments(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
          Optional<String> after, int size) {
        return new Page<>(List.of(), Optional.of("same"));
      }
    };
    Crm crm = Crm.builder().persistence(persistence).tenant(tenant).clock(clock).salesLedger(failing).build();

    assertThatThrownBy(() -> crm.sales().summary(a.id())).isInstanceOf(StoreException.class)
        .hasMessageContaining("ledger database down");
    assertThatThrownBy(() -> crm.sales().latePayers()).isInstanceOf(StoreException.class);
  }

  /**
   * A ledger written to ignore the tenant it is asked about (the mistake is easy: the tenant is
   * the first argument, and a host with one company never needs it) answers tenant B with tenant
   * A's sales. Rapport checks every tenant-wide answer against the tenant's own accounts and
   * refuses it, on every adapter alike, storing nothing; answers of one of B's own accounts and
   * A's answers are unaffected.
   */
  @Test
  public void aLedgerThatIgnoresTheTenantIsRefusedAndMixesNothingIn() {
    withTheData(Source.LEDGER);
    SalesLedger careless = new SalesLedger() {
      @Override
      public Page<NewSale> sales(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
          Optional<String> after, int size) {
        return sources.ledger.sales(tenant, account, from, to, after, size);
      }

      @Override
      public Page<NewPayment> payments(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
          Optional<String> after, int size) {
        return sources.ledger.payments(tenant, account, from, to, after, size);
      }
    };
    TenantId other = freshTenant();
    Crm ofB = Crm.builder().persistence(persistence).tenant(other).clock(clock).exchangeRates(RATES)
        .listener(events::add).salesLedger(careless).build();
    Account own = ofB.accounts().create(NewAccount.builder("Own").build());
    events.clear();
    StoreSnapshot before = StoreSnapshot.capture(persistence, other);

    List<org.junit.jupiter.api.function.Executable> tenantWide = List.of(
        () -> ofB.sales().status("INV-A1"),
        () -> ofB.sales().reminders(30),
        () -> ofB.sales().latePayers(),
        () -> ofB.sales().bestCustomers(day("2024-01-01"), TODAY, CustomerRank.By.REVENUE, 10),
        () -> ofB.sales().refreshPayerClasses(),
        () -> ofB.analytics().segmentation(dev.rapport.crm.analytics.Period.year(2025)),
        () -> ofB.analytics().churnRisk());
    for (org.junit.jupiter.api.function.Executable answer : tenantWide) {
      assertThatThrownBy(answer::execute).isInstanceOf(StoreException.class)
          .hasMessageContaining("does not have").hasMessageContaining(other.value());
    }
    assertThat(StoreSnapshot.capture(persistence, other)).isEqualTo(before);
    Map<AccountId, PayerClass> classes = persistence.inUnitOfWork(other, uow -> uow.port(SalesRepository.class).payerClasses());
    assertThat(classes).isEmpty();
    assertThat(events).isEmpty();
    // an answer about one of B's own accounts reads only that account's items
    assertThat(ofB.sales().summary(own.id()).overall()).isEmpty();
    // the tenant the items belong to is answered as before through the same ledger
    Crm ofA = Crm.builder().persistence(persistence).tenant(tenant).clock(clock).exchangeRates(RATES)
        .salesLedger(careless).build();
    assertThat(ofA.sales().latePayers()).extracting(CreditHistory::accountId).containsExactlyInAnyOrder(a.id(), b.id());
  }

  /**
   * One rule for what an invoice's payments may cover: no allocation pays more than is due (total
   * less credit notes), and no update lowers the total below what credit notes and payments
   * already cover. Only a credit note after payment leaves an invoice paid beyond what is due; the
   * excess is the account's unapplied credit, and the invoice can still be corrected upward.
   */
  @Test
  public void anInvoicePaidAndThenCreditedKeepsTheExcessAsUnappliedCredit() {
    Account x = crm.accounts().create(NewAccount.builder("Xeno").build());
    NewSale.Builder invoice = NewSale.invoice("INV-X", x.id(), day("2025-02-01"), "EUR");
    Sale v1 = crm.sales().record(invoice.line("PAPER", "20", "5.00").build()).value();
    crm.sales().recordPayment(NewPayment.of("PAY-X", x.id(), eur("100.00"), day("2025-02-01"), "INV-X", "100.00"));
    crm.sales().record(NewSale.creditNote("CN-X", "INV-X", x.id(), day("2025-02-10"), "EUR").line("PAPER", "-6", "5.00").build());

    assertThat(crm.sales().status("INV-X").due()).isEqualTo(eur("70.00"));
    assertThat(crm.sales().status("INV-X").paid()).isEqualTo(eur("100.00"));
    assertThat(crm.sales().status("INV-X").outstanding()).isEqualTo(eur("0.00"));
    assertThat(crm.sales().creditHistory(x.id()).unapplied()).isEqualTo(eur("30.00"));

    // correcting what does not lower the total is accepted: here a later due day
    Sale v2 = crm.sales().update("INV-X", v1.version(), NewSale.invoice("INV-X", x.id(), day("2025-02-01"), "EUR")
        .dueInDays(14).line("PAPER", "20", "5.00").build());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.sales().update("INV-X", v2.version(), NewSale.invoice("INV-X", x.id(),
        day("2025-02-01"), "EUR").dueInDays(14).line("PAPER", "18", "5.00").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("total"));
    assertThat(snapshot()).isEqualTo(before);

    crm.sales().update("INV-X", v2.version(), NewSale.invoice("INV-X", x.id(), day("2025-02-01"), "EUR")
        .dueInDays(14).line("PAPER", "26", "5.00").build());
    assertThat(crm.sales().status("INV-X").due()).isEqualTo(eur("100.00"));
    assertThat(crm.sales().creditHistory(x.id()).unapplied()).isEqualTo(eur("0.00"));
  }

  @Test
  public void theLedgerIsReadInPagesAndNothingIsCopied() {
    Crm crm = withTheData(Source.LEDGER);
    StoreSnapshot before = snapshot();

    crm.sales().latePayers();
    crm.sales().summary(a.id());

    assertThat(sources.ledger.pagesServed.get()).isGreaterThan(5); // pages of 2
    assertThat(snapshot()).isEqualTo(before);
    assertThat(snapshot().sales()).isEmpty();
  }
}
