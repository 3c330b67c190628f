package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.sales.SalesRepository.Balance;
import dev.rapport.crm.sales.SalesRepository.Movement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of the sales model that need no store: line arithmetic, balances, payer classes. */
class SalesRulesTest {
  static final LocalDate DAY = LocalDate.of(2025, 1, 6);
  static final AccountId ACCOUNT = AccountId.of(UUID.randomUUID());

  @ParameterizedTest(name = "{0} x {1} {2} = {3}")
  @CsvSource({
      "3, 1.10, EUR, 3.30",
      "0.5, 0.05, EUR, 0.02", // 0.025 half-even
      "1.5, 0.05, EUR, 0.08", // 0.075 half-even
      "0.333333, 3, JPY, 1",
      "1.5, 2.125, KWD, 3.188",
      "-4, 5.00, EUR, -20.00"})
  void aLineAmountIsQuantityTimesPriceRoundedHalfEven(String quantity, String price, String currency, String amount) {
    SaleLine line = SaleLine.of("P", new BigDecimal(quantity), Money.of(price, currency));
    assertThat(line.amount()).isEqualTo(Money.of(amount, currency));
    assertThat(new SaleLine("P", Optional.empty(), new BigDecimal(quantity), Money.of(price, currency),
        Money.of(amount, currency), Optional.empty())).isEqualTo(line);
  }

  @Test
  void aLineWhoseAmountDisagreesNamesTheArithmetic() {
    assertThatThrownBy(() -> new SaleLine("P", Optional.empty(), new BigDecimal("3"), Money.of("1.10", "EUR"),
        Money.of("3.31", "EUR"), Optional.empty()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("amount");
          assertThat(e.getMessage()).contains("3 x 1.10 = 3.30").contains("3.31");
        });
  }

  @Test
  void quantitiesAreKeptInOneFormSoEqualLinesAreEqual() {
    assertThat(SaleLine.of("P", new BigDecimal("2.500"), Money.of("1.00", "EUR")))
        .isEqualTo(SaleLine.of("P", new BigDecimal("2.5"), Money.of("1.00", "EUR")));
    assertThat(SaleLine.of("P", new BigDecimal("1E+2"), Money.of("1.00", "EUR")).quantity()).isEqualTo(new BigDecimal("100"));
  }

  @Test
  void anInvoiceIsSettledOnTheDayItsCreditNotesAndPaymentsCoverIt() {
    BigDecimal total = new BigDecimal("100.00");
    List<Movement> movements = List.of(
        new Movement(DAY.plusDays(20), new BigDecimal("50.00"), false, "P2"),
        new Movement(DAY.plusDays(5), new BigDecimal("30.00"), false, "P1"),
        new Movement(DAY.plusDays(10), new BigDecimal("20.00"), true, "CN"),
        new Movement(DAY.plusDays(30), new BigDecimal("10.00"), false, "P3"));
    // in day order: 30 paid, 20 credited, 50 paid (100 covered on day 20), 10 more paid
    assertThat(SalesFigures.balance(total, DAY, movements)).isEqualTo(new Balance(new BigDecimal("80.00"),
        new BigDecimal("90.00"), Optional.of(DAY.plusDays(20))));
    assertThat(SalesFigures.balance(total, DAY, movements.subList(1, 3)).settledOn()).isEmpty();
    assertThat(SalesFigures.balance(BigDecimal.ZERO.setScale(2), DAY, List.of()).settledOn()).contains(DAY);
  }

  @ParameterizedTest(name = "{0} judged, {1} late, worst {2}: {3}")
  @CsvSource({
      "0, 0, 0, ON_TIME",
      "10, 0, 0, ON_TIME",
      "10, 1, 30, OCCASIONALLY_LATE",
      "10, 4, 30, OCCASIONALLY_LATE", // 40 % < 50 %
      "6, 3, 30, CHRONICALLY_LATE", // 3 late, 50 %
      "4, 2, 30, OCCASIONALLY_LATE", // 50 % but fewer than 3
      "100, 1, 90, CHRONICALLY_LATE", // one invoice 90 days late
      "100, 1, 89, OCCASIONALLY_LATE"})
  void theStandardPolicyClassesPayers(long judged, long late, long worst, PayerClass expected) {
    assertThat(PayerPolicy.standard().classify(judged, late, worst)).isEqualTo(expected);
  }

  @Test
  void aPolicyOutOfRangeNamesTheField() {
    assertThatThrownBy(() -> new PayerPolicy(0, 0, 3, 90)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).isEqualTo("chronicPercent"));
    assertThatThrownBy(() -> new PayerPolicy(-1, 50, 3, 90)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).isEqualTo("graceDays"));
  }

  @Test
  void aPaymentKnowsWhatItLeavesUnapplied() {
    NewPayment p = NewPayment.of("P", ACCOUNT, Money.of("100.00", "EUR"), DAY, "INV-1", "60.00", "INV-2", "15.50");
    assertThat(p.unapplied()).isEqualTo(Money.of("24.50", "EUR"));
    assertThat(p.allocations()).extracting(Allocation::saleReference).containsExactly("INV-1", "INV-2");
  }

  @Test
  void aCreditNoteMustNotCorrectItself() {
    assertThatThrownBy(() -> NewSale.creditNote("CN", "CN", ACCOUNT, DAY, "EUR").line("P", "-1", "1.00").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("corrects"));
  }
}
