package dev.rapport.crm.servicelevel;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The service policy of one tenant and the tier each of its accounts was last given, inside one
 * {@link dev.rapport.crm.spi.UnitOfWork}. What is saved is read back unchanged.
 */
public interface ServiceLevelRepository {

  /**
   * The tenant's policy and where its re-tiering stands.
   *
   * @param policy the policy
   * @param revision how many times a policy was defined (1 for the first)
   * @param version how many times this state was stored (0 before the first save)
   * @param cursor the last account re-tiered by the current run, or empty at the start of a run
   * @param changedAt when the policy was last defined
   */
  record State(ServicePolicy policy, long revision, long version, Optional<AccountId> cursor, Instant changedAt) {
    /** @throws ValidationException if a part is null or a number out of range */
    public State {
      Check.notNull(policy, "policy");
      Check.notNegative(revision, "revision");
      Check.notNegative(version, "version");
      Check.notNull(cursor, "cursor");
      changedAt = Check.instant(changedAt, "changedAt");
    }
  }

  /** The tenant's state, or empty when it never defined a policy. */
  Optional<State> state();

  /**
   * Stores the state read at its version (0: the tenant has none yet); returns it with the next version.
   *
   * @throws ConcurrentUpdateException if the stored state is not at that version (at once or at commit)
   */
  State save(State state);

  /** The tier each of these accounts was last given; an account never tiered is absent. */
  Map<AccountId, String> tiers(Collection<AccountId> accounts);

  /** Gives these accounts these tiers (replacing the ones they had). */
  void saveTiers(Map<AccountId, String> tiers);

  /** Forgets the tier of a deleted account. */
  void removeTier(AccountId account);
}
