package dev.rapport.crm.internal;

import dev.rapport.crm.exception.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules every merge plan checks of its ids. */
public final class MergeChecks {
  private MergeChecks() {}

  /**
   * @throws ValidationException if {@code duplicates} is empty, longer than {@code max}, names a
   *     record twice or holds the survivor
   */
  public static <I> void ids(I survivor, List<I> duplicates, String kind, int max) {
    if (duplicates.isEmpty()) {
      throw new ValidationException("duplicates", "must name at least one " + kind);
    }
    if (duplicates.size() > max) {
      throw new ValidationException("duplicates", "must name at most " + max + " " + kind + "s");
    }
    Set<I> seen = new HashSet<>();
    seen.add(survivor);
    for (I id : duplicates) {
      if (!seen.add(id)) {
        throw new ValidationException("duplicates", id.equals(survivor)
            ? "must not hold the survivor: " + (kind.startsWith("a") ? "an " : "a ") + kind + " is not merged with itself"
            : "must not name " + (kind.startsWith("a") ? "an " : "a ") + kind + " twice: " + id);
      }
    }
  }

  /**
   * The merged records of a merge, checked with the rest of it and copied: every part present, the
   * survivor's two states one record, at least one merged record, none the survivor, all of the
   * merge's tenant.
   *
   * @throws ValidationException naming the part that breaks a rule
   */
  public static <R> List<R> merge(Object id, Object tenantId, R survivorBefore, R survivor, List<R> merged,
      java.util.Optional<?> undoneAt, java.util.function.Function<R, Object> idOf,
      java.util.function.Function<R, Object> tenantOf, String kind) {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNull(survivorBefore, "survivorBefore");
    Check.notNull(survivor, "survivor");
    List<R> copy = List.copyOf(Check.noNulls(merged, "merged"));
    Check.notNull(undoneAt, "undoneAt");
    if (!idOf.apply(survivor).equals(idOf.apply(survivorBefore))) {
      throw new ValidationException("survivor", "must be the same " + kind + " as survivorBefore");
    }
    if (copy.isEmpty()) {
      throw new ValidationException("merged", "must hold at least one " + kind);
    }
    for (R r : List.of(survivorBefore, survivor)) {
      if (!tenantOf.apply(r).equals(tenantId)) {
        throw new ValidationException("survivor", "must belong to the merge's tenant");
      }
    }
    for (R r : copy) {
      if (!tenantOf.apply(r).equals(tenantId)) {
        throw new ValidationException("merged", "must belong to the merge's tenant");
      }
      if (idOf.apply(r).equals(idOf.apply(survivor))) {
        throw new ValidationException("merged", "must not hold the survivor");
      }
    }
    return copy;
  }

  /** How many merges a look-up follows from a merged record to its survivor. */
  public static final int MAX_REDIRECTS = 32;

  /**
   * The record with this id, or the survivor it was merged into (following later merges, at most
   * {@link #MAX_REDIRECTS}), or empty.
   *
   * @param find the stored record with an id, if any
   * @param mergedInto the survivor's id of the merge (not undone) that retired an id, if any
   */
  public static <I, R> java.util.Optional<R> follow(I id, java.util.function.Function<I, java.util.Optional<R>> find,
      java.util.function.Function<I, java.util.Optional<I>> mergedInto) {
    I at = id;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      java.util.Optional<R> found = find.apply(at);
      if (found.isPresent()) {
        return found;
      }
      java.util.Optional<I> next = mergedInto.apply(at);
      if (next.isEmpty()) {
        return java.util.Optional.empty();
      }
      at = next.get();
    }
    return java.util.Optional.empty();
  }

  /**
   * A field's value in a merge: the chosen record's (even empty), else the first record's in order
   * (the survivor first) that has one.
   */
  public static <R, T> java.util.Optional<T> pick(List<R> all, java.util.Optional<R> chosen,
      java.util.function.Function<R, java.util.Optional<T>> field) {
    if (chosen.isPresent()) {
      return field.apply(chosen.get());
    }
    return all.stream().map(field).flatMap(java.util.Optional::stream).findFirst();
  }
}
