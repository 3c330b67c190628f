package dev.rapport.crm.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Fold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matcher's rules: what makes two profiles one person, and what must not. */
class DuplicateMatcherTest {
  private final DuplicateMatcher matcher = DuplicateMatcher.standard();

  private static MatchProfile p(String given, String family) {
    return MatchProfile.person(given, family);
  }

  private static Agreement agreementOf(Comparison c, String field) {
    return c.evidence().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().agreement();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "José Martínez, jose martinez",
      "O'Brien, obrien",
      "Jean-Luc  Picard, jean luc picard",
      "Straße, strasse",
      "Søren Kierkegaard, soren kierkegaard",
      "Иванов, ivanov",
      "Σωκράτης, sokratis",
      "王 小明, 王 小明",
      "محمد, محمد",
      "'  ', ''"})
  void namesAreFoldedToLowerCaseAsciiWords(String raw, String folded) {
    assertThat(Fold.name(raw)).isEqualTo(folded == null ? "" : folded);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "J.Doe+news@GoogleMail.com, jdoe@gmail.com",
      "j.doe@gmail.com, jdoe@gmail.com",
      "Jane.Doe+crm@Example.org, jane.doe@example.org",
      "jane@example.org, jane@example.org"})
  void anAddressIsWhatItsProviderDeliversTo(String raw, String folded) {
    assertThat(Fold.email(raw)).isEqualTo(folded);
  }

  @Test
  void nicknamesAndLegalFormsFold() {
    assertThat(Fold.givenName("Bob")).isEqualTo("robert");
    assertThat(Fold.givenName("Bill Henry")).isEqualTo("william henry");
    assertThat(Fold.givenName("Zoë")).isEqualTo("zoe");
    assertThat(Fold.company("ACME Inc.")).isEqualTo("acme");
    assertThat(Fold.company("Müller GmbH & Co. KG")).isEqualTo("muller");
    assertThat(Fold.company("Group")).isEqualTo("group");
  }

  @Test
  void aNicknameAtTheSameCompanyIsTheSamePerson() {
    Comparison c = matcher.compare(p("Bob", "Smith").withCompany("Acme Ltd"),
        p("Robert", "Smith").withCompany("ACME"));

    assertThat(c.likelyDuplicate()).isTrue();
    assertThat(agreementOf(c, "givenName")).isEqualTo(Agreement.EQUIVALENT);
    assertThat(c.matchedFields()).containsExactly("familyName", "givenName", "company");
  }

  @Test
  void swappedNamesWithTheSameAddressAreTheSamePerson() {
    Comparison c = matcher.compare(p("Smith", "John").withEmail("john.smith@example.org"),
        p("John", "Smith").withEmail("John.Smith@example.org"));

    assertThat(c.likelyDuplicate()).isTrue();
    assertThat(agreementOf(c, "name")).isEqualTo(Agreement.SWAPPED);
  }

  @Test
  void accentsScriptsAndProviderIgnoredPartsDoNotHideAPerson() {
    assertThat(matcher.compare(p("José", "Martínez").withEmail("j.martinez+shop@gmail.com"),
        p("Jose", "Martinez").withEmail("jmartinez@googlemail.com")).likelyDuplicate()).isTrue();
    Comparison cyrillic = matcher.compare(p("Сергей", "Иванов").withPhone("+74951234567"),
        p("Sergei", "Ivanov").withPhone("+74951234567"));
    assertThat(agreementOf(cyrillic, "familyName")).isEqualTo(Agreement.SAME);
    assertThat(cyrillic.likelyDuplicate()).isTrue();
  }

  @Test
  void aTypoAtTheSameCompanyIsTheSamePerson() {
    assertThat(matcher.compare(p("Jonathan", "Smith").withCompany("Acme"),
        p("Jonathon", "Smith").withCompany("Acme")).likelyDuplicate()).isTrue();
    assertThat(matcher.compare(p("Anna", "Li").withEmail("anna.li@acme.example"),
        p("Ahna", "Li").withEmail("anna.li@acme.example")).likelyDuplicate()).isTrue();
  }

  @Test
  void colleaguesSharingTheOfficeNumberAndDomainAreNotOnePerson() {
    MatchProfile anna = p("Anna", "Smith").withEmail("anna.smith@acme.example").withPhone("+4930100100")
        .withCompany("Acme");
    assertThat(matcher.compare(anna, p("Peter", "Jones").withEmail("peter.jones@acme.example")
        .withPhone("+4930100100").withCompany("Acme")).likelyDuplicate()).isFalse();
    // relatives, or a common family name, in one office
    assertThat(matcher.compare(anna, p("Peter", "Smith").withEmail("peter.smith@acme.example")
        .withPhone("+4930100100").withCompany("Acme")).likelyDuplicate()).isFalse();
  }

  @Test
  void aHouseholdSharingAnAddressIsNotOnePerson() {
    Comparison c = matcher.compare(p("Jessica", "Müller").withEmail("muller17@yahoo.com").withPhone("+33123456789"),
        p("Lukas", "Müller").withEmail("muller17@yahoo.com").withPhone("+33123456789"));

    assertThat(c.likelyDuplicate()).isFalse();
  }

  @Test
  void namesakesAtCompaniesWithOtherDomainsAreNotOnePerson() {
    assertThat(matcher.compare(p("Julia", "Lewis").withEmail("jlewis@monarch-one.example").withCompany("Monarch"),
        p("Julia", "Lewis").withEmail("jlewis@monarch-two.example").withCompany("Monarch")).likelyDuplicate())
        .isFalse();
  }

  @Test
  void theScoreIsNineTenthsAtTheThreshold() {
    Comparison c = new Comparison(12, 12, List.of());
    assertThat(c.score()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(new Comparison(13, 12, List.of()).score()).isGreaterThan(0.9);
    assertThat(c.likelyDuplicate()).isTrue();
  }

  @Test
  void aHigherThresholdMergesFewer() {
    MatchProfile a = p("Bob", "Smith").withCompany("Acme");
    MatchProfile b = p("Robert", "Smith").withCompany("Acme");
    assertThat(matcher.likelyDuplicates(a, b)).isTrue();
    assertThat(matcher.withThreshold(40).likelyDuplicates(a, b)).isFalse();
    assertThatThrownBy(() -> matcher.withThreshold(Double.NaN)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("threshold");
  }

  @Test
  void trainingOnTheHostsDataWeighsACommonNameLess() {
    List<MatchProfile> sample = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sample.add(p("Given" + i, i % 2 == 0 ? "Smith" : "Rare" + i));
    }
    DuplicateMatcher trained = matcher.trainedOn(sample);
    double smith = trained.compare(p("X", "Smith"), p("Y", "Smith")).evidence().stream()
        .filter(e -> e.field().equals("familyName")).findFirst().orElseThrow().weight();
    double rare = trained.compare(p("X", "Rare1"), p("Y", "Rare1")).evidence().stream()
        .filter(e -> e.field().equals("familyName")).findFirst().orElseThrow().weight();

    assertThat(smith).isLessThan(rare);
    assertThat(smith).isCloseTo(Math.log(0.88 / 0.5) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(rare).isCloseTo(Math.log(0.88 / 0.005) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9)); // 1 of 200
  }

  @Test
  void pairsAreFoundThroughBlockingAndGroupedInClusters() {
    List<MatchProfile> profiles = List.of(
        p("Margaret", "Thatcher").withEmail("mt@example.org"),
        p("Anna", "Jones"),
        p("Thatcher", "Margaret").withEmail("MT@example.org"), // swapped: found through the swapped name key
        p("Maggie", "Thatcher").withPhone("+442071234567").withEmail("maggie@example.org"),
        p("Maggie", "Thatcher").withPhone("+442071234567"));
    List<Integer> progress = new ArrayList<>();

    List<DuplicateMatcher.Pair> pairs = matcher.pairs(profiles, 10, progress::add);

    assertThat(pairs).extracting(x -> List.of(x.first(), x.second()))
        .contains(List.of(0, 2), List.of(3, 4));
    assertThat(matcher.clusters(profiles, 10, n -> { })).containsExactly(List.of(0, 2, 3, 4));
    assertThat(progress).containsExactly(5);
    assertThatThrownBy(() -> matcher.pairs(profiles, 1, n -> { })).isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxBlock");
  }

  @Test
  void aBlockLargerThanTheLimitIsSkipped() {
    List<MatchProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      profiles.add(p("Robert", "Smith")); // one name key shared by five
    }
    assertThat(matcher.pairs(profiles, 10, n -> { })).hasSize(10);
    assertThat(matcher.pairs(profiles, 4, n -> { })).isEmpty();
  }

  @Test
  void namesInOtherScriptsAreComparedAsWritten() {
    Comparison c = matcher.compare(p("小明", "王").withPhone("+8613800138000"), p("小明", "王"));
    assertThat(agreementOf(c, "familyName")).isEqualTo(Agreement.SAME);
    assertThat(c.likelyDuplicate()).isTrue();
    assertThat(matcher.compare(p("小明", "王"), p("小红", "李")).likelyDuplicate()).isFalse();
  }

  private static dev.rapport.crm.contact.Account account(String name, String domain, String ref) {
    java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
    return new dev.rapport.crm.contact.Account(dev.rapport.crm.common.AccountId.of(java.util.UUID.randomUUID()),
        dev.rapport.crm.common.TenantId.of("t"), 1, name, java.util.Optional.ofNullable(domain),
        java.util.Optional.ofNullable(ref), java.util.Optional.empty(), java.util.Optional.empty(), t, t,
        dev.rapport.crm.field.CustomFields.empty());
  }

  @Test
  void accountsAreOneCompanyByNameWithoutLegalFormUnlessTheirDomainsDisagree() {
    assertThat(matcher.compare(account("ACME Inc.", null, null), account("Acme GmbH", null, null))
        .likelyDuplicate()).isTrue();
    assertThat(matcher.compare(account("Acme", "acme.example", null), account("Acme Corp", "acme.example", null))
        .matchedFields()).containsExactly("name", "domain");
    assertThat(matcher.compare(account("Acmee Logistics", "acme.example", null), account("Acme Logistics", "acme.example", null))
        .likelyDuplicate()).isTrue();
    assertThat(matcher.compare(account("Acme", "acme.example", null), account("Acme", "acme-foods.example", null))
        .likelyDuplicate()).isFalse();
    assertThat(matcher.compare(account("Acme", null, "CUST-1"), account("Acme", null, "CUST-2"))
        .likelyDuplicate()).isFalse();
    assertThat(matcher.compare(account("Acme", null, null), account("Globex", null, null)).likelyDuplicate()).isFalse();
  }

  @Test
  void aProfileRefusesWhatItCannotCompare() {
    assertThatThrownBy(() -> p("A", "B").withEmail(" ")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("emails");
    assertThatThrownBy(() -> p("A", "B").withAttribute("", "x")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("attributes");
    assertThat(p("A", "B").withAttribute("birthDate", null).attributes()).isEmpty();
    assertThatThrownBy(() -> matcher.compare(null, p("A", "B"))).isInstanceOf(ValidationException.class);
  }
}
