package dev.rapport.crm.mail;

import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.List;

/**
 * What {@link MailService#sendCampaign} did: which members it mailed, which it had mailed before,
 * which it did not mail and why, and which the transport refused. An immutable value.
 *
 * @param campaign the campaign
 * @param sent the members mailed now, in member order
 * @param alreadySent how many members had been mailed this message before (not mailed again)
 * @param skipped the members not mailed, each with the reason
 * @param failed the members the transport refused, each with its message (not logged: a later call
 *     tries them again)
 */
public record CampaignSendReport(CampaignId campaign, List<MemberId> sent, int alreadySent, List<Skipped> skipped,
    List<Failed> failed) {

  /** Why a member was not mailed. */
  public enum Reason {
    /** A contact without granted marketing consent, or a lead while leads are not mailed without it. */
    NO_CONSENT,
    /** The person has no e-mail address. */
    NO_ADDRESS,
    /** The member unsubscribed, or its address is suppressed as unsubscribed. */
    UNSUBSCRIBED,
    /** The address bounced before. */
    BOUNCED,
    /** The lead was converted: its contact is the one to mail. */
    CONVERTED
  }

  /**
   * A member not mailed.
   *
   * @param member the member
   * @param reason why
   */
  public record Skipped(MemberId member, Reason reason) {
    /** @throws ValidationException if a part is null */
    public Skipped {
      Check.notNull(member, "member");
      Check.notNull(reason, "reason");
    }
  }

  /**
   * A member the transport refused.
   *
   * @param member the member
   * @param message the transport's message
   */
  public record Failed(MemberId member, String message) {
    /** @throws ValidationException if a part is null */
    public Failed {
      Check.notNull(member, "member");
      Check.notNull(message, "message");
    }
  }

  /** @throws ValidationException if a part is null or the count negative */
  public CampaignSendReport {
    Check.notNull(campaign, "campaignId");
    sent = List.copyOf(Check.noNulls(sent, "sent"));
    Check.notNegative(alreadySent, "alreadySent");
    skipped = List.copyOf(Check.noNulls(skipped, "skipped"));
    failed = List.copyOf(Check.noNulls(failed, "failed"));
  }
}
