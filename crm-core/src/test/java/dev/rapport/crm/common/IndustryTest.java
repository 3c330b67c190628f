package dev.rapport.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How an industry is read from what a host or a person writes, and from text stored before codes. */
class IndustryTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Food & Beverage|food_and_beverage",
      "food and beverage|food_and_beverage",
      "  Wholesale |wholesale",
      "NOT FOR PROFIT|not_for_profit",
      "Not-for-profit|not_for_profit",
      "Logística|logistica",
      "Энергетика|energetika",
      "B2B \"SaaS\"|b2b_saas",
      "maritime_insurance|maritime_insurance",
      "O'Brien's pubs|obriens_pubs"})
  void aNameAsPeopleWriteItReadsAsItsCode(String text, String code) {
    assertThat(Industry.of(text).code()).isEqualTo(code);
  }

  @Test
  void theWellKnownNamesReadAsTheirConstants() {
    assertThat(Industry.of("Food & Beverage")).isEqualTo(Industry.FOOD_AND_BEVERAGE);
    assertThat(Industry.of("Not For Profit")).isEqualTo(Industry.NOT_FOR_PROFIT);
    assertThat(Industry.of("Technology")).isEqualTo(Industry.TECHNOLOGY);
    assertThat(Industry.of(Industry.TELECOMMUNICATIONS.code())).isEqualTo(Industry.TELECOMMUNICATIONS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "--- !!! ---", "日本の産業", "Retail 日本"})
  void textWithoutACodeIsRefusedNamingTheField(String text) {
    assertThatThrownBy(() -> Industry.of(text)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("industry"));
  }

  @Test
  void aCodeOverFiftyCharactersIsRefusedAndNullToo() {
    assertThat(Industry.of("x".repeat(50)).code()).hasSize(50);
    assertThatThrownBy(() -> Industry.of("x".repeat(51))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Industry.of(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new Industry("Retail")).isInstanceOf(ValidationException.class);
  }

  @Test
  void storedFreeTextReadsAsWellAsItCanNeverFailing() {
    assertThat(Industry.stored("Food & Beverage")).isEqualTo(Industry.FOOD_AND_BEVERAGE);
    // over 50 characters: cut at the last word break within them
    String longer = "wholesale of industrial machinery and heavy equipment for mining";
    assertThat(Industry.stored(longer).code()).isEqualTo("wholesale_of_industrial_machinery_and_heavy");
    assertThat(Industry.stored("x".repeat(80)).code()).isEqualTo("x".repeat(50));
    assertThat(Industry.stored("日本の産業")).isEqualTo(Industry.OTHER);
    assertThat(Industry.stored("---")).isEqualTo(Industry.OTHER);
    // a code stored as a code reads back unchanged
    assertThat(Industry.stored("maritime_insurance")).isEqualTo(Industry.of("maritime_insurance"));
  }
}
