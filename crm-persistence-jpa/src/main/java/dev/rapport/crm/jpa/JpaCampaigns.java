package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignStatus;
import dev.rapport.crm.campaign.CampaignTotals;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.Goals;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.campaign.CampaignRepository;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The campaigns of one unit of work in {@code crm_campaign}, and their members in
 * {@code crm_campaign_member}. Members are inserted in JDBC batches; a campaign's results are
 * three aggregate queries (members and responses; attributed and converted leads; their
 * opportunities by status and currency), whatever the number of rows.
 */
final class JpaCampaigns implements CampaignRepository {
  private static final Versions<CampaignMember> MEMBER_VERSIONS = Versions.of(CampaignMember.class);
  static final Kind<Campaign, CampaignEntity> KIND = new Kind<>("campaign", "RapportCampaign",
      CampaignEntity.class, c -> c.id().value(), Campaign::tenantId, Campaign::version,
      Versions.of(Campaign.class)::with, CampaignEntity::new, JpaCampaigns::domainToEntity, e -> e.id,
      e -> e.version, JpaCampaigns::state);


  private final JpaUnitOfWork uow;
  private final Rows<Campaign, CampaignEntity> rows;
  /** The member rows this unit loaded or wrote. */
  private final Map<MemberKey, CampaignMemberEntity> members = new HashMap<>();
  /** Members updated since the last flush: another update of one must flush first. */
  private final Set<MemberKey> unflushed = new HashSet<>();

  private record MemberKey(UUID campaign, UUID person) {}

  JpaCampaigns(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaCampaigns::entityToDomain);
    uow.detachable(members::values);
  }

  private String tenant() {
    return uow.tenant().value();
  }

  @Override
  public Optional<Campaign> find(CampaignId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  /** The campaigns of the tenant with these ids, in one query (the caller keeps the list short). */
  List<Campaign> byIds(List<UUID> ids) {
    uow.requireOpen();
    return rows.list(" and e.id in :ids", Rows.params("ids", ids)).stream().map(rows::toDomain).toList();
  }

  @Override
  public Page<Campaign> list(PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(page, "page");
    List<Campaign> found = rows.page("", Map.of(), page).stream().map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), c -> c.id().value());
  }

  @Override
  public Campaign insert(Campaign campaign) {
    uow.requireOpen();
    return rows.toDomain(rows.insert(campaign));
  }

  @Override
  public Campaign update(Campaign campaign) {
    uow.requireOpen();
    return rows.stored(rows.update(campaign), campaign);
  }

  // ---- members

  private CampaignMemberEntity track(CampaignMemberEntity e) {
    CampaignMemberEntity known = members.putIfAbsent(new MemberKey(e.campaignId, e.memberId), e);
    return known == null ? e : known;
  }

  private Optional<CampaignMemberEntity> loadMember(UUID campaign, UUID person) {
    CampaignMemberEntity e = members.get(new MemberKey(campaign, person));
    if (e != null) {
      return Optional.of(e);
    }
    return uow.em().createQuery("select m from RapportCampaignMember m where m.tenantId = :tenant"
            + " and m.campaignId = :campaign and m.memberId = :member", CampaignMemberEntity.class)
        .setParameter("tenant", tenant())
        .setParameter("campaign", campaign)
        .setParameter("member", person)
        .getResultList().stream().findFirst().map(this::track);
  }

  @Override
  public Optional<CampaignMember> findMember(CampaignId campaign, MemberId member) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(member, "member");
    return loadMember(campaign.value(), member.value())
        .map(e -> toDomain(e, e.version))
        .filter(m -> m.member().equals(member)); // a lead's UUID never names a contact
  }

  @Override
  public Page<CampaignMember> members(CampaignId campaign, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(page, "page");
    TypedQuery<CampaignMemberEntity> q = uow.em().createQuery("select m from RapportCampaignMember m"
            + " where m.tenantId = :tenant and m.campaignId = :campaign"
            + (page.after().isPresent() ? " and m.memberId > :after" : "") + " order by m.memberId",
            CampaignMemberEntity.class)
        .setParameter("tenant", tenant())
        .setParameter("campaign", campaign.value())
        .setMaxResults(page.size() + 1);
    page.after().ifPresent(a -> q.setParameter("after", UUID.fromString(a)));
    List<CampaignMember> found = q.getResultList().stream().map(this::track)
        .map(e -> toDomain(e, e.version)).toList();
    return Rows.toPage(found, page.size(), m -> m.member().value());
  }

  @Override
  public Set<MemberId> existingMembers(CampaignId campaign, Collection<MemberId> people) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    Set<UUID> found = new HashSet<>();
    for (List<UUID> chunk : Rows.chunks(people.stream().map(MemberId::value).toList())) {
      found.addAll(uow.em().createQuery("select m.memberId from RapportCampaignMember m"
              + " where m.tenantId = :tenant and m.campaignId = :campaign and m.memberId in :ids", UUID.class)
          .setParameter("tenant", tenant())
          .setParameter("campaign", campaign.value())
          .setParameter("ids", chunk)
          .getResultList());
    }
    Set<MemberId> existing = new HashSet<>();
    for (MemberId m : people) {
      if (found.contains(m.value())) {
        existing.add(m);
      }
    }
    return existing;
  }

  @Override
  public Set<MemberId> unknownPeople(Collection<MemberId> people) {
    uow.requireOpen();
    Set<UUID> leads = ids("RapportLead", people.stream().filter(MemberId::isLead).map(MemberId::value).toList());
    Set<UUID> contacts = ids("RapportContact", people.stream().filter(m -> !m.isLead()).map(MemberId::value).toList());
    Set<MemberId> unknown = new HashSet<>();
    for (MemberId m : people) {
      if (!(m.isLead() ? leads : contacts).contains(m.value())) {
        unknown.add(m);
      }
    }
    return unknown;
  }

  /** Which of the ids the tenant has in the entity's table. */
  private Set<UUID> ids(String entity, List<UUID> ids) {
    Set<UUID> found = new HashSet<>();
    for (List<UUID> chunk : Rows.chunks(ids)) {
      found.addAll(uow.em().createQuery("select e.id from " + entity + " e where e.tenantId = :tenant"
              + " and e.id in :ids", UUID.class)
          .setParameter("tenant", tenant())
          .setParameter("ids", chunk)
          .getResultList());
    }
    return found;
  }


  @Override
  public List<CampaignMember> insertMembers(List<CampaignMember> list) {
    uow.requireOpen();
    Objects.requireNonNull(list, "members");
    // The campaign and the people a member references may be waiting in this unit: write them
    // first, so that the members' foreign keys hold whatever order the provider flushes in.
    uow.flush();
    List<CampaignMember> stored = new ArrayList<>(list.size());
    for (CampaignMember m : list) {
      Objects.requireNonNull(m, "member");
      if (!m.tenantId().equals(uow.tenant())) {
        throw new IllegalArgumentException("the campaign member belongs to tenant " + m.tenantId()
            + ", not to this unit of work's tenant " + uow.tenant());
      }
      if (m.version() != 0) {
        throw new IllegalArgumentException("a new campaign member must have version 0, not " + m.version());
      }
      MemberKey key = new MemberKey(m.campaignId().value(), m.member().value());
      if (members.containsKey(key)) {
        throw new DuplicateException("campaign member", "member", m.member());
      }
      CampaignMemberEntity e = new CampaignMemberEntity();
      domainToEntity(m, e);
      uow.em().persist(e);
      members.put(key, e);
      stored.add(MEMBER_VERSIONS.with(m, Mapping.FIRST_VERSION));
    }
    return stored;
  }

  @Override
  public CampaignMember updateMember(CampaignMember member) {
    uow.requireOpen();
    Objects.requireNonNull(member, "member");
    if (!member.tenantId().equals(uow.tenant())) {
      throw new IllegalArgumentException("the campaign member belongs to tenant " + member.tenantId()
          + ", not to this unit of work's tenant " + uow.tenant());
    }
    MemberKey key = new MemberKey(member.campaignId().value(), member.member().value());
    CampaignMemberEntity e = loadMember(key.campaign(), key.person())
        .orElseThrow(() -> new dev.rapport.crm.exception.NotFoundException("campaign member", member.member()));
    if (unflushed.contains(key) || !uow.em().contains(e)) {
      uow.flush(); // the provider raises the version once per flush: one flush per update
      unflushed.clear();
    }
    if (e.version != member.version()) {
      throw new ConcurrentUpdateException("campaign member", member.member(), member.version());
    }
    List<Object> before = state(e);
    domainToEntity(member, e);
    if (before.equals(state(e))) {
      // nothing the provider would write: raise the version ourselves, guarded like @Version
      int changed = uow.em().createQuery("update RapportCampaignMember m set m.version = m.version + 1"
              + " where m.tenantId = :tenant and m.campaignId = :campaign and m.memberId = :member"
              + " and m.version = :version")
          .setParameter("tenant", tenant())
          .setParameter("campaign", key.campaign())
          .setParameter("member", key.person())
          .setParameter("version", e.version)
          .executeUpdate();
      if (changed != 1) {
        throw new ConcurrentUpdateException("campaign member", member.member(), member.version());
      }
      uow.em().detach(e);
      members.remove(key);
      return MEMBER_VERSIONS.with(member, member.version() + 1);
    }
    unflushed.add(key);
    return toDomain(e, member.version() + 1);
  }

  /** The campaign memberships of a lead or contact, in campaign order (for a merge, a deletion). */
  @Override
  public List<CampaignMember> membershipsOf(MemberId person) {
    uow.requireOpen();
    return uow.em().createQuery("select m from RapportCampaignMember m where m.tenantId = :tenant"
            + " and m.memberId = :person order by m.campaignId", CampaignMemberEntity.class)
        .setParameter("tenant", tenant())
        .setParameter("person", person.value())
        .getResultList().stream().map(this::track).map(e -> toDomain(e, e.version))
        .filter(m -> m.member().equals(person)).toList();
  }

  @Override
  public void deleteMember(CampaignMember member) {
    removeMember(member);
  }

  /** Deletes a membership (for a merge): at flush, whatever version it is at. */
  void removeMember(CampaignMember member) {
    uow.requireOpen();
    MemberKey key = new MemberKey(member.campaignId().value(), member.member().value());
    CampaignMemberEntity e = loadMember(key.campaign(), key.person())
        .orElseThrow(() -> new dev.rapport.crm.exception.NotFoundException("campaign member", member.member()));
    uow.em().remove(e);
    members.remove(key);
    unflushed.remove(key);
  }

  // ---- results

  @Override
  public CampaignTotals totals(CampaignId campaign) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    Object[] m = uow.em().createQuery("select count(m), count(m.respondedAt) from RapportCampaignMember m"
            + " where m.tenantId = :tenant and m.campaignId = :campaign", Object[].class)
        .setParameter("tenant", tenant())
        .setParameter("campaign", campaign.value())
        .getSingleResult();
    Object[] l = uow.em().createQuery("select count(l), sum(case when l.status = :converted then 1 else 0 end)"
            + " from RapportLead l where l.tenantId = :tenant and l.campaignId = :campaign", Object[].class)
        .setParameter("tenant", tenant())
        .setParameter("campaign", campaign.value())
        .setParameter("converted", LeadStatus.CONVERTED.name())
        .getSingleResult();
    List<Object[]> deals = uow.em().createQuery("select o.status, o.currency, count(o), sum(o.amount)"
            + " from RapportOpportunity o, RapportLead l where l.tenantId = :tenant"
            + " and l.campaignId = :campaign and o.tenantId = l.tenantId and o.originLeadId = l.id"
            + " group by o.status, o.currency", Object[].class)
        .setParameter("tenant", tenant())
        .setParameter("campaign", campaign.value())
        .getResultList();
    long opportunities = 0;
    long won = 0;
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Object[] d : deals) {
      long count = Results.number(d[2]);
      opportunities += count;
      if (OpportunityStatus.WON.name().equals(d[0])) {
        won += count;
        revenue.merge((String) d[1], (BigDecimal) d[3], BigDecimal::add);
      }
    }
    List<Money> sums = new ArrayList<>();
    revenue.forEach((code, amount) -> {
      if (amount.signum() != 0) {
        Currency currency = Currency.getInstance(code);
        sums.add(new Money(amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0),
            RoundingMode.UNNECESSARY), currency));
      }
    });
    return new CampaignTotals(Results.number(m[0]), Results.number(m[1]), Results.number(l[0]), Results.number(l[1]), opportunities,
        won, sums);
  }

  // ---- mapping

  static void domainToEntity(Campaign c, CampaignEntity e) {
    e.id = c.id().value();
    e.tenantId = c.tenantId().value();
    e.name = c.name();
    e.channel = c.channel().code();
    e.startsOn = c.startsOn();
    e.endsOn = c.endsOn();
    e.status = c.status().name();
    e.currency = c.currency().getCurrencyCode();
    e.budget = amount(c.budget());
    e.actualCost = amount(c.actualCost());
    e.targetLeads = c.goals().targetLeads().isPresent() ? c.goals().targetLeads().getAsInt() : null;
    e.targetResponses = c.goals().targetResponses().isPresent() ? c.goals().targetResponses().getAsInt() : null;
    e.targetWonRevenue = c.goals().targetWonRevenue().map(JpaCampaigns::amount).orElse(null);
    e.createdAt = toColumn(c.createdAt());
    e.updatedAt = toColumn(c.updatedAt());
  }

  private static BigDecimal amount(Money m) {
    return m.amount().setScale(Mapping.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
  }

  private static Money money(BigDecimal amount, Currency currency) {
    return new Money(amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY), currency);
  }

  static Campaign entityToDomain(CampaignEntity e, long version) {
    Currency currency = Currency.getInstance(e.currency);
    Goals goals = new Goals(
        e.targetLeads == null ? OptionalInt.empty() : OptionalInt.of(e.targetLeads),
        e.targetResponses == null ? OptionalInt.empty() : OptionalInt.of(e.targetResponses),
        Optional.ofNullable(e.targetWonRevenue).map(a -> money(a, currency)));
    return new Campaign(CampaignId.of(e.id), TenantId.of(e.tenantId), version, e.name,
        new Channel(e.channel), e.startsOn, e.endsOn, CampaignStatus.valueOf(e.status),
        money(e.budget, currency), money(e.actualCost, currency), goals, fromColumn(e.createdAt),
        fromColumn(e.updatedAt));
  }

  static List<Object> state(CampaignEntity e) {
    return Arrays.asList(e.tenantId, e.name, e.channel, e.startsOn, e.endsOn, e.status, e.currency,
        e.budget, e.actualCost, e.targetLeads, e.targetResponses, e.targetWonRevenue, e.createdAt,
        e.updatedAt);
  }

  private static void domainToEntity(CampaignMember m, CampaignMemberEntity e) {
    e.tenantId = m.tenantId().value();
    e.campaignId = m.campaignId().value();
    e.memberId = m.member().value();
    e.leadId = m.member().lead().map(LeadId::value).orElse(null);
    e.contactId = m.member().contact().map(ContactId::value).orElse(null);
    e.status = m.status().code();
    e.statusResponse = m.status().response();
    e.statusSignal = m.status().signal().map(SignalType::code).orElse(null);
    e.statusSignalIntent = m.status().signal().map(s -> s.intent().name()).orElse(null);
    e.statusAt = toColumn(m.statusAt());
    e.respondedAt = m.respondedAt().map(Mapping::toColumn).orElse(null);
    e.addedAt = toColumn(m.addedAt());
  }

  private static CampaignMember toDomain(CampaignMemberEntity e, long version) {
    MemberId member = e.leadId != null ? MemberId.lead(LeadId.of(e.leadId)) : MemberId.contact(ContactId.of(e.contactId));
    Optional<SignalType> signal = e.statusSignal == null ? Optional.empty()
        : Optional.of(new SignalType(e.statusSignal, SignalType.Intent.valueOf(e.statusSignalIntent)));
    return new CampaignMember(TenantId.of(e.tenantId), CampaignId.of(e.campaignId), member, version,
        new ResponseStatus(e.status, e.statusResponse, signal), fromColumn(e.statusAt),
        Optional.ofNullable(e.respondedAt).map(Mapping::fromColumn), fromColumn(e.addedAt));
  }

  private static List<Object> state(CampaignMemberEntity e) {
    return Arrays.asList(e.status, e.statusResponse, e.statusSignal, e.statusSignalIntent,
        e.statusAt, e.respondedAt);
  }

  @Override
  public long delete(Campaign campaign) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    rows.checkTenant(campaign);
    uow.flush(); // members the unit added or changed are in the table before they go
    members.entrySet().removeIf(e -> {
      boolean of = e.getKey().campaign().equals(campaign.id().value());
      if (of && uow.em().contains(e.getValue())) {
        uow.em().detach(e.getValue());
      }
      return of;
    });
    unflushed.removeIf(k -> k.campaign().equals(campaign.id().value()));
    int gone = uow.em().createQuery("delete from RapportCampaignMember m where m.tenantId = :tenant"
            + " and m.campaignId = :campaign")
        .setParameter("tenant", tenant()).setParameter("campaign", campaign.id().value()).executeUpdate();
    rows.delete(campaign);
    return gone;
  }
}
