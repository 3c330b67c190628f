package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.feedback.NpsResult;
import dev.rapport.crm.feedback.FeedbackFigures;
import dev.rapport.crm.feedback.FeedbackRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The feedback answers of one unit of work, in the tenant's feedback table. NPS and CSAT walk the
 * answers of the account (its index) or of the scale (for the whole tenant) once, counting.
 */
final class MemoryFeedback implements FeedbackRepository {
  /** The index of answers by scale. */
  static final String SCALE = "scale";
  /** The index of NPS answers of 0 to 6. */
  static final String DETRACTOR = "detractor";

  static final Kind<FeedbackId, Feedback> KIND = new Kind<>("feedback", Feedback::id,
      Feedback::version, Versions.of(Feedback.class)::with, Feedback::tenantId, FeedbackId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.ACCOUNT, f -> List.of(f.accountId())),
          new Kind.IndexDef<>(SCALE, f -> List.of(f.scale())),
          new Kind.IndexDef<>(DETRACTOR, f -> f.isDetractor() ? List.of(Boolean.TRUE) : List.of())),
      Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<FeedbackId, Feedback> buffer;

  MemoryFeedback(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  /** Made on first use: a unit that only reads other kinds needs none. */
  private Buffer<FeedbackId, Feedback> buffer() {
    if (buffer == null) {
      buffer = uow.buffer(uow.store().feedback);
    }
    return buffer;
  }

  @Override
  public Optional<Feedback> find(FeedbackId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public Page<Feedback> list(PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(), f -> true, page);
  }

  @Override
  public Page<Feedback> detractors(Optional<AccountId> account, Instant from, Instant to, PageRequest page) {
    uow.requireOpen();
    Predicate<Feedback> filter = select(account, FeedbackScale.NPS, from, to).and(Feedback::isDetractor);
    return buffer().page(List.of(Buffer.keys(DETRACTOR, List.of(Boolean.TRUE)),
        Buffer.keys(Kinds.ACCOUNT, account.stream().toList())), filter, page);
  }

  @Override
  public NpsResult nps(Optional<AccountId> account, Instant from, Instant to) {
    uow.requireOpen();
    long[] counts = new long[3]; // promoters, passives, detractors
    buffer().forEach(candidates(account, FeedbackScale.NPS), select(account, FeedbackScale.NPS, from, to), f -> {
      if (f.score() >= NpsResult.PROMOTER_MIN) {
        counts[0]++;
      } else if (f.score() > NpsResult.DETRACTOR_MAX) {
        counts[1]++;
      } else {
        counts[2]++;
      }
    });
    return new NpsResult(counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
  }

  @Override
  public CsatResult csat(Optional<AccountId> account, Instant from, Instant to) {
    uow.requireOpen();
    long[] counts = new long[3]; // answers, satisfied, sum
    buffer().forEach(candidates(account, FeedbackScale.CSAT), select(account, FeedbackScale.CSAT, from, to), f -> {
      counts[0]++;
      counts[1] += f.score() >= CsatResult.SATISFIED_MIN ? 1 : 0;
      counts[2] += f.score();
    });
    return new CsatResult(counts[0], counts[1], counts[2]);
  }

  @Override
  public List<ScoreRow> scores(Instant from, Instant to) {
    uow.requireOpen();
    List<Feedback> all = new java.util.ArrayList<>();
    buffer().forEach(List.of(), f -> true, all::add);
    return FeedbackFigures.scores(all, from, to);
  }

  @Override
  public Feedback insert(Feedback feedback) {
    uow.requireOpen();
    return buffer().insert(feedback);
  }

  /** The account's answers when one is given, else the scale's. */
  private static List<Buffer.IndexKey> candidates(Optional<AccountId> account, FeedbackScale scale) {
    return account.isPresent() ? Buffer.keys(Kinds.ACCOUNT, List.of(account.get()))
        : Buffer.keys(SCALE, List.of(scale));
  }

  private static Predicate<Feedback> select(Optional<AccountId> account, FeedbackScale scale, Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return f -> f.scale() == scale && !f.answeredAt().isBefore(from) && f.answeredAt().isBefore(to)
        && (account.isEmpty() || account.get().equals(f.accountId()));
  }

  @Override
  public void delete(dev.rapport.crm.feedback.Feedback feedback) {
    uow.requireOpen();
    buffer().delete(java.util.Objects.requireNonNull(feedback, "feedback"));
  }

  @Override
  public long countByCase(dev.rapport.crm.common.CaseId caseId) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(caseId, "caseId");
    Optional<dev.rapport.crm.common.CaseId> id = Optional.of(caseId);
    return buffer().count(List.of(), f -> f.caseId().equals(id));
  }

  @Override
  public long countByOpportunity(dev.rapport.crm.common.OpportunityId opportunityId) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(opportunityId, "opportunityId");
    Optional<dev.rapport.crm.common.OpportunityId> id = Optional.of(opportunityId);
    return buffer().count(List.of(), f -> f.opportunityId().equals(id));
  }

  @Override
  public Feedback update(Feedback feedback) {
    uow.requireOpen();
    return buffer().update(feedback);
  }
}
