package dev.rapport.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.lead.LeadQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value rules of {@link Limits}: what every store can hold, checked in the core. (The
 * stores' side is the TCK's value storm and the JPA adapter's schema test.)
 */
class ValueLimitsTest {

  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void lengthsCountCodePointsSoTwoHundredEmojiAreATwoHundredCharacterName() {
    String name = EMOJI.repeat(Limits.TEXT);
    assertThat(NewOpportunity.builder(name, Money.of("1", "EUR")).build().name()).isEqualTo(name);
    assertThatThrownBy(() -> NewAccount.builder(name + EMOJI).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name").hasMessageContaining("at most 200 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme\u0000 GmbH", "Acme \uD800 GmbH", "Acme \uDC00 GmbH", "Acme GmbH\uD83D"})
  void textWithNulOrAnUnpairedSurrogateIsRefusedNamingTheField(String name) {
    assertThatThrownBy(() -> NewAccount.builder(name).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("name:")
        .hasMessageMatching(".*(NUL|unpaired surrogate).*");
  }

  @Test
  void otherControlCharactersAndNoncharactersAreKeptAsGiven() {
    String name = "A\u0001B\u007FC\u0085D\uFFFF\uDBFF\uDFFF";
    assertThat(NewOpportunity.builder(name, Money.of("1", "EUR")).build().name()).isEqualTo(name);
  }

  @Test
  void aNameKeyThatNormalisationLengthensIsCutToItsLimit() {
    String name = "\uFB03".repeat(Limits.TEXT); // each ligature is three letters after NFKD
    String key = Account.nameKey(name);
    assertThat(key.codePointCount(0, key.length())).isEqualTo(Limits.NAME_KEY);
    assertThat(key).isEqualTo("ffi".repeat(Limits.TEXT).substring(0, Limits.NAME_KEY));
    String emoji = Account.nameKey("\uFDFA" + EMOJI.repeat(10));
    assertThat(emoji.codePointCount(0, emoji.length())).isLessThanOrEqualTo(Limits.NAME_KEY);
  }

  @ParameterizedTest
  @CsvSource({
      "999999999999999.99, EUR, 999999999999999.99",
      "-999999999999999, JPY, -999999999999999",
      "1.25e3, EUR, 1250.00",
      "12.3456, CLF, 12.3456",
      "1.000000000000000000000000000000, EUR, 1.00",
      "0e-999999999, EUR, 0.00",
      "' 7 ', KWD, 7.000"})
  void amountsWithinFifteenDigitsAreKeptAtTheCurrencysScale(String text, String currency, String expected) {
    assertThat(Money.of(text, currency).amount()).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest
  @CsvSource({
      "1000000000000000, less than 10^15",
      "1e999999999, less than 10^15",
      "1e100000000, less than 10^15",
      "1e-999999999, at most 2 decimals",
      "1.005, at most 2 decimals"})
  @Timeout(value = 5, unit = TimeUnit.SECONDS) // 1e100000000 used to keep a CPU busy for minutes
  void amountsOutOfRangeAreRefusedSayingWhich(String text, String rule) {
    assertThatThrownBy(() -> Money.of(text, "EUR"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("amount:").hasMessageContaining(rule);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void hugeAmountsAreRefusedWithoutBeingRead() {
    assertThatThrownBy(() -> Money.of("9".repeat(100_000), "EUR"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at most 64 characters");
    BigDecimal huge = new BigDecimal("9".repeat(100_000));
    assertThatThrownBy(() -> new Money(huge, Currency.getInstance("EUR")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at most about 1,200 digits");
    BigDecimal tiny = new BigDecimal(java.math.BigInteger.ONE, Integer.MAX_VALUE);
    assertThatThrownBy(() -> new Money(tiny, Currency.getInstance("EUR")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("decimals");
  }

  @Test
  void theLargestAmountIsTheLimitInTheCurrencyWithTheMostDecimals() {
    assertThat(Money.of(Limits.MAX_AMOUNT, "CLF").amount()).isEqualTo(Limits.MAX_AMOUNT);
    assertThat(Money.of(Limits.MAX_AMOUNT.negate(), "CLF").amount()).isEqualTo(Limits.MAX_AMOUNT.negate());
    assertThatThrownBy(() -> Money.of(Limits.MAX_AMOUNT.add(new BigDecimal("0.0001")), "CLF"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("less than 10^15");
  }

  @Test
  void sumsThatLeaveTheRangeAreRefused() {
    Money max = Money.of("999999999999999.99", "EUR");
    assertThatThrownBy(() -> max.plus(Money.of("0.01", "EUR")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("less than 10^15");
  }

  @Test
  void pageCursorsAreKeptInTheirCanonicalForm() {
    String id = "0190a6f2-8c1e-7cc3-9d9e-4c3e0f7a1b2c";
    assertThat(PageRequest.after(" " + id + " ", 10).after()).contains(id);
    assertThat(PageRequest.after(id.toUpperCase(), 10).after()).contains(id);
    assertThatThrownBy(() -> PageRequest.after(id + "\u0000", 10)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("after:");
  }

  @Test
  void instantsOutsideTheRangeAreRefusedAndFinerOnesKeptToTheMicrosecond() {
    Instant fine = Instant.parse("2025-03-03T09:00:00.123456789Z");
    assertThat(LeadQuery.all().withCreated(fine, null).createdFrom())
        .contains(Instant.parse("2025-03-03T09:00:00.123457Z")); // a bound rounds up: same leads
    assertThat(new dev.rapport.crm.lead.EngagementSignal(dev.rapport.crm.lead.SignalType.DEMO_REQUEST, fine,
        java.util.Optional.empty()).occurredAt()).isEqualTo(Instant.parse("2025-03-03T09:00:00.123456Z"));
    for (Instant bad : new Instant[] {Instant.MIN, Instant.MAX, Limits.EARLIEST_INSTANT.minusNanos(1),
        Limits.LATEST_INSTANT.plusNanos(1), Instant.parse("0000-01-01T00:00:00Z")}) {
      assertThatThrownBy(() -> LeadQuery.all().withCreated(bad, null))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("createdFrom:");
    }
    assertThat(LeadQuery.all().withCreated(Limits.EARLIEST_INSTANT, Limits.LATEST_INSTANT).createdBefore())
        .contains(Limits.LATEST_INSTANT);
  }

  @Test
  void datesOutsideTheRangeAreRefused() {
    var draft = dev.rapport.crm.opportunity.NewOpportunity.builder("Deal", Money.of("1", "EUR"));
    assertThat(draft.expectedCloseDate(Limits.LATEST_DATE).build()).isNotNull();
    assertThat(draft.expectedCloseDate(Limits.EARLIEST_DATE).build()).isNotNull();
    for (LocalDate bad : new LocalDate[] {LocalDate.MAX, LocalDate.MIN, LocalDate.of(-5000, 1, 1),
        LocalDate.of(0, 1, 1), LocalDate.of(-1, 6, 15), Limits.EARLIEST_DATE.minusDays(1)}) {
      assertThatThrownBy(() -> draft.expectedCloseDate(bad))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("expectedCloseDate:");
    }
  }

  @Test
  void phoneTextIsBoundedBeforeParsing() {
    assertThatThrownBy(() -> PhoneNumber.of("+44 20 7946 0958" + " ".repeat(Limits.PHONE_TEXT)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at most 64 characters");
  }
}
