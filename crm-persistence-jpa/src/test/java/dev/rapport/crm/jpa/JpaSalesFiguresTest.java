package dev.rapport.crm.jpa;

import dev.rapport.crm.sales.SalesReports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.sales.SalesFigures;
import dev.rapport.crm.sales.SalesRepository;
import dev.rapport.crm.sales.SalesReports.CreditRow;
import dev.rapport.crm.sales.SalesReports.PurchaseRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The figures the adapter computes in SQL ({@code purchases}, {@code revenue}, {@code credit} from
 * the stored balances) against {@link SalesFigures}, their reference definition, over the same
 * seeded random history recorded through {@code crm.sales()}: 200 sales with random lines, costs
 * and descriptions in four currencies of 0, 2 and 3 decimals (some of total zero), credit notes,
 * partial and over-payments, and invoices changed after they were paid (as far as the rules allow). The expected figures are
 * computed from what the test recorded, as the memory adapter computes them; every sale and
 * payment must also read back equal to what was recorded, each sale at the version its content
 * changes give it (keeping its balance does not count).
 */
class JpaSalesFiguresTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
  private static final Instant NOW = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "KWD");
  private static final List<String> PRODUCTS = List.of("PAPER-A4", "TONER-X", "Stift ✓ Ä", "SRV-HOUR", "P5", "P6");
  private static final List<String> QUANTITIES = List.of("1", "2", "0.5", "1.234567", "12", "1000", "3.25", "999999999");

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void figuresInSqlAreTheReferenceFiguresOfASeededRandomHistory(Target target) {
    new History(target, 20_250_630L).record().check();
  }

  /** The same on the external servers, with {@code -Pdatabases}. */
  @Nested
  @Tag("databases")
  class OnExternalServers {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void figures(Target target) {
      new History(target, 20_250_630L).record().check();
    }
  }

  /** A random history recorded through the service, and what the test knows of it. */
  private static final class History {
    private final Target target;
    private final Random random;
    private final TenantId tenant = TenantId.of("figures-" + UUID.randomUUID());
    private final Crm crm;
    private final List<AccountId> accounts = new ArrayList<>();
    private final Map<String, NewSale> sales = new LinkedHashMap<>();
    private final List<NewPayment> payments = new ArrayList<>();
    private final Map<String, BigDecimal> credited = new HashMap<>();
    private final Map<String, BigDecimal> paid = new HashMap<>();
    /** The first day of each invoice's credit notes and payments: its issue day may not move past it. */
    private final Map<String, LocalDate> firstMovement = new HashMap<>();
    /** How many times each sale's content was changed: its version is one more, whatever its balance did. */
    private final Map<String, Integer> updates = new HashMap<>();
    private int next;

    History(Target target, long seed) {
      this.target = target;
      this.random = new Random(seed);
      this.crm = Crm.builder().persistence(target.persistence()).tenant(tenant)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    History record() {
      for (int i = 0; i < 6; i++) {
        accounts.add(crm.accounts().create(NewAccount.builder("Buyer " + i).build()).id());
      }
      int recordedSales = 0;
      int payments = 0;
      int updates = 0;
      while (recordedSales < 200 || payments < 120 || updates < 20) {
        int dice = random.nextInt(10);
        if (dice < 5 && recordedSales < 200) {
          recordedSales += invoice() ? 1 : 0;
        } else if (dice < 6 && recordedSales < 200) {
          recordedSales += creditNote() ? 1 : 0;
        } else if (dice < 9 && payments < 120) {
          payments += payment() ? 1 : 0;
        } else if (updates < 20) {
          updates += update() ? 1 : 0;
        }
      }
      return this;
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private static int digits(String currency) {
      return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    /** A random amount of the currency below 500 units, zero when {@code zero}. */
    private BigDecimal price(String currency, boolean zero) {
      return zero ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(50_000 * (int) Math.pow(10, digits(currency)) / 100),
          digits(currency));
    }

    private List<SaleLine> lines(String currency) {
      boolean free = random.nextInt(20) == 0;
      List<SaleLine> lines = new ArrayList<>();
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        BigDecimal quantity = new BigDecimal(pick(QUANTITIES));
        if (quantity.compareTo(new BigDecimal("1000")) > 0 && !free) {
          quantity = BigDecimal.ONE; // the huge quantity only at price zero: totals stay below 10^15
        }
        SaleLine line = SaleLine.of(pick(PRODUCTS), quantity, new Money(price(currency, free), Currency.getInstance(currency)));
        if (random.nextInt(10) < 4) {
          line = line.withUnitCost(new Money(price(currency, false), Currency.getInstance(currency)));
        }
        if (random.nextInt(10) < 3) {
          line = line.withDescription("Line " + random.nextInt(1000) + " — ünïcode");
        }
        lines.add(line);
      }
      return lines;
    }

    private NewSale invoiceContent(String reference, AccountId account, String currency, LocalDate issued) {
      NewSale.Builder b = NewSale.invoice(reference, account, issued, currency).dueInDays(pick(List.of(0, 14, 30, 60)));
      lines(currency).forEach(b::line);
      return b.build();
    }

    private boolean invoice() {
      String ref = "INV-" + next++;
      NewSale sale = invoiceContent(ref, pick(accounts), pick(CURRENCIES), TODAY.minusDays(random.nextInt(180)));
      assertThat(crm.sales().record(sale).value().content()).isEqualTo(sale);
      sales.put(ref, sale);
      return true;
    }

    private List<NewSale> invoices() {
      return sales.values().stream().filter(s -> !s.isCreditNote()).toList();
    }

    private boolean creditNote() {
      List<NewSale> candidates = invoices().stream()
          .filter(s -> s.total().amount().subtract(credited.getOrDefault(s.reference(), BigDecimal.ZERO)).signum() > 0)
          .toList();
      if (candidates.isEmpty()) {
        return false;
      }
      NewSale inv = pick(candidates);
      BigDecimal room = inv.total().amount().subtract(credited.getOrDefault(inv.reference(), BigDecimal.ZERO));
      BigDecimal amount = random.nextBoolean() ? room
          : room.multiply(BigDecimal.valueOf(random.nextInt(100) + 1)).divide(BigDecimal.valueOf(100),
              digits(inv.currency().getCurrencyCode()), RoundingMode.DOWN);
      if (amount.signum() == 0) {
        return false;
      }
      String ref = "CN-" + next++;
      NewSale note = NewSale.creditNote(ref, inv.reference(), inv.accountId(), inv.issuedOn().plusDays(random.nextInt(90)),
          inv.currency().getCurrencyCode()).line(inv.lines().get(0).productCode(), "-1", amount.toPlainString()).build();
      assertThat(crm.sales().record(note).value().content()).isEqualTo(note);
      sales.put(ref, note);
      credited.merge(inv.reference(), amount, BigDecimal::add);
      firstMovement.merge(inv.reference(), note.issuedOn(), (x, y) -> x.isBefore(y) ? x : y);
      return true;
    }

    private BigDecimal open(NewSale inv) {
      return inv.total().amount().subtract(credited.getOrDefault(inv.reference(), BigDecimal.ZERO))
          .subtract(paid.getOrDefault(inv.reference(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
    }

    private boolean payment() {
      AccountId account = pick(accounts);
      String currency = pick(CURRENCIES);
      List<NewSale> open = new ArrayList<>(invoices().stream().filter(s -> s.accountId().equals(account)
          && s.currency().getCurrencyCode().equals(currency) && open(s).signum() > 0).toList());
      List<String> settles = new ArrayList<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (int n = random.nextInt(4); n > 0 && !open.isEmpty(); n--) {
        NewSale inv = open.remove(random.nextInt(open.size()));
        BigDecimal amount = random.nextBoolean() ? open(inv)
            : open(inv).multiply(BigDecimal.valueOf(random.nextInt(100) + 1)).divide(BigDecimal.valueOf(100),
                digits(currency), RoundingMode.DOWN);
        if (amount.signum() > 0) {
          settles.add(inv.reference());
          settles.add(amount.toPlainString());
          sum = sum.add(amount);
        }
      }
      BigDecimal extra = settles.isEmpty() || random.nextInt(4) == 0 ? price(currency, false) : BigDecimal.ZERO;
      if (sum.add(extra).signum() == 0) {
        return false;
      }
      // paid on a day from the last issue day of what it pays (or within 200 days) up to today
      LocalDate earliest = TODAY.minusDays(200);
      for (int i = 0; i < settles.size(); i += 2) {
        LocalDate issued = sales.get(settles.get(i)).issuedOn();
        earliest = issued.isAfter(earliest) ? issued : earliest;
      }
      LocalDate day = earliest.plusDays(random.nextInt((int) java.time.temporal.ChronoUnit.DAYS.between(earliest, TODAY) + 1));
      NewPayment payment = NewPayment.of("PAY-" + next++, account,
          new Money(sum.add(extra), Currency.getInstance(currency)), day, settles.toArray(String[]::new));
      assertThat(crm.sales().recordPayment(payment).value().content()).isEqualTo(payment);
      payments.add(payment);
      payment.allocations().forEach(a -> {
        paid.merge(a.saleReference(), a.amount().amount(), BigDecimal::add);
        firstMovement.merge(a.saleReference(), day, (x, y) -> x.isBefore(y) ? x : y);
      });
      return true;
    }

    /**
     * New lines (and days) for an invoice, as the rules allow: not below what its credit notes
     * credit, not lowered below what they and its payments cover, not issued after them.
     */
    private boolean update() {
      List<NewSale> candidates = invoices();
      if (candidates.isEmpty()) {
        return false;
      }
      NewSale old = pick(candidates);
      NewSale changed = invoiceContent(old.reference(), old.accountId(), old.currency().getCurrencyCode(),
          old.issuedOn().plusDays(random.nextInt(20) - 10));
      BigDecimal covered = credited.getOrDefault(old.reference(), BigDecimal.ZERO)
          .add(paid.getOrDefault(old.reference(), BigDecimal.ZERO));
      boolean lowered = changed.total().amount().compareTo(old.total().amount()) < 0;
      if (changed.total().amount().compareTo(credited.getOrDefault(old.reference(), BigDecimal.ZERO)) < 0
          || lowered && changed.total().amount().compareTo(covered) < 0
          || firstMovement.containsKey(old.reference()) && changed.issuedOn().isAfter(firstMovement.get(old.reference()))) {
        return false;
      }
      Sale stored = crm.sales().get(old.reference());
      Sale updated = crm.sales().update(old.reference(), stored.version(), changed);
      assertThat(updated.content()).isEqualTo(changed);
      assertThat(updated.version()).isEqualTo(stored.version() + 1);
      sales.put(old.reference(), changed);
      updates.merge(old.reference(), 1, Integer::sum);
      return true;
    }

    // ---- the check

    /** The history holds every case the definitions distinguish, so the comparison below means something. */
    private void assertCoverage() {
      List<CreditRow> credit = SalesFigures.credit(sales.values(), payments, TODAY, 7);
      assertThat(credit).anyMatch(r -> r.onTime() > 0).anyMatch(r -> r.paidLate() > 0)
          .anyMatch(r -> r.openLate() > 0).anyMatch(r -> r.outstanding().signum() > 0)
          .anyMatch(r -> r.overdue().compareTo(r.outstanding()) < 0).anyMatch(r -> r.unapplied().signum() > 0);
      assertThat(invoices()).as("an invoice of zero, one paid beyond what its changed total and credit notes leave due")
          .anyMatch(s -> s.total().amount().signum() == 0)
          .anyMatch(s -> paid.getOrDefault(s.reference(), BigDecimal.ZERO)
              .compareTo(s.total().amount().subtract(credited.getOrDefault(s.reference(), BigDecimal.ZERO))) > 0);
      assertThat(SalesFigures.purchases(sales.values(), true)).as("products only credited on a day, costed lines")
          .anyMatch(r -> r.purchases() == 0).anyMatch(r -> r.costedLines() > 0).anyMatch(r -> r.purchases() > 1);
      assertThat(sales.values()).extracting(s -> s.currency().getCurrencyCode()).containsAll(CURRENCIES);
    }

    void check() {
      assertCoverage();
      for (NewSale s : sales.values()) {
        Sale stored = crm.sales().get(s.reference());
        assertThat(stored.content()).as(s.reference()).isEqualTo(s);
        assertThat(stored.version()).as("the version of %s", s.reference())
            .isEqualTo(1L + updates.getOrDefault(s.reference(), 0));
      }
      for (NewPayment p : payments) {
        assertThat(crm.sales().getPayment(p.reference()).content()).as(p.reference()).isEqualTo(p);
      }
      List<Optional<AccountId>> scopes = new ArrayList<>();
      scopes.add(Optional.empty());
      accounts.forEach(a -> scopes.add(Optional.of(a)));
      for (Optional<AccountId> scope : scopes) {
        List<NewSale> of = sales.values().stream().filter(s -> scope.isEmpty() || scope.get().equals(s.accountId())).toList();
        List<NewPayment> paidBy = payments.stream().filter(p -> scope.isEmpty() || scope.get().equals(p.accountId())).toList();
        for (boolean byProduct : List.of(false, true)) {
          assertThat(purchases(read(r -> r.purchases(scope, byProduct))))
              .as("purchases of %s by product %s", scope, byProduct)
              .containsExactlyInAnyOrderElementsOf(purchases(SalesFigures.purchases(of, byProduct)));
        }
        for (LocalDate asOf : List.of(TODAY, TODAY.minusDays(200), TODAY.plusDays(400), TODAY.minusDays(600))) {
          for (int grace : List.of(0, 7, 30)) {
            assertThat(credit(read(r -> r.credit(scope, asOf, grace))))
                .as("credit of %s as of %s with %s days' grace", scope, asOf, grace)
                .containsExactlyInAnyOrderElementsOf(credit(SalesFigures.credit(of, paidBy, asOf, grace)));
          }
        }
        if (scope.isPresent()) {
          List<Sale> listed = new ArrayList<>();
          PageRequest page = PageRequest.first(7);
          while (true) {
            Page<Sale> p = crm.sales().byAccount(scope.get(), page);
            listed.addAll(p.items());
            Optional<PageRequest> more = page.next(p);
            if (more.isEmpty()) {
              break;
            }
            page = more.get();
          }
          assertThat(listed).extracting(Sale::content).containsExactlyInAnyOrderElementsOf(of);
        }
      }
      for (List<LocalDate> period : List.of(List.of(TODAY.minusDays(540), TODAY), List.of(TODAY.minusDays(100),
          TODAY.minusDays(30)), List.of(TODAY, TODAY))) {
        for (String reporting : List.of("EUR", "JPY", "CHF")) {
          Currency c = Currency.getInstance(reporting);
          assertThat(purchases(read(r -> r.revenue(period.get(0), period.get(1), c))))
              .as("revenue of %s in %s", period, reporting)
              .containsExactlyInAnyOrderElementsOf(purchases(SalesFigures.revenue(sales.values(), period.get(0),
                  period.get(1), c)));
        }
      }
    }

    private <T> T read(Function<SalesReports, T> query) {
      return target.persistence().inUnitOfWork(tenant, uow -> query.apply(uow.port(SalesReports.class)));
    }

    private static List<PurchaseRow> purchases(List<PurchaseRow> rows) {
      return rows.stream().map(r -> new PurchaseRow(r.accountId(), r.productCode(), r.day(), r.currency(),
          r.purchases(), r.amount().stripTrailingZeros(), r.cost().stripTrailingZeros(),
          r.costedAmount().stripTrailingZeros(), r.costedLines())).toList();
    }

    private static List<CreditRow> credit(List<CreditRow> rows) {
      return rows.stream().map(r -> new CreditRow(r.accountId(), r.currency(), r.onTime(), r.paidLate(), r.openLate(),
          r.daysLate(), r.worstDaysLate(), r.outstanding().stripTrailingZeros(), r.overdue().stripTrailingZeros(),
          r.unapplied().stripTrailingZeros())).toList();
    }
  }
}
