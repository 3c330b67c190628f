package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.sales.Allocation;
import dev.rapport.crm.sales.CustomerRank;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.RepurchaseReminder;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SaleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rejected-command table of sales and payments: every refused command throws the exception
 * that names its cause (a {@link ValidationException} names the field), leaves the store exactly
 * as it was (a {@link StoreSnapshot} before and after, which includes the invoices' balances
 * through the credit figures), and delivers no event.
 */
public abstract class SalesRejectedCommandContract extends ContractSupport {
  static final LocalDate DAY = LocalDate.of(2025, 2, 3);
  /** The day of the contract's clock. */
  static final LocalDate TODAY = LocalDate.ofInstant(START, java.time.ZoneOffset.UTC);

  /** The records the bad commands aim at. */
  static final class World {
    Crm crm;
    Account account;
    Account other;
    Sale invoice;
    Sale credited;
    Sale creditNote;
    Sale usd;
    Sale ofOther;
  }

  private World world;

  @BeforeEach
  final void aWorld() {
    world = sharedWorld(this::build);
  }

  /** The world, in this test's tenant; every row leaves it as it was, so the table shares one. */
  private World build() {
    World w = new World();
    w.crm = crm;
    w.account = crm.accounts().create(NewAccount.builder("Acme").build());
    w.other = crm.accounts().create(NewAccount.builder("Other").build());
    // INV-1: 100.00, 30.00 of it paid; INV-2: 50.00 credited 40.00; USD-1: 10.00 USD; OTHER-1 of the other account
    w.invoice = crm.sales().record(NewSale.invoice("INV-1", w.account.id(), DAY, "EUR").dueInDays(30)
        .line("A", "2", "50.00").build()).value();
    w.credited = crm.sales().record(NewSale.invoice("INV-2", w.account.id(), DAY, "EUR").line("A", "1", "50.00").build()).value();
    w.creditNote = crm.sales().record(NewSale.creditNote("CN-1", "INV-2", w.account.id(), DAY, "EUR")
        .line("A", "-0.8", "50.00").build()).value();
    w.usd = crm.sales().record(NewSale.invoice("USD-1", w.account.id(), DAY, "USD").line("A", "1", "10.00").build()).value();
    w.ofOther = crm.sales().record(NewSale.invoice("OTHER-1", w.other.id(), DAY, "EUR").line("A", "1", "10.00").build()).value();
    crm.sales().recordPayment(NewPayment.of("PAY-1", w.account.id(), eur("30.00"), DAY, "INV-1", "30.00"));
    events.clear();
    return w;
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Arguments bad(String name, Class<? extends CrmException> expected, String field, Consumer<World> command) {
    return Arguments.of(name, expected, field, command);
  }

  private static Arguments bad(String name, Class<? extends CrmException> expected, Consumer<World> command) {
    return Arguments.of(name, expected, "", command);
  }

  private static NewSale.Builder invoice(World w, String reference) {
    return NewSale.invoice(reference, w.account.id(), DAY, "EUR");
  }

  static Stream<Arguments> badCommands() {
    String tooLong = "x".repeat(Limits.TEXT + 1);
    AccountId unknown = AccountId.of(UUID.randomUUID());
    return Stream.of(
        // unknown ids
        bad("a sale of an unknown account", NotFoundException.class, w -> w.crm.sales().record(NewSale.invoice("NEW", unknown, DAY, "EUR").line("A", "1", "1.00").build())),
        bad("a payment of an unknown account", NotFoundException.class, w -> w.crm.sales().recordPayment(NewPayment.of("P", unknown, eur("1.00"), DAY))),
        bad("a credit note of an unknown invoice", NotFoundException.class, w -> w.crm.sales().record(NewSale.creditNote("CN", "INV-404", w.account.id(), DAY, "EUR").line("A", "-1", "1.00").build())),
        bad("a payment of an unknown invoice", NotFoundException.class, w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("1.00"), DAY, "INV-404", "1.00"))),
        bad("delete an unknown sale", NotFoundException.class, w -> w.crm.sales().deleteSale("INV-404", 1)),
        bad("delete an unknown payment", NotFoundException.class, w -> w.crm.sales().deletePayment("PAY-404", 1)),
        bad("delete an invoice a payment pays", dev.rapport.crm.exception.IllegalTransitionException.class,
            w -> w.crm.sales().deleteSale("INV-1", 1)),
        bad("delete an invoice a credit note corrects", dev.rapport.crm.exception.IllegalTransitionException.class,
            w -> w.crm.sales().deleteSale("INV-2", 1)),
        bad("delete a sale at a stale version", ConcurrentUpdateException.class, w -> w.crm.sales().deleteSale("USD-1", 2)),
        bad("delete a payment at a stale version", ConcurrentUpdateException.class,
            w -> w.crm.sales().deletePayment("PAY-1", 2)),
        bad("delete an account with sales and payments", dev.rapport.crm.exception.IllegalTransitionException.class,
            w -> w.crm.accounts().delete(w.account.id())),
        bad("update an unknown sale", NotFoundException.class, w -> w.crm.sales().update("INV-404", 1, invoice(w, "INV-404").line("A", "1", "1.00").build())),
        bad("get an unknown sale", NotFoundException.class, w -> w.crm.sales().get("INV-404")),
        bad("get an unknown payment", NotFoundException.class, w -> w.crm.sales().getPayment("PAY-404")),
        bad("the summary of an unknown account", NotFoundException.class, w -> w.crm.sales().summary(unknown)),
        bad("the status of an unknown sale", NotFoundException.class, w -> w.crm.sales().status("INV-404")),
        // stale versions and taken references
        bad("update at a stale version", ConcurrentUpdateException.class, w -> w.crm.sales().update("INV-1", 2, invoice(w, "INV-1").line("A", "3", "50.00").build())),
        bad("the same invoice reference with other content", DuplicateException.class, w -> w.crm.sales().record(invoice(w, "INV-1").line("A", "3", "50.00").build())),
        bad("the same payment reference with other content", DuplicateException.class, w -> w.crm.sales().recordPayment(NewPayment.of("PAY-1", w.account.id(), eur("31.00"), DAY))),
        bad("a credit note under an invoice's reference", DuplicateException.class, w -> w.crm.sales().record(NewSale.creditNote("INV-1", "INV-2", w.account.id(), DAY, "EUR").line("A", "-0.1", "50.00").build())),
        // rules between records
        bad("a payment in another currency than its sale", ValidationException.class, "allocations[0].saleReference", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), Money.of("10.00", "USD"), DAY, "INV-1", "10.00"))),
        bad("a payment of another account's invoice", ValidationException.class, "allocations[0].saleReference", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("10.00"), DAY, "OTHER-1", "10.00"))),
        bad("a payment of a credit note", ValidationException.class, "allocations[0].saleReference", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("1.00"), DAY, "CN-1", "1.00"))),
        bad("a payment of more than is outstanding", ValidationException.class, "allocations[0].amount", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("80.00"), DAY, "INV-1", "70.01"))),
        bad("a payment of a credited invoice beyond what is due", ValidationException.class, "allocations[0].amount", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("10.01"), DAY, "INV-2", "10.01"))),
        bad("a credit note larger than its sale", ValidationException.class, "total", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "INV-1", w.account.id(), DAY, "EUR").line("A", "-2.01", "50.00").build())),
        bad("a credit note larger than what its sale's other credit notes left", ValidationException.class, "total", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "INV-2", w.account.id(), DAY, "EUR").line("A", "-0.21", "50.00").build())),
        bad("a credit note of a credit note", ValidationException.class, "corrects", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "CN-1", w.account.id(), DAY, "EUR").line("A", "-0.1", "50.00").build())),
        bad("a credit note of another account's sale", ValidationException.class, "corrects", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "OTHER-1", w.account.id(), DAY, "EUR").line("A", "-0.1", "50.00").build())),
        bad("a credit note in another currency than its sale", ValidationException.class, "currency", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "USD-1", w.account.id(), DAY, "EUR").line("A", "-1", "1.00").build())),
        bad("an update that moves a sale to another account", ValidationException.class, "accountId", w -> w.crm.sales().update("INV-1", 1, NewSale.invoice("INV-1", w.other.id(), DAY, "EUR").line("A", "1", "1.00").build())),
        bad("an update that makes an invoice a credit note", ValidationException.class, "corrects", w -> w.crm.sales().update("INV-1", 1, NewSale.creditNote("INV-1", "INV-2", w.account.id(), DAY, "EUR").line("A", "-0.1", "1.00").build())),
        bad("an update under another reference", ValidationException.class, "reference", w -> w.crm.sales().update("INV-1", 1, invoice(w, "INV-9").line("A", "1", "1.00").build())),
        bad("an update below what is credited", ValidationException.class, "total", w -> w.crm.sales().update("INV-2", 1, invoice(w, "INV-2").line("A", "1", "39.99").build())),
        bad("an update to another currency once paid", ValidationException.class, "currency", w -> w.crm.sales().update("INV-1", 1, NewSale.invoice("INV-1", w.account.id(), DAY, "USD").dueInDays(30).line("A", "2", "50.00").build())),
        bad("an update that lowers an invoice below what is paid", ValidationException.class, "total", w -> w.crm.sales().update("INV-1", 1, invoice(w, "INV-1").dueInDays(30).line("A", "1", "29.99").build())),
        bad("an update that issues an invoice after its payment", ValidationException.class, "issuedOn", w -> w.crm.sales().update("INV-1", 1, NewSale.invoice("INV-1", w.account.id(), DAY.plusDays(1), "EUR").dueInDays(30).line("A", "2", "50.00").build())),
        bad("an update that issues an invoice after its credit note", ValidationException.class, "issuedOn", w -> w.crm.sales().update("INV-2", 1, NewSale.invoice("INV-2", w.account.id(), DAY.plusDays(1), "EUR").line("A", "1", "50.00").build())),
        bad("a credit note dated 300 days before its invoice", ValidationException.class, "issuedOn", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "INV-1", w.account.id(), DAY.minusDays(300), "EUR").line("A", "-0.1", "50.00").build())),
        bad("a credit note dated a day before its invoice", ValidationException.class, "issuedOn", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "INV-1", w.account.id(), DAY.minusDays(1), "EUR").line("A", "-0.1", "50.00").build())),
        bad("an update that dates a credit note before its invoice", ValidationException.class, "issuedOn", w -> w.crm.sales().update("CN-1", 1, NewSale.creditNote("CN-1", "INV-2", w.account.id(), DAY.minusDays(1), "EUR").line("A", "-0.8", "50.00").build())),
        bad("a payment dated before the invoice it pays", ValidationException.class, "paidOn", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("1.00"), DAY.minusDays(1), "INV-1", "1.00"))),
        bad("a payment dated after today", ValidationException.class, "paidOn", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("1.00"), TODAY.plusDays(1)))),
        bad("a reminder of an unknown account", NotFoundException.class, w -> w.crm.sales().remind(new RepurchaseReminder(unknown, Optional.empty(), DAY, DAY.plusDays(30), 30, -2))),
        bad("delete a sale at version 0", ValidationException.class, "version", w -> w.crm.sales().deleteSale("INV-1", 0)),
        bad("delete a payment without reference", ValidationException.class, "reference",
            w -> w.crm.sales().deletePayment(null, 1)),
        bad("update at version 0", ValidationException.class, "version", w -> w.crm.sales().update("INV-1", 0, invoice(w, "INV-1").line("A", "1", "1.00").build())),
        bad("the status of a credit note", ValidationException.class, "reference", w -> w.crm.sales().status("CN-1")),
        // bad values
        bad("a line whose amount is not quantity times price", ValidationException.class, "amount", w -> w.crm.sales().record(invoice(w, "NEW").line(new SaleLine("A", Optional.empty(), new BigDecimal("3"), eur("1.10"), eur("3.31"), Optional.empty())).build())),
        bad("a total that is not the sum of the lines", ValidationException.class, "total", w -> w.crm.sales().record(new NewSale("NEW", w.account.id(), Optional.empty(), DAY, DAY, java.util.Currency.getInstance("EUR"), List.of(SaleLine.of("A", BigDecimal.ONE, eur("1.00"))), eur("2.00")))),
        bad("a due date before the issue date", ValidationException.class, "dueOn", w -> w.crm.sales().record(invoice(w, "NEW").dueOn(DAY.minusDays(1)).line("A", "1", "1.00").build())),
        bad("a line in another currency", ValidationException.class, "lines[0].amount", w -> w.crm.sales().record(invoice(w, "NEW").line(SaleLine.of("A", BigDecimal.ONE, Money.of("1.00", "USD"))).build())),
        bad("an invoice with a negative total", ValidationException.class, "total", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "-1", "1.00").build())),
        bad("a credit note with a positive total", ValidationException.class, "total", w -> w.crm.sales().record(NewSale.creditNote("CN-2", "INV-1", w.account.id(), DAY, "EUR").line("A", "1", "1.00").build())),
        bad("a sale without lines", ValidationException.class, "lines", w -> w.crm.sales().record(invoice(w, "NEW").build())),
        bad("a quantity of zero", ValidationException.class, "lines[0].quantity", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "0", "1.00").build())),
        bad("a quantity with 7 decimals", ValidationException.class, "lines[0].quantity", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "0.0000001", "1.00").build())),
        bad("a quantity of a billion", ValidationException.class, "lines[0].quantity", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "1000000000", "1.00").build())),
        bad("a negative unit price", ValidationException.class, "lines[0].unitPrice", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "1", "-1.00").build())),
        bad("a price with too many decimals", ValidationException.class, "lines[0].unitPrice", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "1", "1.001").build())),
        bad("a bad quantity on the second line", ValidationException.class, "lines[1].quantity", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "1", "1.00").line("B", "-0", "1.00").build())),
        bad("a quantity that is no number on the third line", ValidationException.class, "lines[2].quantity", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "1", "1.00").line("B", "1", "1.00").line("C", "two", "1.00").build())),
        bad("a unit price that is no number on the second line", ValidationException.class, "lines[1].unitPrice", w -> w.crm.sales().record(invoice(w, "NEW").line("A", "1", "1.00").line("B", "1", "1,5").build())),
        bad("a second allocation that is no amount", ValidationException.class, "allocations[1].amount", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("10.00"), DAY, "INV-1", "1.00", "INV-2", "x"))),
        bad("a second allocation in another account's invoice", ValidationException.class, "allocations[1].saleReference", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("10.00"), DAY, "INV-1", "1.00", "OTHER-1", "1.00"))),
        bad("a reference too long", ValidationException.class, "reference", w -> w.crm.sales().record(invoice(w, tooLong).line("A", "1", "1.00").build())),
        bad("a blank product code", ValidationException.class, "lines[0].productCode", w -> w.crm.sales().record(invoice(w, "NEW").line(" ", "1", "1.00").build())),
        bad("a product code with NUL", ValidationException.class, "lines[0].productCode", w -> w.crm.sales().record(invoice(w, "NEW").line("A\u0000", "1", "1.00").build())),
        bad("an issue day before 1900", ValidationException.class, "issuedOn", w -> w.crm.sales().record(NewSale.invoice("NEW", w.account.id(), LocalDate.of(1899, 12, 31), "EUR").line("A", "1", "1.00").build())),
        bad("an unknown currency", ValidationException.class, "currency", w -> w.crm.sales().record(NewSale.invoice("NEW", w.account.id(), DAY, "EURO").line("A", "1", "1.00").build())),
        bad("a payment of zero", ValidationException.class, "amount", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("0.00"), DAY))),
        bad("allocations beyond the amount paid", ValidationException.class, "allocations", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("10.00"), DAY, "INV-1", "10.01"))),
        bad("an invoice allocated twice in one payment", ValidationException.class, "allocations[1].saleReference", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("10.00"), DAY, "INV-1", "1.00", "INV-1", "1.00"))),
        bad("an allocation of zero", ValidationException.class, "amount", w -> w.crm.sales().recordPayment(new NewPayment("P", w.account.id(), eur("1.00"), DAY, List.of(new Allocation("INV-1", eur("0.00")))))),
        bad("an unpaired allocation", ValidationException.class, "allocations", w -> w.crm.sales().recordPayment(NewPayment.of("P", w.account.id(), eur("1.00"), DAY, "INV-1"))),
        bad("a null sale", ValidationException.class, "sale", w -> w.crm.sales().record(null)),
        bad("a null payment", ValidationException.class, "payment", w -> w.crm.sales().recordPayment(null)),
        bad("reminders within -1 days", ValidationException.class, "withinDays", w -> w.crm.sales().reminders(-1)),
        bad("best customers of a period that ends before it starts", ValidationException.class, "to", w -> w.crm.sales().bestCustomers(DAY, DAY.minusDays(1), CustomerRank.By.REVENUE, 10)),
        bad("best customers, none of them", ValidationException.class, "limit", w -> w.crm.sales().bestCustomers(DAY, DAY, CustomerRank.By.REVENUE, 0)),
        bad("a reminder of nothing", ValidationException.class, "reminder", w -> w.crm.sales().remind(null)));
  }

  /** The rows refused by what the store holds (unknown ids, stale versions, duplicates): every adapter. */
  static Stream<Arguments> storeRefusals() {
    return byWhoRefuses(badCommands(), true);
  }

  /** The rows refused by the core's own rules (values, lifecycles): tagged {@value #CORE_RULES}. */
  static Stream<Arguments> coreRefusals() {
    return byWhoRefuses(badCommands(), false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storeRefusals")
  public void aCommandRefusedByWhatTheStoreHoldsThrowsItsExceptionAndLeavesTheStoreExactlyAsBefore(String name,
      Class<? extends CrmException> expected, String field, Consumer<World> command) {
    refused(expected, field, command);
  }

  @Tag(CORE_RULES)
  @ParameterizedTest(name = "{0}")
  @MethodSource("coreRefusals")
  public void aCommandTheCoreRefusesThrowsItsExceptionAndLeavesTheStoreExactlyAsBefore(String name,
      Class<? extends CrmException> expected, String field, Consumer<World> command) {
    refused(expected, field, command);
  }

  private void refused(Class<? extends CrmException> expected, String field, Consumer<World> command) {
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> command.accept(world)).isInstanceOf(expected).satisfies(e -> {
      if (e instanceof ValidationException v && !field.isEmpty()) {
        assertThat(v.field()).as("the field named by: %s", e.getMessage()).isEqualTo(field);
      }
    });
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void theWorldOfTheBadCommandsIsWhatTheyAimAt() {
    StoreSnapshot s = snapshot();
    assertThat(s.sales()).hasSize(5);
    assertThat(s.payments()).hasSize(1);
    assertThat(crm.sales().status("INV-1").outstanding()).isEqualTo(eur("70.00"));
    assertThat(crm.sales().status("INV-2").outstanding()).isEqualTo(eur("10.00"));
    assertThat(world.creditNote.total()).isEqualTo(eur("-40.00"));
    assertThat(world.usd.content().currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(world.ofOther.accountId()).isEqualTo(world.other.id());
    assertThat(world.invoice.version()).isEqualTo(1);
    assertThat(world.credited.reference()).isEqualTo("INV-2");
  }
}
