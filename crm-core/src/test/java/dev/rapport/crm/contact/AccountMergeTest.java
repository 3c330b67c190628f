package dev.rapport.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of a merge of accounts: what the plan accepts, and what the survivor keeps of each field. */
class AccountMergeTest {
  private static final TenantId T = TenantId.of("t");
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static Account account(String name, Optional<String> domain, Optional<String> ref, Optional<String> industry,
      Optional<String> owner) {
    return new Account(AccountId.of(UUID.randomUUID()), T, 2, name, domain, ref, industry.map(Industry::of), owner,
        CREATED, CREATED, dev.rapport.crm.field.CustomFields.empty());
  }

  private static final Account SURVIVOR = account("ACME Inc.", Optional.of("acme.example"), Optional.empty(),
      Optional.empty(), Optional.of("ann"));
  private static final Account DUPLICATE = account("ACME GmbH", Optional.of("acme.de"), Optional.of("K-9002"),
      Optional.of("Wholesale"), Optional.of("sam"));

  @Test
  void byDefaultTheSurvivorKeepsItsValuesAndFillsItsGapsTheReferenceIncluded() {
    Account merged = AccountService.merged(SURVIVOR, List.of(DUPLICATE), AccountMergePlan.of(SURVIVOR, List.of(DUPLICATE)), NOW);

    assertThat(merged.name()).isEqualTo("ACME Inc.");
    assertThat(merged.domain()).contains("acme.example");
    assertThat(merged.externalReference()).contains("K-9002");
    assertThat(merged.industry()).contains(Industry.WHOLESALE);
    assertThat(merged.owner()).contains("ann");
    assertThat(merged.updatedAt()).isEqualTo(NOW);
    assertThat(merged.version()).isEqualTo(SURVIVOR.version());
  }

  @Test
  void aChoiceTakesTheChosenAccountsValueEvenAnEmptyOne() {
    AccountMergePlan plan = AccountMergePlan.of(SURVIVOR, List.of(DUPLICATE))
        .taking(AccountMergePlan.Field.NAME, DUPLICATE.id())
        .taking(AccountMergePlan.Field.DOMAIN, DUPLICATE.id())
        .taking(AccountMergePlan.Field.EXTERNAL_REFERENCE, SURVIVOR.id())
        .taking(AccountMergePlan.Field.OWNER, DUPLICATE.id());

    Account merged = AccountService.merged(SURVIVOR, List.of(DUPLICATE), plan, NOW);

    assertThat(merged.name()).isEqualTo("ACME GmbH");
    assertThat(merged.domain()).contains("acme.de");
    assertThat(merged.externalReference()).isEmpty();
    assertThat(merged.owner()).contains("sam");
  }

  @Test
  void thePlanRefusesItselfRepeatsEmptinessOtherTenantsAndChoicesFromOutside() {
    AccountId s = SURVIVOR.id();
    AccountId d = DUPLICATE.id();
    assertThatThrownBy(() -> AccountMergePlan.of(s, List.of(s))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("an account is not merged with itself");
    assertThatThrownBy(() -> AccountMergePlan.of(s, List.of(d, d))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> AccountMergePlan.of(s, List.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one account");
    Account foreign = new Account(d, TenantId.of("other"), 1, "ACME", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), CREATED, CREATED, dev.rapport.crm.field.CustomFields.empty());
    assertThatThrownBy(() -> AccountMergePlan.of(SURVIVOR, List.of(foreign))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> AccountMergePlan.of(s, List.of(d)).taking(AccountMergePlan.Field.NAME, AccountId.of(UUID.randomUUID())))
        .isInstanceOf(ValidationException.class).hasMessageContaining("from");
    assertThat(AccountMergePlan.of(SURVIVOR, List.of(DUPLICATE)).versionRead(d)).hasValue(2);
  }
}
