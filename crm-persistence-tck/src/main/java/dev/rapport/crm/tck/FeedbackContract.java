package dev.rapport.crm.tck;

import dev.rapport.crm.feedback.FeedbackRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.feedback.FeedbackReceived;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackChannel;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.feedback.NpsResult;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feedback on an adapter: every field stored and read back, NPS and CSAT of an account and of
 * the tenant over a period checked against figures worked out by hand, the detractors to follow
 * up, the links an answer may carry, and tenant isolation.
 */
public abstract class FeedbackContract extends ContractSupport {
  /** The period of the figures: January 2025, [from, to). */
  static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant TO = Instant.parse("2025-02-01T00:00:00Z");

  private Account a;
  private Contact ca;
  private Account b;
  private Contact cb;

  @BeforeEach
  final void twoAccountsWithAContactEach() {
    a = crm.accounts().create(NewAccount.builder("Steuerbüro Abel").build());
    ca = crm.contacts().create(NewContact.builder(PersonName.of("Anna", "Abel")).account(a.id()).build());
    b = crm.accounts().create(NewAccount.builder("Buchhaltung Berg").build());
    cb = crm.contacts().create(NewContact.builder(PersonName.of("Bert", "Berg")).account(b.id()).build());
    events.clear();
  }

  private Feedback nps(Account account, Contact contact, int score, Instant at) {
    return crm.feedback().record(NewFeedback.nps(account.id(), contact.id(), score).answeredAt(at).build());
  }

  private Feedback csat(Account account, Contact contact, int score, Instant at) {
    return crm.feedback().record(NewFeedback.csat(account.id(), contact.id(), score).answeredAt(at).build());
  }

  private static Instant day(int d) {
    return FROM.plus(Duration.ofDays(d));
  }

  /** The answers of the figures, recorded in this order (which is the detractors' order). */
  private List<Feedback> recordTheAnswers() {
    List<Feedback> all = new ArrayList<>();
    // account A, NPS, in the period: 10 (exactly at from), 10, 9, 8, 6, 0, 9
    all.add(nps(a, ca, 10, FROM));
    all.add(nps(a, ca, 10, day(1)));
    all.add(nps(a, ca, 9, day(2)));
    all.add(nps(a, ca, 8, day(3)));
    all.add(nps(a, ca, 6, day(4)));
    all.add(nps(b, cb, 5, day(4))); // account B, NPS: 5, 6, 9
    all.add(nps(a, ca, 0, day(5)));
    all.add(nps(b, cb, 6, day(6)));
    all.add(nps(a, ca, 9, day(30)));
    all.add(nps(b, cb, 9, TO.minusNanos(1_000)));
    // outside the period: one microsecond before from, exactly at to
    all.add(nps(a, ca, 0, FROM.minusNanos(1_000)));
    all.add(nps(a, ca, 0, TO));
    all.add(nps(b, cb, 2, TO.plus(Duration.ofDays(3))));
    // CSAT, A: 5, 4, 2 in the period, 1 at to; B: 1, 3
    all.add(csat(a, ca, 5, day(1)));
    all.add(csat(a, ca, 4, day(2)));
    all.add(csat(a, ca, 2, day(3)));
    all.add(csat(a, ca, 1, TO));
    all.add(csat(b, cb, 1, day(8)));
    all.add(csat(b, cb, 3, FROM));
    return all;
  }

  @Test
  public void npsOfAnAccountAndOfTheTenantAreTheFiguresWorkedOutByHand() {
    recordTheAnswers();
    // A: 7 answers; promoters 10, 10, 9, 9 = 4; passives 8 = 1; detractors 6, 0 = 2.
    // NPS = (4 - 2) * 100 / 7 = 28.5714... -> 28.6 (one decimal, half away from zero)
    NpsResult ofA = crm.feedback().nps(a.id(), FROM, TO);
    assertThat(ofA).isEqualTo(new NpsResult(7, 4, 1, 2));
    assertThat(ofA.score()).contains(new BigDecimal("28.6"));
    // B: 3 answers; promoters 9 = 1; passives none; detractors 5, 6 = 2.
    // NPS = (1 - 2) * 100 / 3 = -33.333... -> -33.3
    NpsResult ofB = crm.feedback().nps(b.id(), FROM, TO);
    assertThat(ofB).isEqualTo(new NpsResult(3, 1, 0, 2));
    assertThat(ofB.score()).contains(new BigDecimal("-33.3"));
    // tenant: 10 answers; promoters 4 + 1 = 5; passives 1; detractors 2 + 2 = 4.
    // NPS = (5 - 4) * 100 / 10 = 10.0
    NpsResult all = crm.feedback().nps(FROM, TO);
    assertThat(all).isEqualTo(new NpsResult(10, 5, 1, 4));
    assertThat(all.score()).contains(new BigDecimal("10.0"));
  }

  @Test
  public void csatOfAnAccountAndOfTheTenantAreTheFiguresWorkedOutByHand() {
    recordTheAnswers();
    // A: 5, 4, 2 -> 3 answers, 2 satisfied (4 and 5), sum 11.
    // satisfied = 2 * 100 / 3 = 66.666... -> 66.7; mean = 11 / 3 = 3.666... -> 3.67
    CsatResult ofA = crm.feedback().csat(a.id(), FROM, TO);
    assertThat(ofA).isEqualTo(new CsatResult(3, 2, 11));
    assertThat(ofA.satisfiedPercent()).contains(new BigDecimal("66.7"));
    assertThat(ofA.mean()).contains(new BigDecimal("3.67"));
    // B: 1, 3 -> 2 answers, none satisfied, sum 4: 0.0 percent, mean 2.00
    CsatResult ofB = crm.feedback().csat(b.id(), FROM, TO);
    assertThat(ofB).isEqualTo(new CsatResult(2, 0, 4));
    assertThat(ofB.satisfiedPercent()).contains(new BigDecimal("0.0"));
    assertThat(ofB.mean()).contains(new BigDecimal("2.00"));
    // tenant: 5 answers, 2 satisfied, sum 15: 2 * 100 / 5 = 40.0 percent, mean 15 / 5 = 3.00
    CsatResult all = crm.feedback().csat(FROM, TO);
    assertThat(all).isEqualTo(new CsatResult(5, 2, 15));
    assertThat(all.satisfiedPercent()).contains(new BigDecimal("40.0"));
    assertThat(all.mean()).contains(new BigDecimal("3.00"));
  }

  @Test
  public void withNoAnswersTheFiguresAreEmptyNotADivisionByZero() {
    recordTheAnswers();
    Account quiet = crm.accounts().create(NewAccount.builder("Quiet Ltd").build());
    assertThat(crm.feedback().nps(quiet.id(), FROM, TO)).isEqualTo(NpsResult.empty());
    assertThat(crm.feedback().nps(quiet.id(), FROM, TO).score()).isEmpty();
    assertThat(crm.feedback().csat(quiet.id(), FROM, TO).mean()).isEmpty();
    assertThat(crm.feedback().csat(quiet.id(), FROM, TO).satisfiedPercent()).isEmpty();
    assertThat(crm.feedback().nps(FROM, FROM)).isEqualTo(NpsResult.empty()); // an empty period
    Instant later = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(crm.feedback().csat(later, later.plusSeconds(60))).isEqualTo(CsatResult.empty());
  }

  @Test
  public void boundsFinerThanAMicrosecondRoundUpAndSelectTheSameAnswers() {
    recordTheAnswers();
    // from 1 ns before FROM rounds up to FROM: the answer at FROM counts, the one a microsecond before not
    assertThat(crm.feedback().nps(a.id(), FROM.minusNanos(1), TO.minusNanos(1))).isEqualTo(new NpsResult(7, 4, 1, 2));
    // to 1 ns after TO rounds up to TO + 1 microsecond: the answer of 0 at TO counts now
    assertThat(crm.feedback().nps(a.id(), FROM, TO.plusNanos(1))).isEqualTo(new NpsResult(8, 4, 1, 3));
    assertThatThrownBy(() -> crm.feedback().nps(TO, FROM)).isInstanceOf(ValidationException.class).hasMessageContaining("to");
  }

  @Test
  public void detractorsToFollowUpArePagedInRecordingOrder() {
    List<Feedback> all = recordTheAnswers();
    List<Feedback> expected = all.stream().filter(Feedback::isDetractor)
        .filter(f -> !f.answeredAt().isBefore(FROM) && f.answeredAt().isBefore(TO)).toList();
    assertThat(expected).extracting(Feedback::score).containsExactly(6, 5, 0, 6);
    assertThat(StoreSnapshot.all(p -> crm.feedback().detractors(Optional.empty(), FROM, TO, p), 3))
        .containsExactlyElementsOf(expected);
    assertThat(StoreSnapshot.all(p -> crm.feedback().detractors(Optional.of(a.id()), FROM, TO, p), 1))
        .extracting(Feedback::score).containsExactly(6, 0);
  }

  @Test
  public void everyFieldOfAnAnswerIsStoredAndReadBackEqualWithItsEvent() {
    ServiceCase sc = crm.cases().open(NewCase.builder(a.id(), "Slow export").contact(ca.id()).build());
    Opportunity o = crm.opportunities().open(a.id(), NewOpportunity.builder("Renewal", Money.of("900.00", "EUR")).build());
    events.clear();
    Instant answered = Instant.parse("2025-02-28T23:59:59.123456Z");
    Feedback f = crm.feedback().record(NewFeedback.nps(a.id(), ca.id(), 3).aboutCase(sc.id())
        .aboutOpportunity(o.id()).comment("Support took three days ⏳ — “too slow”\nbut friendly")
        .channel(FeedbackChannel.of("Partner_Portal")).survey("Q1 relationship survey")
        .answeredAt(answered.plusNanos(789)).build());
    assertThat(f.version()).isEqualTo(1);
    assertThat(f.answeredAt()).isEqualTo(answered); // kept to the microsecond
    assertThat(f.recordedAt()).isEqualTo(START);
    assertThat(f.channel().code()).isEqualTo("partner_portal");
    assertThat(crm.feedback().get(f.id())).isEqualTo(f);
    assertThat(events).containsExactly(new FeedbackReceived(tenant, START, f.id(), a.id(), ca.id(),
        Optional.of(sc.id()), Optional.of(o.id()), FeedbackScale.NPS, 3, answered));
  }

  @Test
  public void answersAtEveryLimitAndWithNoOptionalPartReadBackEqualThroughTheSpi() {
    String emoji = "💬";
    Feedback longest = new Feedback(FeedbackId.of(Fixtures.uuid()), tenant, 0, a.id(), ca.id(),
        Optional.empty(), Optional.empty(), FeedbackScale.CSAT, 5,
        Optional.of(emoji.repeat(Limits.FEEDBACK_COMMENT)), FeedbackChannel.of("c".repeat(Limits.CODE)),
        Optional.of(emoji.repeat(Limits.TEXT)), Limits.LATEST_INSTANT, Limits.EARLIEST_INSTANT);
    Feedback minimal = new Feedback(FeedbackId.of(Fixtures.uuid()), tenant, 0, b.id(), cb.id(),
        Optional.empty(), Optional.empty(), FeedbackScale.NPS, 0, Optional.empty(),
        FeedbackChannel.OTHER, Optional.empty(), START, START);
    inUnitOfWork(uow -> {
      uow.port(FeedbackRepository.class).insert(longest);
      return uow.port(FeedbackRepository.class).insert(minimal);
    });
    assertThat(storedFeedback(longest.id())).contains(versioned(longest, 1));
    assertThat(storedFeedback(minimal.id())).contains(versioned(minimal, 1));
  }

  @Test
  public void anAnswerComesFromAContactOfTheAccountAboutTheAccountsOwnCaseOrOpportunity() {
    ServiceCase ofB = crm.cases().open(NewCase.builder(b.id(), "B's case").build());
    Opportunity oppOfB = crm.opportunities().open(b.id(), NewOpportunity.builder("B deal", Money.of("1.00", "EUR")).build());
    events.clear();
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.feedback().record(NewFeedback.nps(a.id(), cb.id(), 9).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("contactId");
    assertThatThrownBy(() -> crm.feedback().record(NewFeedback.nps(a.id(), ca.id(), 9).aboutCase(ofB.id()).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("caseId");
    assertThatThrownBy(() -> crm.feedback().record(NewFeedback.csat(a.id(), ca.id(), 4).aboutOpportunity(oppOfB.id()).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("opportunityId");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void anotherTenantSeesNoAnswersAndCannotRecordAboutThisTenantsAccount() {
    recordTheAnswers();
    Crm stranger = crm(freshTenant(), persistence);
    assertThat(stranger.feedback().nps(FROM, TO)).isEqualTo(NpsResult.empty());
    assertThat(stranger.feedback().csat(a.id(), FROM, TO)).isEqualTo(CsatResult.empty());
    assertThat(stranger.feedback().detractors(Optional.empty(), FROM, TO, PageRequest.first(10)).items()).isEmpty();
    assertThatThrownBy(() -> stranger.feedback().record(NewFeedback.nps(a.id(), ca.id(), 10).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(crm.feedback().nps(FROM, TO)).isEqualTo(new NpsResult(10, 5, 1, 4));
  }

  @Test
  public void figuresSeeTheUnitsOwnAnswersBeforeCommit() {
    Feedback pending = new Feedback(FeedbackId.of(Fixtures.uuid()), tenant, 0, a.id(), ca.id(),
        Optional.empty(), Optional.empty(), FeedbackScale.NPS, 10, Optional.empty(),
        FeedbackChannel.EMAIL, Optional.empty(), day(1), START);
    NpsResult seen = inUnitOfWork(uow -> {
      uow.port(FeedbackRepository.class).insert(pending);
      return uow.port(FeedbackRepository.class).nps(Optional.of(a.id()), FROM, TO);
    });
    assertThat(seen).isEqualTo(new NpsResult(1, 1, 0, 0));
    AccountId none = a.id();
    assertThat(crm.feedback().nps(none, FROM, TO)).isEqualTo(new NpsResult(1, 1, 0, 0));
  }
}
