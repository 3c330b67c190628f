package dev.rapport.crm.jpa;

import dev.rapport.crm.sales.SalesReports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SalesRepository;
import dev.rapport.crm.sales.SalesRepository.Balance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the database itself refuses, through the sales port directly (the core checks first, so a
 * command meets these only in a race): a reference another sale or payment holds is a {@link
 * DuplicateException} on the field {@code reference}, an update at a stale version and a balance
 * that changed since it was read are {@link ConcurrentUpdateException}s of the sale; a reference
 * names only the sale or payment of exactly that text (whatever a database's collation or driver
 * makes of it); never a raw database exception.
 */
class JpaSalesStoreTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2025, 2, 1);

  /** A tenant with one account, on one target. */
  private static final class Fixture {
    final Target target;
    final TenantId tenant = TenantId.of("store-" + UUID.randomUUID());
    final AccountId account;

    Fixture(Target target) {
      this.target = target;
      this.account = Crm.builder().persistence(target.persistence()).tenant(tenant).build().accounts()
          .create(NewAccount.builder("Buyer").build()).id();
    }

    <T> T inUnit(Function<SalesRepository, T> work) {
      return target.persistence().inUnitOfWork(tenant, uow -> work.apply(uow.port(SalesRepository.class)));
    }

    Sale sale(String reference, String price) {
      return new Sale(SaleId.of(UUID.randomUUID()), tenant, 0,
          NewSale.invoice(reference, account, DAY, "EUR").line("PAPER", "1", price).build(), NOW, NOW);
    }

    Payment payment(String reference) {
      return new Payment(PaymentId.of(UUID.randomUUID()), tenant, 0,
          NewPayment.of(reference, account, Money.of("5.00", "EUR"), DAY), NOW);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aReferenceAnotherSaleOrPaymentHoldsIsADuplicateOfTheReference(Target target) {
    Fixture f = new Fixture(target);
    f.inUnit(r -> r.insert(f.sale("INV-1", "10.00")));
    f.inUnit(r -> r.insertPayment(f.payment("PAY-1")));

    assertThatThrownBy(() -> f.inUnit(r -> r.insert(f.sale("INV-1", "20.00"))))
        .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("reference"))
        .hasMessageContaining("sale").hasMessageContaining("INV-1");
    assertThatThrownBy(() -> f.inUnit(r -> r.insertPayment(f.payment("PAY-1"))))
        .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("reference"))
        .hasMessageContaining("payment").hasMessageContaining("PAY-1");
    // a payment may carry a sale's reference, and another tenant the same ones
    f.inUnit(r -> r.insertPayment(f.payment("INV-1")));
    Fixture other = new Fixture(target);
    other.inUnit(r -> r.insert(other.sale("INV-1", "10.00")));
    assertThat(f.inUnit(r -> r.findByReference("INV-1")).orElseThrow().total()).isEqualTo(Money.of("10.00", "EUR"));
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void anUpdateAtAStaleVersionIsAConcurrentUpdateWhetherTheUnitOrTheDatabaseSeesIt(Target target) {
    Fixture f = new Fixture(target);
    Sale v1 = f.inUnit(r -> r.insert(f.sale("INV-1", "10.00")));
    Sale v2 = f.inUnit(r -> r.update(changed(r.findByReference("INV-1").orElseThrow(), "20.00")));
    assertThat(v2.version()).isEqualTo(2);

    // the version given is not the one stored
    assertThatThrownBy(() -> f.inUnit(r -> r.update(changed(v1, "30.00"))))
        .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> assertThat(e.kind()).isEqualTo("sale"));
    // read at version 2, changed by another unit before this one writes: the database refuses it
    assertThatThrownBy(() -> f.inUnit(r -> {
      Sale read = r.findByReference("INV-1").orElseThrow();
      f.inUnit(other -> other.update(changed(other.findByReference("INV-1").orElseThrow(), "40.00")));
      return r.update(changed(read, "50.00"));
    })).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> assertThat(e.kind()).isEqualTo("sale"));
    Sale stored = f.inUnit(r -> r.findByReference("INV-1")).orElseThrow();
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.total()).isEqualTo(Money.of("40.00", "EUR"));
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aBalanceChangedSinceItWasReadIsAConcurrentUpdateAndKeepingOneLeavesTheVersion(Target target) {
    Fixture f = new Fixture(target);
    f.inUnit(r -> r.insert(f.sale("INV-1", "10.00")));
    Balance open = new Balance(new BigDecimal("10.00"), BigDecimal.ZERO, Optional.empty());
    Balance half = new Balance(new BigDecimal("10.00"), new BigDecimal("5.00"), Optional.empty());
    Balance paid = new Balance(new BigDecimal("10.00"), new BigDecimal("10.00"), Optional.of(DAY.plusDays(9)));

    // amounts compare by value: the stored 10.0000 is the expected 10.00
    f.inUnit(r -> {
      r.saveBalance("INV-1", Optional.of(open), half);
      return null;
    });
    assertThatThrownBy(() -> f.inUnit(r -> {
      r.saveBalance("INV-1", Optional.of(open), paid);
      return null;
    })).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
      assertThat(e.kind()).isEqualTo("sale");
      assertThat(e.id()).isEqualTo("INV-1");
    });
    f.inUnit(r -> {
      r.saveBalance("INV-1", Optional.of(half), paid);
      return null;
    });
    assertThat(f.inUnit(r -> r.findByReference("INV-1")).orElseThrow().version()).isEqualTo(1);
    java.util.List<SalesReports.CreditRow> rows = f.target.persistence().inUnitOfWork(f.tenant,
        uow -> uow.port(SalesReports.class).credit(Optional.of(f.account), DAY.plusDays(30), 0));
    assertThat(rows).singleElement()
        .satisfies(row -> {
          assertThat(row.onTime()).isZero();
          assertThat(row.paidLate()).isEqualTo(1);
          assertThat(row.worstDaysLate()).isEqualTo(9);
          assertThat(row.outstanding()).isEqualByComparingTo("0");
        });
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aReferenceNamesOnlyTheSaleOrPaymentOfExactlyThatText(Target target) {
    Fixture f = new Fixture(target);
    f.inUnit(r -> r.insert(f.sale("INV-1", "10.00")));
    f.inUnit(r -> r.insertPayment(f.payment("PAY-1")));
    Crm crm = Crm.builder().persistence(target.persistence()).tenant(f.tenant).build();

    assertThat(crm.sales().get("INV-1").reference()).isEqualTo("INV-1");
    // MariaDB's collation compares case-insensitively: the adapter keeps only the exact text
    for (String other : java.util.List.of("inv-1", "INV-2", "Inv-1")) {
      assertThatThrownBy(() -> crm.sales().get(other)).as(other).isInstanceOf(dev.rapport.crm.exception.NotFoundException.class);
      assertThatThrownBy(() -> crm.sales().status(other)).as(other).isInstanceOf(dev.rapport.crm.exception.NotFoundException.class);
      assertThatThrownBy(() -> crm.sales().getPayment(other.replace("INV", "PAY").replace("inv", "pay")))
          .as(other).isInstanceOf(dev.rapport.crm.exception.NotFoundException.class);
    }
    // references are stripped as when they are recorded, so a trailing space names the same sale
    assertThat(crm.sales().get("INV-1 ").reference()).isEqualTo("INV-1");
    // what no reference can hold is refused before the store is asked (PostgreSQL refuses a NUL in
    // a parameter; drivers turn an unpaired surrogate into '?')
    for (String bad : java.util.List.of("INV-1\u0000", "INV-\uD800", " ")) {
      assertThatThrownBy(() -> crm.sales().get(bad)).as(bad).isInstanceOf(dev.rapport.crm.exception.ValidationException.class);
      assertThatThrownBy(() -> crm.sales().getPayment(bad)).as(bad).isInstanceOf(dev.rapport.crm.exception.ValidationException.class);
    }
    // and through the port itself the adapter finds nothing rather than failing
    assertThat(f.<java.util.Optional<Sale>>inUnit(r -> r.findByReference("INV-1\u0000"))).isEmpty();
  }

  private static Sale changed(Sale sale, String price) {
    NewSale content = NewSale.invoice(sale.reference(), sale.accountId(), sale.issuedOn(), "EUR")
        .line("PAPER", "1", price).build();
    return new Sale(sale.id(), sale.tenantId(), sale.version(), content, sale.recordedAt(), NOW.plusSeconds(sale.version()));
  }

  /** The same on the external servers, with {@code -Pdatabases}. */
  @Nested
  @Tag("databases")
  class OnExternalServers {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void duplicates(Target target) {
      aReferenceAnotherSaleOrPaymentHoldsIsADuplicateOfTheReference(target);
    }

    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void staleVersions(Target target) {
      anUpdateAtAStaleVersionIsAConcurrentUpdateWhetherTheUnitOrTheDatabaseSeesIt(target);
    }

    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void exactReferences(Target target) {
      aReferenceNamesOnlyTheSaleOrPaymentOfExactlyThatText(target);
    }

    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void balances(Target target) {
      aBalanceChangedSinceItWasReadIsAConcurrentUpdateAndKeepingOneLeavesTheVersion(target);
    }
  }
}
