package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.servicelevel.ServiceLevelRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The service policy (one row per tenant) and the accounts' tiers (one row per account), in memory. */
final class MemoryServiceLevels implements ServiceLevelRepository {
  private static final String POLICY = "policy";

  /** The tenant's state under the one key of its table. */
  record PolicyRow(String key, TenantId tenant, State state) {
    long version() {
      return state.version();
    }

    PolicyRow withVersion(long v) {
      return new PolicyRow(key, tenant, new State(state.policy(), state.revision(), v, state.cursor(), state.changedAt()));
    }
  }

  /** An account's tier. */
  record TierRow(AccountId account, TenantId tenant, long version, String tier) {}

  static final Kind<String, PolicyRow> POLICY_KIND = new Kind<>("service policy", PolicyRow::key, PolicyRow::version,
      PolicyRow::withVersion, PolicyRow::tenant, s -> s, List.of(), Optional.empty());

  static final Kind<AccountId, TierRow> TIER_KIND = new Kind<>("account tier", TierRow::account, TierRow::version,
      (r, v) -> new TierRow(r.account(), r.tenant(), v, r.tier()), TierRow::tenant, AccountId::parse, List.of(), Optional.empty());

  private final MemoryUnitOfWork uow;

  MemoryServiceLevels(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<String, PolicyRow> policies() {
    return uow.buffer(uow.store().servicePolicies);
  }

  private Buffer<AccountId, TierRow> tiers() {
    return uow.buffer(uow.store().accountTiers);
  }

  @Override
  public Optional<State> state() {
    uow.requireOpen();
    return policies().find(POLICY).map(PolicyRow::state);
  }

  @Override
  public State save(State state) {
    uow.requireOpen();
    Objects.requireNonNull(state, "state");
    PolicyRow row = new PolicyRow(POLICY, uow.tenant(), state);
    return (state.version() == 0 && policies().find(POLICY).isEmpty() ? policies().insert(row) : policies().update(row)).state();
  }

  @Override
  public Map<AccountId, String> tiers(Collection<AccountId> accounts) {
    uow.requireOpen();
    Map<AccountId, String> out = new HashMap<>();
    for (AccountId a : accounts) {
      tiers().find(a).ifPresent(r -> out.put(a, r.tier()));
    }
    return out;
  }

  @Override
  public void saveTiers(Map<AccountId, String> given) {
    uow.requireOpen();
    given.forEach((a, t) -> {
      Optional<TierRow> old = tiers().find(a);
      if (old.isPresent()) {
        tiers().update(new TierRow(a, uow.tenant(), old.get().version(), t));
      } else {
        tiers().insert(new TierRow(a, uow.tenant(), 0, t));
      }
    });
  }

  @Override
  public void removeTier(AccountId account) {
    uow.requireOpen();
    tiers().find(account).ifPresent(r -> tiers().delete(r));
  }
}
