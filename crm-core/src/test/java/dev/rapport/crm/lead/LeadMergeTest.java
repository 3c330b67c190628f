package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of a merge of leads: what the plan accepts, and what the survivor keeps. */
class LeadMergeTest {
  private static final TenantId T = TenantId.of("t");
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final TemperaturePolicy POLICY = TemperaturePolicy.standard();

  private static Lead lead(String given, String email, String company, List<EngagementSignal> signals) {
    NewLead.Builder b = NewLead.builder(PersonName.of(given, "Smith"), LeadSource.REFERRAL);
    if (email != null) {
      b.email(email);
    }
    if (company != null) {
      b.company(company);
    }
    Lead l = Lead.capture(LeadId.of(UUID.randomUUID()), T, b.build(), POLICY, NOW.minus(Duration.ofDays(30)));
    for (EngagementSignal s : signals) {
      l = l.recordSignal(s, POLICY, NOW.minus(Duration.ofDays(30)));
    }
    return l;
  }

  @Test
  void theSurvivorKeepsItsValuesFillsGapsAndTheSignalsOfAllDecideTheTemperature() {
    Lead survivor = lead("Robert", "r.smith@example.org", null,
        List.of(new EngagementSignal(SignalType.NEWSLETTER_SIGNUP, NOW.minus(Duration.ofDays(60)), Optional.empty())));
    Lead duplicate = lead("Bob", null, "Smith & Co",
        List.of(new EngagementSignal(SignalType.DEMO_REQUEST, NOW.minus(Duration.ofHours(1)), Optional.empty())));

    Lead merged = LeadService.merged(survivor, List.of(duplicate), LeadMergePlan.of(survivor, List.of(duplicate)), POLICY, NOW);

    assertThat(merged.name()).isEqualTo(survivor.name());
    assertThat(merged.email()).contains(EmailAddress.of("r.smith@example.org"));
    assertThat(merged.company()).contains("Smith & Co");
    assertThat(merged.signals()).extracting(EngagementSignal::type)
        .containsExactly(SignalType.NEWSLETTER_SIGNUP, SignalType.DEMO_REQUEST);
    assertThat(merged.temperature()).isEqualTo(POLICY.evaluate(merged.signals(), NOW));
    assertThat(merged.temperature()).isNotEqualTo(survivor.temperature());
    assertThat(merged.source()).isEqualTo(survivor.source());
    assertThat(merged.updatedAt()).isEqualTo(NOW);

    Lead chosen = LeadService.merged(survivor, List.of(duplicate), LeadMergePlan.of(survivor, List.of(duplicate))
        .taking(LeadMergePlan.Field.NAME, duplicate.id()).taking(LeadMergePlan.Field.EMAIL, duplicate.id()), POLICY, NOW);
    assertThat(chosen.name()).isEqualTo(PersonName.of("Bob", "Smith"));
    assertThat(chosen.email()).isEmpty();
  }

  @Test
  void thePlanRefusesItselfRepeatsAndEmptiness() {
    LeadId s = LeadId.of(UUID.randomUUID());
    LeadId d = LeadId.of(UUID.randomUUID());
    assertThatThrownBy(() -> LeadMergePlan.of(s, List.of(s))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("a lead is not merged with itself");
    assertThatThrownBy(() -> LeadMergePlan.of(s, List.of(d, d))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> LeadMergePlan.of(s, List.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one lead");
  }
}
