package dev.rapport.crm.lead;

import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.CustomFieldsChanged;
import dev.rapport.crm.field.RecordKind;
import static dev.rapport.crm.internal.MergeChecks.follow;
import static dev.rapport.crm.internal.MergeChecks.pick;

import dev.rapport.crm.opportunity.Pipeline;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.AccountCreated;
import dev.rapport.crm.contact.ContactCreated;
import dev.rapport.crm.opportunity.OpportunityOpened;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.Domains;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.RecordScreen;
import dev.rapport.crm.internal.context.Versioned;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Captures and works leads of one tenant, and converts them. Reached through {@code crm.leads()}.
 * Every command runs in one unit of work: it is stored whole, or, when it throws, not at all.
 * Thread-safe.
 */
public final class LeadService {
  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version
  private final Versioned<LeadId, Lead> versioned;

  /** Internal: obtain the service from {@code Crm.leads()}. */
  LeadService(CrmContext ctx) {
    this(ctx, -1);
  }

  private LeadService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
    this.versioned = new Versioned<>(ctx, "lead", "leadId", (uow, id) -> uow.port(LeadRepository.class).find(id),
        (uow, x) -> uow.port(LeadRepository.class).update(x), Lead::version);
  }

  /**
   * A view of this service whose commands on an existing lead first check that it is still at
   * {@code version} (the version the caller read, e.g. shown in a form), and refuse with
   * {@link dev.rapport.crm.exception.ConcurrentUpdateException} when someone changed it since. Queries and
   * creation are unaffected.
   *
   * @throws ValidationException if the version is below 1
   */
  public LeadService ifVersion(long version) {
    return new LeadService(ctx, Check.expectedVersion(version));
  }

  private void checkVersion(Lead current) {
    versioned.checkVersion(current.id(), current, expectedVersion);
  }

  /**
   * Captures a new lead: status {@code NEW}, temperature from its signals, attributed to the
   * campaign it names. Raises {@link LeadCaptured}.
   *
   * @throws ValidationException if {@code lead} is null
   * @throws NotFoundException if the lead names a campaign the tenant does not have
   * @throws dev.rapport.crm.exception.DuplicateException if the {@code Crm}'s duplicate policy
   *     refuses likely duplicates and the tenant has one of this lead
   * @throws ValidationException if the address belongs to a person erased ({@code crm.privacy()};
   *     field {@code email}) who was not allowed back
   */
  public Lead capture(NewLead lead) {
    Check.notNull(lead, "lead");
    return ctx.command(cmd -> {
      requireCampaign(cmd.uow(), lead);
      Instant now = ctx.now();
      Lead l = Lead.capture(LeadId.of(ctx.ids().next()), ctx.tenant(), lead, ctx.setting(TemperaturePolicy.class), now);
      cmd.uow().port(CustomFieldRepository.class).check(RecordKind.LEAD, CustomFields.empty(), l.fields());
      dev.rapport.crm.internal.context.ErasedPeople.of(ctx).refuseErased(cmd.uow(), l.email().stream().toList(),
          "email");
      ctx.screen().screen(cmd.uow(), l);
      Lead stored = cmd.uow().port(LeadRepository.class).insert(l);
      cmd.raise(new LeadCaptured(ctx.tenant(), now, stored.id(), stored.source()));
      dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.LEAD, stored.id().value(),
          dev.rapport.crm.field.CustomFields.empty(), stored.fields()).ifPresent(cmd::raise);
      return stored;
    });
  }

  /** The most leads one {@link #captureAll} takes. */
  public static final int MAX_BATCH = 10_000;

  /**
   * Captures many leads in one unit of work, e.g. an imported list: all of them are stored, or,
   * if any write fails, none. Adapters write them in batches, so this is much cheaper than one
   * {@link #capture} per lead. Raises one {@link LeadCaptured} per lead, in list order.
   *
   * @return the stored leads, in list order
   * @throws ValidationException if the list is null, holds null, or holds more than
   *     {@value #MAX_BATCH} leads
   * @throws NotFoundException if a lead names a campaign the tenant does not have
   * @throws dev.rapport.crm.exception.DuplicateException if the {@code Crm}'s duplicate policy
   *     refuses likely duplicates and the tenant has one of a lead (checked against the stored
   *     leads and those of the list before it); then none is stored
   * @throws ValidationException if an address belongs to a person erased ({@code crm.privacy()};
   *     field {@code leads.email}) who was not allowed back; then none is stored
   */
  public List<Lead> captureAll(List<NewLead> leads) {
    Check.noNulls(leads, "leads");
    if (leads.size() > MAX_BATCH) {
      throw new ValidationException("leads", "must hold at most " + MAX_BATCH + " leads");
    }
    List<NewLead> drafts = List.copyOf(leads);
    return ctx.command(cmd -> {
      Instant now = ctx.now();
      List<Lead> stored = new java.util.ArrayList<>(drafts.size());
      Set<dev.rapport.crm.common.CampaignId> campaigns = new java.util.HashSet<>();
      for (NewLead draft : drafts) {
        if (draft.campaign().isPresent() && campaigns.add(draft.campaign().get())) {
          requireCampaign(cmd.uow(), draft);
        }
      }
      List<dev.rapport.crm.field.CustomField> fields = cmd.uow().port(CustomFieldRepository.class).fields(RecordKind.LEAD);
      for (int i = 0; i < drafts.size(); i++) {
        NewLead draft = drafts.get(i);
        int at = i;
        Check.element("leads", at, () -> {
          dev.rapport.crm.field.CustomField.check(fields, CustomFields.empty(), draft.fields());
          return draft;
        });
      }
      List<dev.rapport.crm.common.EmailAddress> addresses = drafts.stream().flatMap(d -> d.email().stream()).toList();
      dev.rapport.crm.internal.context.ErasedPeople.of(ctx).refuseErased(cmd.uow(), addresses, "leads.email");
      RecordScreen screen = ctx.screen();
      LeadRepository repository = cmd.uow().port(LeadRepository.class);
      TemperaturePolicy policy = ctx.setting(TemperaturePolicy.class);
      if (screen == RecordScreen.NONE) { // nothing reads between the inserts: one write for all
        List<Lead> made = new java.util.ArrayList<>(drafts.size());
        for (NewLead draft : drafts) {
          made.add(Lead.capture(LeadId.of(ctx.ids().next()), ctx.tenant(), draft, policy, now));
        }
        stored.addAll(repository.insertAll(made));
      } else { // each is screened against the stored leads and those of the list before it
        for (NewLead draft : drafts) {
          Lead l = Lead.capture(LeadId.of(ctx.ids().next()), ctx.tenant(), draft, policy, now);
          screen.screen(cmd.uow(), l);
          stored.add(repository.insert(l));
        }
      }
      for (Lead s : stored) {
        cmd.raise(new LeadCaptured(ctx.tenant(), now, s.id(), s.source()));
        dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.LEAD, s.id().value(),
              dev.rapport.crm.field.CustomFields.empty(), s.fields()).ifPresent(cmd::raise);
      }
      return List.copyOf(stored);
    });
  }

  /**
   * The lead with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such lead
   */
  public Lead get(LeadId id) {
    Check.notNull(id, "leadId");
    return ctx.read(uow -> resolve(uow, id).orElseThrow(() -> new NotFoundException("lead", id)));
  }

  /**
   * The lead with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<Lead> find(LeadId id) {
    Check.notNull(id, "leadId");
    return ctx.read(uow -> resolve(uow, id));
  }

  /** The lead, or the survivor it was merged into (following merges), or empty. */
  private static Optional<Lead> resolve(UnitOfWork uow, LeadId id) {
    LeadRepository repository = uow.port(LeadRepository.class);
    return follow(id, repository::find,
        at -> leadMerge(uow, at).map(m -> m.survivor().id()));
  }

  private static Optional<LeadMerge> leadMerge(UnitOfWork uow, LeadId merged) {
    return uow.port(dev.rapport.crm.contact.MergeRepository.class).findByMerged(merged.value())
        .filter(LeadMerge.class::isInstance).map(LeadMerge.class::cast);
  }

  /**
   * Merges duplicate leads into a survivor, in one command: the survivor takes its fields as the
   * plan says ({@link LeadMergePlan.Field}: default the survivor's value, else the first
   * duplicate's that has one), the engagement signals of all (its temperature evaluated on them)
   * and keeps its own status, source, score and creation; everything linked to a duplicate
   * (activities, tasks, campaign memberships, opportunities and contacts that came from it,
   * timeline entries) is linked to the survivor; the duplicates are deleted, and their ids lead to
   * the survivor in {@link #get} and {@link #find}. Raises {@link LeadsMerged}. Undo with
   * {@link #undoMerge} while the survivor is unchanged.
   *
   * @return the merge, with the survivor as stored
   * @throws ValidationException if the plan is null
   * @throws NotFoundException if the tenant has no lead with one of the plan's ids (also a lead
   *     already merged into another, or one of another tenant)
   * @throws IllegalTransitionException if one of the leads is converted: its history belongs to
   *     the contact it became
   * @throws ConcurrentUpdateException if the plan was made from leads as read and one of them
   *     changed since, or one changes while the merge runs
   */
  public LeadMerge merge(LeadMergePlan plan) {
    Check.notNull(plan, "plan");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      LeadRepository leads = uow.port(LeadRepository.class);
      dev.rapport.crm.contact.MergeRepository merges = uow.port(dev.rapport.crm.contact.MergeRepository.class);
      Lead survivor = loadForMerge(leads, plan, plan.survivor());
      List<Lead> duplicates = new java.util.ArrayList<>();
      for (LeadId id : plan.duplicates()) {
        duplicates.add(loadForMerge(leads, plan, id));
      }
      Instant now = ctx.now();
      Lead next = merged(survivor, duplicates, plan, ctx.setting(TemperaturePolicy.class), now);
      java.util.UUID mergeId = ctx.ids().next();
      for (Lead d : duplicates) {
        merges.moveLinks(mergeId, dev.rapport.crm.contact.Merge.Kind.LEAD, d.id().value(), survivor.id().value());
        leads.delete(d);
      }
      Lead stored = next.equals(survivor) ? survivor : leads.update(next);
      LeadMerge merge = new LeadMerge(mergeId, ctx.tenant(), now, survivor, stored, duplicates, Optional.empty());
      merges.save(merge);
      cmd.raise(new LeadsMerged(ctx.tenant(), now, mergeId, survivor.id(), plan.duplicates()));
      return merge;
    });
  }

  /**
   * Undoes a merge of leads: the merged leads return as they were (at version 1: they are stored
   * anew), with everything that was linked to them; the survivor gets its fields and signals as
   * before the merge (at its next version). Raises {@link LeadMergeUndone}.
   *
   * @return the merge, marked undone
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no merge of leads with this id
   * @throws IllegalTransitionException if the merge was undone already
   * @throws ConcurrentUpdateException if the survivor changed since the merge: undo that change first
   */
  public LeadMerge undoMerge(java.util.UUID mergeId) {
    Check.notNull(mergeId, "mergeId");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      LeadRepository leads = uow.port(LeadRepository.class);
      dev.rapport.crm.contact.MergeRepository merges = uow.port(dev.rapport.crm.contact.MergeRepository.class);
      LeadMerge merge = merges.find(mergeId).filter(LeadMerge.class::isInstance).map(LeadMerge.class::cast)
          .orElseThrow(() -> new NotFoundException("merge", mergeId));
      if (merge.undone()) {
        throw new IllegalTransitionException("merge", "UNDONE", "UNDO", "merge " + mergeId + " was undone already");
      }
      Lead survivor = merge.survivor();
      long current = leads.find(survivor.id()).map(Lead::version).orElse(-1L);
      if (current != survivor.version()) {
        throw new ConcurrentUpdateException("lead", survivor.id(), survivor.version(), Math.max(0, current));
      }
      Instant at = ctx.now();
      Lead b = merge.survivorBefore();
      leads.update(new Lead(survivor.id(), survivor.tenantId(), survivor.version(), b.name(), b.email(), b.phone(),
          b.company(), b.title(), b.source(), b.sourceDetail(), b.status(), b.disqualificationReason(), b.signals(),
          b.temperature(), b.temperatureOverride(), b.owner(), b.score(), b.createdAt(), at, b.convertedTo(),
          b.campaign(), b.industry(), b.fields()));
      for (Lead l : merge.merged()) {
        leads.insert(dev.rapport.crm.spi.Versions.of(Lead.class).with(l, 0));
      }
      merges.moveBack(mergeId);
      LeadMerge undone = merge.undoneAt(at);
      merges.save(undone);
      cmd.raise(new LeadMergeUndone(ctx.tenant(), at, mergeId, survivor.id(), merge.mergedIds()));
      return undone;
    });
  }

  /**
   * The merge of leads with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<LeadMerge> findMerge(java.util.UUID mergeId) {
    Check.notNull(mergeId, "mergeId");
    return ctx.read(uow -> uow.port(dev.rapport.crm.contact.MergeRepository.class).find(mergeId)
        .filter(LeadMerge.class::isInstance).map(LeadMerge.class::cast));
  }

  /**
   * The merge, not undone, that merged this lead into another, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<LeadMerge> mergeOf(LeadId merged) {
    Check.notNull(merged, "leadId");
    return ctx.read(uow -> leadMerge(uow, merged));
  }

  private static Lead loadForMerge(LeadRepository leads, LeadMergePlan plan, LeadId id) {
    Lead l = leads.find(id).orElseThrow(() -> new NotFoundException("lead", id));
    java.util.OptionalLong read = plan.versionRead(id);
    if (read.isPresent() && read.getAsLong() != l.version()) {
      throw new ConcurrentUpdateException("lead", id, read.getAsLong(), l.version());
    }
    if (l.status() == LeadStatus.CONVERTED) {
      throw new IllegalTransitionException("lead", LeadStatus.CONVERTED, "MERGED",
          "a converted lead's history belongs to the contact it became");
    }
    return l;
  }

  /** The survivor as the plan makes it from itself and the duplicates (equal to it if nothing changes). */
  static Lead merged(Lead survivor, List<Lead> duplicates, LeadMergePlan plan, TemperaturePolicy policy, Instant now) {
    List<Lead> all = new java.util.ArrayList<>();
    all.add(survivor);
    all.addAll(duplicates);
    java.util.function.Function<LeadMergePlan.Field, Optional<Lead>> chosen =
        f -> plan.choice(f).map(id -> all.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow());
    dev.rapport.crm.common.PersonName name = chosen.apply(LeadMergePlan.Field.NAME).map(Lead::name).orElse(survivor.name());
    Optional<dev.rapport.crm.common.EmailAddress> email = pick(all, chosen.apply(LeadMergePlan.Field.EMAIL), Lead::email);
    Optional<dev.rapport.crm.common.PhoneNumber> phone = pick(all, chosen.apply(LeadMergePlan.Field.PHONE), Lead::phone);
    Optional<String> company = pick(all, chosen.apply(LeadMergePlan.Field.COMPANY), Lead::company);
    Optional<String> title = pick(all, chosen.apply(LeadMergePlan.Field.TITLE), Lead::title);
    Optional<String> owner = pick(all, chosen.apply(LeadMergePlan.Field.OWNER), Lead::owner);
    Optional<dev.rapport.crm.common.CampaignId> campaign = pick(all, chosen.apply(LeadMergePlan.Field.CAMPAIGN),
        Lead::campaign);
    Optional<dev.rapport.crm.common.Industry> industry = pick(all, chosen.apply(LeadMergePlan.Field.INDUSTRY),
        Lead::industry);
    CustomFields fields = survivor.fields();
    for (Lead d : duplicates) {
      fields = fields.withGapsFilledFrom(d.fields());
    }
    List<EngagementSignal> signals = new java.util.ArrayList<>();
    all.forEach(l -> signals.addAll(l.signals()));
    signals.sort(java.util.Comparator.comparing(EngagementSignal::occurredAt)); // stable: the survivor's first on a tie
    List<EngagementSignal> kept = signals.size() > dev.rapport.crm.common.Limits.SIGNALS_PER_LEAD
        ? List.copyOf(signals.subList(signals.size() - dev.rapport.crm.common.Limits.SIGNALS_PER_LEAD, signals.size()))
        : List.copyOf(signals);
    boolean sameSignals = kept.equals(survivor.signals());
    Temperature temperature = sameSignals ? survivor.temperature()
        : survivor.temperatureOverride().orElseGet(() -> policy.evaluate(kept, now));
    Lead next = new Lead(survivor.id(), survivor.tenantId(), survivor.version(), name, email, phone, company, title,
        survivor.source(), survivor.sourceDetail(), survivor.status(), survivor.disqualificationReason(), kept,
        temperature, survivor.temperatureOverride(), owner, survivor.score(), survivor.createdAt(), survivor.updatedAt(),
        survivor.convertedTo(), campaign, industry, fields);
    return next.equals(survivor) ? survivor : new Lead(survivor.id(), survivor.tenantId(), survivor.version(), name,
        email, phone, company, title, survivor.source(), survivor.sourceDetail(), survivor.status(),
        survivor.disqualificationReason(), kept, temperature, survivor.temperatureOverride(), owner, survivor.score(),
        survivor.createdAt(), now, survivor.convertedTo(), campaign, industry, fields);
  }

  /**
   * The leads with this e-mail address (ignoring case), oldest first.
   *
   * @throws ValidationException if the address is null or invalid
   */
  public List<Lead> findByEmail(String email) {
    EmailAddress e = EmailAddress.of(email);
    return ctx.read(uow -> uow.port(LeadRepository.class).findByEmail(e));
  }

  /**
   * A page of the leads matching the query, oldest first.
   *
   * @throws ValidationException if an argument is null
   */
  public Page<Lead> query(LeadQuery query, PageRequest page) {
    Check.notNull(query, "query");
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(LeadRepository.class).query(query, page));
  }

  /**
   * How many leads match the query: as many as walking every page of {@link #query} returns,
   * counted by the store in one statement (the JPA adapter's {@code select count}).
   *
   * @throws ValidationException if the query is null
   */
  public long count(LeadQuery query) {
    Check.notNull(query, "query");
    return ctx.read(uow -> uow.port(LeadRepository.class).count(query));
  }

  /**
   * Corrects a lead's details (name, e-mail, phone, company, title, industry).
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead update(LeadId id, LeadUpdate update) {
    Check.notNull(update, "update");
    return change(id, (lead, now) -> lead.update(update, now));
  }

  /**
   * Moves a lead to an open status. Raises {@link LeadStatusChanged}.
   *
   * @throws ValidationException if an argument is null, or the status is {@code CONVERTED} or
   *     {@code DISQUALIFIED} (use {@link #convert} or {@link #disqualify})
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lifecycle does not allow the move
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead changeStatus(LeadId id, LeadStatus status) {
    Check.notNull(status, "status");
    return change(id, (lead, now) -> lead.moveTo(status, now));
  }

  /**
   * Deletes a lead, with what goes with it, in one unit of work: its timeline; the activities and
   * tasks that concern only it (their links name no contact, account or opportunity, and a logged
   * message of theirs no one else), with their logged messages; its campaign memberships. An
   * activity or task that concerns others too stays, without the lead (at its next version), and a
   * logged message stays linked to its other people. A converted lead is history its contact,
   * account and opportunity came from, and is refused while one of them exists. Under {@link #ifVersion} the lead must still
   * be at that version. Raises {@link LeadDeleted} (the records that went with it raise nothing of
   * their own).
   *
   * @return the event, with how much went with the lead
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead was converted and what it became exists (naming
   *     the contact, account and opportunity that depend on it)
   * @throws ConcurrentUpdateException if the lead is not at the version given to {@link #ifVersion},
   *     or was changed concurrently
   */
  public LeadDeleted delete(LeadId id) {
    Check.notNull(id, "leadId");
    return ctx.command(cmd -> {
      LeadRepository leads = cmd.uow().port(LeadRepository.class);
      Lead lead = versioned.load(cmd.uow(), id);
      versioned.checkVersion(id, lead, expectedVersion);
      if (lead.status() == LeadStatus.CONVERTED) {
        List<String> into = new java.util.ArrayList<>();
        lead.convertedTo().ifPresent(c -> {
          UnitOfWork uow = cmd.uow();
          if (uow.port(dev.rapport.crm.contact.ContactRepository.class).find(c.contactId()).isPresent()) {
            into.add("contact " + c.contactId());
          }
          if (uow.port(dev.rapport.crm.contact.AccountRepository.class).find(c.accountId()).isPresent()) {
            into.add("account " + c.accountId());
          }
          c.opportunityId().filter(o -> uow.port(dev.rapport.crm.opportunity.OpportunityRepository.class)
              .find(o).isPresent()).ifPresent(o -> into.add("opportunity " + o));
        });
        if (!into.isEmpty()) {
          throw new IllegalTransitionException("lead", LeadStatus.CONVERTED, "deleted", "a converted lead is the history"
              + " of what it became (" + String.join(", ", into) + "): delete those first, or erase the person");
        }
      }
      dev.rapport.crm.internal.context.Cascade.Removed removed = ctx.setting(
          dev.rapport.crm.internal.context.Cascade.class).remove(cmd, dev.rapport.crm.internal.context.Cascade.Subject.LEAD,
          id.value());
      leads.delete(lead);
      LeadDeleted event = new LeadDeleted(ctx.tenant(), ctx.now(), id, removed.activities(), removed.tasks(),
          removed.memberships(), removed.mails());
      cmd.raise(event);
      return event;
    });
  }

  /**
   * Disqualifies a lead for a reason. Raises {@link LeadStatusChanged}.
   *
   * @throws ValidationException if the id is null or the reason null, blank or over 200 characters
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted or already disqualified
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead disqualify(LeadId id, String reason) {
    Check.text(reason, "reason", Lead.MAX_TEXT);
    return change(id, (lead, now) -> lead.disqualify(reason, now));
  }

  /**
   * Reopens a disqualified lead (back to {@code NEW}). Raises {@link LeadStatusChanged}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is not disqualified
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead reopen(LeadId id) {
    return change(id, (lead, now) -> lead.reopen(now));
  }

  /**
   * Records that the lead engaged now. Raises {@link LeadTemperatureChanged} if it warms.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead recordSignal(LeadId id, SignalType type) {
    Check.notNull(type, "signal.type");
    return change(id, (lead, now) -> lead.recordSignal(EngagementSignal.of(type, now),
        ctx.setting(TemperaturePolicy.class), now));
  }

  /**
   * Records an engagement with its own time and detail. Raises {@link LeadTemperatureChanged} if
   * the temperature changes.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead recordSignal(LeadId id, EngagementSignal signal) {
    Check.notNull(signal, "signal");
    return change(id, (lead, now) -> lead.recordSignal(signal, ctx.setting(TemperaturePolicy.class), now));
  }

  /**
   * Sets the temperature by hand; signals no longer change it until the override is cleared.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead overrideTemperature(LeadId id, Temperature temperature) {
    Check.notNull(temperature, "temperature");
    return change(id, (lead, now) -> lead.overrideTemperature(temperature, now));
  }

  /**
   * Clears a manual temperature: the policy decides again.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead clearTemperatureOverride(LeadId id) {
    return change(id, (lead, now) -> lead.clearTemperatureOverride(ctx.setting(TemperaturePolicy.class), now));
  }

  /**
   * Gives the lead to an owner.
   *
   * @throws ValidationException if the id is null or the owner null, blank or over 200 characters
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead assign(LeadId id, String owner) {
    Check.text(owner, "owner", Lead.MAX_TEXT);
    return change(id, (lead, now) -> lead.assignTo(owner, now));
  }

  /**
   * Sets the lead's score.
   *
   * @throws ValidationException if the id is null or the score not 0 to 100
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently
   */
  public Lead score(LeadId id, int score) {
    Check.range(score, "score", 0, 100);
    return change(id, (lead, now) -> lead.withScore(score, now));
  }

  /**
   * Re-evaluates the temperature of every open lead at the current time, so that old signals cool
   * leads down; a host calls it on its own schedule (Rapport starts no threads). Each page of
   * leads is its own unit of work. Raises {@link LeadTemperatureChanged} for each change.
   *
   * @return how many leads changed temperature
   */
  public int refreshTemperatures() {
    int changed = 0;
    LeadQuery open = LeadQuery.all().withStatuses(Set.of(LeadStatus.NEW, LeadStatus.CONTACTED,
        LeadStatus.NURTURING, LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED));
    Optional<PageRequest> next = Optional.of(PageRequest.first(200));
    while (next.isPresent()) {
      PageRequest request = next.get();
      int[] count = {0};
      Page<Lead> page = ctx.command(cmd -> {
        Page<Lead> p = cmd.uow().port(LeadRepository.class).query(open, request);
        Instant now = ctx.now();
        for (Lead lead : p.items()) {
          Lead refreshed = lead.refreshTemperature(ctx.setting(TemperaturePolicy.class), now);
          if (refreshed != lead) {
            cmd.uow().port(LeadRepository.class).update(refreshed);
            raiseChanges(cmd, lead, refreshed, now);
            count[0]++;
          }
        }
        return p;
      });
      changed += count[0];
      next = request.next(page);
    }
    return changed;
  }

  /**
   * Converts a qualified lead, in one unit of work, into a contact attached to an account and,
   * if asked, an opportunity that inherits the lead's source and owner. An existing account or
   * contact (named, or matched as {@link Conversion} describes) is reused, filling only its empty
   * fields. The lead becomes {@code CONVERTED}, links to what it became, and no longer changes.
   * Raises {@link LeadStatusChanged}, {@link AccountCreated} and {@link ContactCreated} for new
   * records, {@link OpportunityOpened}, and {@link LeadConverted}.
   *
   * @throws ValidationException if an argument is null, or the opportunity's stage is not an open
   *     stage of the pipeline
   * @throws NotFoundException if the lead, or a named account or contact, does not exist
   * @throws IllegalTransitionException if the lead is not {@code QUALIFIED}
   * @throws ConcurrentUpdateException if a record involved was changed concurrently
   */
  public ConversionResult convert(LeadId id, Conversion conversion) {
    Check.notNull(id, "leadId");
    Check.notNull(conversion, "conversion");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      Instant now = ctx.now();
      Lead lead = load(uow, id);
      checkVersion(lead);
      if (lead.status() != LeadStatus.QUALIFIED) {
        throw lead.notConvertible();
      }
      // Resolve every existing record first, so that nothing is written when one is missing.
      Optional<Contact> existingContact = conversion.contact().isPresent()
          ? Optional.of(uow.port(ContactRepository.class).find(conversion.contact().get())
              .orElseThrow(() -> new NotFoundException("contact", conversion.contact().get())))
          : lead.email().flatMap(e -> uow.port(ContactRepository.class).findByEmail(e).stream().findFirst());
      Optional<Account> existingAccount = conversion.account().isPresent()
          ? Optional.of(uow.port(AccountRepository.class).find(conversion.account().get())
              .orElseThrow(() -> new NotFoundException("account", conversion.account().get())))
          : matchAccount(uow, lead, existingContact);
      Optional<ContactId> draftContact = conversion.opportunity().flatMap(o -> o.primaryContact());
      if (draftContact.isPresent() && uow.port(ContactRepository.class).find(draftContact.get()).isEmpty()) {
        throw new NotFoundException("contact", draftContact.get());
      }

      // the lead's custom values go where the tenant defined a field of the same key and type
      java.util.Map<RecordKind, List<dev.rapport.crm.field.CustomField>> defined = new java.util.EnumMap<>(RecordKind.class);
      for (RecordKind k : RecordKind.values()) {
        defined.put(k, new java.util.ArrayList<>());
      }
      uow.port(CustomFieldRepository.class).all().forEach(f -> defined.get(f.kind()).add(f));
      Account account;
      if (existingAccount.isPresent()) {
        account = existingAccount.get();
        Account filled = account.fillFrom(companyDomain(lead), lead.industry(), now);
        filled = filled.withFields(filled.fields().withGapsFilledFrom(
            lead.fields().carriedTo(defined.get(RecordKind.ACCOUNT))), now);
        dev.rapport.crm.field.CustomField.check(defined.get(RecordKind.ACCOUNT), account.fields(), filled.fields());
        if (filled != account) {
          dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, RecordKind.ACCOUNT, account.id().value(),
              account.fields(), filled.fields()).ifPresent(cmd::raise);
          account = uow.port(AccountRepository.class).update(filled);
        }
      } else {
        Account created = new Account(AccountId.of(ctx.ids().next()), ctx.tenant(), 0,
            accountName(lead), companyDomain(lead), Optional.empty(), lead.industry(),
            lead.owner(), now, now, lead.fields().carriedTo(defined.get(RecordKind.ACCOUNT)));
        dev.rapport.crm.field.CustomField.check(defined.get(RecordKind.ACCOUNT), CustomFields.empty(), created.fields());
        account = uow.port(AccountRepository.class).insert(created);
        cmd.raise(new AccountCreated(ctx.tenant(), now, account.id(), account.name()));
        dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.ACCOUNT, account.id().value(),
              dev.rapport.crm.field.CustomFields.empty(), account.fields()).ifPresent(cmd::raise);
      }

      Contact contact;
      if (existingContact.isPresent()) {
        Contact before = existingContact.get();
        Contact merged = before.fillFrom(account.id(), lead.email(), lead.phone(), lead.title(),
            lead.owner(), lead.id(), now);
        merged = merged.withFields(merged.fields().withGapsFilledFrom(
            lead.fields().carriedTo(defined.get(RecordKind.CONTACT))), now);
        dev.rapport.crm.field.CustomField.check(defined.get(RecordKind.CONTACT), before.fields(), merged.fields());
        dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, RecordKind.CONTACT, before.id().value(),
            before.fields(), merged.fields()).ifPresent(cmd::raise);
        contact = merged == before ? before : uow.port(ContactRepository.class).update(merged);
      } else {
        Contact created = new Contact(ContactId.of(ctx.ids().next()), ctx.tenant(), 0, lead.name(),
            Optional.of(account.id()), lead.email().stream().toList(), lead.phone().stream().toList(),
            lead.title(), Optional.empty(), Optional.of(lead.id()), lead.owner(), now, now,
            lead.fields().carriedTo(defined.get(RecordKind.CONTACT)));
        dev.rapport.crm.field.CustomField.check(defined.get(RecordKind.CONTACT), CustomFields.empty(), created.fields());
        contact = uow.port(ContactRepository.class).insert(created);
        cmd.raise(new ContactCreated(ctx.tenant(), now, contact.id(), contact.accountId()));
        dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.CONTACT, contact.id().value(),
              dev.rapport.crm.field.CustomFields.empty(), contact.fields()).ifPresent(cmd::raise);
      }

      Optional<Opportunity> opportunity = Optional.empty();
      if (conversion.opportunity().isPresent()) {
        Opportunity o = Opportunity.open(OpportunityId.of(ctx.ids().next()), ctx.tenant(),
            account.id(), Optional.of(contact.id()), conversion.opportunity().get(),
            ctx.setting(Pipeline.class), Optional.of(lead.id()), Optional.of(lead.source()), lead.owner(), now);
        o = o.withFields(o.fields().withGapsFilledFrom(lead.fields().carriedTo(defined.get(RecordKind.OPPORTUNITY))), now);
        dev.rapport.crm.field.CustomField.check(defined.get(RecordKind.OPPORTUNITY), CustomFields.empty(), o.fields());
        opportunity = Optional.of(uow.port(OpportunityRepository.class).insert(o));
        cmd.raise(new OpportunityOpened(ctx.tenant(), now, o.id(), o.accountId(), o.amount(), o.stage()));
        dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.OPPORTUNITY, o.id().value(),
              dev.rapport.crm.field.CustomFields.empty(), o.fields()).ifPresent(cmd::raise);
      }

      ConvertedTo links = new ConvertedTo(contact.id(), account.id(),
          opportunity.map(Opportunity::id), now);
      Lead converted = uow.port(LeadRepository.class).update(lead.converted(links));
      cmd.raise(new LeadStatusChanged(ctx.tenant(), now, lead.id(), lead.status(), converted.status()));
      cmd.raise(new LeadConverted(ctx.tenant(), now, lead.id(), contact.id(), account.id(),
          links.opportunityId()));
      return new ConversionResult(converted, contact, existingContact.isEmpty(), account,
          existingAccount.isEmpty(), opportunity);
    });
  }

  private Optional<Account> matchAccount(UnitOfWork uow, Lead lead, Optional<Contact> contact) {
    if (contact.isPresent() && contact.get().accountId().isPresent()) {
      return uow.port(AccountRepository.class).find(contact.get().accountId().get());
    }
    Optional<String> key = lead.company().map(Account::nameKey).filter(k -> !k.isEmpty());
    Optional<String> domain = companyDomain(lead);
    if (key.isEmpty() && domain.isEmpty()) {
      return Optional.empty();
    }
    return uow.port(AccountRepository.class).match(key, domain); // by name first, then by domain
  }

  /**
   * The registrable domain of the lead's e-mail address ({@code acme.co.uk} for {@code
   * ana@sales.acme.co.uk}, in ASCII), unless it is a free-mail provider's.
   */
  private static Optional<String> companyDomain(Lead lead) {
    return lead.email().flatMap(e -> Domains.ascii(e.domain())).map(Domains::registrable)
        .filter(d -> !Domains.isFreeMail(d));
  }

  /** The name of an account conversion makes: derived, so cut to {@link Limits#TEXT} if longer. */
  private static String accountName(Lead lead) {
    return Check.cut(lead.company().or(() -> companyDomain(lead)).orElse(lead.name().fullName()), Limits.TEXT);
  }

  /** Throws when the draft names a campaign the tenant does not have. */
  private static void requireCampaign(UnitOfWork uow, NewLead draft) {
    if (draft.campaign().isPresent() && !uow.port(CampaignDirectory.class).has(draft.campaign().get())) {
      throw new NotFoundException("campaign", draft.campaign().get());
    }
  }

  private Lead load(UnitOfWork uow, LeadId id) {
    return versioned.load(uow, id);
  }

  /**
   * Sets the lead's custom field values: these replace the ones it has (a key left out loses its
   * value). Checked against the tenant's lead fields: a new or changed value must belong to a field
   * not removed and fit it, every required field must have a value; a value of a removed field may
   * stay. Raises {@link CustomFieldsChanged} (none if nothing changes).
   *
   * @throws ValidationException if an argument is null, or (field {@code fields.<key>}) a value
   *     breaks its field's rules or a required field has none
   * @throws NotFoundException if the tenant has no such lead
   * @throws IllegalTransitionException if the lead is converted
   * @throws ConcurrentUpdateException if the lead was changed concurrently, or is not at the version
   *     given to {@link #ifVersion}
   */
  public Lead setFields(LeadId id, CustomFields fields) {
    Check.notNull(fields, "fields");
    return versioned.change(id, expectedVersion, (uow, before, now) -> {
      Lead after = before.withFields(fields, now);
      uow.port(CustomFieldRepository.class).check(RecordKind.LEAD, before.fields(), fields);
      return after;
    }, this::raiseChanges);
  }

  private Lead change(LeadId id, BiFunction<Lead, Instant, Lead> transition) {
    return versioned.change(id, expectedVersion, (uow, before, now) -> transition.apply(before, now),
        this::raiseChanges);
  }

  private void raiseChanges(CrmContext.Command cmd, Lead before, Lead after, Instant now) {
    if (!before.fields().equals(after.fields())) {
      cmd.raise(new CustomFieldsChanged(ctx.tenant(), now, RecordKind.LEAD, after.id().value(), before.fields(),
          after.fields()));
    }
    if (before.status() != after.status()) {
      cmd.raise(new LeadStatusChanged(ctx.tenant(), now, after.id(), before.status(), after.status()));
    }
    if (before.temperature() != after.temperature()) {
      cmd.raise(new LeadTemperatureChanged(ctx.tenant(), now, after.id(), before.temperature(),
          after.temperature()));
    }
  }
}
