package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * Optimistic concurrency refused a write: the record was changed by someone else since it was
 * read (its stored version is not the version the writer started from). Nothing of the refused
 * unit of work was stored; the other writer's change stands. Re-read and try again.
 */
public final class ConcurrentUpdateException extends CrmException {
  private final String kind;
  private final String id;
  private final long expectedVersion;
  private final OptionalLong currentVersion;

  /**
   * @param kind the kind of record, e.g. {@code "lead"}
   * @param id its id
   * @param expectedVersion the version the writer started from
   */
  public ConcurrentUpdateException(String kind, Object id, long expectedVersion) {
    this(kind, id, expectedVersion, null);
  }

  /**
   * @param kind the kind of record, e.g. {@code "lead"}
   * @param id its id
   * @param expectedVersion the version the writer started from
   * @param currentVersion the version stored now
   */
  public ConcurrentUpdateException(String kind, Object id, long expectedVersion, long currentVersion) {
    this(kind, id, expectedVersion, OptionalLong.of(currentVersion), null);
  }

  /**
   * @param kind the kind of record, e.g. {@code "lead"}
   * @param id its id
   * @param expectedVersion the version the writer started from
   * @param cause the adapter's own exception, or {@code null}
   */
  public ConcurrentUpdateException(String kind, Object id, long expectedVersion, Throwable cause) {
    this(kind, id, expectedVersion, OptionalLong.empty(), cause);
  }

  private ConcurrentUpdateException(String kind, Object id, long expectedVersion, OptionalLong currentVersion,
      Throwable cause) {
    super(requireNonNull(kind, "kind") + " " + requireNonNull(id, "id") + " was changed concurrently: "
        + (expectedVersion < 0 ? "" : "the write started from version " + expectedVersion + ", ")
        + (currentVersion.isPresent() ? "it is now at version " + currentVersion.getAsLong()
            : "the version it is at now was not known when the store refused the write")
        + "; read it again and retry", cause);
    this.kind = kind;
    this.id = id.toString();
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  /** The kind of record, e.g. {@code "lead"}. */
  public String kind() {
    return kind;
  }

  /** The record's id, as text. */
  public String id() {
    return id;
  }

  /** The version the refused writer started from ({@code -1} where the store could not tell). */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * The version stored now, where the store knew it when it refused the write (a conflict found
   * while reading); empty for one found at commit, when the store only knows that the row moved on.
   */
  public OptionalLong currentVersion() {
    return currentVersion;
  }
}
