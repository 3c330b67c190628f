package dev.rapport.crm.tck;

import dev.rapport.crm.common.Limits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Generated values for the {@link ValueStormContract}: mostly the edge classes where databases
 * and the core have disagreed (NUL, unpaired surrogates, characters outside the BMP, text that
 * normalisation lengthens, text that JSON escapes, limits met exactly and passed by one, huge and
 * scientific amounts, dates and instants at and beyond the supported range), and ordinary values
 * in between. Deterministic for a given {@link Random}.
 */
final class StormValues {
  private final Random random;

  StormValues(Random random) {
    this.random = random;
  }

  private static final String[] SUPPLEMENTARY = {"\uD83D\uDE00", "\uD83D\uDC4D", "\uD835\uDD38", "\uD840\uDC0B", "\uDBFF\uDFFF"};
  private static final String[] EXPANDING = {"\uFB03", "\uFDFA", "\u3392", "\u2474"};
  private static final String[] PIECES = {"a", "Z", "7", " ", "é", "ß", "Ω", "中", "ע", "\u200D", "e\u0301",
      "\"", "\\", "'", "<", "&", "%", "_", "\u0001", "\u001F", "\u007F", "\u0085", "\u2028", "\uFEFF",
      "\uFFFE", "\uFFFF", "\uD83D\uDE00", "\t", "\n", "{", "}", "[", "]", ","};

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Text for a field whose limit is {@code max} code points: valid more often than not. */
  String text(int max) {
    return switch (random.nextInt(22)) {
      case 0 -> null;
      case 1 -> pick(List.of("", " ", " \t\n ", "\u3000"));
      case 2 -> "x".repeat(max);
      case 3 -> "x".repeat(max + 1 + random.nextInt(3));
      case 4 -> SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)].repeat(max);
      case 5 -> SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)].repeat(max + 1);
      case 6 -> insert(word(), "\u0000");
      case 7 -> insert(word(), "\uD800");
      case 8 -> insert(word(), "\uDC00");
      case 9 -> insert(word(), "\uDBFF") + "\uD83D"; // a high surrogate at the end
      case 10 -> EXPANDING[random.nextInt(EXPANDING.length)].repeat(Math.max(1, max - random.nextInt(2)));
      case 11 -> "\"quoted\" \\back\\slash\\ \u0001\u007F\u0085 tab\tnew\nline";
      case 12 -> "  " + word() + "  ";
      case 13 -> "\uFFFF\uFFFE \uDBFF\uDFFF e\u0301 \u200F\u202E";
      case 14 -> "x".repeat(max * 3);
      default -> mixture(1 + random.nextInt(Math.min(max + 3, 40)));
    };
  }

  /** Text that is never null or blank-only, for required fields that must often pass. */
  String word() {
    return mixture(1 + random.nextInt(12)).strip() + "w";
  }

  private String mixture(int codePoints) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  private String insert(String text, String piece) {
    int at = random.nextInt(text.length() + 1);
    if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
      at++; // keep the generated pairs whole: only the inserted piece is broken
    }
    return text.substring(0, at) + piece + text.substring(at);
  }

  /** An amount as text: ordinary, at and beyond the limit, in exponent form, absurd. */
  String amount() {
    return switch (random.nextInt(16)) {
      case 0 -> null;
      case 1 -> "999999999999999.99";
      case 2 -> "1000000000000000";
      case 3 -> "1e100000000";
      case 4 -> "1e999999999";
      case 5 -> "1e-999999999";
      case 6 -> "0e-999999999";
      case 7 -> "9".repeat(100_000);
      case 8 -> "-" + (1 + random.nextInt(1000));
      case 9 -> pick(List.of("NaN", "", "1,5", "0x10", " 12.50 ", "1.005", "12.3456", "1E+3", "\u0000"));
      case 10 -> "0." + "0".repeat(random.nextInt(2000)) + "1";
      case 11 -> "1." + "0".repeat(random.nextInt(2000));
      case 12 -> "-0.00";
      default -> random.nextInt(1_000_000) + "." + String.format("%02d", random.nextInt(100));
    };
  }

  /** A currency code: two decimals, none, three, four, no currency at all, lower case, bogus. */
  String currency() {
    return pick(List.of("EUR", "EUR", "EUR", "USD", "JPY", "KWD", "CLF", "XXX", "eur", " GBP ", "EURO", "ZZZ",
        "\u0000UR"));
  }

  /** A date: ordinary, at the range's edges, beyond it, and the ones databases mangled. */
  LocalDate date() {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> Limits.EARLIEST_DATE;
      case 2 -> Limits.LATEST_DATE;
      case 3 -> Limits.EARLIEST_DATE.minusDays(1);
      case 4 -> pick(List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(-5000, 1, 1), LocalDate.of(0, 1, 1),
          LocalDate.of(-1, 6, 15), LocalDate.of(1582, 10, 10), LocalDate.of(10_000, 1, 1)));
      default -> LocalDate.ofEpochDay(Limits.EARLIEST_DATE.toEpochDay()
          + random.nextInt((int) (Limits.LATEST_DATE.toEpochDay() - Limits.EARLIEST_DATE.toEpochDay() + 1)));
    };
  }

  /** An instant: with nanoseconds, at the range's edges, beyond it. */
  Instant instant(Instant near) {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> Limits.EARLIEST_INSTANT;
      case 2 -> Limits.LATEST_INSTANT;
      case 3 -> Limits.LATEST_INSTANT.plusNanos(1 + random.nextInt(999));
      case 4 -> pick(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Limits.EARLIEST_INSTANT.minusNanos(1),
          Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("1582-10-10T12:00:00Z")));
      // UTC times that do not exist as local times in Europe or North America (clocks moved on):
      // a store that converts through the JVM's zone would shift them
      case 6 -> pick(List.of(Instant.parse("2024-03-31T02:30:00Z"), Instant.parse("2024-03-10T02:30:00.000001Z"),
          Instant.parse("2024-10-27T02:30:00Z"), Instant.parse("2024-11-03T01:30:00Z")));
      case 5 -> near.plusNanos(random.nextInt(1_000_000_000));
      default -> near.minus(random.nextInt(400 * 24), ChronoUnit.HOURS).plusNanos(random.nextInt(1000) * 1000L);
    };
  }

  /** An e-mail address as text: valid, upper case, at and beyond 254, with bad characters. */
  String email() {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
      case 2 -> "a".repeat(65) + "@x.example";
      case 3 -> insert("ann@x.example", "\u0000");
      case 4 -> "änn@x.example";
      case 5 -> " Ann.Lee+" + random.nextInt(50) + "@Example.COM ";
      case 6 -> pick(List.of("not-an-email", "@x.example", "a@b", "a@@b.example", "a..b@x.example", ""));
      default -> "p" + random.nextInt(40) + "@" + pick(List.of("acme.example", "gmail.com", "sales.acme.co.uk")) ;
    };
  }

  /** A phone number as text: valid numbers, too short, too long, with bad characters. */
  String phone() {
    return switch (random.nextInt(10)) {
      case 0 -> null;
      case 1 -> "12";
      case 2 -> "+44 20 7946 0" + "1".repeat(100);
      case 3 -> insert("+44 20 7946 0958", "\u0000");
      case 4 -> "+44 20 7946 0958 " + "x".repeat(60);
      default -> "+44 20 7946 0" + String.format("%03d", random.nextInt(1000));
    };
  }

  /** A code of an open vocabulary: valid, too long, with capitals or other characters. */
  String code() {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> "c".repeat(Limits.CODE);
      case 2 -> "c".repeat(Limits.CODE + 1);
      case 3 -> pick(List.of("Price", "a b", "\u0000", "é", ""));
      default -> pick(List.of("price", "timing", "competitor", "trade_show", "podcast_2"));
    };
  }

  /** An int around a 0 to 100 range. */
  int percent() {
    return switch (random.nextInt(6)) {
      case 0 -> -1 - random.nextInt(Integer.MAX_VALUE);
      case 1 -> 101 + random.nextInt(Integer.MAX_VALUE - 101);
      case 2 -> pick(List.of(0, 100, -1, 101));
      default -> random.nextInt(101);
    };
  }

  /** A page cursor made from a real id: canonical, padded, upper case, broken, or null. */
  String cursor(String id) {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> " " + id + " ";
      case 2 -> id.toUpperCase(java.util.Locale.ROOT);
      case 3 -> "{" + id + "}";
      case 4 -> id.substring(1);
      case 5 -> id + "\u0000";
      default -> id;
    };
  }
}
