package dev.rapport.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.Pipeline;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.SaleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A rejected value inside another names its place: {@code lines[1].quantity}, not {@code quantity}. */
class FieldPathTest {
  private static final AccountId ACCOUNT = AccountId.of(UUID.fromString("0190d2a4-0000-7000-8000-000000000001"));
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  static Stream<Arguments> nestedValues() {
    return Stream.of(
        row("a sale's second line with quantity zero", "lines[1].quantity", "must not be zero",
            () -> NewSale.invoice("INV-1", ACCOUNT, DAY, "EUR").line("A", "1", "1.00").line("B", "0", "1.00").build()),
        row("a sale's first line with a quantity that is no number", "lines[0].quantity", "must be a decimal number",
            () -> NewSale.invoice("INV-1", ACCOUNT, DAY, "EUR").line("A", "1.2.3", "1.00")),
        row("a sale's third line with a unit price with three decimals", "lines[2].unitPrice", "must have at most 2 decimals in EUR",
            () -> NewSale.invoice("INV-1", ACCOUNT, DAY, "EUR").line("A", "1", "1").line("B", "1", "1").line("C", "1", "1.001")),
        row("a sale's second line with a negative unit price", "lines[1].unitPrice", "must not be negative",
            () -> NewSale.invoice("INV-1", ACCOUNT, DAY, "EUR").line("A", "1", "1").line("B", "1", "-1")),
        row("a sale's second line with a blank product code", "lines[1].productCode", "must not be blank",
            () -> NewSale.invoice("INV-1", ACCOUNT, DAY, "EUR").line("A", "1", "1").line(" ", "1", "1")),
        row("a sale whose second line is in dollars", "lines[1].amount", "must be in the sale's currency EUR, not USD",
            () -> new NewSale("INV-1", ACCOUNT, Optional.empty(), DAY, DAY, Currency.getInstance("EUR"),
                List.of(SaleLine.of("A", BigDecimal.ONE, Money.of("1.00", "EUR")), SaleLine.of("B", BigDecimal.ONE, Money.of("1.00", "USD"))),
                Money.of("2.00", "EUR"))),
        row("a payment's second allocation that is no amount", "allocations[1].amount", "must be a decimal number",
            () -> NewPayment.of("P-1", ACCOUNT, Money.of("10.00", "EUR"), DAY, "INV-1", "1.00", "INV-2", "ten")),
        row("a payment's second allocation of the same invoice", "allocations[1].saleReference", "must name each sale once (INV-1 is named before)",
            () -> NewPayment.of("P-1", ACCOUNT, Money.of("10.00", "EUR"), DAY, "INV-1", "1.00", "INV-1", "2.00")),
        row("a payment's first allocation of nothing", "allocations[0].saleReference", "must not be blank",
            () -> NewPayment.of("P-1", ACCOUNT, Money.of("10.00", "EUR"), DAY, " ", "1.00")),
        row("a contact's second e-mail address", "emails[1]", "must be a valid e-mail address",
            () -> NewContact.builder(PersonName.of("Ann")).email("ann@example.com").email("not an address")),
        row("a contact's first phone number", "phones[0]", "must be a valid telephone number",
            () -> NewContact.builder(PersonName.of("Ann")).phone("+49 not a number")),
        row("a pipeline's repeated stage name", "stages[2].name", "must not repeat the name qualify",
            () -> Pipeline.builder().stage("Qualify", 10, ForecastCategory.PIPELINE).stage("Propose", 50, ForecastCategory.BEST_CASE)
                .stage("qualify", 60, ForecastCategory.BEST_CASE).build()));
  }

  private static Arguments row(String name, String field, String rule, Supplier<?> make) {
    return Arguments.of(name, field, rule, make);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nestedValues")
  void aNestedValueIsNamedByItsPath(String name, String field, String rule, Supplier<?> make) {
    assertThatThrownBy(make::get).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).startsWith(rule);
      assertThat(e.getMessage()).isEqualTo(field + ": " + e.rule());
    });
  }

  @Test
  void withinPrefixesThePathAndKeepsTheRuleAndTheCause() {
    ValidationException inner = new ValidationException("quantity", "must not be zero");
    ValidationException outer = inner.within("lines[1]");
    assertThat(outer.field()).isEqualTo("lines[1].quantity");
    assertThat(outer.rule()).isEqualTo("must not be zero");
    assertThat(outer.getMessage()).isEqualTo("lines[1].quantity: must not be zero");
    assertThat(outer.getCause()).isSameAs(inner);
    assertThat(new ValidationException("[0]", "must not be null").within("leads").field()).isEqualTo("leads[0]");
    assertThat(outer.within("sales[3]").field()).isEqualTo("sales[3].lines[1].quantity");
    assertThatThrownBy(() -> inner.within(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inner.within(null)).isInstanceOf(NullPointerException.class);
  }
}
