package dev.rapport.crm.lead;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lead: a person who may become a customer but has not yet shown a direct wish to buy. It
 * records where the person came from ({@link #source()}), how they engaged
 * ({@link #signals()}), how likely they are to buy ({@link #temperature()}) and where they stand
 * ({@link #status()}). Once converted it is history: it links to what it became
 * ({@link #convertedTo()}) and no longer changes.
 *
 * <p>An immutable value. Each change is a method that checks the lifecycle rules and returns the
 * next state; {@link LeadService} stores it. Adapters rebuild stored leads with the canonical
 * constructor.
 *
 * @param id the lead's id
 * @param tenantId the tenant it belongs to
 * @param version how many times it has been stored (0 before the first save)
 * @param name the person's name
 * @param email the person's e-mail address
 * @param phone the person's phone number
 * @param company the company the person works for, as they gave it
 * @param title the person's job title
 * @param source where the lead came from
 * @param sourceDetail campaign and UTM detail of the source
 * @param status where the lead stands in its lifecycle
 * @param disqualificationReason why it was disqualified; present exactly when {@code DISQUALIFIED}
 * @param signals its engagement signals, oldest first
 * @param temperature its temperature: the override if present, else the policy's verdict
 * @param temperatureOverride a temperature set by hand
 * @param owner who works the lead (a user id of the host)
 * @param score a score from 0 to 100
 * @param createdAt when it was captured
 * @param updatedAt when it last changed
 * @param convertedTo what it became; present exactly when {@code CONVERTED}
 * @param campaign the campaign it is attributed to: the one it was captured with
 * @param industry the industry of the person's company, where known
 * @param fields its custom field values ({@link dev.rapport.crm.field.CustomField})
 */
public record Lead(
    LeadId id,
    TenantId tenantId,
    long version,
    PersonName name,
    Optional<EmailAddress> email,
    Optional<PhoneNumber> phone,
    Optional<String> company,
    Optional<String> title,
    LeadSource source,
    Optional<SourceDetail> sourceDetail,
    LeadStatus status,
    Optional<String> disqualificationReason,
    List<EngagementSignal> signals,
    Temperature temperature,
    Optional<Temperature> temperatureOverride,
    Optional<String> owner,
    int score,
    Instant createdAt,
    Instant updatedAt,
    Optional<ConvertedTo> convertedTo,
    Optional<CampaignId> campaign,
    Optional<Industry> industry,
    CustomFields fields) {

  /** The longest company name, title, owner or reason. */
  static final int MAX_TEXT = Limits.TEXT;

  /**
   * @throws ValidationException if a part is null, a text is blank or too long, the score is not
   *     0 to 100, the version is negative, or the status disagrees with the reason or conversion
   */
  public Lead {
    Check.notNull(fields, "fields");
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(name, "name");
    Check.notNull(email, "email");
    Check.notNull(phone, "phone");
    company = optionalText(company, "company");
    title = optionalText(title, "title");
    Check.notNull(source, "source");
    Check.notNull(sourceDetail, "sourceDetail");
    Check.notNull(status, "status");
    disqualificationReason = optionalText(disqualificationReason, "reason");
    signals = List.copyOf(Check.size(signals, "signals", Limits.SIGNALS_PER_LEAD));
    Check.notNull(temperature, "temperature");
    Check.notNull(temperatureOverride, "temperatureOverride");
    owner = optionalText(owner, "owner");
    Check.range(score, "score", 0, 100);
    createdAt = Check.instant(createdAt, "createdAt");
    updatedAt = Check.instant(updatedAt, "updatedAt");
    Check.notNull(convertedTo, "convertedTo");
    if ((status == LeadStatus.DISQUALIFIED) != disqualificationReason.isPresent()) {
      throw new ValidationException("reason", "must be present exactly when the lead is disqualified");
    }
    if ((status == LeadStatus.CONVERTED) != convertedTo.isPresent()) {
      throw new ValidationException("convertedTo", "must be present exactly when the lead is converted");
    }
    if (temperatureOverride.isPresent() && temperatureOverride.get() != temperature) {
      throw new ValidationException("temperature", "must equal the override when one is set");
    }
    Check.notNull(campaign, "campaign");
    Check.notNull(industry, "industry");
  }

  /**
   * A lead attributed to no campaign, of no known industry, without custom values: the canonical
   * constructor without {@code campaign}, {@code industry} and {@code fields}.
   *
   * @throws ValidationException as the canonical constructor
   */
  public Lead(LeadId id, TenantId tenantId, long version, PersonName name,
      Optional<EmailAddress> email, Optional<PhoneNumber> phone, Optional<String> company,
      Optional<String> title, LeadSource source, Optional<SourceDetail> sourceDetail,
      LeadStatus status, Optional<String> disqualificationReason, List<EngagementSignal> signals,
      Temperature temperature, Optional<Temperature> temperatureOverride, Optional<String> owner,
      int score, Instant createdAt, Instant updatedAt, Optional<ConvertedTo> convertedTo) {
    this(id, tenantId, version, name, email, phone, company, title, source, sourceDetail, status,
        disqualificationReason, signals, temperature, temperatureOverride, owner, score, createdAt,
        updatedAt, convertedTo, Optional.empty(), Optional.empty(), CustomFields.empty());
  }

  private static Optional<String> optionalText(Optional<String> value, String field) {
    Check.notNull(value, field);
    return value.isEmpty() ? value : Optional.of(Check.text(value.get(), field, MAX_TEXT));
  }

  /**
   * A new lead as captured: status {@code NEW}, version 0, temperature from the policy. For a
   * feature that captures a lead inside a command of its own (e.g. mail from an unknown sender);
   * a host captures through {@code crm.leads()}.
   *
   * @throws ValidationException if a part is null
   */
  public static Lead capture(LeadId id, TenantId tenantId, NewLead draft, TemperaturePolicy policy, Instant now) {
    Check.notNull(draft, "lead");
    Check.notNull(policy, "temperaturePolicy");
    Check.notNull(now, "now");
    List<EngagementSignal> signals = draft.signals();
    return new Lead(id, tenantId, 0, draft.name(), draft.email(), draft.phone(), draft.company(),
        draft.title(), draft.source(), draft.sourceDetail(), LeadStatus.NEW, Optional.empty(),
        signals, policy.evaluate(signals, now), Optional.empty(), draft.owner(), 0, now, now,
        Optional.empty(), draft.campaign(), draft.industry(), draft.fields());
  }

  /**
   * Moves to an open status along the lifecycle.
   *
   * @throws ValidationException if {@code to} is null, {@code CONVERTED} (use conversion) or
   *     {@code DISQUALIFIED} (use {@link #disqualify})
   * @throws IllegalTransitionException if the lifecycle does not allow the move
   */
  public Lead moveTo(LeadStatus to, Instant now) {
    Check.notNull(to, "status");
    if (to == LeadStatus.CONVERTED) {
      throw new ValidationException("status", "must not be CONVERTED: convert the lead instead");
    }
    if (to == LeadStatus.DISQUALIFIED) {
      throw new ValidationException("status", "must not be DISQUALIFIED: disqualify with a reason instead");
    }
    if (!status.next().contains(to)) {
      throw new IllegalTransitionException("lead", status, to);
    }
    return with(to, Optional.empty(), now);
  }

  /**
   * Disqualifies the lead for a reason.
   *
   * @throws ValidationException if the reason is null, blank or over 200 characters
   * @throws IllegalTransitionException if the lead is converted or already disqualified
   */
  public Lead disqualify(String reason, Instant now) {
    String why = Check.text(reason, "reason", MAX_TEXT);
    if (!status.isOpen()) {
      throw new IllegalTransitionException("lead", status, LeadStatus.DISQUALIFIED);
    }
    return with(LeadStatus.DISQUALIFIED, Optional.of(why), now);
  }

  /**
   * Reopens a disqualified lead: it goes back to {@code NEW} and loses its reason.
   *
   * @throws IllegalTransitionException if the lead is not disqualified
   */
  public Lead reopen(Instant now) {
    if (status != LeadStatus.DISQUALIFIED) {
      throw new IllegalTransitionException("lead", status, "reopen");
    }
    return with(LeadStatus.NEW, Optional.empty(), now);
  }

  private Lead with(LeadStatus newStatus, Optional<String> reason, Instant now) {
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        newStatus, reason, signals, temperature, temperatureOverride, owner, score, createdAt, now,
        convertedTo, campaign, industry, fields);
  }

  /**
   * Records an engagement signal and re-evaluates the temperature (an override still wins).
   *
   * @throws ValidationException if the signal or policy is null
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead recordSignal(EngagementSignal signal, TemperaturePolicy policy, Instant now) {
    Check.notNull(signal, "signal");
    Check.notNull(policy, "policy");
    requireChangeable("recordSignal");
    List<EngagementSignal> next = new ArrayList<>(signals.size() + 1);
    next.addAll(signals);
    int at = next.size();
    while (at > 0 && next.get(at - 1).occurredAt().isAfter(signal.occurredAt())) {
      at--; // keep oldest first even when a signal arrives late
    }
    next.add(at, signal);
    if (next.size() > Limits.SIGNALS_PER_LEAD) {
      next.remove(0); // the oldest drops off: see Limits.SIGNALS_PER_LEAD
    }
    return withSignals(next, policy, now);
  }

  /**
   * Re-evaluates the temperature at {@code now}: old signals cool a lead down over time.
   *
   * @throws ValidationException if the policy is null
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead refreshTemperature(TemperaturePolicy policy, Instant now) {
    Check.notNull(policy, "policy");
    requireChangeable("refreshTemperature");
    Temperature t = temperatureOverride.orElseGet(() -> policy.evaluate(signals, now));
    if (t == temperature) {
      return this;
    }
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        status, disqualificationReason, signals, t, temperatureOverride, owner, score, createdAt,
        now, convertedTo, campaign, industry, fields);
  }

  private Lead withSignals(List<EngagementSignal> next, TemperaturePolicy policy, Instant now) {
    Temperature t = temperatureOverride.orElseGet(() -> policy.evaluate(next, now));
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        status, disqualificationReason, next, t, temperatureOverride, owner, score, createdAt, now,
        convertedTo, campaign, industry, fields);
  }

  /**
   * Sets the temperature by hand; it stays until {@link #clearTemperatureOverride} whatever the
   * signals say.
   *
   * @throws ValidationException if the temperature is null
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead overrideTemperature(Temperature override, Instant now) {
    Check.notNull(override, "temperature");
    requireChangeable("overrideTemperature");
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        status, disqualificationReason, signals, override, Optional.of(override), owner, score,
        createdAt, now, convertedTo, campaign, industry, fields);
  }

  /**
   * Removes a manual temperature: the policy decides again.
   *
   * @throws ValidationException if the policy is null
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead clearTemperatureOverride(TemperaturePolicy policy, Instant now) {
    Check.notNull(policy, "policy");
    requireChangeable("clearTemperatureOverride");
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        status, disqualificationReason, signals, policy.evaluate(signals, now), Optional.empty(),
        owner, score, createdAt, now, convertedTo, campaign, industry, fields);
  }

  /**
   * Gives the lead to an owner.
   *
   * @throws ValidationException if the owner is null, blank or over 200 characters
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead assignTo(String newOwner, Instant now) {
    String who = Check.text(newOwner, "owner", MAX_TEXT);
    requireChangeable("assign");
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        status, disqualificationReason, signals, temperature, temperatureOverride, Optional.of(who),
        score, createdAt, now, convertedTo, campaign, industry, fields);
  }

  /**
   * Sets the score.
   *
   * @throws ValidationException if the score is not 0 to 100
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead withScore(int newScore, Instant now) {
    Check.range(newScore, "score", 0, 100);
    requireChangeable("score");
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        status, disqualificationReason, signals, temperature, temperatureOverride, owner, newScore,
        createdAt, now, convertedTo, campaign, industry, fields);
  }

  /**
   * Corrects the lead's details; what the update does not set stays.
   *
   * @throws ValidationException if the update is null
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead update(LeadUpdate update, Instant now) {
    Check.notNull(update, "update");
    requireChangeable("update");
    Lead next = new Lead(id, tenantId, version, update.name.orElse(name), update.email.or(() -> email),
        update.phone.or(() -> phone), update.company.or(() -> company), update.title.or(() -> title),
        source, sourceDetail, status, disqualificationReason, signals, temperature,
        temperatureOverride, owner, score, createdAt, updatedAt, convertedTo, campaign,
        update.industry.or(() -> industry), fields);
    return next.equals(this) ? this : next.touched(now);
  }

  private Lead touched(Instant now) {
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        status, disqualificationReason, signals, temperature, temperatureOverride, owner, score,
        createdAt, now, convertedTo, campaign, industry, fields);
  }

  /** The converted lead; only conversion calls this, after checking the lifecycle. */
  Lead converted(ConvertedTo links) {
    if (status != LeadStatus.QUALIFIED) {
      throw notConvertible();
    }
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail,
        LeadStatus.CONVERTED, Optional.empty(), signals, temperature, temperatureOverride, owner,
        score, createdAt, links.convertedAt(), Optional.of(links), campaign, industry, fields);
  }

  /** Why this lead, not QUALIFIED, cannot convert: what it already became, or what to do first. */
  IllegalTransitionException notConvertible() {
    return new IllegalTransitionException("lead", status, LeadStatus.CONVERTED, convertedTo
        .map(c -> "it was converted on " + c.convertedAt() + " into contact " + c.contactId()
            + " at account " + c.accountId() + c.opportunityId().map(o -> " with opportunity " + o).orElse(""))
        .orElse("only a QUALIFIED lead converts"
            + (status == LeadStatus.DISQUALIFIED ? " (reopen it first)" : " (qualify it first)")));
  }

  private void requireChangeable(String action) {
    if (status == LeadStatus.CONVERTED) {
      throw new IllegalTransitionException("lead", status, action,
          "a converted lead no longer changes; change the contact " + convertedTo.orElseThrow().contactId() + " instead");
    }
  }

  /**
   * This lead with its custom values under renamed keys (what renaming a field does): the same data,
   * so also of a converted lead, and its last change stays.
   *
   * @throws ValidationException if they are null
   */
  public Lead withFieldsMoved(CustomFields newFields) {
    Check.notNull(newFields, "fields");
    return newFields.equals(fields) ? this : new Lead(id, tenantId, version, name, email, phone, company, title, source,
        sourceDetail, status, disqualificationReason, signals, temperature, temperatureOverride, owner, score, createdAt,
        updatedAt, convertedTo, campaign, industry, newFields);
  }

  /**
   * This lead with other custom field values (checked against the tenant's fields by its
   * service); this very one when they are the same.
   *
   * @throws ValidationException if they are null
   * @throws IllegalTransitionException if the lead is converted
   */
  public Lead withFields(CustomFields newFields, Instant now) {
    Check.notNull(newFields, "fields");
    Check.notNull(now, "now");
    if (newFields.equals(fields)) {
      return this;
    }
    requireChangeable("setFields");
    return new Lead(id, tenantId, version, name, email, phone, company, title, source, sourceDetail, status, disqualificationReason, signals, temperature, temperatureOverride, owner, score, createdAt, now, convertedTo, campaign, industry, newFields);
  }
}
