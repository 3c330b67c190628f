package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

/**
 * A lifecycle rule refused a move: for example a converted lead asked to change, or a won
 * opportunity moved to another stage. {@link #from()} and {@link #to()} name the states (or, for a
 * change that is not a state move, the action). Nothing was changed.
 */
public final class IllegalTransitionException extends CrmException {
  private final String kind;
  private final String from;
  private final String to;

  /**
   * @param kind the kind of record, e.g. {@code "lead"}
   * @param from the state it is in
   * @param to the state or action that was refused
   */
  public IllegalTransitionException(String kind, Object from, Object to) {
    this(kind, from, to, null);
  }

  /**
   * @param kind the kind of record, e.g. {@code "lead"}
   * @param from the state it is in
   * @param to the state or action that was refused
   * @param why what the caller should know, e.g. what the record already became; or {@code null}
   */
  public IllegalTransitionException(String kind, Object from, Object to, String why) {
    super(requireNonNull(kind, "kind") + " cannot move from " + requireNonNull(from, "from")
        + " to " + requireNonNull(to, "to") + (why == null ? "" : ": " + why));
    this.kind = kind;
    this.from = from.toString();
    this.to = to.toString();
  }

  /** The kind of record, e.g. {@code "lead"}. */
  public String kind() {
    return kind;
  }

  /** The state the record is in. */
  public String from() {
    return from;
  }

  /** The state or action that was refused. */
  public String to() {
    return to;
  }
}
