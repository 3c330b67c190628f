package dev.rapport.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules of a merge of contacts: what the plan accepts, and what the survivor keeps of each field. */
class ContactMergeTest {
  private static final TenantId T = TenantId.of("t");
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static Contact contact(String given, String family, List<String> emails, List<String> phones,
      Optional<String> title, Optional<String> owner, Optional<MarketingConsent> consent) {
    return new Contact(ContactId.of(UUID.randomUUID()), T, 3, PersonName.of(given, family), Optional.empty(),
        emails.stream().map(EmailAddress::of).toList(), phones.stream().map(PhoneNumber::of).toList(), title, consent,
        Optional.empty(), owner, CREATED, CREATED, dev.rapport.crm.field.CustomFields.empty());
  }

  private static final Contact SURVIVOR = contact("Katherine", "Meyer", List.of("k.meyer@meyer-bau.de"),
      List.of("+4930123456"), Optional.empty(), Optional.of("ann"),
      Optional.of(new MarketingConsent(true, Instant.parse("2025-02-01T00:00:00Z"), "web form")));
  private static final Contact DUPLICATE = contact("Kathy", "Meyer", List.of("kathy@gmail.com", "k.meyer@meyer-bau.de"),
      List.of("+491705555555"), Optional.of("Managing director"), Optional.of("sam"),
      Optional.of(new MarketingConsent(false, Instant.parse("2025-05-01T00:00:00Z"), "unsubscribe link")));

  @Test
  void byDefaultTheSurvivorKeepsItsValuesFillsItsGapsJoinsAddressesAndTheLatestConsentWins() {
    Contact merged = ContactService.merged(SURVIVOR, List.of(DUPLICATE),
        ContactMergePlan.of(SURVIVOR, List.of(DUPLICATE)), NOW);

    assertThat(merged.name()).isEqualTo(SURVIVOR.name());
    assertThat(merged.owner()).contains("ann");
    assertThat(merged.title()).contains("Managing director");
    assertThat(merged.emails()).extracting(EmailAddress::address).containsExactly("k.meyer@meyer-bau.de", "kathy@gmail.com");
    assertThat(merged.phones()).extracting(PhoneNumber::e164).containsExactly("+4930123456", "+491705555555");
    assertThat(merged.marketingConsent()).isEqualTo(DUPLICATE.marketingConsent()); // the withdrawal is later
    assertThat(merged.id()).isEqualTo(SURVIVOR.id());
    assertThat(merged.version()).isEqualTo(SURVIVOR.version());
    assertThat(merged.createdAt()).isEqualTo(CREATED);
    assertThat(merged.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void aChoiceTakesTheChosenContactsValueEvenAnEmptyOne() {
    AccountId account = AccountId.of(UUID.randomUUID());
    Contact withAccount = new Contact(SURVIVOR.id(), T, 3, SURVIVOR.name(), Optional.of(account), SURVIVOR.emails(),
        SURVIVOR.phones(), Optional.of("Buyer"), SURVIVOR.marketingConsent(), Optional.empty(), SURVIVOR.owner(), CREATED, CREATED, SURVIVOR.fields());
    ContactMergePlan plan = ContactMergePlan.of(withAccount, List.of(DUPLICATE))
        .taking(ContactMergePlan.Field.NAME, DUPLICATE.id())
        .taking(ContactMergePlan.Field.ACCOUNT, DUPLICATE.id())
        .taking(ContactMergePlan.Field.OWNER, DUPLICATE.id())
        .taking(ContactMergePlan.Field.PRIMARY_EMAIL, DUPLICATE.id())
        .taking(ContactMergePlan.Field.PRIMARY_PHONE, DUPLICATE.id())
        .taking(ContactMergePlan.Field.CONSENT, withAccount.id());

    Contact merged = ContactService.merged(withAccount, List.of(DUPLICATE), plan, NOW);

    assertThat(merged.name()).isEqualTo(PersonName.of("Kathy", "Meyer"));
    assertThat(merged.accountId()).isEmpty();
    assertThat(merged.title()).contains("Buyer");
    assertThat(merged.owner()).contains("sam");
    assertThat(merged.emails()).extracting(EmailAddress::address).containsExactly("kathy@gmail.com", "k.meyer@meyer-bau.de");
    assertThat(merged.phones()).extracting(PhoneNumber::e164).containsExactly("+491705555555", "+4930123456");
    assertThat(merged.marketingConsent()).isEqualTo(SURVIVOR.marketingConsent());
  }

  @Test
  void addressesBeyondTheLimitAreCutTheSurvivorsFirst() {
    List<String> many = IntStream.range(0, Limits.EMAILS_PER_CONTACT).mapToObj(i -> "a" + i + "@example.org").toList();
    Contact full = contact("A", "B", many, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    Contact other = contact("A", "B", List.of("new@example.org"), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

    Contact merged = ContactService.merged(full, List.of(other), ContactMergePlan.of(full, List.of(other)), NOW);

    assertThat(merged.emails()).extracting(EmailAddress::address).containsExactlyElementsOf(many);
  }

  @Test
  void aMergeWhereNothingChangesKeepsTheSurvivorAsItIs() {
    Contact twin = contact("Katherine", "Meyer", List.of("k.meyer@meyer-bau.de"), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty());
    assertThat(ContactService.merged(SURVIVOR, List.of(twin), ContactMergePlan.of(SURVIVOR, List.of(twin)), NOW))
        .isSameAs(SURVIVOR);
  }

  @Test
  void thePlanRefusesItselfRepeatsEmptinessTooManyOtherTenantsAndChoicesFromOutside() {
    ContactId s = SURVIVOR.id();
    ContactId d = DUPLICATE.id();
    assertThatThrownBy(() -> ContactMergePlan.of(s, List.of(s))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("duplicates").hasMessageContaining("itself");
    assertThatThrownBy(() -> ContactMergePlan.of(s, List.of(d, d))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> ContactMergePlan.of(s, List.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one");
    List<ContactId> tooMany = new ArrayList<>();
    for (int i = 0; i <= ContactMergePlan.MAX_DUPLICATES; i++) {
      tooMany.add(ContactId.of(UUID.randomUUID()));
    }
    assertThatThrownBy(() -> ContactMergePlan.of(s, tooMany)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most " + ContactMergePlan.MAX_DUPLICATES);
    Contact foreign = new Contact(d, TenantId.of("other"), 1, DUPLICATE.name(), Optional.empty(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), CREATED, CREATED, dev.rapport.crm.field.CustomFields.empty());
    assertThatThrownBy(() -> ContactMergePlan.of(SURVIVOR, List.of(foreign))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> ContactMergePlan.of(s, List.of(d)).taking(ContactMergePlan.Field.NAME, ContactId.of(UUID.randomUUID())))
        .isInstanceOf(ValidationException.class).hasMessageContaining("from");
    assertThatThrownBy(() -> ContactMergePlan.of((ContactId) null, List.of(d))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ContactMergePlan.of(s, java.util.Arrays.asList(d, null))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("duplicates[1]");
  }

  @Test
  void aPlanFromContactsAsReadRemembersTheirVersionsAndOneFromIdsNone() {
    assertThat(ContactMergePlan.of(SURVIVOR, List.of(DUPLICATE)).versionRead(DUPLICATE.id())).hasValue(3);
    assertThat(ContactMergePlan.of(SURVIVOR.id(), List.of(DUPLICATE.id())).versionRead(DUPLICATE.id())).isEmpty();
  }
}
