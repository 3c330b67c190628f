package dev.rapport.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The blocking keys as the Javadoc of {@link MatchKeys} promises them: what shares a key. */
class MatchKeysTest {

  private static MatchKeys person(String given, String family, String email, String phone) {
    return MatchKeys.of(PersonName.of(given, family), Optional.ofNullable(email).map(EmailAddress::of),
        Optional.ofNullable(phone).map(PhoneNumber::of));
  }

  @Test
  void aNicknameAndASpellingThatSoundsTheSameShareTheNameKey() {
    assertThat(person("Bob", "Smyth", null, null).name()).isEqualTo(person("Robert", "Smith", null, null).name())
        .isEqualTo("SM0|r");
  }

  @Test
  void swappedNamesFindEachOtherThroughTheSwappedKey() {
    MatchKeys john = person("John", "Smith", null, null);
    MatchKeys swapped = person("Smith", "John", null, null);
    assertThat(john.nameLookups()).contains(swapped.name());
    assertThat(swapped.nameLookups()).contains(john.name());
  }

  @Test
  void theAddressIsAsDeliveredAndTheNumberInE164() {
    MatchKeys k = person("Jane", "Doe", "J.Doe+news@GoogleMail.com", "+49 30 1234567");
    assertThat(k.email()).hasValue("jdoe@gmail.com");
    assertThat(k.phone()).hasValue("+49301234567");
    assertThat(person("Jane", "Doe", null, null).email()).isEmpty();
    assertThat(MatchKeys.of(PersonName.of("Jane", "Doe"), List.of(EmailAddress.of("first@example.org"),
        EmailAddress.of("second@example.org")), List.of()).email()).hasValue("first@example.org");
  }

  @Test
  void namesInOtherScriptsAreKeptAsAsciiHexAndCyrillicIsTransliterated() {
    assertThat(person("Сергей", "Иванов", null, null).name()).isEqualTo(person("Sergei", "Ivanov", null, null).name());
    String key = person("小明", "王", null, null).name();
    assertThat(key).matches("\\p{ASCII}+").contains("~738b").isNotEqualTo(person("小红", "李", null, null).name());
  }

  @Test
  void aCompanyKeyDropsCaseAccentsPunctuationAndTheLegalForm() {
    assertThat(MatchKeys.companyKey("ACME Inc.")).isEqualTo("acme")
        .isEqualTo(MatchKeys.companyKey("Acme GmbH & Co. KG"))
        .isEqualTo(MatchKeys.companyKey("A.C.M.E. Holding"));
    assertThat(MatchKeys.companyKey("Müller Logistik AG")).isEqualTo("muller logistik");
    assertThat(MatchKeys.companyKey("!!!")).isEmpty();
  }

  @Test
  void keysAreCutToTheColumnWidthAndNullsAreRefused() {
    MatchKeys k = new MatchKeys(Optional.of("x".repeat(400)), Optional.empty(), "n", "n");
    assertThat(k.email()).hasValueSatisfying(e -> assertThat(e).hasSize(MatchKeys.MAX_LENGTH));
    assertThat(k.nameLookups()).containsExactly("n");
    assertThatThrownBy(() -> MatchKeys.companyKey(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new MatchKeys(null, Optional.empty(), "n", "n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("email");
  }
}
