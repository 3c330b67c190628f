package dev.rapport.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.IdGenerator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

  @Test
  void emailAddressesCompareIgnoringCaseButKeepTheirSpelling() {
    EmailAddress a = EmailAddress.of("  Ada.Lovelace@Example.COM ");
    assertThat(a.address()).isEqualTo("Ada.Lovelace@Example.COM");
    assertThat(a.normalized()).isEqualTo("ada.lovelace@example.com");
    assertThat(a.domain()).isEqualTo("example.com");
    assertThat(a).isEqualTo(EmailAddress.of("ada.lovelace@example.com")).hasSameHashCodeAs(
        EmailAddress.of("ADA.LOVELACE@EXAMPLE.COM"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "plain", "a@b", "@example.com", "a@@example.com", "a b@example.com",
      "a@example..com", ".a@example.com", "a.@example.com", "a..b@example.com", "a@-example.com"})
  void malformedEmailAddressesAreRefusedNamingTheField(String bad) {
    assertThatThrownBy(() -> EmailAddress.of(bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("email:")
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("email");
  }

  @Test
  void aNullEmailAddressIsRefused() {
    assertThatThrownBy(() -> EmailAddress.of(null)).isInstanceOf(ValidationException.class)
        .hasMessage("email: must not be null");
  }

  @ParameterizedTest
  @CsvSource({
      "'+49 30 901820', ,   +4930901820",
      "'030 901820',    DE, +4930901820",
      "'(202) 456-1111', US, +12024561111",
      "'+44 20 7946 0958', , +442079460958"})
  void phoneNumbersAreNormalisedToE164(String input, String region, String e164) {
    assertThat(PhoneNumber.of(input, region).e164()).isEqualTo(e164);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12", "not a number", "030 901820", "+49 1"})
  void invalidPhoneNumbersAreRefused(String bad) {
    assertThatThrownBy(() -> PhoneNumber.of(bad))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("phone");
  }

  @Test
  void moneyKeepsTheCurrencyScaleAndRefusesMixedCurrencies() {
    Money a = Money.of("10.5", "EUR");
    assertThat(a.amount()).isEqualByComparingTo("10.50");
    assertThat(a.amount().scale()).isEqualTo(2);
    assertThat(a.plus(Money.of("0.25", "EUR"))).isEqualTo(Money.of("10.75", "EUR"));
    assertThat(a.minus(Money.of("20", "EUR")).isNegative()).isTrue();
    assertThat(Money.of("1000", "EUR").percent(25)).isEqualTo(Money.of("250.00", "EUR"));
    assertThatThrownBy(() -> a.plus(Money.of("1", "USD")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("currency");
  }

  @ParameterizedTest
  @CsvSource({"abc, EUR, amount", "1.005, EUR, amount", "1.5, JPY, amount", "1, EURO, currency", "1, XXQ, currency"})
  void badMoneyIsRefusedNamingTheField(String amount, String currency, String field) {
    assertThatThrownBy(() -> Money.of(amount, currency))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo(field);
  }

  @Test
  void moneyOfNullsIsRefused() {
    assertThatThrownBy(() -> new Money(null, java.util.Currency.getInstance("EUR")))
        .isInstanceOf(ValidationException.class).hasMessage("amount: must not be null");
    assertThatThrownBy(() -> Money.of((BigDecimal) BigDecimal.ONE, null))
        .isInstanceOf(ValidationException.class).hasMessage("currency: must not be null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "ümlaut", "a/b",
      "12345678901234567890123456789012345678901234567890123456789012345"})
  void malformedTenantIdsAreRefused(String bad) {
    assertThatThrownBy(() -> TenantId.of(bad)).isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("tenantId");
  }

  @Test
  void personNamesNeedAFamilyName() {
    assertThat(PersonName.of("Ada", "Lovelace").fullName()).isEqualTo("Ada Lovelace");
    assertThat(PersonName.of("Plato").fullName()).isEqualTo("Plato");
    assertThat(PersonName.of("  ", "Lovelace").givenName()).isEmpty();
    assertThatThrownBy(() -> PersonName.of("Ada", " ")).isInstanceOf(ValidationException.class)
        .hasMessage("name.familyName: must not be blank");
  }

  @Test
  void idsParseOnlyCanonicalUuids() {
    UUID u = UUID.randomUUID();
    assertThat(LeadId.parse(u.toString()).value()).isEqualTo(u);
    assertThatThrownBy(() -> LeadId.parse("1-2-3-4-5")).isInstanceOf(ValidationException.class)
        .hasMessage("leadId: must be a UUID");
  }

  @Test
  void generatedIdsAreVersion7AndStrictlyIncreasingEvenWhenTheClockStandsStill() {
    Clock still = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    IdGenerator ids = new IdGenerator(still, new Random(42));
    List<LeadId> made = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      made.add(LeadId.of(ids.next()));
    }
    for (int i = 1; i < made.size(); i++) {
      assertThat(made.get(i)).isGreaterThan(made.get(i - 1));
    }
    assertThat(made.get(0).value().version()).isEqualTo(7);
    assertThat(made.get(0).value().variant()).isEqualTo(2);
    assertThat(made.get(0).value().getMostSignificantBits() >>> 16)
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
  }

  @Test
  void idsStayInOrderOnAClockBefore1970WhichTheLimitsAllow() {
    Clock old = Clock.fixed(Limits.EARLIEST_INSTANT, ZoneOffset.UTC);
    IdGenerator ids = new IdGenerator(old, new Random(7));
    LeadId previous = LeadId.of(ids.next());
    for (int i = 0; i < 10_000; i++) { // past the 12-bit counter: the generator borrows milliseconds
      LeadId next = LeadId.of(ids.next());
      assertThat(next).isGreaterThan(previous);
      previous = next;
    }
  }

  @Test
  void idsOrderUnsignedAsDatabasesDo() {
    LeadId low = LeadId.of(new UUID(0x7000_0000_0000_0000L, 0));
    LeadId high = LeadId.of(new UUID(0x8000_0000_0000_0000L, 0)); // negative as a signed long
    assertThat(low).isLessThan(high);
  }

  @Test
  void pageRequestsCheckSizeAndCursor() {
    assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(ValidationException.class)
        .hasMessage("size: must be between 1 and 500");
    assertThatThrownBy(() -> PageRequest.first(501)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> PageRequest.after("nonsense", 10)).isInstanceOf(ValidationException.class)
        .hasMessage("after: must be a UUID");
  }
}
