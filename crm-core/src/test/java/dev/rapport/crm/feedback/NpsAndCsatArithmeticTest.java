package dev.rapport.crm.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpsAndCsatArithmeticTest {

  @ParameterizedTest(name = "{0} promoters, {1} passives, {2} detractors -> {3}")
  @CsvSource({
      // (p - d) * 100 / n, one decimal, half away from zero
      "1, 0, 0, 100.0",
      "0, 0, 1, -100.0",
      "1, 6, 1, 0.0",
      "1, 7, 0, 12.5",     // 100 / 8 = 12.5 exactly
      "1, 15, 0, 6.3",     // 100 / 16 = 6.25: the half rounds up
      "0, 15, 1, -6.3",    // -6.25: the half rounds away from zero
      "1, 5, 0, 16.7",     // 16.666...
      "1, 0, 2, -33.3",    // -33.333...
      "2, 0, 1, 33.3"})
  void npsIsPromotersMinusDetractorsInPercentOfTheAnswers(long promoters, long passives, long detractors, String expected) {
    NpsResult r = new NpsResult(promoters + passives + detractors, promoters, passives, detractors);
    assertThat(r.score()).contains(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0} answers, {1} satisfied, sum {2} -> {3} percent, mean {4}")
  @CsvSource({
      "3, 2, 11, 66.7, 3.67",  // 5, 4, 2
      "16, 1, 19, 6.3, 1.19",  // one 4 and fifteen 1s: 6.25 -> 6.3; 19 / 16 = 1.1875 -> 1.19
      "8, 8, 33, 100.0, 4.13", // seven 4s and a 5: 33 / 8 = 4.125 -> 4.13
      "1, 0, 1, 0.0, 1.00"})
  void csatIsTheShareOfFourAndFiveAndTheMean(long answers, long satisfied, long sum, String percent, String mean) {
    CsatResult r = new CsatResult(answers, satisfied, sum);
    assertThat(r.satisfiedPercent()).contains(new BigDecimal(percent));
    assertThat(r.mean()).contains(new BigDecimal(mean));
  }

  @Test
  void noAnswersGiveNoFigures() {
    assertThat(NpsResult.empty().score()).isEmpty();
    assertThat(CsatResult.empty().mean()).isEmpty();
    assertThat(CsatResult.empty().satisfiedPercent()).isEmpty();
  }

  @Test
  void countsThatCannotComeFromAnswersAreRefused() {
    assertThatThrownBy(() -> new NpsResult(3, 1, 1, 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new NpsResult(-1, -1, 0, 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new CsatResult(2, 3, 10)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new CsatResult(2, 2, 7)).hasMessageContaining("scoreSum"); // two of 4+ are at least 8
    assertThatThrownBy(() -> new CsatResult(2, 0, 11)).hasMessageContaining("scoreSum");
  }
}
