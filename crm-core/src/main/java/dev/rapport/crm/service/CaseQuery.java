package dev.rapport.crm.service;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import java.util.Map;
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
 * @param fields each of these custom field values (by key)
 */
public record CaseQuery(Optional<String> owner, Set<CasePriority> priorities, Map<String, FieldValue> fields) {

  /** @throws ValidationException if a part is null or holds null, or the owner is blank or too long */
  public CaseQuery {
    fields = CustomFields.criteria(fields);
    Check.notNull(owner, "owner");
    owner = owner.map(o -> Check.text(o, "owner", Limits.TEXT));
    priorities = Set.copyOf(Check.size(priorities, "priorities", Limits.QUERY_VALUES));
  }

  /** Every open case of the tenant. */
  public static CaseQuery allOpen() {
    return new CaseQuery(Optional.empty(), Set.of(), Map.of());
  }

  /**
   * Also requiring this owner.
   *
   * @throws ValidationException if null, blank or too long
   */
  public CaseQuery withOwner(String o) {
    return new CaseQuery(Optional.of(Check.text(o, "owner", Limits.TEXT)), priorities, fields);
  }

  /**
   * Also requiring one of these priorities.
   *
   * @throws ValidationException if null or holding null
   */
  public CaseQuery withPriorities(Set<CasePriority> p) {
    return new CaseQuery(owner, p, fields);
  }

  /**
   * Also requiring the custom field {@code key} to hold {@code value} (a {@code CHOICES} value
   * matches the same set of options).
   *
   * @throws ValidationException if either is null, or the key is not a field key
   */
  public CaseQuery withField(String key, FieldValue value) {
    Map<String, FieldValue> next = CustomFields.of(fields).with(key, value).values();
    return new CaseQuery(owner, priorities, next);
  }

  /** Whether the case is open and meets every criterion. Adapters may use it to filter candidates. */
  public boolean matches(ServiceCase c) {
    return c.isOpen()
        && (owner.isEmpty() || owner.equals(c.owner()))
        && (priorities.isEmpty() || priorities.contains(c.priority()))
        && c.fields().holds(fields);
  }
}
