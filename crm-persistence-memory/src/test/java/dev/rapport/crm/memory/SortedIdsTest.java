package dev.rapport.crm.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tables' sorted id sets agree with a {@link TreeSet} under seeded random adds and removes:
 * in order, appends, inserts that split chunks, removals that empty them, and every walk a page
 * takes (ascending after a cursor, descending before one).
 */
class SortedIdsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void agreesWithATreeSet(long seed) {
    Random random = new Random(seed);
    SortedIds<Integer> ids = new SortedIds<>();
    NavigableSet<Integer> expected = new TreeSet<>();
    int next = 0;
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(10);
      if (op < 5) { // appends, as time-ordered ids come
        next += 1 + random.nextInt(3);
        assertThat(ids.add(next)).isEqualTo(expected.add(next));
      } else if (op < 8) { // an id anywhere, maybe one already there
        int id = random.nextInt(next + 2);
        assertThat(ids.add(id)).isEqualTo(expected.add(id));
      } else {
        int id = random.nextInt(next + 2);
        assertThat(ids.remove(id)).isEqualTo(expected.remove(id));
      }
      if (step % 997 == 0) {
        assertSame(ids, expected, random, next);
      }
    }
    assertSame(ids, expected, random, next);
    for (Integer id : new ArrayList<>(expected)) { // empty it, chunk by chunk
      assertThat(ids.remove(id)).isTrue();
    }
    assertThat(ids.isEmpty()).isTrue();
    assertThat(ids.iterator().hasNext()).isFalse();
    assertThat(ids.descendingBefore(null).hasNext()).isFalse();
    assertThat(ids.add(7)).isTrue();
    assertThat(list(ids.iterator())).containsExactly(7);
  }

  private static void assertSame(SortedIds<Integer> ids, NavigableSet<Integer> expected, Random random, int next) {
    assertThat(ids.size()).isEqualTo(expected.size());
    assertThat(list(ids.iterator())).containsExactlyElementsOf(expected);
    assertThat(list(ids.descendingBefore(null))).containsExactlyElementsOf(expected.descendingSet());
    for (int i = 0; i < 20; i++) {
      int cursor = random.nextInt(next + 3) - 1;
      assertThat(ids.contains(cursor)).isEqualTo(expected.contains(cursor));
      assertThat(list(ids.ascendingAfter(cursor))).containsExactlyElementsOf(expected.tailSet(cursor, false));
      assertThat(list(ids.descendingBefore(cursor)))
          .containsExactlyElementsOf(expected.headSet(cursor, false).descendingSet());
    }
  }

  private static List<Integer> list(Iterator<Integer> it) {
    List<Integer> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** A finger answers ascending look-ups as {@code contains} does, across chunks and gaps of every size. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aFingerAnswersAscendingLookUpsAsContainsDoes(long seed) {
    Random random = new Random(seed);
    SortedIds<Integer> ids = new SortedIds<>();
    TreeSet<Integer> model = new TreeSet<>();
    int span = 1 + random.nextInt(20_000);
    for (int i = random.nextInt(3_000); i > 0; i--) {
      int id = random.nextInt(span);
      ids.add(id);
      model.add(id);
    }
    SortedIds<Integer>.Finger finger = ids.finger();
    int at = -1;
    while (at < span + 5) {
      at += 1 + (random.nextBoolean() ? random.nextInt(3) : random.nextInt(600));
      assertThat(finger.holds(at)).as("holds %d", at).isEqualTo(model.contains(at));
    }
  }
}
