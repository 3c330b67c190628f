package dev.rapport.crm.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.analytics.ChurnRisk;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.service.CasePriority;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The core's rules of a service policy: what it refuses, naming the field, and which tier an account's facts put it in. */
class ServicePolicyTest {
  static final BusinessCalendar UTC = BusinessCalendar.always(ZoneOffset.UTC);
  static final ServiceTier STANDARD = ServiceTier.named("Standard", ServiceTarget.hours(8, 40));

  static Stream<Arguments> refused() {
    ServiceTier gold = ServiceTier.named("Gold", ServiceTarget.hours(1, 8)).when(TierRule.bestCustomers(10));
    List<ServiceTier> many = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(ServiceTier.named("T" + i, ServiceTarget.hours(1, 8)).when(TierRule.bestCustomers(1)));
    }
    many.add(STANDARD);
    return Stream.of(
        Arguments.of("no tier", "tiers", (Supplier<Object>) () -> ServicePolicy.of(UTC)),
        Arguments.of("two tiers of one name, case aside", "tiers",
            (Supplier<Object>) () -> ServicePolicy.of(UTC, gold, ServiceTier.named("GOLD", ServiceTarget.hours(1, 8)))),
        Arguments.of("a default tier with a rule", "tiers", (Supplier<Object>) () -> ServicePolicy.of(UTC, gold)),
        Arguments.of("a tier but the last without a rule", "tiers",
            (Supplier<Object>) () -> ServicePolicy.of(UTC, ServiceTier.named("Gold", ServiceTarget.hours(1, 8)), STANDARD)),
        Arguments.of("21 tiers", "tiers", (Supplier<Object>) () -> new ServicePolicy(UTC, many, 80, 365)),
        Arguments.of("an at-risk share of 0", "atRiskPercent", (Supplier<Object>) () -> ServicePolicy.of(UTC, STANDARD).withAtRiskPercent(0)),
        Arguments.of("an at-risk share of 100", "atRiskPercent", (Supplier<Object>) () -> ServicePolicy.of(UTC, STANDARD).withAtRiskPercent(100)),
        Arguments.of("a look-back of 0 days", "lookbackDays", (Supplier<Object>) () -> ServicePolicy.of(UTC, STANDARD).withLookbackDays(0)),
        Arguments.of("a rule naming an unknown segment", "rule.segments", (Supplier<Object>) () -> TierRule.segment("CHAMPIONS", "WHALES")),
        Arguments.of("a segment rule naming none", "rule.segments", (Supplier<Object>) () -> TierRule.segment()),
        Arguments.of("the best 0 customers", "rule.top", (Supplier<Object>) () -> TierRule.bestCustomers(0)),
        Arguments.of("the best 1,001 customers", "rule.top", (Supplier<Object>) () -> TierRule.bestCustomers(1_001)),
        Arguments.of("a payer rule naming none", "rule.payerClasses", (Supplier<Object>) () -> TierRule.payerClass()),
        Arguments.of("a rule with another kind's part", "rule", (Supplier<Object>) () -> new TierRule(TierRule.Kind.SEGMENT,
            java.util.Set.of(Segment.LOYAL), 0, Optional.empty(), java.util.Set.of(PayerClass.ON_TIME), Optional.empty(),
            Optional.empty(), Optional.empty())),
        Arguments.of("a target of zero", "target.response",
            (Supplier<Object>) () -> new ServiceTarget(Duration.ZERO, Duration.ofHours(8))),
        Arguments.of("a negative target", "target.resolution",
            (Supplier<Object>) () -> new ServiceTarget(Duration.ofHours(1), Duration.ofHours(-8))),
        Arguments.of("a response target longer than the resolution's", "target.response",
            (Supplier<Object>) () -> ServiceTarget.hours(9, 8)),
        Arguments.of("a target of seconds", "target.response",
            (Supplier<Object>) () -> new ServiceTarget(Duration.ofSeconds(90), Duration.ofHours(8))),
        Arguments.of("a target over 366 days", "target.resolution",
            (Supplier<Object>) () -> new ServiceTarget(Duration.ofHours(1), Duration.ofDays(367))),
        Arguments.of("a tier without a target for a priority", "tier.targets", (Supplier<Object>) () -> new ServiceTier("Gold",
            List.of(), Optional.empty(), Map.of(CasePriority.LOW, ServiceTarget.hours(1, 8)))),
        Arguments.of("a blank tier name", "tier.name", (Supplier<Object>) () -> ServiceTier.named(" ", ServiceTarget.hours(1, 8))),
        Arguments.of("a tier name of 51 characters", "tier.name",
            (Supplier<Object>) () -> ServiceTier.named("x".repeat(51), ServiceTarget.hours(1, 8))));
  }

  @ParameterizedTest(name = "{0} is refused (field {1})")
  @MethodSource("refused")
  void badPoliciesAreRefusedNamingTheField(String what, String field, Supplier<Object> make) {
    assertThatThrownBy(make::get).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
  }

  @Test
  void segmentNamesAreReadInAnyCaseAndAPolicyIsAValue() {
    assertThat(TierRule.segment(" champions", "Loyal").segments()).containsExactlyInAnyOrder(Segment.CHAMPIONS, Segment.LOYAL);
    ServicePolicy a = ServicePolicy.of(UTC, ServiceTier.named("Gold", ServiceTarget.hours(1, 8)).when(TierRule.bestCustomers(5)), STANDARD);
    ServicePolicy b = ServicePolicy.of(UTC, ServiceTier.named("Gold", ServiceTarget.hours(1, 8)).when(TierRule.bestCustomers(5)), STANDARD);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.rank("Standard")).isEqualTo(1);
    assertThat(a.rank("Nope")).isEqualTo(-1);
    assertThat(a.defaultTier()).isEqualTo(STANDARD);
  }

  private static TierFacts.Of facts(Segment segment, Integer bestRank, String revenue, PayerClass payer,
      ChurnRisk.Level churn, boolean flagged) {
    return new TierFacts.Of(Optional.ofNullable(segment), Optional.ofNullable(bestRank),
        Optional.ofNullable(revenue).map(BigDecimal::new), payer, Optional.ofNullable(churn),
        flagged ? CustomFields.empty().with("vip", FieldValue.bool(true)) : CustomFields.empty());
  }

  @Test
  void theFirstTierWithAMatchingRuleWinsAndTheDefaultTakesTheRest() {
    ServicePolicy p = ServicePolicy.of(UTC,
        ServiceTier.named("Platinum", ServiceTarget.hours(1, 4)).when(TierRule.flag("vip", FieldValue.bool(true)))
            .when(TierRule.bestCustomers(3)),
        ServiceTier.named("Gold", ServiceTarget.hours(2, 8)).when(TierRule.segment("CHAMPIONS", "LOYAL"))
            .when(TierRule.revenueAtLeast(dev.rapport.crm.common.Money.of("10000.00", "EUR"))),
        ServiceTier.named("Watch", ServiceTarget.hours(2, 8)).when(TierRule.churnRiskAtLeast(ChurnRisk.Level.MEDIUM))
            .when(TierRule.payerClass(PayerClass.CHRONICALLY_LATE)),
        STANDARD);
    assertThat(p.tierOf(facts(Segment.LOST, null, null, PayerClass.ON_TIME, null, true)).name()).isEqualTo("Platinum");
    assertThat(p.tierOf(facts(Segment.CHAMPIONS, 2, null, PayerClass.ON_TIME, null, false)).name()).isEqualTo("Platinum");
    assertThat(p.tierOf(facts(Segment.CHAMPIONS, 3, null, PayerClass.ON_TIME, null, false)).name()).isEqualTo("Gold");
    assertThat(p.tierOf(facts(Segment.LOST, null, "10000.00", PayerClass.ON_TIME, null, false)).name()).isEqualTo("Gold");
    assertThat(p.tierOf(facts(Segment.LOST, null, "9999.99", PayerClass.ON_TIME, null, false)).name()).isEqualTo("Standard");
    assertThat(p.tierOf(facts(null, null, null, PayerClass.ON_TIME, ChurnRisk.Level.HIGH, false)).name()).isEqualTo("Watch");
    assertThat(p.tierOf(facts(null, null, null, PayerClass.ON_TIME, ChurnRisk.Level.LOW, false)).name()).isEqualTo("Standard");
    assertThat(p.tierOf(facts(null, null, null, PayerClass.CHRONICALLY_LATE, null, false)).name()).isEqualTo("Watch");
  }

  @Test
  void percentilesAreByNearestRank() {
    List<Duration> d = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      d.add(Duration.ofMinutes(i * 10L));
    }
    java.util.Collections.shuffle(d, new java.util.Random(7));
    assertThat(ServiceReports.rank(d, 50)).contains(Duration.ofMinutes(50));
    assertThat(ServiceReports.rank(d, 90)).contains(Duration.ofMinutes(90));
    assertThat(ServiceReports.rank(List.of(Duration.ofMinutes(7)), 90)).contains(Duration.ofMinutes(7));
    assertThat(ServiceReports.rank(List.of(), 50)).isEmpty();
  }
}
