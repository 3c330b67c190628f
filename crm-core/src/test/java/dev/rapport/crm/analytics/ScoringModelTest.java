package dev.rapport.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.crm.exception.InsufficientHistoryException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The model's arithmetic, on plain leads (the store's part is the TCK's LeadScoringContract). */
class ScoringModelTest {
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private int next;

  private Lead lead(LeadSource source, String email, List<EngagementSignal> signals) {
    next++;
    return new Lead(LeadId.of(new UUID(1, next)), TenantId.of("t"), 1, PersonName.of("P" + next),
        Optional.ofNullable(email).map(EmailAddress::of), Optional.of(PhoneNumber.of("+4930123456")),
        Optional.empty(), Optional.empty(), source, Optional.empty(), LeadStatus.NEW, Optional.empty(),
        signals, Temperature.COLD, Optional.empty(), Optional.empty(), 0, T.minus(Duration.ofDays(3)), T,
        Optional.empty(), Optional.empty(), Optional.empty(), dev.rapport.crm.field.CustomFields.empty());
  }

  private List<Lead> many(int n, LeadSource source, String email) {
    List<Lead> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(lead(source, email, List.of()));
    }
    return out;
  }

  @Test
  void newtonFindsTheLogOddsOfOneFeature() {
    // feature 0 on 100 rows, 80 of them won; off on 100 rows, 20 won: with no penalty the weight is
    // the log odds ratio, log(4) - log(1/4), and the intercept log(1/4)
    int[][] rows = new int[200][];
    boolean[] won = new boolean[200];
    for (int i = 0; i < 200; i++) {
      rows[i] = i < 100 ? new int[] {0} : new int[0];
      won[i] = i < 100 ? i < 80 : i < 120;
    }
    double[] w = Logistic.fit(rows, won, 1, 1e-9);
    assertThat(w[0]).isCloseTo(Math.log(4) - Math.log(0.25), within(1e-6));
    assertThat(w[1]).isCloseTo(Math.log(0.25), within(1e-6));
  }

  @Test
  void choleskySolvesASymmetricSystemFromItsUpperTriangle() {
    double[][] h = {{4, 2, 0.6}, {0, 5, 1}, {0, 0, 3}}; // upper triangle only
    double[] x = Logistic.solve(h, new double[] {1, 2, 3});
    double[][] full = {{4, 2, 0.6}, {2, 5, 1}, {0.6, 1, 3}};
    for (int i = 0; i < 3; i++) {
      double s = 0;
      for (int j = 0; j < 3; j++) {
        s += full[i][j] * x[j];
      }
      assertThat(s).isCloseTo(i + 1.0, within(1e-12));
    }
  }

  @Test
  void theSameLeadsGiveTheSameModelAndTheBetterSourceScoresHigher() {
    List<Lead> won = new ArrayList<>(many(30, LeadSource.REFERRAL, "a@acme.example"));
    won.addAll(many(5, LeadSource.COLD_CALL, "b@gmail.com"));
    List<Lead> lost = new ArrayList<>(many(5, LeadSource.REFERRAL, "c@gmail.com"));
    lost.addAll(many(30, LeadSource.COLD_CALL, "d@mail.gmail.com"));
    ScoringModel a = ScoringModel.train(won, lost, T);
    ScoringModel b = ScoringModel.train(won, lost, T);
    Lead referral = lead(LeadSource.REFERRAL, null, List.of());
    Lead cold = lead(LeadSource.COLD_CALL, null, List.of());
    assertThat(a.score(referral, T)).isEqualTo(b.score(referral, T));
    assertThat(a.score(referral, T).probability()).isGreaterThan(a.score(cold, T).probability());
    assertThat(a.score(referral, T).factors()).extracting(ScoreFactor::description).contains("source: referral");
    // a company address raised chances in the history, a free-mail one (also on a subdomain) lowered them
    LeadScore free = a.score(lead(LeadSource.REFERRAL, "x@sub.gmail.com", List.of()), T);
    LeadScore company = a.score(lead(LeadSource.REFERRAL, "x@acme.example", List.of()), T);
    assertThat(company.probability()).isGreaterThan(free.probability());
    assertThat(free.factors()).extracting(ScoreFactor::description).contains("e-mail at a free-mail provider");
    assertThat(a.won()).isEqualTo(35);
    assertThat(a.lost()).isEqualTo(35);
    assertThat(a.trainedAt()).isEqualTo(T);
  }

  @Test
  void theIndustryIsLearnedAndNamedAmongTheFactors() {
    List<Lead> won = new ArrayList<>();
    List<Lead> lost = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // the same source everywhere: only the industry tells them apart
      (i < 32 ? won : lost).add(industry(lead(LeadSource.WEBINAR, null, List.of()), Industry.HEALTHCARE));
      (i < 8 ? won : lost).add(industry(lead(LeadSource.WEBINAR, null, List.of()), Industry.RETAIL));
    }
    ScoringModel m = ScoringModel.train(won, lost, T);
    LeadScore health = m.score(industry(lead(LeadSource.WEBINAR, null, List.of()), Industry.HEALTHCARE), T);
    LeadScore retail = m.score(industry(lead(LeadSource.WEBINAR, null, List.of()), Industry.RETAIL), T);
    assertThat(health.probability()).isGreaterThan(0.6).isGreaterThan(retail.probability());
    assertThat(health.factors()).extracting(ScoreFactor::description).contains("industry: healthcare");
    assertThat(retail.factors()).extracting(ScoreFactor::description).contains("industry: retail");
  }

  @Test
  void aCustomFieldMarkedPredictiveIsLearnedAndOthersAreNot() {
    List<Lead> won = new ArrayList<>();
    List<Lead> lost = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      (i < 30 ? won : lost).add(withField(lead(LeadSource.WEBINAR, null, List.of()), "tier", FieldValue.choice("gold"),
          "seats", FieldValue.number(250)));
      (i < 10 ? won : lost).add(withField(lead(LeadSource.WEBINAR, null, List.of()), "tier", FieldValue.choice("silver"),
          "seats", FieldValue.number(3)));
    }
    Lead gold = withField(lead(LeadSource.WEBINAR, null, List.of()), "tier", FieldValue.choice("gold"), "seats",
        FieldValue.number(400));
    Lead silver = withField(lead(LeadSource.WEBINAR, null, List.of()), "tier", FieldValue.choice("silver"), "seats",
        FieldValue.number(400));
    ScoringModel learned = ScoringModel.train(won, lost, T, java.util.Set.of("tier"));
    assertThat(learned.score(gold, T).probability()).isGreaterThan(0.6).isGreaterThan(learned.score(silver, T).probability());
    assertThat(learned.score(gold, T).factors()).extracting(ScoreFactor::description).contains("tier: gold");
    // seats were not marked predictive: 400 seats read alike for both, and without the mark nothing differs
    ScoringModel blind = ScoringModel.train(won, lost, T);
    assertThat(blind.score(gold, T).probability()).isEqualTo(blind.score(silver, T).probability());
    ScoringModel bySeats = ScoringModel.train(won, lost, T, java.util.Set.of("seats"));
    assertThat(bySeats.score(withField(lead(LeadSource.WEBINAR, null, List.of()), "seats", FieldValue.number(700)), T)
        .factors()).extracting(ScoreFactor::description).contains("seats: 100-999");
    assertThat(ScoringFeatures.magnitude(new java.math.BigDecimal("-0.5"))).isEqualTo("-(0-1)");
    assertThat(ScoringFeatures.magnitude(new java.math.BigDecimal("2.5E+3"))).isEqualTo("1000-9999");
  }

  private static Lead withField(Lead l, String key, FieldValue value, Object... more) {
    dev.rapport.crm.field.CustomFields f = l.fields().with(key, value);
    for (int i = 0; i < more.length; i += 2) {
      f = f.with((String) more[i], (FieldValue) more[i + 1]);
    }
    return l.withFields(f, l.updatedAt());
  }

  private static Lead industry(Lead l, Industry industry) {
    return new Lead(l.id(), l.tenantId(), l.version(), l.name(), l.email(), l.phone(), l.company(), l.title(),
        l.source(), l.sourceDetail(), l.status(), l.disqualificationReason(), l.signals(), l.temperature(),
        l.temperatureOverride(), l.owner(), l.score(), l.createdAt(), l.updatedAt(), l.convertedTo(), l.campaign(),
        Optional.of(industry), l.fields());
  }

  @Test
  void signalsAfterTheInstantAreNotSeen() {
    List<Lead> won = new ArrayList<>();
    List<Lead> lost = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      won.add(lead(LeadSource.WEBINAR, null, List.of(EngagementSignal.of(SignalType.DEMO_REQUEST, T.minus(Duration.ofDays(1))))));
      lost.add(lead(LeadSource.WEBINAR, null, List.of()));
    }
    ScoringModel model = ScoringModel.train(won, lost, T);
    Lead later = lead(LeadSource.WEBINAR, null, List.of(EngagementSignal.of(SignalType.DEMO_REQUEST, T.plus(Duration.ofDays(1)))));
    Lead none = lead(LeadSource.WEBINAR, null, List.of());
    assertThat(model.score(later, T).probability()).isEqualTo(model.score(none, T).probability());
    LeadScore seen = model.score(later, T.plus(Duration.ofDays(2)));
    assertThat(seen.probability()).isGreaterThan(model.score(none, T).probability());
    // the signal is all that differs: every factor of the one is up, every factor of the other down
    assertThat(seen.factors()).isNotEmpty().allMatch(ScoreFactor::raises)
        .extracting(ScoreFactor::description).anyMatch(d -> d.contains("buying signal"));
    assertThat(model.score(none, T).factors()).isNotEmpty().noneMatch(ScoreFactor::raises)
        .extracting(ScoreFactor::description).contains("no buying signal");
  }

  @Test
  void tooLittleHistoryAndBadInputAreRefused() {
    assertThatThrownBy(() -> ScoringModel.train(many(19, LeadSource.REFERRAL, null), many(40, LeadSource.OTHER, null), T))
        .isInstanceOfSatisfying(InsufficientHistoryException.class, e -> {
          assertThat(e.won()).isEqualTo(19);
          assertThat(e.lost()).isEqualTo(40);
          assertThat(e.minimum()).isEqualTo(20);
        });
    assertThatThrownBy(() -> ScoringModel.train(null, List.of(), T)).isInstanceOf(ValidationException.class);
    List<Lead> withNull = new ArrayList<>(many(20, LeadSource.REFERRAL, null));
    withNull.add(null);
    assertThatThrownBy(() -> ScoringModel.train(withNull, many(20, LeadSource.OTHER, null), T))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("won[20]"));
    ScoringModel model = ScoringModel.train(many(20, LeadSource.REFERRAL, null), many(20, LeadSource.OTHER, null), T);
    assertThatThrownBy(() -> model.score(lead(LeadSource.OTHER, null, List.of()), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("asOf"));
  }
}
