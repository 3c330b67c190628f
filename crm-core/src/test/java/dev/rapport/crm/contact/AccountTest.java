package dev.rapport.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

  @ParameterizedTest
  @CsvSource({"'ACME, Inc.', acme inc", "'  Acme   Inc ', acme inc", "Société Générale, societe generale",
      "O'Brien & Sons, o brien sons"})
  void accountNamesMatchIgnoringCaseAccentsAndPunctuation(String name, String key) {
    assertThat(Account.nameKey(name)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"Acme.COM, acme.com", "https://www.acme.com/about, acme.com",
      "sub.acme.co.uk, acme.co.uk", "sales.eu.acme.com, acme.com", "acme.github.io, acme.github.io",
      "Bücher.de, xn--bcher-kva.de", "xn--bcher-kva.de, xn--bcher-kva.de", "пример.рф, xn--e1afmkfd.xn--p1ai",
      "intranet.corp, intranet.corp", "https://acme.com?ref=x, acme.com"})
  void domainsAreNormalisedToTheRegistrableDomainInAscii(String input, String domain) {
    assertThat(NewAccount.builder("Acme").domain(input).build().domain).contains(domain);
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme", "acme..com", "-acme.com", "acme.c", "a b.com", "bü cher.de", "acme.1com"})
  void malformedDomainsAreRefused(String bad) {
    assertThatThrownBy(() -> NewAccount.builder("Acme").domain(bad))
        .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
        .isEqualTo("domain");
  }
}
