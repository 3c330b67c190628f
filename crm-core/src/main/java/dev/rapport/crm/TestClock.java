package dev.rapport.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests that stands still until told to move: {@link #advance(Duration)} and
 * {@link #set(Instant)}. Hand it to {@code Crm.Builder.clock} (or {@code MemoryPersistence.crm})
 * to age leads, whose temperature cools as their signals grow old. Its zone is UTC.
 * Thread-safe: every reader sees the latest time set.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at {@code start}.
   *
   * @throws NullPointerException if {@code start} is null
   */
  public static TestClock at(Instant start) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward (or back, for a negative duration).
   *
   * @return the new time
   * @throws NullPointerException if {@code duration} is null
   * @throws java.time.DateTimeException if the result is out of the range of {@link Instant}
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return now.updateAndGet(t -> t.plus(duration));
  }

  /**
   * Sets the clock to {@code instant}.
   *
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * A view of this clock in another zone: it shows the same, still movable, instant.
   *
   * @throws NullPointerException if {@code newZone} is null
   */
  @Override
  public Clock withZone(ZoneId newZone) {
    Objects.requireNonNull(newZone, "zone");
    return newZone.equals(zone) ? this : new TestClock(now, newZone);
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + "]";
  }
}
