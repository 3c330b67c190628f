package dev.rapport.crm.dedupe;

import java.util.List;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * Records a whole-tenant scan found to be one person: two or more, linked by likely-duplicate
 * pairs (a cluster may hold two records that are each only like a third).
 *
 * @param <I> the kind of id
 * @param members the records' ids, oldest first
 * @param pairs the likely-duplicate pairs that link them, as {@code [first, second]} indexes into
 *     {@code members} with their comparison
 */
public record DuplicateCluster<I>(List<I> members, List<Link> pairs) {
  /** @throws ValidationException if an argument is null or holds null */
  public DuplicateCluster {
    members = List.copyOf(Check.noNulls(members, "members"));
    pairs = List.copyOf(Check.noNulls(pairs, "pairs"));
  }

  /**
   * Two members the matcher called one person.
   *
   * @param first the index of one member in {@link #members}
   * @param second the index of the other, greater
   * @param comparison how they compared
   */
  public record Link(int first, int second, Comparison comparison) {
    /** @throws ValidationException if an index is negative or the comparison null */
    public Link {
      Check.notNegative(first, "first");
      Check.notNegative(second, "second");
      Check.notNull(comparison, "comparison");
    }
  }
}
