package dev.rapport.crm.servicelevel;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to the service policy and the accounts' tiers: a sealed family under {@link
 * CrmEvent}. The alerts of a case's targets are {@link dev.rapport.crm.service.CaseEvent}s.
 */
public sealed interface ServiceLevelEvent extends CrmEvent permits ServicePolicyChanged, AccountTierChanged {}
