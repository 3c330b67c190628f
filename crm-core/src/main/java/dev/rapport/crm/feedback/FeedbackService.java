package dev.rapport.crm.feedback;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.service.CaseRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Records what customers say (CSAT and NPS answers) and computes NPS and CSAT of an account or of
 * the whole tenant. Reached through {@code crm.feedback()}. Thread-safe.
 *
 * <p>An answer comes from a contact of the account it is about; the case or opportunity it is
 * about, if any, must be the account's too. A period is {@code [from, to)} of the time answered;
 * bounds finer than a microsecond round up to the next microsecond (answers are kept to the
 * microsecond, so this selects exactly the answers at or after {@code from} and before {@code to}).
 */
public final class FeedbackService {
  private final CrmContext ctx;

  private final long expectedVersion; // -1: any version

  /** Internal: obtain the service from {@code Crm.feedback()}. */
  FeedbackService(CrmContext ctx) {
    this(ctx, -1);
  }

  private FeedbackService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
  }

  /**
   * A view of this service whose {@link #delete} first checks that the answer is still at
   * {@code version} (the version the caller read), and refuses with
   * {@link dev.rapport.crm.exception.ConcurrentUpdateException} otherwise. Other methods are unaffected.
   *
   * @throws ValidationException if the version is below 1
   */
  public FeedbackService ifVersion(long version) {
    return new FeedbackService(ctx, Check.expectedVersion(version));
  }

  /**
   * Deletes an answer (one recorded by mistake, or at the giver's request): it no longer counts in
   * NPS, CSAT or the reports. Under {@link #ifVersion} it must still be at that version. Raises
   * {@link FeedbackDeleted}.
   *
   * @return the event
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such answer
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is not at the version given to
   *     {@link #ifVersion}, or was changed concurrently
   */
  public FeedbackDeleted delete(FeedbackId id) {
    Check.notNull(id, "feedbackId");
    return ctx.command(cmd -> {
      FeedbackRepository answers = cmd.uow().port(FeedbackRepository.class);
      Feedback feedback = answers.find(id).orElseThrow(() -> new NotFoundException("feedback", id));
      Check.version("feedback", id, feedback.version(), expectedVersion);
      answers.delete(feedback);
      FeedbackDeleted event = new FeedbackDeleted(ctx.tenant(), ctx.now(), id, feedback.accountId());
      cmd.raise(event);
      return event;
    });
  }

  /**
   * Records an answer. Raises {@link FeedbackReceived}.
   *
   * @throws ValidationException if the draft is null, answered after now (field {@code
   *     answeredAt}: an answer is recorded once given; earlier answers may be back-dated), the
   *     contact not a contact of the account, or the case or opportunity named not the account's
   * @throws NotFoundException if the account, contact, case or opportunity does not exist
   */
  public Feedback record(NewFeedback draft) {
    Check.notNull(draft, "feedback");
    Instant asked = ctx.now();
    if (draft.answeredAt.isPresent() && draft.answeredAt.get().isAfter(asked)) {
      throw new ValidationException("answeredAt", "must not be after now (" + asked + ", when it is recorded)");
    }
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      AccountId account = draft.accountId;
      if (uow.port(AccountRepository.class).find(account).isEmpty()) {
        throw new NotFoundException("account", account);
      }
      Contact c = uow.port(ContactRepository.class).find(draft.contactId)
          .orElseThrow(() -> new NotFoundException("contact", draft.contactId));
      if (!c.accountId().equals(Optional.of(account))) {
        throw new ValidationException("contactId", "must be a contact of the account " + account);
      }
      if (draft.caseId.isPresent()) {
        ServiceCase sc = uow.port(CaseRepository.class).find(draft.caseId.get())
            .orElseThrow(() -> new NotFoundException("case", draft.caseId.get()));
        if (!sc.accountId().equals(account)) {
          throw new ValidationException("caseId", "must be a case of the account " + account);
        }
      }
      if (draft.opportunityId.isPresent()) {
        Opportunity o = uow.port(OpportunityRepository.class).find(draft.opportunityId.get())
            .orElseThrow(() -> new NotFoundException("opportunity", draft.opportunityId.get()));
        if (!o.accountId().equals(account)) {
          throw new ValidationException("opportunityId", "must be an opportunity of the account " + account);
        }
      }
      Instant now = ctx.now();
      Feedback f = Feedback.record(FeedbackId.of(ctx.ids().next()), ctx.tenant(), draft, now);
      Feedback stored = uow.port(FeedbackRepository.class).insert(f);
      cmd.raise(new FeedbackReceived(ctx.tenant(), now, f.id(), account, f.contactId(), f.caseId(),
          f.opportunityId(), f.scale(), f.score(), f.answeredAt()));
      return stored;
    });
  }

  /**
   * The answer with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such answer
   */
  public Feedback get(FeedbackId id) {
    Check.notNull(id, "feedbackId");
    return ctx.read(uow -> uow.port(FeedbackRepository.class).find(id)).orElseThrow(() -> new NotFoundException("feedback", id));
  }

  /**
   * The NPS of the account's answers in {@code [from, to)}: see {@link NpsResult} for the
   * arithmetic and rounding.
   *
   * @throws ValidationException if an argument is null, a bound out of range, or {@code to} before {@code from}
   */
  public NpsResult nps(AccountId account, Instant from, Instant to) {
    Check.notNull(account, "accountId");
    return nps(Optional.of(account), from, to);
  }

  /**
   * The NPS of every answer of the tenant in {@code [from, to)}.
   *
   * @throws ValidationException if a bound is null, out of range, or {@code to} before {@code from}
   */
  public NpsResult nps(Instant from, Instant to) {
    return nps(Optional.empty(), from, to);
  }

  private NpsResult nps(Optional<AccountId> account, Instant from, Instant to) {
    Instant f = bound(from, "from");
    Instant t = upper(f, to);
    return f.equals(t) ? NpsResult.empty() : ctx.read(uow -> uow.port(FeedbackRepository.class).nps(account, f, t));
  }

  /**
   * The CSAT of the account's answers in {@code [from, to)}: see {@link CsatResult}.
   *
   * @throws ValidationException if an argument is null, a bound out of range, or {@code to} before {@code from}
   */
  public CsatResult csat(AccountId account, Instant from, Instant to) {
    Check.notNull(account, "accountId");
    return csat(Optional.of(account), from, to);
  }

  /**
   * The CSAT of every answer of the tenant in {@code [from, to)}.
   *
   * @throws ValidationException if a bound is null, out of range, or {@code to} before {@code from}
   */
  public CsatResult csat(Instant from, Instant to) {
    return csat(Optional.empty(), from, to);
  }

  private CsatResult csat(Optional<AccountId> account, Instant from, Instant to) {
    Instant f = bound(from, "from");
    Instant t = upper(f, to);
    return f.equals(t) ? CsatResult.empty() : ctx.read(uow -> uow.port(FeedbackRepository.class).csat(account, f, t));
  }

  /**
   * The detractors to follow up: NPS answers of 0 to 6 answered in {@code [from, to)}, of one
   * account or (account empty) of the tenant, in the order they were recorded, oldest first, so
   * that a team working down the list answers the longest-waiting customer first, and an answer
   * recorded meanwhile never shifts a page already read (keyset paging by id).
   *
   * @throws ValidationException if an argument is null, a bound out of range, or {@code to} before {@code from}
   */
  public Page<Feedback> detractors(Optional<AccountId> account, Instant from, Instant to, PageRequest page) {
    Check.notNull(account, "accountId");
    Instant f = bound(from, "from");
    Instant t = upper(f, to);
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(FeedbackRepository.class).detractors(account, f, t, page));
  }

  private static Instant upper(Instant from, Instant to) {
    Instant t = bound(to, "to");
    if (t.isBefore(from)) {
      throw new ValidationException("to", "must not be before from");
    }
    return t;
  }

  /** A bound in range, rounded up to the microsecond (the query selects the same answers). */
  private static Instant bound(Instant value, String field) {
    Check.notNull(value, field);
    if (value.isBefore(Limits.EARLIEST_INSTANT) || value.isAfter(Limits.LATEST_INSTANT)) {
      throw new ValidationException(field, "must be from " + Limits.EARLIEST_INSTANT + " to " + Limits.LATEST_INSTANT);
    }
    // within the limits, which end at a whole microsecond: rounding up stays within them
    Instant micros = value.truncatedTo(ChronoUnit.MICROS);
    return micros.equals(value) ? value : micros.plus(1, ChronoUnit.MICROS);
  }
}
