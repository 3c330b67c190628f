package dev.rapport.crm.servicelevel;

import java.util.List;

/**
 * What one call of {@link ServiceLevelService#retier} did.
 *
 * @param revision the policy revision the accounts were tiered by
 * @param accounts how many accounts it tiered
 * @param changes the accounts that moved to another tier (or got their first), one event each
 * @param done whether the run reached the last account (the next call starts a new run)
 */
public record Retiered(long revision, int accounts, List<AccountTierChanged> changes, boolean done) {
  public Retiered {
    changes = List.copyOf(changes);
  }
}
