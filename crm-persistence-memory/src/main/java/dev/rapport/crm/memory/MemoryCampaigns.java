package dev.rapport.crm.memory;

import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignTotals;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.campaign.CampaignRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The campaigns of one unit of work and their members, in the tenant's campaigns and members
 * tables. Members are filed by campaign, and responded members by campaign again, so the counts
 * of a campaign's results are the sizes of two index entries; attributed leads are found through
 * the leads' campaign index and their opportunities through the opportunities' origin-lead index.
 */
final class MemoryCampaigns implements CampaignRepository {
  static final Kind<CampaignId, Campaign> KIND = new Kind<>("campaign", Campaign::id,
      Campaign::version, Versions.of(Campaign.class)::with, Campaign::tenantId, CampaignId::parse,
      List.of(), Optional.empty());

  static final Kind<MemberKey, CampaignMember> MEMBER_KIND = new Kind<>("campaign member",
      MemberKey::of, CampaignMember::version, Versions.of(CampaignMember.class)::with, CampaignMember::tenantId,
      MemberKey::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.CAMPAIGN, m -> List.of(m.campaignId())),
          new Kind.IndexDef<>(Kinds.RESPONDED, m -> m.respondedAt().isPresent() ? List.of(m.campaignId()) : List.of()),
          new Kind.IndexDef<>(Kinds.PERSON, m -> List.of(m.member().value()))),
      Optional.empty());

  /**
   * The key of a member: its campaign, then its lead or contact, so a campaign's members sort
   * together; the paging cursor is the person's UUID within one campaign.
   */
  record MemberKey(CampaignId campaign, UUID person) implements Comparable<MemberKey> {
    static MemberKey of(CampaignMember m) {
      return new MemberKey(m.campaignId(), m.member().value());
    }

    /** The text form {@code campaign/person} back to a key. */
    static MemberKey parse(String text) {
      int slash = text.indexOf('/');
      return new MemberKey(CampaignId.parse(text.substring(0, slash)), UUID.fromString(text.substring(slash + 1)));
    }

    @Override
    public int compareTo(MemberKey o) {
      int c = campaign.compareTo(o.campaign);
      if (c != 0) {
        return c;
      }
      c = Long.compareUnsigned(person.getMostSignificantBits(), o.person.getMostSignificantBits());
      return c != 0 ? c : Long.compareUnsigned(person.getLeastSignificantBits(), o.person.getLeastSignificantBits());
    }

    @Override
    public String toString() {
      return campaign + "/" + person;
    }
  }

  private final MemoryUnitOfWork uow;
  private Buffer<CampaignId, Campaign> campaigns;
  private Buffer<MemberKey, CampaignMember> members;

  MemoryCampaigns(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<CampaignId, Campaign> campaigns() {
    if (campaigns == null) {
      campaigns = uow.buffer(uow.store().campaigns);
    }
    return campaigns;
  }

  private Buffer<MemberKey, CampaignMember> members() {
    if (members == null) {
      members = uow.buffer(uow.store().campaignMembers);
    }
    return members;
  }

  @Override
  public Optional<Campaign> find(CampaignId id) {
    uow.requireOpen();
    return campaigns().find(id);
  }

  @Override
  public Page<Campaign> list(PageRequest page) {
    uow.requireOpen();
    return campaigns().page(List.of(), c -> true, page);
  }

  @Override
  public Campaign insert(Campaign campaign) {
    uow.requireOpen();
    return campaigns().insert(campaign);
  }

  @Override
  public Campaign update(Campaign campaign) {
    uow.requireOpen();
    return campaigns().update(campaign);
  }

  @Override
  public Optional<CampaignMember> findMember(CampaignId campaign, MemberId member) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(member, "member");
    return members().find(new MemberKey(campaign, member.value()))
        .filter(m -> m.member().equals(member)); // a lead's UUID never names a contact
  }

  @Override
  public Page<CampaignMember> members(CampaignId campaign, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(page, "page");
    // the cursor is the last member's person id; the key adds the campaign
    return members().page(List.of(Buffer.keys(Kinds.CAMPAIGN, List.of(campaign))),
        m -> m.campaignId().equals(campaign), page,
        after -> new MemberKey(campaign, UUID.fromString(after)), k -> k.person().toString());
  }

  @Override
  public Set<MemberId> existingMembers(CampaignId campaign, Collection<MemberId> people) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    Set<MemberId> found = new HashSet<>();
    for (MemberId m : people) {
      if (findMember(campaign, m).isPresent()) {
        found.add(m);
      }
    }
    return found;
  }

  @Override
  public Set<MemberId> unknownPeople(Collection<MemberId> people) {
    uow.requireOpen();
    Set<MemberId> unknown = new HashSet<>();
    for (MemberId m : people) {
      boolean exists = m.isLead() ? uow.port(LeadRepository.class).find(m.lead().get()).isPresent()
          : uow.port(ContactRepository.class).find(m.contact().get()).isPresent();
      if (!exists) {
        unknown.add(m);
      }
    }
    return unknown;
  }

  @Override
  public List<CampaignMember> insertMembers(List<CampaignMember> list) {
    uow.requireOpen();
    Objects.requireNonNull(list, "members");
    List<CampaignMember> stored = new ArrayList<>(list.size());
    for (CampaignMember m : list) {
      if (members().find(MemberKey.of(m)).isPresent()) {
        throw new DuplicateException("campaign member", "member", m.member());
      }
      stored.add(members().insert(m));
    }
    return stored;
  }

  @Override
  public CampaignMember updateMember(CampaignMember member) {
    uow.requireOpen();
    return members().update(member);
  }

  @Override
  public CampaignTotals totals(CampaignId campaign) {
    uow.requireOpen();
    Objects.requireNonNull(campaign, "campaign");
    long memberCount = members().count(Kinds.CAMPAIGN, campaign);
    long responses = members().count(Kinds.RESPONDED, campaign);
    Buffer<dev.rapport.crm.common.LeadId, Lead> leads = ((MemoryLeads) uow.port(LeadRepository.class)).buffer();
    Buffer<dev.rapport.crm.common.OpportunityId, Opportunity> opportunities =
        ((MemoryOpportunities) uow.port(OpportunityRepository.class)).buffer();
    long leadCount = 0;
    long converted = 0;
    long opened = 0;
    long won = 0;
    Map<Currency, BigDecimal> revenue = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
    for (Lead l : leads.lookup(Kinds.CAMPAIGN, campaign)) {
      leadCount++;
      if (l.status() == LeadStatus.CONVERTED) {
        converted++;
      }
      for (Opportunity o : opportunities.lookup(Kinds.ORIGIN_LEAD, l.id())) {
        opened++;
        if (o.status() == OpportunityStatus.WON) {
          won++;
          revenue.merge(o.amount().currency(), o.amount().amount(), BigDecimal::add);
        }
      }
    }
    List<Money> sums = new ArrayList<>();
    revenue.forEach((currency, amount) -> {
      if (amount.signum() != 0) {
        sums.add(new Money(amount, currency));
      }
    });
    return new CampaignTotals(memberCount, responses, leadCount, converted, opened, won, sums);
  }

  @Override
  public List<CampaignMember> membershipsOf(MemberId person) {
    uow.requireOpen();
    return members().lookup(Kinds.PERSON, person.value()).stream().filter(m -> m.member().equals(person))
        .sorted(java.util.Comparator.comparing(CampaignMember::campaignId)).toList();
  }

  @Override
  public void deleteMember(CampaignMember member) {
    uow.requireOpen();
    members().delete(member);
  }

  @Override
  public long delete(Campaign campaign) {
    uow.requireOpen();
    List<CampaignMember> gone = new ArrayList<>();
    members().forEach(List.of(new Buffer.IndexKey(Kinds.CAMPAIGN, campaign.id())),
        m -> m.campaignId().equals(campaign.id()), gone::add);
    gone.forEach(members()::delete);
    campaigns().delete(campaign);
    return gone.size();
  }
}
