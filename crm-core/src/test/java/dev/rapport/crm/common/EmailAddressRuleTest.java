package dev.rapport.crm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written e-mail check accepts exactly what the rule, written as a regular expression,
 * accepts: compared on seeded random addresses built from the characters that matter.
 */
class EmailAddressRuleTest {
  private static final Pattern RULE = Pattern.compile(
      "(?!\\.)(?!.*\\.\\.[^@]*@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}(?<!\\.)@"
          + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{0,58}[A-Za-z0-9])");
  private static final String[] TLDS = {".com", ".c0m", ".x", "", "-", ".de.", ".xn--p1ai", ".xn--", ".xn--a-"};

  private static void append(StringBuilder b, Random random, String alphabet, int n) {
    for (int j = 0; j < n; j++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
  }

  @Test
  void theCheckAgreesWithTheRuleOnRandomAddresses() {
    Random random = new Random(7_2026);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      append(b, random, "aZ9.-_+@", 1 + random.nextInt(6));
      if (random.nextInt(10) > 0) {
        b.append('@');
      }
      append(b, random, "ab9-.", 1 + random.nextInt(8));
      b.append(TLDS[random.nextInt(TLDS.length)]);
      String s = b.toString();
      boolean expected = RULE.matcher(s).matches();
      assertThat(EmailAddress.isValid(s)).as(s).isEqualTo(expected);
      accepted += expected ? 1 : 0;
    }
    assertThat(accepted).as("the generator must also make valid addresses").isGreaterThan(5_000);
  }

  @Test
  void anInternationalisedDomainIsCheckedInItsAsciiFormAndKeptAsGiven() {
    EmailAddress a = EmailAddress.of("Jorg@Bücher.de");
    assertThat(a.address()).isEqualTo("Jorg@Bücher.de");
    assertThat(a.domain()).isEqualTo("bücher.de");
    assertThat(EmailAddress.of("ana@пример.рф").domain()).isEqualTo("пример.рф");
    assertThat(EmailAddress.of("ana@xn--e1afmkfd.xn--p1ai").domain()).isEqualTo("xn--e1afmkfd.xn--p1ai");
    assertThat(EmailAddress.isValid("jörg@example.com")).isFalse(); // the local part stays ASCII
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmailAddress.of("ana@bü cher.de"))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class);
  }

  @Test
  void longLabelsAndLocalPartsAreBounded() {
    assertThat(EmailAddress.isValid("a".repeat(64) + "@example.com")).isTrue();
    assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
    assertThat(EmailAddress.isValid("a@" + "b".repeat(63) + ".com")).isTrue();
    assertThat(EmailAddress.isValid("a@" + "b".repeat(64) + ".com")).isFalse();
    assertThat(EmailAddress.isValid("a@example." + "c".repeat(63))).isTrue();
    assertThat(EmailAddress.isValid("a@example." + "c".repeat(64))).isFalse();
  }
}
