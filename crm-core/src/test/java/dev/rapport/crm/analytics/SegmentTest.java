package dev.rapport.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The segment grid cell by cell, and the quintile scores with ties. */
class SegmentTest {

  @Test
  void everyCellOfTheGridHasTheDocumentedSegment() {
    // rows R 5 to 1, columns FM 1 to 5, as in the Javadoc of Segment
    String[][] grid = {
        {"NEW", "POTENTIAL_LOYALISTS", "POTENTIAL_LOYALISTS", "CHAMPIONS", "CHAMPIONS"},
        {"NEW", "POTENTIAL_LOYALISTS", "POTENTIAL_LOYALISTS", "LOYAL", "LOYAL"},
        {"HIBERNATING", "POTENTIAL_LOYALISTS", "POTENTIAL_LOYALISTS", "LOYAL", "LOYAL"},
        {"HIBERNATING", "HIBERNATING", "AT_RISK", "AT_RISK", "CANT_LOSE"},
        {"LOST", "LOST", "AT_RISK", "AT_RISK", "CANT_LOSE"}};
    Map<Segment, Integer> cells = new EnumMap<>(Segment.class);
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          int fm = (int) Math.floor((f + m) / 2.0 + 0.5); // round half up
          Segment s = Segment.of(r, f, m);
          assertThat(s.name()).as("R%d F%d M%d", r, f, m).isEqualTo(grid[5 - r][fm - 1]);
          cells.merge(s, 1, Integer::sum);
        }
      }
    }
    assertThat(cells.keySet()).containsExactly(Segment.values());
    assertThat(Segment.of(5, 4, 3)).isEqualTo(Segment.CHAMPIONS); // FM 3.5 rounds up to 4
    assertThat(Segment.of(2, 1, 2)).isEqualTo(Segment.HIBERNATING); // FM 1.5 rounds up to 2
    assertThatThrownBy(() -> Segment.of(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Segment.of(1, 6, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScoreIsOnePlusTheFloorOfFiveTimesTheShareOfStrictlyWorseValues() {
    // n = 7: w = 0 -> 1, 1 -> 1 (5/7), 2 -> 2 (10/7), 3 -> 3 (15/7), 4 -> 3 (20/7), 5 -> 4 (25/7), 6 -> 5 (30/7)
    assertThat(Quintiles.scores(new long[] {10, 20, 30, 40, 50, 60, 70})).containsExactly(1, 1, 2, 3, 3, 4, 5);
    // ties share the score of their strictly worse count: the three 5s have w = 1
    assertThat(Quintiles.scores(new long[] {5, 1, 5, 9, 5})).containsExactly(2, 1, 2, 5, 2);
    assertThat(Quintiles.scores(new long[] {3, 3, 3})).containsExactly(1, 1, 1);
    assertThat(Quintiles.scores(new long[] {42})).containsExactly(1);
    assertThat(Quintiles.scores(new long[] {})).isEmpty();
    // amounts compare by value, not scale; negative amounts (credited beyond invoiced) are worst
    assertThat(Quintiles.scores(new BigDecimal[] {new BigDecimal("1.0"), new BigDecimal("1.00"), new BigDecimal("-3"),
        new BigDecimal("7")})).containsExactly(2, 2, 1, 4);
  }
}
