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
}
