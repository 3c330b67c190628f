package dev.rapport.crm.servicelevel;

import dev.rapport.crm.common.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tenant defined its service policy; the accounts are re-tiered by the host's calls of {@link
 * ServiceLevelService#retier}.
 *
 * @param tenantId the tenant
 * @param occurredAt when, by the {@code Crm}'s clock
 * @param revision how many times a policy was defined, this one included
 * @param tiers the names of its tiers, best first
 */
public record ServicePolicyChanged(TenantId tenantId, Instant occurredAt, long revision, List<String> tiers)
    implements ServiceLevelEvent {

  public ServicePolicyChanged {
    tiers = List.copyOf(tiers);
  }

  @Override
  public String aggregateType() {
    return "service_policy";
  }

  @Override
  public UUID aggregateId() {
    return UUID.nameUUIDFromBytes(("service_policy:" + tenantId.value()).getBytes(StandardCharsets.UTF_8));
  }
}
