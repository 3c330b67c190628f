package dev.rapport.crm.campaign;

import dev.rapport.crm.lead.TemperaturePolicy;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Versioned;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Plans and runs marketing campaigns of one tenant, keeps their members and responses, and
 * measures their results. Reached through {@code crm.campaigns()}. Every command runs in one unit
 * of work: it is stored whole, or, when it throws, not at all. Thread-safe.
 *
 * <p>Leads are attributed to a campaign when captured with it
 * ({@code NewLead.Builder.campaign}); the results count those leads, their conversions, and the
 * opportunities and revenue that came of them.
 */
public final class CampaignService {
  /** The most people one {@link #addMembers} takes: {@link Limits#CAMPAIGN_MEMBERS_PER_COMMAND}. */
  public static final int MAX_BATCH = Limits.CAMPAIGN_MEMBERS_PER_COMMAND;

  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version
  private final Versioned<CampaignId, Campaign> versioned;

  /** Internal: obtain the service from {@code Crm.campaigns()}. */
  CampaignService(CrmContext ctx) {
    this(ctx, -1);
  }

  private CampaignService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
    this.versioned = new Versioned<>(ctx, "campaign", "campaignId", (uow, id) -> uow.port(CampaignRepository.class).find(id),
        (uow, x) -> uow.port(CampaignRepository.class).update(x), Campaign::version);
  }

  /**
   * A view of this service whose commands on an existing campaign (its moves, cost, goals and
   * {@link #delete}) first check that it is still at {@code version} (the version the caller read),
   * and refuse with {@link ConcurrentUpdateException} when someone changed it since. Queries,
   * planning, members and responses are unaffected (members carry their own versions).
   *
   * @throws ValidationException if the version is below 1
   */
  public CampaignService ifVersion(long version) {
    return new CampaignService(ctx, Check.expectedVersion(version));
  }

  /**
   * Plans a campaign: status {@code PLANNED}, no cost yet. Raises {@link CampaignPlanned}.
   *
   * @throws ValidationException if {@code campaign} is null
   */
  public Campaign plan(NewCampaign campaign) {
    Check.notNull(campaign, "campaign");
    return ctx.command(cmd -> {
      Instant now = ctx.now();
      Campaign c = Campaign.plan(CampaignId.of(ctx.ids().next()), ctx.tenant(), campaign, now);
      Campaign stored = cmd.uow().port(CampaignRepository.class).insert(c);
      cmd.raise(new CampaignPlanned(ctx.tenant(), now, stored.id(), stored.name(), stored.channel()));
      return stored;
    });
  }

  /**
   * The campaign with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such campaign
   */
  public Campaign get(CampaignId id) {
    Check.notNull(id, "campaignId");
    return ctx.read(uow -> load(uow, id));
  }

  /**
   * The campaign with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<Campaign> find(CampaignId id) {
    Check.notNull(id, "campaignId");
    return ctx.read(uow -> uow.port(CampaignRepository.class).find(id));
  }

  /**
   * A page of all campaigns, oldest first.
   *
   * @throws ValidationException if the page is null
   */
  public Page<Campaign> list(PageRequest page) {
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(CampaignRepository.class).list(page));
  }

  /**
   * Starts a planned campaign. Raises {@link CampaignStatusChanged}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such campaign
   * @throws IllegalTransitionException if the campaign is not planned
   * @throws ConcurrentUpdateException if the campaign was changed concurrently
   */
  public Campaign start(CampaignId id) {
    return change(id, (c, now) -> c.moveTo(CampaignStatus.ACTIVE, now));
  }

  /**
   * Completes an active campaign. Raises {@link CampaignStatusChanged}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such campaign
   * @throws IllegalTransitionException if the campaign is not active
   * @throws ConcurrentUpdateException if the campaign was changed concurrently
   */
  public Campaign complete(CampaignId id) {
    return change(id, (c, now) -> c.moveTo(CampaignStatus.COMPLETED, now));
  }

  /**
   * Aborts a planned or active campaign. Raises {@link CampaignStatusChanged}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such campaign
   * @throws IllegalTransitionException if the campaign is completed or aborted
   * @throws ConcurrentUpdateException if the campaign was changed concurrently
   */
  public Campaign abort(CampaignId id) {
    return change(id, (c, now) -> c.moveTo(CampaignStatus.ABORTED, now));
  }

  /**
   * Records what the campaign has cost so far (it replaces the former figure).
   *
   * @throws ValidationException if an argument is null, or the cost is negative or not in the
   *     campaign's currency
   * @throws NotFoundException if the tenant has no such campaign
   * @throws IllegalTransitionException if the campaign is aborted
   * @throws ConcurrentUpdateException if the campaign was changed concurrently
   */
  public Campaign recordActualCost(CampaignId id, Money actualCost) {
    Check.notNull(actualCost, "actualCost");
    if (actualCost.isNegative()) {
      throw new ValidationException("actualCost", "must not be negative");
    }
    return change(id, (c, now) -> c.withActualCost(actualCost, now));
  }

  /**
   * Sets the campaign's goals.
   *
   * @throws ValidationException if an argument is null, or the revenue goal is not in the
   *     campaign's currency
   * @throws NotFoundException if the tenant has no such campaign
   * @throws IllegalTransitionException if the campaign is aborted
   * @throws ConcurrentUpdateException if the campaign was changed concurrently
   */
  public Campaign changeGoals(CampaignId id, Goals goals) {
    Check.notNull(goals, "goals");
    return change(id, (c, now) -> c.withGoals(goals, now));
  }

  /**
   * Adds leads and contacts to a planned or active campaign, in one unit of work (all or none),
   * written in batches: 10,000 people are one command. Each new member starts in status
   * {@link ResponseStatus#SENT}. Adding is idempotent: a person who is a member already (or named
   * twice) is left as it is and not added again. Raises one {@link CampaignMembersAdded} naming
   * the people newly added, if there are any.
   *
   * @return the members newly added, in the order given
   * @throws ValidationException if an argument is null, or the list holds null or more than
   *     {@value #MAX_BATCH} people, or (under a {@link ConsentPolicy} that refuses them, on a channel
   *     that markets) a person newly added has no marketing consent (field {@code members}, naming them)
   * @throws NotFoundException if the campaign, or a lead or contact named, does not exist in the
   *     tenant
   * @throws IllegalTransitionException if the campaign is completed or aborted
   */
  public List<CampaignMember> addMembers(CampaignId id, Collection<MemberId> people) {
    Check.notNull(id, "campaignId");
    Check.noNulls(people, "members");
    if (people.size() > MAX_BATCH) {
      throw new ValidationException("members", "must hold at most " + MAX_BATCH + " people");
    }
    List<MemberId> wanted = List.copyOf(new LinkedHashSet<>(people));
    return ctx.command(cmd -> {
      CampaignRepository campaigns = cmd.uow().port(CampaignRepository.class);
      Campaign campaign = load(cmd.uow(), id);
      campaign.requireMembersAllowed();
      if (wanted.isEmpty()) {
        return List.of();
      }
      Set<MemberId> unknown = campaigns.unknownPeople(wanted);
      if (!unknown.isEmpty()) {
        MemberId first = wanted.stream().filter(unknown::contains).findFirst().orElseThrow();
        throw new NotFoundException(first.isLead() ? "lead" : "contact", first.value());
      }
      Set<MemberId> existing = campaigns.existingMembers(id, wanted);
      requireConsent(cmd.uow(), campaign, wanted.stream().filter(m -> !existing.contains(m)).toList());
      Instant now = ctx.now();
      List<CampaignMember> added = new ArrayList<>(wanted.size());
      List<LeadId> leads = new ArrayList<>();
      List<ContactId> contacts = new ArrayList<>();
      for (MemberId m : wanted) {
        if (!existing.contains(m)) {
          added.add(CampaignMember.added(ctx.tenant(), id, m, now));
          m.lead().ifPresent(leads::add);
          m.contact().ifPresent(contacts::add);
        }
      }
      if (added.isEmpty()) {
        return List.of();
      }
      List<CampaignMember> stored = campaigns.insertMembers(added);
      cmd.raise(new CampaignMembersAdded(ctx.tenant(), now, id, leads, contacts));
      return List.copyOf(stored);
    });
  }

  /**
   * Takes a person off a planned or active campaign's members (added by mistake, or asked to be
   * taken off). Raises {@link CampaignMemberRemoved}.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the campaign does not exist or the person is not its member
   * @throws IllegalTransitionException if the campaign is completed or aborted (its members are its history)
   */
  public void removeMember(CampaignId id, MemberId member) {
    Check.notNull(id, "campaignId");
    Check.notNull(member, "member");
    ctx.command(cmd -> {
      CampaignRepository campaigns = cmd.uow().port(CampaignRepository.class);
      Campaign campaign = load(cmd.uow(), id);
      campaign.requireMembersAllowed();
      CampaignMember m = campaigns.findMember(id, member)
          .orElseThrow(() -> new NotFoundException("campaign member", member));
      campaigns.deleteMember(m);
      cmd.raise(new CampaignMemberRemoved(ctx.tenant(), ctx.now(), id, member.lead(), member.contact()));
      return null;
    });
  }

  /**
   * Deletes a campaign with its members, in one unit of work. A campaign leads were captured with
   * is the attribution of those leads, their conversions and revenue: it is refused (abort it
   * instead). Under {@link #ifVersion} it must still be at that version. Raises {@link CampaignDeleted}.
   *
   * @return the event, with how many members went
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such campaign
   * @throws IllegalTransitionException if leads were captured with the campaign (naming how many)
   * @throws ConcurrentUpdateException if it is not at the version given to {@link #ifVersion}, or
   *     was changed concurrently
   */
  public CampaignDeleted delete(CampaignId id) {
    Check.notNull(id, "campaignId");
    return ctx.command(cmd -> {
      CampaignRepository campaigns = cmd.uow().port(CampaignRepository.class);
      Campaign campaign = load(cmd.uow(), id);
      versioned.checkVersion(id, campaign, expectedVersion);
      long leads = campaigns.totals(id).leads();
      if (leads > 0) {
        throw new IllegalTransitionException("campaign", campaign.status(), "deleted", leads
            + (leads == 1 ? " lead was" : " leads were") + " captured with it and are attributed to it: abort it instead");
      }
      long members = campaigns.delete(campaign);
      CampaignDeleted event = new CampaignDeleted(ctx.tenant(), ctx.now(), id, members);
      cmd.raise(event);
      return event;
    });
  }

  /**
   * The member of the campaign.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the campaign does not exist or the person is not its member
   */
  public CampaignMember getMember(CampaignId id, MemberId member) {
    Check.notNull(id, "campaignId");
    Check.notNull(member, "member");
    return ctx.read(uow -> {
      load(uow, id);
      return uow.port(CampaignRepository.class).findMember(id, member)
          .orElseThrow(() -> new NotFoundException("campaign member", member));
    });
  }

  /**
   * A page of the campaign's members, in the order of their lead or contact id.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such campaign
   */
  public Page<CampaignMember> members(CampaignId id, PageRequest page) {
    Check.notNull(id, "campaignId");
    Check.notNull(page, "page");
    return ctx.read(uow -> {
      load(uow, id);
      return uow.port(CampaignRepository.class).members(id, page);
    });
  }

  /**
   * Records a member's response now. See {@link #recordResponse(CampaignId, MemberId,
   * ResponseStatus, Instant)}.
   */
  public CampaignMember recordResponse(CampaignId id, MemberId member, ResponseStatus status) {
    Check.notNull(status, "responseStatus");
    return recordResponse(id, member, status, ctx.now());
  }

  /**
   * Records how a member responded, and when: the member takes the status (the first response
   * time is kept). When the member is a lead that is not converted and the status names an
   * engagement signal, the signal is recorded on the lead (detail: the campaign's name), which
   * may warm it through the temperature policy. Raises {@link CampaignResponseRecorded}, and
   * {@link LeadTemperatureChanged} if the lead's temperature changes.
   *
   * @throws ValidationException if an argument is null, or the time out of range or after now
   *     (field {@code respondedAt}: a response is recorded once given; earlier ones may be back-dated)
   * @throws NotFoundException if the campaign does not exist or the person is not its member
   * @throws IllegalTransitionException if the campaign is planned or aborted
   */
  public CampaignMember recordResponse(CampaignId id, MemberId member, ResponseStatus status, Instant at) {
    Check.notNull(id, "campaignId");
    Check.notNull(member, "member");
    Check.notNull(status, "responseStatus");
    Instant when = Check.instant(at, "respondedAt");
    Instant asked = ctx.now();
    if (when.isAfter(asked)) {
      throw new ValidationException("respondedAt", "must not be after now (" + asked + ", when it is recorded)");
    }
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      Campaign campaign = load(uow, id);
      campaign.requireResponsesAllowed();
      CampaignMember before = uow.port(CampaignRepository.class).findMember(id, member)
          .orElseThrow(() -> new NotFoundException("campaign member", member));
      Instant now = ctx.now();
      CampaignMember stored = uow.port(CampaignRepository.class).updateMember(before.respond(status, when));
      cmd.raise(new CampaignResponseRecorded(ctx.tenant(), now, id, member.lead(), member.contact(),
          status, when));
      if (member.lead().isPresent() && status.signal().isPresent()) {
        Optional<Lead> lead = uow.port(LeadRepository.class).find(member.lead().get());
        if (lead.isPresent() && lead.get().status() != LeadStatus.CONVERTED) {
          Lead l = lead.get();
          Lead warmed = l.recordSignal(new EngagementSignal(status.signal().get(), when,
              Optional.of(campaign.name())), ctx.setting(TemperaturePolicy.class), now);
          Lead saved = uow.port(LeadRepository.class).update(warmed);
          if (l.temperature() != saved.temperature()) {
            cmd.raise(new LeadTemperatureChanged(ctx.tenant(), now, saved.id(), l.temperature(),
                saved.temperature()));
          }
        }
      }
      return stored;
    });
  }

  /**
   * What the campaign achieved so far, computed from stored data: see {@link CampaignResults}.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such campaign
   */
  public CampaignResults results(CampaignId id) {
    Check.notNull(id, "campaignId");
    return ctx.read(uow -> CampaignResults.of(load(uow, id), uow.port(CampaignRepository.class).totals(id)));
  }

  /** Under a refusing {@link ConsentPolicy}, a marketing campaign takes no one without consent. */
  private void requireConsent(UnitOfWork uow, Campaign campaign, List<MemberId> joining) {
    ConsentPolicy policy = ctx.setting(ConsentPolicy.class);
    if (!policy.refuseMembersWithoutConsent() || !policy.markets(campaign.channel()) || joining.isEmpty()) {
      return;
    }
    List<ContactId> contactIds = joining.stream().flatMap(m -> m.contact().stream()).toList();
    Set<ContactId> consenting = new java.util.HashSet<>();
    if (!contactIds.isEmpty()) {
      for (Contact c : uow.port(ContactRepository.class).findAll(contactIds)) {
        if (c.marketingConsent().filter(MarketingConsent::granted).isPresent()) {
          consenting.add(c.id());
        }
      }
    }
    List<MemberId> without = joining.stream()
        .filter(m -> m.isLead() ? !policy.leadsWithoutConsent() : !consenting.contains(m.contact().get())).toList();
    if (!without.isEmpty()) {
      throw new ValidationException("members", without.size() + " of the people have no marketing consent, which a "
          + campaign.channel() + " campaign needs (ConsentPolicy): " + without.stream().limit(5).map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(", ")) + (without.size() > 5 ? ", ..." : ""));
    }
  }

  private Campaign load(UnitOfWork uow, CampaignId id) {
    return versioned.load(uow, id);
  }

  private Campaign change(CampaignId id, BiFunction<Campaign, Instant, Campaign> transition) {
    return versioned.change(id, expectedVersion, (uow, before, now) -> transition.apply(before, now),
        (cmd, before, stored, now) -> {
          if (before.status() != stored.status()) {
            cmd.raise(new CampaignStatusChanged(ctx.tenant(), now, id, before.status(), stored.status()));
          }
        });
  }
}
