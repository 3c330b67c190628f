package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

/**
 * A lifecycle rule refused a move: for example a converted lead asked to change, or a won
 * opportunity moved to another stage. {@link #from()} and {@link #to()} name the states (or, for a
 * change that is not a state move, the action). The message reads "lead cannot move from CONTACTED
 * to CONVERTED: ..." or, for a move to where the record already is, "lead is already CONVERTED:
 * ...". Nothing was changed.
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
    super(sentence(requireNonNull(kind, "kind"), requireNonNull(from, "from"), requireNonNull(to, "to"))
        + (why == null ? "" : ": " + why));
    this.kind = kind;
    this.from = from.toString();
    this.to = to.toString();
  }

  private static String sentence(String kind, Object from, Object to) {
    return from.toString().equals(to.toString())
        ? kind + " is already " + from
        : kind + " cannot move from " + from + " to " + to;
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
