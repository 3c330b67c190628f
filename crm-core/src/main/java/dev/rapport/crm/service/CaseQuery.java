package dev.rapport.crm.service;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.util.Optional;
import java.util.Set;

/**
 * Which open cases (status in {@link CaseStatus#OPEN}) a query returns: every given criterion
 * must hold (empty means any).
 *
 * @param owner worked by this owner
 * @param priorities of one of these priorities
 */
public record CaseQuery(Optional<String> owner, Set<CasePriority> priorities) {

  /** @throws ValidationException if a part is null or holds null, or the owner is blank or too long */
  public CaseQuery {
    Check.notNull(owner, "owner");
    owner = owner.map(o -> Check.text(o, "owner", Limits.TEXT));
    priorities = Set.copyOf(Check.size(priorities, "priorities", Limits.QUERY_VALUES));
  }

  /** Every open case of the tenant. */
  public static CaseQuery allOpen() {
    return new CaseQuery(Optional.empty(), Set.of());
  }

  /**
   * Also requiring this owner.
   *
   * @throws ValidationException if null, blank or too long
   */
  public CaseQuery withOwner(String o) {
    return new CaseQuery(Optional.of(Check.text(o, "owner", Limits.TEXT)), priorities);
  }

  /**
   * Also requiring one of these priorities.
   *
   * @throws ValidationException if null or holding null
   */
  public CaseQuery withPriorities(Set<CasePriority> p) {
    return new CaseQuery(owner, p);
  }

  /** Whether the case is open and meets every criterion. Adapters may use it to filter candidates. */
  public boolean matches(ServiceCase c) {
    return c.isOpen()
        && (owner.isEmpty() || owner.equals(c.owner()))
        && (priorities.isEmpty() || priorities.contains(c.priority()));
  }
}
