package dev.rapport.crm.exception;

/**
 * Too little closed history to learn from: predictive lead scoring needs at least
 * {@link #minimum()} won and {@link #minimum()} lost leads of the tenant, and this tenant has
 * {@link #won()} and {@link #lost()}. A model trained on fewer would be a confident guess. Nothing
 * was changed.
 */
public final class InsufficientHistoryException extends CrmException {
  private final long won;
  private final long lost;
  private final int minimum;

  /**
   * @param won how many won leads there are
   * @param lost how many lost (or disqualified) leads there are
   * @param minimum how many of each are needed
   */
  public InsufficientHistoryException(long won, long lost, int minimum) {
    super("too little closed history to score leads: " + won + " won and " + lost
        + " lost leads, at least " + minimum + " of each are needed");
    this.won = won;
    this.lost = lost;
    this.minimum = minimum;
  }

  /** How many won leads there are. */
  public long won() {
    return won;
  }

  /** How many lost or disqualified leads there are. */
  public long lost() {
    return lost;
  }

  /** How many of each are needed. */
  public int minimum() {
    return minimum;
  }
}
