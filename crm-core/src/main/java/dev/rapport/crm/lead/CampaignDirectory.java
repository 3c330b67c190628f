package dev.rapport.crm.lead;

import dev.rapport.crm.common.CampaignId;

/**
 * Which campaigns the tenant has: the port the lead feature asks before it attributes a captured
 * lead to a campaign. Campaigns read leads (members, responses) and so stand above them; this
 * port lets a lead name its campaign without the lead feature knowing campaigns. An adapter
 * answers it from its campaign store, in the unit of work it is asked in.
 */
@FunctionalInterface
public interface CampaignDirectory {
  /** Whether the unit of work's tenant has a campaign with this id. */
  boolean has(CampaignId id);
}
