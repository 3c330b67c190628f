package dev.rapport.crm.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Makes version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds from the injected clock, then a
 * 12-bit counter that keeps ids of the same millisecond in order, then 62 random bits. Ids made by
 * one generator are strictly increasing even when the clock stands still or steps back.
 * One generator per {@code Crm}: no global state. Thread-safe. Internal: may change without notice.
 */
public final class IdGenerator {
  private final Clock clock;
  private final Random random;
  private long lastMillis = -1;
  private int counter;

  /** A generator reading time from {@code clock}, with random bits from a {@link SecureRandom}. */
  public IdGenerator(Clock clock) {
    this(clock, new SecureRandom());
  }

  /** A generator with a given source of random bits (seed it for repeatable ids in tests). */
  public IdGenerator(Clock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  /** The next id. */
  public synchronized UUID next() {
    // a clock before 1970 (Limits allows 1900) stamps ids at the epoch: they stay in order
    long millis = Math.max(0, clock.millis());
    if (millis > lastMillis) {
      lastMillis = millis;
      counter = random.nextInt(1 << 10); // leave headroom in the 12-bit counter
    } else if (++counter >= (1 << 12)) {
      lastMillis++; // counter exhausted: borrow the next millisecond, as RFC 9562 allows
      counter = 0;
    }
    long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
    long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
