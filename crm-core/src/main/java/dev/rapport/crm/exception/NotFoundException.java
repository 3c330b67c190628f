package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

/**
 * No record of the given kind has the given id in this {@link dev.rapport.crm.Crm}'s tenant. (A record of another
 * tenant is not found either: tenants never see each other's data.) Nothing was changed.
 */
public final class NotFoundException extends CrmException {
  private final String kind;
  private final String id;

  /**
   * @param kind what was looked for, e.g. {@code "lead"}
   * @param id the id that was not found
   */
  public NotFoundException(String kind, Object id) {
    super(requireNonNull(kind, "kind") + " " + requireNonNull(id, "id") + " not found");
    this.kind = kind;
    this.id = id.toString();
  }

  /** What was looked for, e.g. {@code "lead"}. */
  public String kind() {
    return kind;
  }

  /** The id that was not found, as text. */
  public String id() {
    return id;
  }
}
