package dev.rapport.crm.campaign;

import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The campaigns of one tenant and their members, inside one {@link UnitOfWork}. Insert and update
 * of campaigns and members follow the same version rules as {@link LeadRepository#insert} and
 * {@link LeadRepository#update}. A member is keyed by its campaign and its lead or contact.
 */
public interface CampaignRepository {

  /** The campaign with this id, or empty. */
  Optional<Campaign> find(CampaignId id);

  /** The page of all campaigns, in id order. */
  Page<Campaign> list(PageRequest page);

  /** Stores a new campaign (version 0) and returns it with version 1. */
  Campaign insert(Campaign campaign);

  /** Stores a changed campaign read at its version; returns it with the next version. */
  Campaign update(Campaign campaign);

  /** The member of the campaign, or empty. */
  Optional<CampaignMember> findMember(CampaignId campaign, MemberId member);

  /**
   * The page of the campaign's members, in the order of their lead or contact UUID; the cursor is
   * the adapter's own.
   */
  Page<CampaignMember> members(CampaignId campaign, PageRequest page);

  /** Which of the given people are members of the campaign already (at most 10,000 asked). */
  Set<MemberId> existingMembers(CampaignId campaign, Collection<MemberId> people);

  /** Which of the given people are not a lead or contact of the tenant (at most 10,000 asked). */
  Set<MemberId> unknownPeople(Collection<MemberId> people);

  /**
   * Stores new members (each at version 0; none a member yet), in batches; returns them with
   * version 1, in list order.
   *
   * @throws dev.rapport.crm.exception.DuplicateException if one is a member already (now or at commit)
   */
  List<CampaignMember> insertMembers(List<CampaignMember> members);

  /** Stores a changed member read at its version; returns it with the next version. */
  CampaignMember updateMember(CampaignMember member);

  /**
   * The counts and sums of the campaign's stored data, in a number of store calls that does not
   * grow with the data (aggregates in the store, not loops over rows).
   */
  CampaignTotals totals(CampaignId campaign);

  /** Every campaign membership of this person, in campaign id order. */
  List<CampaignMember> membershipsOf(MemberId person);

  /**
   * Deletes the membership.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  void deleteMember(CampaignMember member);

  /**
   * Deletes the campaign and all its members (in a bounded number of statements, whatever their
   * number), and returns how many members went.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at the campaign's version
   */
  long delete(Campaign campaign);
}
