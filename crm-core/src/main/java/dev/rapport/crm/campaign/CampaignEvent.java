package dev.rapport.crm.campaign;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a campaign: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface CampaignEvent extends CrmEvent permits CampaignPlanned, CampaignStatusChanged, CampaignMembersAdded, CampaignResponseRecorded, CampaignMemberRemoved, CampaignDeleted {}
