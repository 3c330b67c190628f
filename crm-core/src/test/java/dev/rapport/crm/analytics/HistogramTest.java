package dev.rapport.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistogramTest {

  /** Values as "value x count" pairs; the median and the 90th percentile worked out by hand. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "5x1; 5.0; 5.0",
      "1x1 2x1; 1.5; 2.0",            // even: mean of the middle two; p90 = 2nd of 2
      "1x1 2x1 6x1; 2.0; 6.0",        // p90 = ceil(2.7) = 3rd
      "0x9 100x1; 0.0; 0.0",          // p90 = ceil(9.0) = 9th: still 0
      "0x8 100x2; 0.0; 100.0",        // p90 = 9th of 10
      "3x2 1x2; 2.0; 3.0",            // insertion order does not matter: 1 1 3 3
      "7x1000000 8x1000000; 7.5; 8.0"})
  void medianAndNinetiethPercentile(String values, double median, double p90) {
    Histogram h = new Histogram();
    for (String pair : values.split(" ")) {
      String[] vc = pair.split("x");
      h.add(Long.parseLong(vc[0]), Long.parseLong(vc[1]));
    }
    assertThat(h.median()).contains(median);
    assertThat(h.percentile(90)).contains(p90);
  }

  @ParameterizedTest
  @CsvSource({"0", "-1"})
  void anEmptyHistogramHasNoMedian(long ignoredCount) {
    Histogram h = new Histogram();
    h.add(3, ignoredCount);
    assertThat(h.median()).isEmpty();
    assertThat(h.percentile(90)).isEmpty();
    assertThat(h.total()).isZero();
  }
}
