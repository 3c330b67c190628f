package dev.rapport.crm.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.sales.SalesReports;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory adapter answers its sales reports from {@link SalesColumns}, a columnar index kept on
 * commit: on seeded histories made through the services (invoices and credit notes in three
 * currencies of 0, 2 and 3 decimals, lines with and without costs, rewritten sales, partial, late,
 * over- and unallocated payments), every report equals {@link SalesFigures}, the reference, over
 * the same records: per account and for the whole tenant, on several as-of days and periods. Sums
 * beyond a {@code long} of minor units are answered from the records, and still equal.
 */
class SalesColumnsTest {
  private static final String[] CURRENCIES = {"EUR", "JPY", "BHD"};
  private static final LocalDate START = LocalDate.of(2024, 1, 1);

  private final MemoryPersistence store = MemoryPersistence.create();
  private final TenantId tenant = TenantId.of("columns");
  private final Crm crm = Crm.builder().persistence(store).tenant(tenant)
      .clock(TestClock.at(Instant.parse("2026-01-15T08:00:00Z"))).build();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void everyReportEqualsTheReferenceOverTheRecords(long seed) {
    List<AccountId> accounts = history(new Random(seed), 12, 300);
    // the history holds what the reports must get right, not only plain invoices
    assertThat(creditNotes).as("credit notes").isGreaterThan(10);
    assertThat(rewrites).as("rewrites").isGreaterThan(5);
    assertThat(payments).as("payments").isGreaterThan(50);
    List<SalesReports.CreditRow> credit = reports(r -> r.credit(Optional.empty(), START.plusYears(3), 0));
    assertThat(credit).anySatisfy(r -> assertThat(r.onTime()).isPositive())
        .anySatisfy(r -> assertThat(r.paidLate()).isPositive())
        .anySatisfy(r -> assertThat(r.openLate()).isPositive())
        .anySatisfy(r -> assertThat(r.unapplied()).isPositive());
    List<SalesReports.PurchaseRow> days = reports(r -> r.purchases(Optional.empty(), false));
    assertThat(days).anySatisfy(r -> assertThat(r.amount()).isNegative()); // a day with only a credit note
    assertAgree(accounts);
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8})
  void sumsBeyondALongOfMinorUnitsAreAnsweredFromTheRecords(long seed) {
    List<AccountId> accounts = history(new Random(seed), 3, 40);
    // ten invoices of almost 10^15 BHD (3 decimals): about 10^19 minor units, beyond a long
    for (int i = 0; i < 10; i++) {
      crm.sales().record(NewSale.invoice("BIG-" + i, accounts.get(0), START.plusDays(i), "BHD")
          .line("YACHT", "1", "999999999999.999").build());
    }
    assertAgree(accounts);
    List<SalesReports.RfmRow> rfm = reports(r -> r.rfm(START, START.plusYears(3)));
    assertThat(rfm).anySatisfy(row -> assertThat(row.amount()).isGreaterThan(new java.math.BigDecimal("9E+12")));
  }

  private void assertAgree(List<AccountId> accounts) {
    List<NewSale> sales = all(p -> crm.sales().byAccount(p.account, p.page)).stream().map(Sale::content).toList();
    List<NewPayment> payments = all(p -> crm.sales().paymentsByAccount(p.account, p.page)).stream()
        .map(Payment::content).toList();
    List<LocalDate> days = new ArrayList<>(List.of(START.plusDays(40), START.plusDays(200), START.plusYears(3)));
    // and days on which invoices fall due: an invoice due on the as-of day is not yet overdue
    sales.stream().filter(s -> !s.isCreditNote()).limit(3).forEach(s -> days.add(s.dueOn()));
    for (LocalDate asOf : days) {
      for (int grace : new int[] {0, 10}) {
        assertSame(reports(r -> r.credit(Optional.empty(), asOf, grace)),
            SalesFigures.credit(sales, payments, asOf, grace));
        for (AccountId a : accounts) {
          assertSame(reports(r -> r.credit(Optional.of(a), asOf, grace)),
              SalesFigures.credit(of(sales, a), payments.stream().filter(p -> p.accountId().equals(a)).toList(),
                  asOf, grace));
        }
      }
    }
    for (boolean byProduct : new boolean[] {false, true}) {
      assertSame(reports(r -> r.purchases(Optional.empty(), byProduct)), SalesFigures.purchases(sales, byProduct));
      for (AccountId a : accounts) {
        assertSame(reports(r -> r.purchases(Optional.of(a), byProduct)), SalesFigures.purchases(of(sales, a), byProduct));
      }
    }
    for (LocalDate[] period : new LocalDate[][] {{START, START.plusYears(3)}, {START.plusDays(30), START.plusDays(90)}}) {
      assertSame(reports(r -> r.rfm(period[0], period[1])), SalesFigures.rfm(sales, period[0], period[1]));
      for (String reporting : CURRENCIES) {
        Currency c = Currency.getInstance(reporting);
        assertSame(reports(r -> r.revenue(period[0], period[1], c)), SalesFigures.revenue(sales, period[0], period[1], c));
      }
    }
  }

  private static List<NewSale> of(List<NewSale> sales, AccountId account) {
    return sales.stream().filter(s -> s.accountId().equals(account)).toList();
  }

  /**
   * Rows come in any order, and an amount's scale is not part of the answer (the reference's sums
   * start from a zero of scale 0): compared sorted, each field equal, amounts by value.
   */
  private static <T extends Record> void assertSame(List<T> actual, List<T> expected) {
    assertThat(actual.stream().map(SalesColumnsTest::text).sorted().toList())
        .isEqualTo(expected.stream().map(SalesColumnsTest::text).sorted().toList());
  }

  private static String text(Record row) {
    StringBuilder b = new StringBuilder();
    for (java.lang.reflect.RecordComponent c : row.getClass().getRecordComponents()) {
      try {
        Object v = c.getAccessor().invoke(row);
        b.append(c.getName()).append('=')
            .append(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v).append(' ');
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return b.toString();
  }

  private <T> T reports(Function<SalesReports, T> query) {
    return store.read(tenant, uow -> query.apply(uow.port(SalesReports.class)));
  }

  private record Paging(AccountId account, PageRequest page) {}

  private final List<AccountId> accounts = new ArrayList<>();
  private int creditNotes;
  private int rewrites;
  private int payments;
  private int refusals;

  private <T> List<T> all(Function<Paging, dev.rapport.crm.common.Page<T>> pages) {
    List<T> out = new ArrayList<>();
    for (AccountId a : accounts) {
      PageRequest page = PageRequest.first(100);
      while (true) {
        dev.rapport.crm.common.Page<T> p = pages.apply(new Paging(a, page));
        out.addAll(p.items());
        if (p.nextCursor().isEmpty()) {
          break;
        }
        page = PageRequest.after(p.nextCursor().get(), 100);
      }
    }
    return out;
  }

  /** A seeded history of {@code n} sales over {@code accountCount} accounts, with payments and rewrites. */
  private List<AccountId> history(Random random, int accountCount, int n) {
    for (int i = 0; i < accountCount; i++) {
      accounts.add(crm.accounts().create(NewAccount.builder("Account " + i).build()).id());
    }
    List<Sale> invoices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AccountId account = accounts.get(random.nextInt(accountCount));
      String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
      LocalDate day = START.plusDays(random.nextInt(700));
      int roll = random.nextInt(100);
      try {
        if (roll < 10 && !invoices.isEmpty()) { // a credit note of part of an earlier invoice
          Sale inv = invoices.get(random.nextInt(invoices.size()));
          NewSale c = inv.content();
          crm.sales().record(NewSale.creditNote("CN-" + i, c.reference(), c.accountId(),
              c.issuedOn().plusDays(random.nextInt(60)), c.currency().getCurrencyCode())
              .line(c.lines().get(0).productCode(), "-1", amount(random, c.currency().getCurrencyCode(), 5)).build());
          creditNotes++;
        } else if (roll < 15 && !invoices.isEmpty()) { // a rewrite of an earlier invoice
          Sale inv = invoices.get(random.nextInt(invoices.size()));
          Sale now = crm.sales().get(inv.reference());
          NewSale c = now.content();
          crm.sales().update(c.reference(), now.version(), lines(random, NewSale.invoice(c.reference(), c.accountId(),
              c.issuedOn(), c.currency().getCurrencyCode()).dueInDays(random.nextInt(60)), c.currency().getCurrencyCode()).build());
          rewrites++;
        } else if (roll < 45 && !invoices.isEmpty()) { // a payment of an invoice: in full, in part, or on account
          Sale inv = crm.sales().get(invoices.get(random.nextInt(invoices.size())).reference());
          NewSale c = inv.content();
          String code = c.currency().getCurrencyCode();
          String part = random.nextBoolean() ? c.total().amount().toPlainString() : amount(random, code, 400);
          String[] settles = random.nextInt(6) == 0 ? new String[0] : new String[] {c.reference(), part};
          Money paid = Money.of(part, code);
          if (random.nextInt(4) == 0) { // more than it allocates: the rest unapplied
            paid = Money.of(paid.amount().add(new java.math.BigDecimal(amount(random, code, 50))), code);
          }
          crm.sales().recordPayment(NewPayment.of("PAY-" + i, c.accountId(), paid,
              later(c.issuedOn(), c.dueOn().plusDays(random.nextInt(30) - 10)), settles));
          payments++;
        } else {
          NewSale.Builder b = NewSale.invoice("INV-" + i, account, day, currency).dueInDays(random.nextInt(45));
          invoices.add(crm.sales().record(lines(random, b, currency).build()).value());
        }
      } catch (ValidationException refused) {
        refusals++;
        // a rewrite below what is credited and paid, a movement before its invoice: refused, nothing stored
      }
    }
    return accounts;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static NewSale.Builder lines(Random random, NewSale.Builder b, String currency) {
    int lines = 1 + random.nextInt(4);
    for (int l = 0; l < lines; l++) {
      String product = "P" + random.nextInt(6);
      String quantity = String.valueOf(1 + random.nextInt(5));
      String price = amount(random, currency, 200);
      b = random.nextBoolean() ? b.line(product, quantity, price)
          : b.line(dev.rapport.crm.sales.SaleLine.of(product, new java.math.BigDecimal(quantity), Money.of(price, currency))
              .withUnitCost(Money.of(amount(random, currency, 100), currency)));
    }
    return b;
  }

  private static String amount(Random random, String currency, int max) {
    int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    java.math.BigDecimal v = java.math.BigDecimal.valueOf(1 + random.nextInt(max * (int) Math.pow(10, digits)), digits);
    return v.toPlainString();
  }
}
