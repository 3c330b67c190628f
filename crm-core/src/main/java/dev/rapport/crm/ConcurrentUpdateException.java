package dev.rapport.crm;

import static java.util.Objects.requireNonNull;

/**
 * Optimistic concurrency refused a write: the record was changed by someone else since it was
 * read (its stored version is not the version the writer started from). Nothing of the refused
 * unit of work was stored; the other writer's change stands. Re-read and try again.
 */
public final class ConcurrentUpdateException extends CrmException {
  private final String kind;
  private final String id;
  private final long expectedVersion;

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
   * @param cause the adapter's own exception, or {@code null}
   */
  public ConcurrentUpdateException(String kind, Object id, long expectedVersion, Throwable cause) {
    super(requireNonNull(kind, "kind") + " " + requireNonNull(id, "id")
        + " was changed concurrently (expected version " + expectedVersion + ")", cause);
    this.kind = kind;
    this.id = id.toString();
    this.expectedVersion = expectedVersion;
  }

  /** The kind of record, e.g. {@code "lead"}. */
  public String kind() {
    return kind;
  }

  /** The record's id, as text. */
  public String id() {
    return id;
  }

  /** The version the refused writer started from. */
  public long expectedVersion() {
    return expectedVersion;
  }
}
