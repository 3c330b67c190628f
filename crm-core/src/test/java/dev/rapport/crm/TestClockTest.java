package dev.rapport.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestClockTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  @Test
  void standsStillUntilMovedForwardBackOrSet() {
    TestClock clock = TestClock.at(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.advance(Duration.ofDays(2))).isEqualTo(T0.plus(Duration.ofDays(2)));
    assertThat(clock.advance(Duration.ofHours(-1))).isEqualTo(T0.plus(Duration.ofDays(2)).minus(Duration.ofHours(1)));
    clock.set(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void isInUtcAndAZoneViewFollowsTheSameInstant() {
    TestClock clock = TestClock.at(T0);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
    clock.advance(Duration.ofHours(1));
    assertThat(berlin.instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
  }

  @Test
  void refusesNullsAndInstantsOutOfRange() {
    assertThatThrownBy(() -> TestClock.at(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("start");
    TestClock clock = TestClock.at(Instant.MAX.minusSeconds(1));
    assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).isInstanceOf(java.time.DateTimeException.class);
    assertThat(clock.instant()).isEqualTo(Instant.MAX.minusSeconds(1));
  }

  @Test
  void everyThreadSeesEveryAdvance() throws Exception {
    TestClock clock = TestClock.at(T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int t = 0; t < 4; t++) {
        pool.submit(() -> {
          go.await();
          for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofSeconds(1));
          }
          return null;
        });
      }
      go.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(4000));
  }
}
