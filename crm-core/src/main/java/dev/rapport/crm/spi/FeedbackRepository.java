package dev.rapport.crm.spi;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.NpsResult;
import java.time.Instant;
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

  /** Stores a new answer (version 0) and returns it with version 1. */
  Feedback insert(Feedback feedback);
}
