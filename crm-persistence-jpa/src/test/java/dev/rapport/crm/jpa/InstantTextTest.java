package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read instants of the JSON columns read back what {@code Instant.parse} reads. */
class InstantTextTest {
  @Test
  void everyInstantToStringWritesReadsBackAsInstantParseReadsIt() {
    Random random = new Random(20261206);
    long min = Instant.parse("-5000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+12000-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      long seconds = i % 4 == 0 ? min + (long) (random.nextDouble() * (max - min))
          : Instant.parse("1900-01-01T00:00:00Z").getEpochSecond() + random.nextInt(Integer.MAX_VALUE) * 2L;
      int nanos = switch (i % 5) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      String text = Instant.ofEpochSecond(seconds, nanos).toString();
      assertThat(Results.instant(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void fractionsOfAnyLengthOddTimesAndBadTextReadOrFailAsInstantParseDoes() {
    for (String text : new String[] {"2026-01-05T09:00:00.1Z", "2026-01-05T09:00:00.12Z", "2026-01-05T09:00:00.1234Z",
        "2026-01-05T09:00:00.12345678Z", "2026-01-05T09:00:00.123456789Z", "2024-02-29T23:59:59Z",
        "2026-13-05T09:00:00Z", "2026-02-30T09:00:00Z", "2025-02-29T09:00:00Z", "2026-01-05T24:00:00Z",
        "2026-01-05T23:59:60Z", "2026-01-05T09:61:00Z", "2026-01-05T09:00:00.Z", "2026-01-05T09:00:00.1234567890Z",
        "2026-01-05 09:00:00Z", "2026-01-05T09:00:00+01:00", "20x6-01-05T09:00:00Z", "2026-1-05T09:00:00Z"}) {
      Object expected;
      try {
        expected = Instant.parse(text);
      } catch (DateTimeException e) {
        expected = DateTimeException.class;
      }
      if (expected instanceof Instant i) {
        assertThat(Results.instant(text)).as(text).isEqualTo(i);
      } else {
        assertThatThrownBy(() -> Results.instant(text)).as(text).isInstanceOf(DateTimeException.class);
      }
    }
  }
}
