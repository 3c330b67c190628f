package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A lead or contact in a campaign, with how it responded. A person is a member of a campaign at
 * most once. {@link #respondedAt()} keeps the first time the member's status was a response, so a
 * member who clicked and later unsubscribed still counts as a response.
 *
 * <p>An immutable value; adapters rebuild stored members with the canonical constructor.
 *
 * @param tenantId the tenant
 * @param campaignId the campaign
 * @param member the lead or contact
 * @param version how many times it has been stored (0 before the first save)
 * @param status its latest response status
 * @param statusAt when that status was recorded
 * @param respondedAt when it first responded, if it has
 * @param addedAt when it was added to the campaign
 */
public record CampaignMember(
    TenantId tenantId,
    CampaignId campaignId,
    MemberId member,
    long version,
    ResponseStatus status,
    Instant statusAt,
    Optional<Instant> respondedAt,
    Instant addedAt) {

  /** @throws ValidationException if a part is null, the version negative or an instant out of range */
  public CampaignMember {
    Check.notNull(tenantId, "tenantId");
    Check.notNull(campaignId, "campaignId");
    Check.notNull(member, "member");
    Check.notNegative(version, "version");
    Check.notNull(status, "status");
    statusAt = Check.instant(statusAt, "statusAt");
    Check.notNull(respondedAt, "respondedAt");
    respondedAt = respondedAt.map(r -> Check.instant(r, "respondedAt"));
    addedAt = Check.instant(addedAt, "addedAt");
  }

  /** A new member, version 0, in status {@link ResponseStatus#SENT}. */
  static CampaignMember added(TenantId tenant, CampaignId campaign, MemberId member, Instant now) {
    return new CampaignMember(tenant, campaign, member, 0, ResponseStatus.SENT, now, Optional.empty(), now);
  }

  /**
   * The member in a new status at {@code at}, as {@link CampaignService#recordResponse} records it
   * (the first response time is kept, or set if this is the first): for features that record
   * responses themselves, such as mail (a reply, a bounce, an unsubscribe).
   *
   * @throws ValidationException if a part is null or the time out of range
   */
  public CampaignMember withStatus(ResponseStatus newStatus, Instant at) {
    Check.notNull(newStatus, "responseStatus");
    return respond(newStatus, Check.instant(at, "respondedAt"));
  }

  /** The member in a new status; the first response time is kept (or set, if this is the first). */
  CampaignMember respond(ResponseStatus newStatus, Instant at) {
    Optional<Instant> first = respondedAt;
    if (newStatus.response() && (first.isEmpty() || at.isBefore(first.get()))) {
      first = Optional.of(at);
    }
    return new CampaignMember(tenantId, campaignId, member, version, newStatus, at, first, addedAt);
  }
}
