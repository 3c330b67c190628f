package dev.rapport.crm.service;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import java.util.Map;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.util.Optional;
import java.util.Set;
import dev.rapport.crm.common.PageRequest;

/**
 * Which open cases (status in {@link CaseStatus#OPEN}) a query returns: every given criterion
 * must hold (empty means any).
 *
 * @param owner worked by this owner
 * @param priorities of one of these priorities
 * @param fields each of these custom field values (by key)
 * @param order the order of the pages
 */
public record CaseQuery(Optional<String> owner, Set<CasePriority> priorities, Map<String, FieldValue> fields,
    Order order) {

  /**
   * The order of the open-case list. Paging is by keyset (see {@link PageRequest}): the cursor is
   * the last case of a page, and the next page starts after where it stands now, so a case whose
   * due instant or tier changes while a caller pages may be seen twice or not at all in the orders
   * by due instant and by value.
   */
  public enum Order {
    /** Oldest first (id order). */
    OPENED,
    /**
     * The case due soonest first ({@link ServiceCase#dueAt()}), then by id; cases without a
     * running clock (no service level, or waiting on the customer) last, oldest first.
     */
    DUE,
    /**
     * The most valuable customer's first: by the rank of the case's tier (cases without a service
     * level last), then as {@link #DUE}.
     */
    VALUE
  }

  /** @throws ValidationException if a part is null or holds null, or the owner is blank or too long */
  public CaseQuery {
    fields = CustomFields.criteria(fields);
    Check.notNull(owner, "owner");
    owner = owner.map(o -> Check.text(o, "owner", Limits.TEXT));
    priorities = Set.copyOf(Check.size(priorities, "priorities", Limits.QUERY_VALUES));
    Check.notNull(order, "order");
  }

  /** Every open case of the tenant. */
  public static CaseQuery allOpen() {
    return new CaseQuery(Optional.empty(), Set.of(), Map.of(), Order.OPENED);
  }

  /**
   * Also requiring this owner.
   *
   * @throws ValidationException if null, blank or too long
   */
  public CaseQuery withOwner(String o) {
    return new CaseQuery(Optional.of(Check.text(o, "owner", Limits.TEXT)), priorities, fields, order);
  }

  /**
   * Also requiring one of these priorities.
   *
   * @throws ValidationException if null or holding null
   */
  public CaseQuery withPriorities(Set<CasePriority> p) {
    return new CaseQuery(owner, p, fields, order);
  }

  /**
   * Also requiring the custom field {@code key} to hold {@code value} (a {@code CHOICES} value
   * matches the same set of options).
   *
   * @throws ValidationException if either is null, or the key is not a field key
   */
  public CaseQuery withField(String key, FieldValue value) {
    Map<String, FieldValue> next = CustomFields.of(fields).with(key, value).values();
    return new CaseQuery(owner, priorities, next, order);
  }

  /**
   * In this order.
   *
   * @throws ValidationException if it is null
   */
  public CaseQuery orderedBy(Order o) {
    return new CaseQuery(owner, priorities, fields, Check.notNull(o, "order"));
  }

  /** Whether the case is open and meets every criterion. Adapters may use it to filter candidates. */
  public boolean matches(ServiceCase c) {
    return c.isOpen()
        && (owner.isEmpty() || owner.equals(c.owner()))
        && (priorities.isEmpty() || priorities.contains(c.priority()))
        && c.fields().holds(fields);
  }

  /**
   * The sort key of a case in the orders {@link Order#DUE} and {@link Order#VALUE}: its due
   * instant in microseconds since the epoch, {@link Long#MAX_VALUE} when it has none. Adapters store it.
   */
  public static long dueKey(ServiceCase c) {
    return c.dueAt().map(t -> t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000).orElse(Long.MAX_VALUE);
  }

  /**
   * The sort key of a case's tier in the order {@link Order#VALUE}: its rank, {@link
   * Integer#MAX_VALUE} when it has no service level or is not open. Adapters store it.
   */
  public static int rankKey(ServiceCase c) {
    return c.isOpen() ? c.level().map(CaseLevel::rank).orElse(Integer.MAX_VALUE) : Integer.MAX_VALUE;
  }

  /** The order of this query's pages over cases (for an adapter that sorts in memory). */
  public java.util.Comparator<ServiceCase> comparator() {
    java.util.Comparator<ServiceCase> byId = java.util.Comparator.comparing(ServiceCase::id);
    java.util.Comparator<ServiceCase> byDue = java.util.Comparator.comparingLong(CaseQuery::dueKey);
    return switch (order) {
      case OPENED -> byId;
      case DUE -> byDue.thenComparing(byId);
      case VALUE -> java.util.Comparator.comparingInt(CaseQuery::rankKey).thenComparing(byDue).thenComparing(byId);
    };
  }
}
