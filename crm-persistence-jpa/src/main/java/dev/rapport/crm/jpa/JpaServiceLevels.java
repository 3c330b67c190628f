package dev.rapport.crm.jpa;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.servicelevel.ServiceLevelRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The service policy and the accounts' tiers of one unit of work, in {@code crm_service_policy}
 * and {@code crm_account_tier}. The policy row is read as columns (never a managed entity) and
 * changed by an update guarded by its version, so two units that change it at once collide.
 */
final class JpaServiceLevels implements ServiceLevelRepository {
  private final JpaUnitOfWork uow;

  JpaServiceLevels(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public Optional<State> state() {
    uow.requireOpen();
    List<Object[]> found = uow.em().createQuery("select e.version, e.revision, e.cursor, e.changedAt, e.policy"
            + " from RapportServicePolicy e where e.tenantId = :tenant", Object[].class)
        .setFlushMode(jakarta.persistence.FlushModeType.COMMIT) // written only by save(), which writes at once
        .setParameter("tenant", uow.tenant().value()).getResultList();
    return found.stream().findFirst().map(r -> new State(PolicyJson.read((String) r[4]), ((Number) r[1]).longValue(),
        ((Number) r[0]).longValue(), Optional.ofNullable((UUID) r[2]).map(AccountId::of),
        Mapping.fromColumn((java.time.LocalDateTime) r[3])));
  }

  @Override
  public State save(State state) {
    uow.requireOpen();
    Objects.requireNonNull(state, "state");
    String policy = PolicyJson.write(state.policy());
    UUID cursor = state.cursor().map(AccountId::value).orElse(null);
    if (state.version() == 0) {
      ServicePolicyEntity e = new ServicePolicyEntity();
      e.tenantId = uow.tenant().value();
      e.version = 1;
      e.revision = state.revision();
      e.cursor = cursor;
      e.changedAt = Mapping.toColumn(state.changedAt());
      e.policy = policy;
      if (state().isPresent()) {
        throw new ConcurrentUpdateException("service policy", uow.tenant().value(), 0);
      }
      uow.em().persist(e);
      uow.flush();
      uow.em().detach(e);
    } else {
      int n = uow.em().createQuery("update RapportServicePolicy e set e.version = :next, e.revision = :revision,"
              + " e.cursor = :cursor, e.changedAt = :changedAt, e.policy = :policy"
              + " where e.tenantId = :tenant and e.version = :version")
          .setParameter("next", state.version() + 1).setParameter("revision", state.revision())
          .setParameter("cursor", cursor).setParameter("changedAt", Mapping.toColumn(state.changedAt()))
          .setParameter("policy", policy).setParameter("tenant", uow.tenant().value())
          .setParameter("version", state.version()).executeUpdate();
      if (n != 1) {
        throw new ConcurrentUpdateException("service policy", uow.tenant().value(), state.version());
      }
    }
    return new State(state.policy(), state.revision(), state.version() + 1, state.cursor(), state.changedAt());
  }

  @Override
  public Map<AccountId, String> tiers(Collection<AccountId> accounts) {
    uow.requireOpen();
    Map<AccountId, String> out = new HashMap<>();
    if (accounts.isEmpty()) {
      return out;
    }
    for (List<UUID> chunk : Rows.chunks(accounts.stream().map(AccountId::value).distinct().toList())) {
      for (Object[] r : uow.em().createQuery("select e.id, e.tier from RapportAccountTier e"
              + " where e.tenantId = :tenant and e.id in :ids", Object[].class)
          // tiers are written only by saveTiers() and removeTier(), which write at once: no flush of
          // the unit's other rows (a re-tiering batch holds thousands of accounts) before each chunk
          .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
          .setParameter("tenant", uow.tenant().value()).setParameter("ids", chunk).getResultList()) {
        out.put(AccountId.of((UUID) r[0]), (String) r[1]);
      }
    }
    return out;
  }

  @Override
  public void saveTiers(Map<AccountId, String> tiers) {
    uow.requireOpen();
    if (tiers.isEmpty()) {
      return;
    }
    List<UUID> ids = new ArrayList<>();
    tiers.keySet().forEach(a -> ids.add(a.value()));
    for (List<UUID> chunk : Rows.chunks(ids)) {
      uow.em().createQuery("delete from RapportAccountTier e where e.tenantId = :tenant and e.id in :ids")
          .setParameter("tenant", uow.tenant().value()).setParameter("ids", chunk).executeUpdate();
    }
    List<AccountTierEntity> written = new ArrayList<>();
    tiers.forEach((a, t) -> {
      AccountTierEntity e = new AccountTierEntity();
      e.id = a.value();
      e.tenantId = uow.tenant().value();
      e.tier = t;
      uow.em().persist(e);
      written.add(e);
    });
    uow.flush();
    // not kept managed: a later batch of the unit deletes rows by query and persists them anew
    written.forEach(uow.em()::detach);
  }

  @Override
  public void removeTier(AccountId account) {
    uow.requireOpen();
    uow.em().createQuery("delete from RapportAccountTier e where e.tenantId = :tenant and e.id = :id")
        .setParameter("tenant", uow.tenant().value()).setParameter("id", account.value()).executeUpdate();
  }
}
