package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Set;

/**
 * Where marketing consent is required, and how strictly: which campaign channels market to a
 * person, whether {@link CampaignService#addMembers} refuses people without consent to a campaign
 * on one of them, and whether leads (who have no recorded consent in Rapport) count as consenting.
 * Campaign mail ({@code crm.mail().sendCampaign}) always goes only to people whose consent allows it
 * and reports the rest. An immutable value, given to {@code Crm.builder().consentPolicy(...)}.
 *
 * @param marketingChannels the channels that market to a person (consent needed)
 * @param refuseMembersWithoutConsent whether adding a person without consent to a campaign on one
 *     of those channels is refused ({@code ValidationException}), rather than allowed (and the person
 *     then skipped by campaign mail)
 * @param leadsWithoutConsent whether leads count as consenting: mailed by campaign mail and added
 *     to marketing campaigns under {@code refuseMembersWithoutConsent}; false where the law asks for
 *     recorded opt-in (the GDPR)
 */
public record ConsentPolicy(Set<Channel> marketingChannels, boolean refuseMembersWithoutConsent,
    boolean leadsWithoutConsent) {

  /** The channels that market to a person by default: e-mail, newsletter, direct mail, telemarketing. */
  public static final Set<Channel> MARKETING = Set.of(Channel.EMAIL, Channel.NEWSLETTER, Channel.DIRECT_MAIL,
      Channel.TELEMARKETING);

  /** @throws ValidationException if the channels are null or hold null */
  public ConsentPolicy {
    marketingChannels = Set.copyOf(Check.noNulls(marketingChannels, "consent.marketingChannels"));
  }

  /**
   * The default: people without consent may be added to any campaign (campaign mail skips them and
   * reports them), leads are not mailed.
   */
  public static ConsentPolicy standard() {
    return new ConsentPolicy(MARKETING, false, false);
  }

  /** Opt-in enforced at the door: people without consent are refused as members of marketing campaigns, leads too. */
  public static ConsentPolicy strict() {
    return new ConsentPolicy(MARKETING, true, false);
  }

  /** This policy with leads counted as consenting (where the law allows marketing to prospects, opt-out). */
  public ConsentPolicy withLeadsConsenting() {
    return new ConsentPolicy(marketingChannels, refuseMembersWithoutConsent, true);
  }

  /** Whether a campaign on this channel markets to its members (needs their consent). */
  public boolean markets(Channel channel) {
    return marketingChannels.contains(channel);
  }
}
