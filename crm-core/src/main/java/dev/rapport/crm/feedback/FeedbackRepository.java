package dev.rapport.crm.feedback;

import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The feedback answers of one tenant, inside one {@link UnitOfWork}. Answers are only inserted
 * (same rules as {@link LeadRepository#insert}), never changed. A period is {@code [from, to)}
 * of {@link dev.rapport.crm.feedback.Feedback#answeredAt()}, both bounds whole microseconds;
 * {@code account} empty means every account of the tenant. The figures count every matching
 * answer the unit sees; a durable adapter computes them in the database, in a number of
 * statements that does not grow with the answers.
 */
public interface FeedbackRepository {

  /** The answer with this id, or empty. */
  Optional<Feedback> find(FeedbackId id);

  /** The page of all answers of the tenant, in id order. */
  Page<Feedback> list(PageRequest page);

  /**
   * The page of NPS answers of 0 to 6 answered in the period, in id (recording) order.
   */
  Page<Feedback> detractors(Optional<AccountId> account, Instant from, Instant to, PageRequest page);

  /** The counts of the NPS answers answered in the period. */
  NpsResult nps(Optional<AccountId> account, Instant from, Instant to);

  /** The counts of the CSAT answers answered in the period. */
  CsatResult csat(Optional<AccountId> account, Instant from, Instant to);

  /**
   * The answers answered in the period per account and scale: how many, the sum of their scores
   * and how many are NPS detractors (0 to 6; always 0 for CSAT). Only pairs with answers have a
   * row. {@link FeedbackFigures#scores} is the reference.
   */
  List<ScoreRow> scores(Instant from, Instant to);

  /** Stores a new answer (version 0) and returns it with version 1. */
  Feedback insert(Feedback feedback);

  /**
   * Deletes the answer.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   *     (checked at once or at commit)
   */
  void delete(Feedback feedback);

  /**
   * Stores a changed answer (its comment: erasure clears it) read at its version; returns it with the next version.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  Feedback update(Feedback feedback);

  /** How many answers name the case ({@link Feedback#caseId}). */
  long countByCase(dev.rapport.crm.common.CaseId caseId);

  /** How many answers name the opportunity ({@link Feedback#opportunityId}). */
  long countByOpportunity(dev.rapport.crm.common.OpportunityId opportunityId);

  /**
   * The answers of one account on one scale in a period: see {@link #scores}.
   *
   * @param accountId the account
   * @param scale the scale
   * @param answers how many answers
   * @param scoreSum the sum of their scores
   * @param detractors how many are NPS answers of 0 to 6
   */
  record ScoreRow(AccountId accountId, FeedbackScale scale, long answers, long scoreSum, long detractors) {
    public ScoreRow {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(scale, "scale");
    }
  }
}
