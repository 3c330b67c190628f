package dev.rapport.crm.opportunity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.common.LeadSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An opportunity: a possible sale to an {@link dev.rapport.crm.contact.Account}. It moves through
 * the stages of a {@link Pipeline}, each with a probability and forecast category, and ends won or
 * lost (with a reason); a closed opportunity can be reopened. Every stage move is kept in
 * {@link #history()}.
 *
 * <p>An immutable value; adapters rebuild stored opportunities with the canonical constructor.
 *
 * @param id the opportunity's id
 * @param tenantId the tenant it belongs to
 * @param version how many times it has been stored (0 before the first save)
 * @param name what is being sold, 1 to 200 characters
 * @param accountId the account it is sold to
 * @param primaryContact the contact the sale is made with
 * @param amount the expected amount; not negative
 * @param stage the name of the current stage
 * @param probability the probability of closing, 0 to 100: the stage's, unless overridden
 * @param probabilityOverridden whether the probability was set by hand (cleared by a stage move)
 * @param forecastCategory how it counts in the forecast: the stage's
 * @param expectedCloseDate when it is expected to close
 * @param status open, won or lost
 * @param lostReason why it was lost; present exactly when {@code LOST}
 * @param source the lead source it inherited from its lead
 * @param originLead the lead it was converted from
 * @param owner who works it (a user id of the host)
 * @param history every stage it entered, oldest first
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 * @param closedAt when it was won or lost; present exactly when not {@code OPEN}
 * @param fields its custom field values ({@link dev.rapport.crm.field.CustomField})
 */
public record Opportunity(
    OpportunityId id,
    TenantId tenantId,
    long version,
    String name,
    AccountId accountId,
    Optional<ContactId> primaryContact,
    Money amount,
    String stage,
    int probability,
    boolean probabilityOverridden,
    ForecastCategory forecastCategory,
    Optional<LocalDate> expectedCloseDate,
    OpportunityStatus status,
    Optional<LostReason> lostReason,
    Optional<LeadSource> source,
    Optional<LeadId> originLead,
    Optional<String> owner,
    List<StageChange> history,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> closedAt,
    CustomFields fields) {

  static final int MAX_TEXT = Limits.TEXT;

  /**
   * @throws ValidationException if a part is null, a text blank or too long, the amount negative,
   *     the probability not 0 to 100, or the status disagrees with the reason or close time
   */
  public Opportunity {
    Check.notNull(fields, "fields");
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    name = Check.text(name, "name", MAX_TEXT);
    Check.notNull(accountId, "accountId");
    Check.notNull(primaryContact, "primaryContact");
    Check.notNull(amount, "amount");
    if (amount.isNegative()) {
      throw new ValidationException("amount", "must not be negative");
    }
    stage = Check.text(stage, "stage", Limits.STAGE_NAME);
    Check.range(probability, "probability", 0, 100);
    Check.notNull(forecastCategory, "forecastCategory");
    Check.notNull(expectedCloseDate, "expectedCloseDate");
    expectedCloseDate.ifPresent(d -> Check.date(d, "expectedCloseDate"));
    Check.notNull(status, "status");
    Check.notNull(lostReason, "lostReason");
    Check.notNull(source, "source");
    Check.notNull(originLead, "originLead");
    Check.notNull(owner, "owner");
    owner = owner.isEmpty() ? owner : Optional.of(Check.text(owner.get(), "owner", MAX_TEXT));
    history = List.copyOf(Check.size(history, "history", Limits.STAGE_CHANGES + 1)); // + the close
    createdAt = Check.instant(createdAt, "createdAt");
    updatedAt = Check.instant(updatedAt, "updatedAt");
    Check.notNull(closedAt, "closedAt");
    closedAt = closedAt.map(c -> Check.instant(c, "closedAt"));
    if ((status == OpportunityStatus.LOST) != lostReason.isPresent()) {
      throw new ValidationException("lostReason", "must be present exactly when the opportunity is lost");
    }
    if ((status == OpportunityStatus.OPEN) == closedAt.isPresent()) {
      throw new ValidationException("closedAt", "must be present exactly when the opportunity is closed");
    }
  }

  /**
   * A new opportunity, version 0, in the draft's stage (or the pipeline's first stage), with the
   * stage's probability and forecast category.
   *
   * @param id its id
   * @param tenantId its tenant
   * @param accountId the account it is sold to
   * @param primaryContact the contact, when the draft names none
   * @param draft what is known of it
   * @param pipeline the pipeline it moves through
   * @param originLead the lead it comes from, if any
   * @param leadSource the source it inherits, when the draft names none
   * @param leadOwner the owner it inherits, when the draft names none
   * @param now the time
   * @throws ValidationException if an argument is null, or the draft's stage is not an open stage
   *     of the pipeline
   */
  public static Opportunity open(OpportunityId id, TenantId tenantId, AccountId accountId,
      Optional<ContactId> primaryContact, NewOpportunity draft, Pipeline pipeline,
      Optional<LeadId> originLead, Optional<LeadSource> leadSource, Optional<String> leadOwner,
      Instant now) {
    Check.notNull(draft, "opportunity");
    Check.notNull(pipeline, "pipeline");
    Stage stage = draft.stage.map(pipeline::openStage).orElseGet(pipeline::firstStage);
    if (stage.outcome() != OpportunityStatus.OPEN) {
      throw new ValidationException("stage", "must be an open stage to start in");
    }
    return new Opportunity(id, tenantId, 0, draft.name, accountId,
        draft.primaryContact.or(() -> primaryContact), draft.amount, stage.name(),
        stage.probability(), false, stage.forecastCategory(), draft.expectedCloseDate,
        OpportunityStatus.OPEN, Optional.empty(), draft.source.or(() -> leadSource), originLead,
        draft.owner.or(() -> leadOwner), List.of(new StageChange(Optional.empty(), stage.name(), now)),
        now, now, Optional.empty(), draft.fields());
  }

  /** The amount weighted by the probability: what it adds to the forecast. */
  public Money weightedAmount() {
    return amount.percent(probability);
  }

  private List<StageChange> historyWith(Stage to, Instant now) {
    List<StageChange> h = new ArrayList<>(history.size() + 1);
    h.addAll(history);
    h.add(new StageChange(Optional.of(stage), to.name(), now));
    return h;
  }

  private Opportunity enter(Stage to, OpportunityStatus newStatus, Optional<LostReason> reason,
      Optional<Instant> closed, Instant now) {
    if (newStatus == OpportunityStatus.OPEN && history.size() >= Limits.STAGE_CHANGES) {
      throw new ValidationException("history", "must hold at most " + Limits.STAGE_CHANGES
          + " stage changes: win or lose the opportunity instead");
    }
    return new Opportunity(id, tenantId, version, name, accountId, primaryContact, amount, to.name(),
        to.probability(), false, to.forecastCategory(), expectedCloseDate, newStatus, reason, source,
        originLead, owner, historyWith(to, now), createdAt, now, closed, fields);
  }

  /**
   * Moves the open opportunity to another open stage; the probability and forecast category become
   * the stage's (a manual probability is cleared). Moving to the current stage changes nothing.
   *
   * @throws ValidationException if the stage is null or closes the opportunity (use {@link #win}
   *     or {@link #lose})
   * @throws IllegalTransitionException if the opportunity is won or lost
   */
  public Opportunity moveTo(Stage to, Instant now) {
    Check.notNull(to, "stage");
    if (to.outcome() != OpportunityStatus.OPEN) {
      throw new ValidationException("stage", "must be an open stage: win or lose the opportunity instead");
    }
    if (status != OpportunityStatus.OPEN) {
      throw new IllegalTransitionException("opportunity", status, to.name());
    }
    if (to.name().equals(stage)) {
      return this;
    }
    return enter(to, OpportunityStatus.OPEN, Optional.empty(), Optional.empty(), now);
  }

  /**
   * Closes the opportunity as won, in the pipeline's won stage.
   *
   * @throws ValidationException if the pipeline is null
   * @throws IllegalTransitionException if it is already won or lost
   */
  public Opportunity win(Pipeline pipeline, Instant now) {
    Check.notNull(pipeline, "pipeline");
    if (status != OpportunityStatus.OPEN) {
      throw new IllegalTransitionException("opportunity", status, OpportunityStatus.WON);
    }
    return enter(pipeline.wonStage(), OpportunityStatus.WON, Optional.empty(), Optional.of(now), now);
  }

  /**
   * Closes the opportunity as lost, for a reason, in the pipeline's lost stage.
   *
   * @throws ValidationException if the pipeline or reason is null
   * @throws IllegalTransitionException if it is already won or lost
   */
  public Opportunity lose(Pipeline pipeline, LostReason reason, Instant now) {
    Check.notNull(pipeline, "pipeline");
    Check.notNull(reason, "lostReason");
    if (status != OpportunityStatus.OPEN) {
      throw new IllegalTransitionException("opportunity", status, OpportunityStatus.LOST);
    }
    return enter(pipeline.lostStage(), OpportunityStatus.LOST, Optional.of(reason), Optional.of(now), now);
  }

  /**
   * Reopens a won or lost opportunity in an open stage; the lost reason and close time are cleared.
   *
   * @throws ValidationException if the stage is null or not an open stage
   * @throws IllegalTransitionException if the opportunity is open
   */
  public Opportunity reopen(Stage to, Instant now) {
    Check.notNull(to, "stage");
    if (to.outcome() != OpportunityStatus.OPEN) {
      throw new ValidationException("stage", "must be an open stage");
    }
    if (status == OpportunityStatus.OPEN) {
      throw new IllegalTransitionException("opportunity", status, "reopen");
    }
    return enter(to, OpportunityStatus.OPEN, Optional.empty(), Optional.empty(), now);
  }

  /**
   * Sets the probability by hand, until the next stage move.
   *
   * @throws ValidationException if it is not 0 to 100
   * @throws IllegalTransitionException if the opportunity is won or lost
   */
  public Opportunity overrideProbability(int percent, Instant now) {
    Check.range(percent, "probability", 0, 100);
    requireOpen("overrideProbability");
    return new Opportunity(id, tenantId, version, name, accountId, primaryContact, amount, stage,
        percent, true, forecastCategory, expectedCloseDate, status, lostReason, source, originLead,
        owner, history, createdAt, now, closedAt, fields);
  }

  /**
   * Changes the expected amount, in the opportunity's currency.
   *
   * @throws ValidationException if it is null, negative, or in another currency (use
   *     {@link #changeCurrency} to change both)
   * @throws IllegalTransitionException if the opportunity is won or lost
   */
  public Opportunity changeAmount(Money newAmount, Instant now) {
    Check.notNull(newAmount, "amount");
    if (!newAmount.currency().equals(amount.currency())) {
      throw new ValidationException("amount", "must be in the opportunity's currency "
          + amount.currency() + ", not " + newAmount.currency() + ": change the currency with changeCurrency");
    }
    return withAmount(newAmount, "changeAmount", now);
  }

  /**
   * Changes the currency, and the amount with it: the one change that may switch currencies, so
   * that no amount changes currency by accident.
   *
   * @throws ValidationException if it is null or negative
   * @throws IllegalTransitionException if the opportunity is won or lost
   */
  public Opportunity changeCurrency(Money newAmount, Instant now) {
    Check.notNull(newAmount, "amount");
    return withAmount(newAmount, "changeCurrency", now);
  }

  private Opportunity withAmount(Money newAmount, String command, Instant now) {
    if (newAmount.isNegative()) {
      throw new ValidationException("amount", "must not be negative");
    }
    requireOpen(command);
    return new Opportunity(id, tenantId, version, name, accountId, primaryContact, newAmount, stage,
        probability, probabilityOverridden, forecastCategory, expectedCloseDate, status, lostReason,
        source, originLead, owner, history, createdAt, now, closedAt, fields);
  }

  /**
   * Changes the expected close date.
   *
   * @throws ValidationException if it is null
   * @throws IllegalTransitionException if the opportunity is won or lost
   */
  public Opportunity expectCloseOn(LocalDate date, Instant now) {
    Check.date(date, "expectedCloseDate");
    requireOpen("expectCloseOn");
    return new Opportunity(id, tenantId, version, name, accountId, primaryContact, amount, stage,
        probability, probabilityOverridden, forecastCategory, Optional.of(date), status, lostReason,
        source, originLead, owner, history, createdAt, now, closedAt, fields);
  }

  private void requireOpen(String action) {
    if (status != OpportunityStatus.OPEN) {
      throw new IllegalTransitionException("opportunity", status, action);
    }
  }

  /**
   * This opportunity with other custom field values (checked against the tenant's fields by its
   * service); this very one when they are the same.
   *
   * @throws ValidationException if they are null
   */
  public Opportunity withFields(CustomFields newFields, Instant now) {
    Check.notNull(newFields, "fields");
    Check.notNull(now, "now");
    if (newFields.equals(fields)) {
      return this;
    }
    return new Opportunity(id, tenantId, version, name, accountId, primaryContact, amount, stage, probability, probabilityOverridden, forecastCategory, expectedCloseDate, status, lostReason, source, originLead, owner, history, createdAt, now, closedAt, newFields);
  }
}
