package dev.rapport.crm.opportunity;

import dev.rapport.crm.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which opportunities a query returns: every given criterion must hold (empty means any).
 *
 * @param statuses one of these statuses
 * @param stages in one of these stages (names as the pipeline spells them)
 * @param accountId sold to this account
 * @param owner worked by this owner
 */
public record OpportunityQuery(Set<OpportunityStatus> statuses, Set<String> stages,
    Optional<AccountId> accountId, Optional<String> owner) {

  /**
   * @throws ValidationException if a part is null or holds null, or a stage name or the owner is
   *     blank or too long
   */
  public OpportunityQuery {
    statuses = Set.copyOf(Check.size(statuses, "statuses", Limits.QUERY_VALUES));
    stages = Check.size(stages, "stages", Limits.QUERY_VALUES).stream()
        .map(s -> Check.text(s, "stages", Limits.STAGE_NAME))
        .collect(Collectors.toUnmodifiableSet());
    Check.notNull(accountId, "accountId");
    Check.notNull(owner, "owner");
    owner = owner.map(o -> Check.text(o, "owner", Opportunity.MAX_TEXT));
  }

  /** Every opportunity of the tenant. */
  public static OpportunityQuery all() {
    return new OpportunityQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty());
  }

  /** Also requiring one of these statuses. @throws ValidationException if null or holding null */
  public OpportunityQuery withStatuses(Set<OpportunityStatus> s) {
    return new OpportunityQuery(s, stages, accountId, owner);
  }

  /** Also requiring one of these stages. @throws ValidationException if null or holding null */
  public OpportunityQuery withStages(Set<String> s) {
    return new OpportunityQuery(statuses, s, accountId, owner);
  }

  /** Also requiring this account. @throws ValidationException if null */
  public OpportunityQuery withAccount(AccountId id) {
    return new OpportunityQuery(statuses, stages, Optional.of(Check.notNull(id, "accountId")), owner);
  }

  /** Also requiring this owner. @throws ValidationException if null or blank */
  public OpportunityQuery withOwner(String o) {
    return new OpportunityQuery(statuses, stages, accountId,
        Optional.of(Check.text(o, "owner", Opportunity.MAX_TEXT)));
  }

  /** Whether the opportunity meets every criterion. Adapters may use it to filter candidates. */
  public boolean matches(Opportunity o) {
    return (statuses.isEmpty() || statuses.contains(o.status()))
        && (stages.isEmpty() || stages.contains(o.stage()))
        && (accountId.isEmpty() || accountId.equals(Optional.of(o.accountId())))
        && (owner.isEmpty() || owner.equals(o.owner()));
  }
}
