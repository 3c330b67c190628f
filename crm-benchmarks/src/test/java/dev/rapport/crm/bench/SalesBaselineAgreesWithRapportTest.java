package dev.rapport.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.sales.CreditHistory;
import dev.rapport.crm.sales.CustomerSummary;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.sales.PurchaseHistory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a small history made by the same generator (100 accounts, 10,000 invoices, 10,000 payments),
 * the hand-written baselines of {@link SalesBenchmarks} give exactly Rapport's answers: every
 * account's customer summary and the whole late-payer list, figure by figure and in the same order;
 * the loops against the memory adapter, the SQL against the JPA adapter (Hibernate and EclipseLink)
 * on embedded PostgreSQL, whose rows were written by {@link SalesSql#load}. So the ratios compare
 * like with like.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesBaselineAgreesWithRapportTest {
  private final SalesBenchmarks benchmarks = new SalesBenchmarks();
  private SalesBenchmarks.Memory memory;
  private SalesBenchmarks.Db db;

  @BeforeAll
  void store() throws Exception {
    memory = new SalesBenchmarks.Memory();
    memory.start(sizes(100, 10_000, 10_000));
    db = new SalesBenchmarks.Db();
    db.db = "postgresql";
    db.start(sizes(100, 10_000, 10_000));
  }

  @AfterAll
  void stop() throws Exception {
    db.stop();
  }

  static SalesBenchmarks.Sizes sizes(int accounts, int invoices, int payments) {
    SalesBenchmarks.Sizes sizes = new SalesBenchmarks.Sizes();
    sizes.accounts = accounts;
    sizes.invoices = invoices;
    sizes.payments = payments;
    return sizes;
  }

  @ParameterizedTest
  @ValueSource(strings = {"hibernate", "eclipselink"})
  void theHandWrittenSqlGivesRapportsAnswersOnPostgresql(String provider) throws Exception {
    SalesBenchmarks.Rapport rapport = new SalesBenchmarks.Rapport();
    rapport.provider = provider;
    rapport.start(db);
    try {
      SalesBenchmarks.Cursor cursor = new SalesBenchmarks.Cursor();
      SalesBenchmarks.Cursor same = new SalesBenchmarks.Cursor();
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < db.data.accounts; i++) {
        CustomerSummary summary = benchmarks.summaryJpaRapport(db, rapport, cursor);
        SalesLoops.Summary hand = benchmarks.summaryJpaBaseline(db, same);
        assertThat(summary.overall()).isPresent();
        assertThat(plain(db.data, summary)).isEqualTo(hand);
        seen.add(hand.account());
      }
      assertThat(seen).hasSize(db.data.accounts);
      List<CreditHistory> late = benchmarks.latePayersJpaRapport(rapport);
      assertThat(late).hasSizeGreaterThan(5);
      assertThat(plain(db.data, late)).isEqualTo(benchmarks.latePayersJpaBaseline(db));
    } finally {
      rapport.stop();
    }
  }

  @Test
  void theGeneratedHistoryHasEveryCase() {
    SalesData data = memory.data;
    assertThat(data.payments).hasSize(10_000);
    assertThat(Arrays.stream(data.sales).filter(s -> !s.creditNote())).hasSize(10_000);
    assertThat(Arrays.stream(data.sales).filter(SalesData.Sale::creditNote).count()).isGreaterThan(20);
    assertThat(Arrays.stream(data.payments).filter(p -> p.sales().length == 0).count()).isGreaterThan(20);
    assertThat(Arrays.stream(data.payments).filter(p -> p.sales().length == 1 && p.amount() > p.amounts()[0]).count())
        .isGreaterThan(5);
    assertThat(Arrays.stream(data.payments).filter(p -> p.sales().length == 1
        && p.amounts()[0] > data.sales[p.sales()[0]].total() + creditOf(data, p.sales()[0])).count()).isGreaterThan(0);
    List<SalesLoops.Late> late = SalesLoops.latePayers(data, memory.today);
    assertThat(late).anyMatch(l -> l.payerClass() == 1).anyMatch(l -> l.payerClass() == 2)
        .anyMatch(l -> l.openLate() > 0).anyMatch(l -> l.outstanding() > l.overdue());
  }

  @Test
  void theHandWrittenSummaryIsRapportsForEveryAccount() {
    // the cursors visit every account once in their first accounts calls (7919 is prime)
    SalesBenchmarks.Cursor cursor = new SalesBenchmarks.Cursor();
    SalesBenchmarks.Cursor same = new SalesBenchmarks.Cursor();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < memory.data.accounts; i++) {
      CustomerSummary rapport = benchmarks.summaryMemoryRapport(memory, cursor);
      SalesLoops.Summary hand = benchmarks.summaryMemoryBaseline(memory, same);
      assertThat(rapport.overall()).isPresent();
      assertThat(rapport.products()).isNotEmpty();
      assertThat(plain(memory.data, rapport)).isEqualTo(hand);
      seen.add(hand.account());
    }
    assertThat(seen).hasSize(memory.data.accounts);
  }

  @Test
  void theHandWrittenLatePayersAreRapports() {
    List<CreditHistory> rapport = benchmarks.latePayersMemoryRapport(memory);
    assertThat(rapport).hasSizeGreaterThan(5);
    assertThat(plain(memory.data, rapport)).isEqualTo(benchmarks.latePayersMemoryBaseline(memory));
  }

  /** What the credit notes of invoice {@code i} take off it (negative). */
  private static long creditOf(SalesData data, int i) {
    return Arrays.stream(data.sales).filter(s -> s.corrects() == i).mapToLong(SalesData.Sale::total).sum();
  }

  // ---- Rapport's answers as the baselines' plain records (cents, epoch days, indexes)

  static SalesLoops.Summary plain(SalesData data, CustomerSummary s) {
    int account = index(data).get(s.accountId().value());
    List<String> codes = Arrays.asList(data.productCodes);
    return new SalesLoops.Summary(account, s.overall().map(h -> plain(h, -1, s.asOf())).orElse(null),
        s.products().stream().map(h -> plain(h, codes.indexOf(h.productCode().orElseThrow()), s.asOf())).toList());
  }

  private static SalesLoops.History plain(PurchaseHistory h, int product, LocalDate asOf) {
    assertThat(asOf).isEqualTo(SalesData.TODAY);
    return new SalesLoops.History(product, (int) h.firstPurchase().toEpochDay(), (int) h.lastPurchase().toEpochDay(),
        h.purchases(), cents(h.total()), cents(h.averageOrderValue()), h.medianDaysBetween().orElse(Double.NaN),
        h.daysSinceLast(), h.expectedNext().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE));
  }

  static List<SalesLoops.Late> plain(SalesData data, List<CreditHistory> histories) {
    Map<UUID, Integer> index = index(data);
    return histories.stream().map(h -> {
      assertThat(h.asOf()).isEqualTo(SalesData.TODAY);
      return new SalesLoops.Late(index.get(h.accountId().value()), h.onTime(), h.paidLate(), h.openLate(),
          h.meanDaysLate().orElse(Double.NaN), h.worstDaysLate(), cents(h.outstanding()), cents(h.overdue()),
          cents(h.unapplied()), h.payerClass() == PayerClass.CHRONICALLY_LATE ? 2
              : h.payerClass() == PayerClass.OCCASIONALLY_LATE ? 1 : 0);
    }).toList();
  }

  private static Map<UUID, Integer> index(SalesData data) {
    Map<UUID, Integer> index = new HashMap<>();
    for (int a = 0; a < data.accounts; a++) {
      index.put(data.accountIds[a], a);
    }
    return index;
  }

  static long cents(Money m) {
    assertThat(m.currency()).isEqualTo(SalesData.EUR);
    return m.amount().movePointRight(2).longValueExact();
  }
}
