package dev.rapport.crm;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.internal.context.ServiceClock;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.servicelevel.ServiceLevelRepository;
import dev.rapport.crm.servicelevel.ServicePolicy;
import dev.rapport.crm.servicelevel.ServiceTarget;
import dev.rapport.crm.servicelevel.ServiceTier;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * The case service's view of the tenant's service policy: reads the policy, and an account's tier,
 * through the service-level port (one statement each). A tier the policy no longer has, or an
 * account never tiered, falls to the default tier.
 */
final class ServiceClocks implements ServiceClock {

  @Override
  public Optional<Terms> forAccount(UnitOfWork uow, AccountId account, int priority) {
    ServiceLevelRepository repo = uow.port(ServiceLevelRepository.class);
    Optional<ServiceLevelRepository.State> state = repo.state();
    if (state.isEmpty()) {
      return Optional.empty();
    }
    ServicePolicy policy = state.get().policy();
    ServiceTier tier = policy.tierOrDefault(Optional.ofNullable(repo.tiers(List.of(account)).get(account)));
    return Optional.of(terms(policy, tier, priority, true));
  }

  @Override
  public Optional<Terms> forTier(UnitOfWork uow, String tier, int priority) {
    return uow.port(ServiceLevelRepository.class).state()
        .flatMap(s -> s.policy().tier(tier).map(t -> terms(s.policy(), t, priority, false)));
  }

  @Override
  public Optional<BusinessCalendar> calendar(UnitOfWork uow) {
    return uow.port(ServiceLevelRepository.class).state().map(s -> s.policy().calendar());
  }

  private static Terms terms(ServicePolicy policy, ServiceTier tier, int priority, boolean raise) {
    CasePriority asked = CasePriority.values()[priority];
    CasePriority p = raise && tier.minimumPriority().filter(m -> m.compareTo(asked) > 0).isPresent()
        ? tier.minimumPriority().get() : asked;
    ServiceTarget t = tier.target(p);
    return new Terms(tier.name(), policy.rank(tier.name()), p.ordinal(), t.response(), t.resolution(),
        policy.atRiskPercent(), policy.calendar());
  }
}
