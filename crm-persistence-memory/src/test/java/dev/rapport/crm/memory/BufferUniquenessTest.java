package dev.rapport.crm.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.common.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

/**
 * The unique keys of one unit of work's writes: a key may be held by one record only, among the
 * unit's writes (in their latest state) and the committed records the unit has not rewritten; and
 * checking a write costs a bounded number of key reads, not one per record the unit already wrote.
 */
class BufferUniquenessTest {
  private static final TenantId TENANT = TenantId.of("t1");

  /** A record with an id and the unique references it holds (none, one or several). */
  record Row(String id, TenantId tenant, long version, List<String> refs) {
    Row withVersion(long v) {
      return new Row(id, tenant, v, refs);
    }

    Row withRefs(String... r) {
      return new Row(id, tenant, version, List.of(r));
    }
  }

  /** How many times the store read a row's unique keys. */
  private final AtomicLong keyReads = new AtomicLong();
  private final Kind<String, Row> kind = new Kind<>("row", Row::id, Row::version, Row::withVersion, Row::tenant,
      s -> s, List.of(new Kind.IndexDef<>("ref", r -> {
        keyReads.incrementAndGet();
        return r.refs();
      })), Optional.of(new Kind.Unique("ref", "reference")));
  private final Table<String, Row> table = new Table<>(kind);
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private Buffer<String, Row> unit() {
    return new Buffer<>(table, TENANT, lock.readLock());
  }

  private static Row row(String id, String... refs) {
    return new Row(id, TENANT, 0, List.of(refs));
  }

  private void commit(Buffer<String, Row> unit) {
    unit.validate();
    unit.apply();
  }

  @Test
  void aKeyWrittenTwiceInOneUnitIsRefusedOnTheSecondWrite() {
    Buffer<String, Row> unit = unit();
    unit.insert(row("a", "INV-1"));
    assertThatThrownBy(() -> unit.insert(row("b", "INV-2", "INV-1")))
        .isInstanceOf(DuplicateException.class).hasMessageContaining("INV-1");
    assertThat(unit.find("b")).isEmpty();
    Row a = unit.find("a").orElseThrow();
    assertThatCode(() -> unit.update(a.withRefs("INV-1", "INV-1b"))).doesNotThrowAnyException();
  }

  @Test
  void aKeyTheUnitsOwnUpdateGaveUpIsFreeAndTheKeyItTookIsNot() {
    Buffer<String, Row> unit = unit();
    Row a = unit.insert(row("a", "INV-1"));
    a = unit.update(a.withRefs("INV-2"));
    assertThatCode(() -> unit.insert(row("b", "INV-1"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> unit.insert(row("c", "INV-2"))).isInstanceOf(DuplicateException.class);
    Row again = unit.update(a.withRefs("INV-3"));
    assertThatCode(() -> unit.insert(row("c", "INV-2"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> unit.update(again.withRefs("INV-1"))).isInstanceOf(DuplicateException.class);
    commit(unit);
    assertThat(table.ids("ref", "INV-1")).containsExactly("b");
    assertThat(table.ids("ref", "INV-2")).containsExactly("c");
    assertThat(table.ids("ref", "INV-3")).containsExactly("a");
  }

  @Test
  void aCommittedKeyIsRefusedUnlessTheUnitRewroteItsHolderWithoutIt() {
    Buffer<String, Row> first = unit();
    first.insert(row("x", "INV-1"));
    first.insert(row("y", "INV-2"));
    commit(first);

    Buffer<String, Row> unit = unit();
    assertThatThrownBy(() -> unit.insert(row("a", "INV-1"))).isInstanceOf(DuplicateException.class);
    Row x = unit.find("x").orElseThrow();
    assertThatCode(() -> unit.update(x)).doesNotThrowAnyException(); // its own key
    Row y = unit.find("y").orElseThrow();
    unit.update(y.withRefs("INV-9")); // gives INV-2 up within the unit
    assertThatCode(() -> unit.insert(row("b", "INV-2"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> unit.insert(row("c", "INV-9"))).isInstanceOf(DuplicateException.class);
    assertThatThrownBy(() -> unit.insert(row("d", "INV-1"))).isInstanceOf(DuplicateException.class);
    commit(unit);
    assertThat(table.ids("ref", "INV-2")).containsExactly("b");
    assertThat(table.ids("ref", "INV-9")).containsExactly("y");
  }

  @Test
  void checkingAWriteReadsAFewKeysNotOnePerRecordTheUnitHolds() {
    Buffer<String, Row> unit = unit();
    int n = 5_000;
    for (int i = 0; i < n; i++) {
      unit.insert(row("r" + i, "INV-" + i));
    }
    // per insert: the new row's keys checked, then filed; a scan of the unit's writes per insert
    // would read n (n - 1) / 2 = 12,497,500 rows' keys
    assertThat(keyReads.get()).isLessThanOrEqualTo(3L * n);
    keyReads.set(0);
    assertThatThrownBy(() -> unit.insert(row("late", "INV-" + (n - 1)))).isInstanceOf(DuplicateException.class);
    assertThat(keyReads.get()).isLessThanOrEqualTo(1);
  }
}
