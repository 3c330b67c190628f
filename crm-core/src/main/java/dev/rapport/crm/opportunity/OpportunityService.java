package dev.rapport.crm.opportunity;

import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.CustomFieldsChanged;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Versioned;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Opens opportunities and moves them through the {@link Pipeline} to won or lost. Reached through
 * {@code crm.opportunities()}. Thread-safe; every command is stored whole or not at all.
 */
public final class OpportunityService {
  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version
  private final Versioned<OpportunityId, Opportunity> versioned;

  /** Internal: obtain the service from {@code Crm.opportunities()}. */
  OpportunityService(CrmContext ctx) {
    this(ctx, -1);
  }

  private OpportunityService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
    this.versioned = new Versioned<>(ctx, "opportunity", "opportunityId", (uow, id) -> uow.port(OpportunityRepository.class).find(id),
        (uow, x) -> uow.port(OpportunityRepository.class).update(x), Opportunity::version);
  }

  /**
   * A view of this service whose commands on an existing opportunity first check that it is still at
   * {@code version} (the version the caller read, e.g. shown in a form), and refuse with
   * {@link dev.rapport.crm.exception.ConcurrentUpdateException} when someone changed it since. Queries and
   * creation are unaffected.
   *
   * @throws ValidationException if the version is below 1
   */
  public OpportunityService ifVersion(long version) {
    return new OpportunityService(ctx, Check.expectedVersion(version));
  }

  private void checkVersion(Opportunity current) {
    versioned.checkVersion(current.id(), current, expectedVersion);
  }

  /** The pipeline opportunities move through. */
  public Pipeline pipeline() {
    return ctx.setting(Pipeline.class);
  }

  /**
   * Opens an opportunity with an account. Raises {@link OpportunityOpened}.
   *
   * @throws ValidationException if an argument is null, or the stage is not an open stage
   * @throws NotFoundException if the account, or the primary contact named, does not exist
   */
  public Opportunity open(AccountId account, NewOpportunity opportunity) {
    Check.notNull(account, "accountId");
    Check.notNull(opportunity, "opportunity");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      if (uow.port(AccountRepository.class).find(account).isEmpty()) {
        throw new NotFoundException("account", account);
      }
      opportunity.primaryContact.ifPresent(c -> {
        if (uow.port(ContactRepository.class).find(c).isEmpty()) {
          throw new NotFoundException("contact", c);
        }
      });
      Instant now = ctx.now();
      Opportunity o = Opportunity.open(OpportunityId.of(ctx.ids().next()), ctx.tenant(), account,
          Optional.empty(), opportunity, ctx.setting(Pipeline.class), Optional.empty(), Optional.empty(),
          Optional.empty(), now);
      uow.port(CustomFieldRepository.class).check(RecordKind.OPPORTUNITY, CustomFields.empty(), o.fields());
      Opportunity stored = uow.port(OpportunityRepository.class).insert(o);
      cmd.raise(new OpportunityOpened(ctx.tenant(), now, o.id(), account, o.amount(), o.stage()));
      dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.OPPORTUNITY, o.id().value(),
          dev.rapport.crm.field.CustomFields.empty(), o.fields()).ifPresent(cmd::raise);
      return stored;
    });
  }

  /**
   * The opportunity with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such opportunity
   */
  public Opportunity get(OpportunityId id) {
    Check.notNull(id, "opportunityId");
    return ctx.read(uow -> load(uow, id));
  }

  /**
   * The opportunity with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<Opportunity> find(OpportunityId id) {
    Check.notNull(id, "opportunityId");
    return ctx.read(uow -> uow.port(OpportunityRepository.class).find(id));
  }

  /**
   * A page of the opportunities matching the query, oldest first. Stage names are matched ignoring
   * case, as in the commands.
   *
   * @throws ValidationException if an argument is null, or a stage of the query is not a stage of
   *     the pipeline
   */
  public Page<Opportunity> query(OpportunityQuery query, PageRequest page) {
    Check.notNull(query, "query");
    Check.notNull(page, "page");
    OpportunityQuery spelled = spelled(query);
    return ctx.read(uow -> uow.port(OpportunityRepository.class).query(spelled, page));
  }

  /**
   * How many opportunities match the query: as many as walking every page of {@link #query}
   * returns, counted by the store in one statement.
   *
   * @throws ValidationException if the query is null, or a stage of the query is not a stage of
   *     the pipeline
   */
  public long count(OpportunityQuery query) {
    Check.notNull(query, "query");
    OpportunityQuery spelled = spelled(query);
    return ctx.read(uow -> uow.port(OpportunityRepository.class).count(spelled));
  }

  /** The query with its stage names as the pipeline spells them: the stores compare them exactly. */
  private OpportunityQuery spelled(OpportunityQuery query) {
    return ctx.setting(Pipeline.class).spell(query);
  }


  /**
   * Moves an open opportunity to another open stage; it takes the stage's probability and
   * forecast category. Raises {@link OpportunityStageChanged}.
   *
   * @throws ValidationException if an argument is null, or the stage is not an open stage of the pipeline
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if the opportunity is won or lost
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity moveToStage(OpportunityId id, String stage) {
    Stage to = ctx.setting(Pipeline.class).openStage(stage);
    return change(id, (o, now) -> o.moveTo(to, now));
  }

  /**
   * Closes an opportunity as won. Raises {@link OpportunityStageChanged} and {@link OpportunityWon}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if it is already won or lost
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity win(OpportunityId id) {
    return change(id, (o, now) -> o.win(ctx.setting(Pipeline.class), now));
  }

  /**
   * Closes an opportunity as lost, for a reason. Raises {@link OpportunityStageChanged} and
   * {@link OpportunityLost}.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if it is already won or lost
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity lose(OpportunityId id, LostReason reason) {
    Check.notNull(reason, "lostReason");
    return change(id, (o, now) -> o.lose(ctx.setting(Pipeline.class), reason, now));
  }

  /**
   * Reopens a won or lost opportunity in an open stage. Raises {@link OpportunityStageChanged} and
   * {@link OpportunityReopened}.
   *
   * @throws ValidationException if an argument is null, or the stage is not an open stage
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if it is open
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity reopen(OpportunityId id, String stage) {
    Stage to = ctx.setting(Pipeline.class).openStage(stage);
    return change(id, (o, now) -> o.reopen(to, now));
  }

  /**
   * Sets the probability by hand until the next stage move.
   *
   * @throws ValidationException if the id is null or the probability not 0 to 100
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if it is won or lost
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity overrideProbability(OpportunityId id, int percent) {
    Check.range(percent, "probability", 0, 100);
    return change(id, (o, now) -> o.overrideProbability(percent, now));
  }

  /**
   * Changes the expected amount, in the opportunity's currency.
   *
   * @throws ValidationException if an argument is null, the amount negative, or in another
   *     currency than the opportunity's (use {@link #changeCurrency})
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if it is won or lost
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity changeAmount(OpportunityId id, Money amount) {
    Check.notNull(amount, "amount");
    return change(id, (o, now) -> o.changeAmount(amount, now));
  }

  /**
   * Changes the opportunity's currency together with its amount, e.g. when the customer asks for
   * a quote in another currency. The only command that changes a currency: {@link #changeAmount}
   * refuses an amount in another currency, so none switches by accident.
   *
   * @throws ValidationException if an argument is null or the amount negative
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if it is won or lost
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity changeCurrency(OpportunityId id, Money amount) {
    Check.notNull(amount, "amount");
    return change(id, (o, now) -> o.changeCurrency(amount, now));
  }

  /**
   * Changes the expected close date.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the opportunity does not exist
   * @throws IllegalTransitionException if it is won or lost
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public Opportunity expectCloseOn(OpportunityId id, LocalDate date) {
    Check.notNull(date, "expectedCloseDate");
    return change(id, (o, now) -> o.expectCloseOn(date, now));
  }

  private Opportunity load(UnitOfWork uow, OpportunityId id) {
    return versioned.load(uow, id);
  }

  /**
   * Sets the opportunity's custom field values: these replace the ones it has (a key left out loses its
   * value). Checked against the tenant's opportunity fields: a new or changed value must belong to a
   * field not removed and fit it, every required field must have a value; a value of a removed
   * field may stay. Raises {@link CustomFieldsChanged} (none if nothing changes).
   *
   * @throws ValidationException if an argument is null, or (field {@code fields.<key>}) a value
   *     breaks its field's rules or a required field has none
   * @throws NotFoundException if the tenant has no such opportunity
   * @throws ConcurrentUpdateException if the opportunity was changed concurrently, or is not at the
   *     version given to {@link #ifVersion}
   */
  public Opportunity setFields(OpportunityId id, CustomFields fields) {
    Check.notNull(fields, "fields");
    return versioned.change(id, expectedVersion, (uow, before, now) -> {
      uow.port(CustomFieldRepository.class).check(RecordKind.OPPORTUNITY, before.fields(), fields);
      return before.withFields(fields, now);
    }, (cmd, before, after, now) -> cmd.raise(new CustomFieldsChanged(ctx.tenant(), now, RecordKind.OPPORTUNITY,
        after.id().value(), before.fields(), after.fields())));
  }

  private Opportunity change(OpportunityId id, BiFunction<Opportunity, Instant, Opportunity> transition) {
    return versioned.change(id, expectedVersion, (uow, before, now) -> transition.apply(before, now),
        (cmd, before, stored, now) -> {
          if (!before.stage().equals(stored.stage())) {
            cmd.raise(new OpportunityStageChanged(ctx.tenant(), now, id, before.stage(), stored.stage()));
          }
          if (before.status() != stored.status()) {
            switch (stored.status()) {
              case WON -> cmd.raise(new OpportunityWon(ctx.tenant(), now, id, stored.accountId(), stored.amount()));
              case LOST -> cmd.raise(new OpportunityLost(ctx.tenant(), now, id, stored.lostReason().orElseThrow()));
              case OPEN -> cmd.raise(new OpportunityReopened(ctx.tenant(), now, id, stored.stage()));
            }
          }
        });
  }

  /**
   * Deletes an opportunity, in any status, with its stage history (it leaves the pipeline, funnel,
   * forecast and won revenue), its timeline and the activities and tasks that concern only it (what
   * concerns others too stays, without it), in one unit of work. Feedback answers that name it are
   * refused, naming how many. A lead converted with it keeps its conversion as history. Under
   * {@link #ifVersion} it must still be at that version. Raises {@link OpportunityDeleted}.
   *
   * @return the event, with how much went with the opportunity
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such opportunity
   * @throws IllegalTransitionException if feedback answers name it (naming how many)
   * @throws ConcurrentUpdateException if it is not at the version given to {@link #ifVersion}, or
   *     was changed concurrently
   */
  public OpportunityDeleted delete(OpportunityId id) {
    Check.notNull(id, "opportunityId");
    return ctx.command(cmd -> {
      Opportunity opportunity = versioned.load(cmd.uow(), id);
      versioned.checkVersion(id, opportunity, expectedVersion);
      dev.rapport.crm.internal.context.Cascade.Removed removed = ctx.setting(dev.rapport.crm.internal.context.Cascade.class).removeUnlessNamed(cmd,
          dev.rapport.crm.internal.context.Cascade.Subject.OPPORTUNITY, id.value());
      cmd.uow().port(OpportunityRepository.class).delete(opportunity);
      OpportunityDeleted event = new OpportunityDeleted(ctx.tenant(), ctx.now(), id, opportunity.accountId(),
          opportunity.name(), removed.activities(), removed.tasks());
      cmd.raise(event);
      return event;
    });
  }
}
