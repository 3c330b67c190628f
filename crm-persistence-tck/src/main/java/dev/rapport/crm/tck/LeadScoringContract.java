package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.InsufficientHistoryException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.analytics.LeadScore;
import dev.rapport.crm.analytics.Rescored;
import dev.rapport.crm.analytics.ScoreFactor;
import dev.rapport.crm.analytics.ScoringModel;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Predictive lead scoring on an adapter ({@code crm.analytics().trainScoring()}, {@code score},
 * {@code rescoreLeads}): the model learns from the closed history the adapter returns, refuses to
 * guess on too little of it, and rescoring writes exactly the open leads' scores.
 *
 * <p>The seeded history: 25 referral leads, of which 21 converted and won, 2 converted and lost,
 * 2 disqualified; 21 purchased-list leads, of which 2 converted and won, 19 disqualified. So
 * 23 won and 23 lost, and the source is all that tells them apart.
 */
public abstract class LeadScoringContract extends ContractSupport {
  private int people;

  /** For subclasses. */
  protected LeadScoringContract() {}

  private Lead closed(LeadSource source, String outcome) {
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Person " + (++people)), source).build());
    if (outcome.equals("disqualified")) {
      return crm.leads().disqualify(lead.id(), "no fit");
    }
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Deal " + people, Money.of("100.00", "EUR")).build()));
    Opportunity o = r.opportunity().orElseThrow();
    if (outcome.equals("won")) {
      crm.opportunities().win(o.id());
    } else {
      crm.opportunities().lose(o.id(), LostReason.PRICE);
    }
    return r.lead();
  }

  private void history(int referralWon, int referralLost, int referralDisqualified, int listWon,
      int listDisqualified) {
    for (int i = 0; i < referralWon; i++) {
      closed(LeadSource.REFERRAL, "won");
    }
    for (int i = 0; i < referralLost; i++) {
      closed(LeadSource.REFERRAL, "lost");
    }
    for (int i = 0; i < referralDisqualified; i++) {
      closed(LeadSource.REFERRAL, "disqualified");
    }
    for (int i = 0; i < listWon; i++) {
      closed(LeadSource.PURCHASED_LIST, "won");
    }
    for (int i = 0; i < listDisqualified; i++) {
      closed(LeadSource.PURCHASED_LIST, "disqualified");
    }
  }

  private void seededHistory() {
    history(21, 2, 2, 2, 19);
  }

  private Lead open(LeadSource source) {
    return crm.leads().capture(NewLead.builder(PersonName.of("Open " + (++people)), source).build());
  }

  @Test
  void tooLittleHistoryIsAClearAnswerNotAGuess() {
    history(3, 1, 1, 1, 4); // 4 won, 6 lost; open leads and converted leads without an outcome don't count
    open(LeadSource.REFERRAL);
    Lead converted = crm.leads().capture(NewLead.builder(PersonName.of("Still open deal"), LeadSource.PARTNER).build());
    crm.leads().changeStatus(converted.id(), LeadStatus.QUALIFIED);
    crm.leads().convert(converted.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Open deal", Money.of("10.00", "EUR")).build()));
    StoreSnapshot before = snapshot();
    events.clear();

    assertThatThrownBy(() -> crm.analytics().trainScoring())
        .isInstanceOfSatisfying(InsufficientHistoryException.class, e -> {
          assertThat(e.won()).isEqualTo(4);
          assertThat(e.lost()).isEqualTo(6);
          assertThat(e.minimum()).isEqualTo(ScoringModel.MINIMUM);
          assertThat(e.getMessage()).contains("4 won", "6 lost", "at least 20");
        });
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  void aTrainedModelRanksAWinningSourceAboveALosingOneAndSaysWhy() {
    seededHistory();
    Lead referral = open(LeadSource.REFERRAL);
    Lead list = open(LeadSource.PURCHASED_LIST);

    ScoringModel model = crm.analytics().trainScoring();
    assertThat(model.won()).isEqualTo(23);
    assertThat(model.lost()).isEqualTo(23);
    assertThat(model.trainedAt()).isEqualTo(clock.instant());

    LeadScore good = crm.analytics().score(model, referral.id());
    LeadScore poor = crm.analytics().score(model, list.id());
    assertThat(good.lead()).isEqualTo(referral.id());
    assertThat(good.probability()).isStrictlyBetween(0.0, 1.0);
    assertThat(poor.probability()).isStrictlyBetween(0.0, 1.0);
    assertThat(good.probability()).isGreaterThan(0.6).isGreaterThan(poor.probability() + 0.3);
    assertThat(poor.probability()).isLessThan(0.4);
    assertThat(good.factors()).filteredOn(ScoreFactor::raises).extracting(ScoreFactor::feature, ScoreFactor::description)
        .contains(org.assertj.core.groups.Tuple.tuple("source", "source: referral"));
    assertThat(poor.factors()).filteredOn(f -> !f.raises()).extracting(ScoreFactor::feature, ScoreFactor::description)
        .contains(org.assertj.core.groups.Tuple.tuple("source", "source: purchased list"));
    // the same lead scored twice, and by the model directly, is the same score
    assertThat(crm.analytics().score(model, referral.id())).isEqualTo(good);
    assertThat(model.score(crm.leads().get(referral.id()), clock.instant())).isEqualTo(good);
  }

  @Test
  void rescoringWritesExactlyTheOpenLeadsScoresInBatches() {
    seededHistory();
    List<Lead> openLeads = new ArrayList<>();
    openLeads.add(open(LeadSource.REFERRAL));
    openLeads.add(open(LeadSource.PURCHASED_LIST));
    Lead contacted = open(LeadSource.REFERRAL);
    openLeads.add(crm.leads().changeStatus(contacted.id(), LeadStatus.CONTACTED));
    Lead nurtured = open(LeadSource.PURCHASED_LIST);
    openLeads.add(crm.leads().changeStatus(nurtured.id(), LeadStatus.NURTURING));
    Lead qualified = open(LeadSource.WEBINAR); // a source the history has not seen
    openLeads.add(crm.leads().changeStatus(qualified.id(), LeadStatus.QUALIFIED));
    ScoringModel model = crm.analytics().trainScoring();
    Map<LeadId, Integer> expected = openLeads.stream().collect(Collectors.toMap(Lead::id,
        l -> (int) Math.round(100 * crm.analytics().score(model, l.id()).probability())));
    StoreSnapshot before = snapshot();
    events.clear();

    Rescored r = crm.analytics().rescoreLeads(model, 2);

    assertThat(r.leads()).isEqualTo(5);
    assertThat(r.batches()).isEqualTo(3);
    assertThat(r.skipped()).isZero();
    assertThat(r.changed()).isEqualTo(expected.values().stream().filter(s -> s != 0).count()).isPositive();
    StoreSnapshot after = snapshot();
    Map<LeadId, Lead> stored = after.leads().stream().collect(Collectors.toMap(Lead::id, Function.identity()));
    List<Lead> expectedLeads = new ArrayList<>();
    for (Lead b : before.leads()) {
      Integer score = expected.get(b.id());
      if (score == null || score == b.score()) {
        expectedLeads.add(b);
      } else {
        expectedLeads.add(versioned(b.withScore(score, clock.instant()), b.version() + 1));
      }
    }
    assertThat(after.leads()).containsExactlyElementsOf(expectedLeads);
    assertThat(new StoreSnapshot(before.leads(), after.contacts(), after.accounts(), after.opportunities(),
        after.campaigns(), after.campaignMembers(), after.activities(), after.tasks(), after.timeline(),
        after.cases(), after.feedback(), after.sales(), after.payments(), after.payerClasses(), after.credit(), after.mails(), after.mailSuppressions(),
        after.customFields(), after.servicePolicy(), after.tiers()))
        .isEqualTo(before);
    assertThat(stored.get(openLeads.get(0).id()).score()).isGreaterThan(stored.get(openLeads.get(1).id()).score());
    assertThat(events).isEmpty();

    // again: nothing to change, nothing written
    Rescored again = crm.analytics().rescoreLeads(model, 500);
    assertThat(again).isEqualTo(new Rescored(5, 0, 0, 1));
    assertThat(snapshot()).isEqualTo(after);
  }

  @Test
  void aBatchRefusedForAConcurrentChangeIsRetriedAndSkippedAfterThreeAttempts() {
    seededHistory();
    Lead a = open(LeadSource.REFERRAL);
    Lead b = open(LeadSource.REFERRAL);
    Lead c = open(LeadSource.REFERRAL);
    ScoringModel model = crm.analytics().trainScoring();
    int expected = (int) Math.round(100 * crm.analytics().score(model, a.id()).probability());
    assertThat(expected).isPositive();
    java.util.concurrent.atomic.AtomicInteger refusedA = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger refusedB = new java.util.concurrent.atomic.AtomicInteger();
    // the adapter refuses a's first write and every write of b, as it does when they changed meanwhile
    InterceptingPersistence racing = new InterceptingPersistence(persistence, new InterceptingPersistence.Interceptor() {
      @Override
      public void before(String operation, Object argument) {
        if (operation.equals("LeadRepository.update") && argument instanceof Lead l) {
          if (l.id().equals(a.id()) && refusedA.getAndIncrement() == 0
              || l.id().equals(b.id()) && refusedB.incrementAndGet() > 0) {
            throw new ConcurrentUpdateException("lead", l.id(), l.version());
          }
        }
      }
    });

    Rescored r = crm(tenant, racing).analytics().rescoreLeads(model, 1);

    assertThat(r).isEqualTo(new Rescored(2, 2, 1, 3));
    assertThat(refusedA.get()).isEqualTo(2); // refused, then written
    assertThat(refusedB.get()).isGreaterThanOrEqualTo(3);
    assertThat(storedLead(a.id()).orElseThrow().score()).isEqualTo(expected);
    assertThat(storedLead(b.id()).orElseThrow()).isEqualTo(crm.leads().get(b.id())).extracting(Lead::score).isEqualTo(0);
    assertThat(storedLead(b.id()).orElseThrow().version()).isEqualTo(b.version());
    assertThat(storedLead(c.id()).orElseThrow().score()).isEqualTo(expected);
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    seededHistory();
    Lead lead = open(LeadSource.REFERRAL);
    ScoringModel model = crm.analytics().trainScoring();
    StoreSnapshot before = snapshot();
    events.clear();

    assertThatThrownBy(() -> crm.analytics().score(null, lead.id()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("model"));
    assertThatThrownBy(() -> crm.analytics().score(model, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("leadId"));
    assertThatThrownBy(() -> crm.analytics().score(model, LeadId.of(java.util.UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.analytics().rescoreLeads(null, 10))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("model"));
    for (int size : new int[] {0, -1, 501}) {
      assertThatThrownBy(() -> crm.analytics().rescoreLeads(model, size))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("batchSize"));
    }
    assertThatThrownBy(() -> model.score(null, clock.instant()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lead"));
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  void anotherTenantsHistoryDoesNotCount() {
    seededHistory();
    dev.rapport.crm.Crm other = crm(freshTenant(), persistence);
    assertThatThrownBy(() -> other.analytics().trainScoring())
        .isInstanceOfSatisfying(InsufficientHistoryException.class, e -> {
          assertThat(e.won()).isZero();
          assertThat(e.lost()).isZero();
        });
  }
}
