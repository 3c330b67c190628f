package dev.rapport.crm.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vocabulary codes and tenant ids are checked by hand (they are checked on every row an adapter
 * reads); they accept exactly what the regular expressions they replaced accepted, on seeded
 * generated strings over an alphabet of the allowed characters and their neighbours.
 */
class CodeRuleTest {
  private static final String ALPHABET = "az09_AZ.-/`{@[: \u00e9\u0000\u212a";

  private static String generated(Random random, int maxLength) {
    int n = random.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  @Test
  void aCodeIsOneToFiftyLowerCaseLettersDigitsAndUnderscoresAsTheRegexSaid() {
    Random random = new Random(20261206);
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      String s = i % 3 == 0 ? "a".repeat(random.nextInt(60)) : generated(random, i % 2 == 0 ? 6 : 55);
      boolean expected = s.matches("[a-z0-9_]{1,50}");
      assertThat(Check.isCode(s)).as("'%s'", s).isEqualTo(expected);
      accepted += expected ? 1 : 0;
    }
    assertThat(accepted).as("the generator makes valid codes too").isGreaterThan(5_000);
  }

  @Test
  void aTenantIdIsOneToSixtyFourLettersDigitsDotsUnderscoresAndDashesAsTheRegexSaid() {
    Random random = new Random(61202026);
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      String s = i % 3 == 0 ? "T".repeat(random.nextInt(70)) : generated(random, i % 2 == 0 ? 6 : 70);
      boolean expected = s.matches("[A-Za-z0-9._-]{1,64}");
      boolean actual;
      try {
        TenantId.of(s);
        actual = true;
      } catch (ValidationException e) {
        assertThat(e.field()).isEqualTo("tenantId");
        actual = false;
      }
      assertThat(actual).as("'%s'", s).isEqualTo(expected);
      accepted += expected ? 1 : 0;
    }
    assertThat(accepted).isGreaterThan(5_000);
  }
}
