package dev.rapport.crm.analytics;

/**
 * The named RFM segments. A customer's segment follows from its recency score R and FM, the mean
 * of its frequency and monetary scores rounded half up ({@code (F + M + 1) / 2} in integers), by
 * this grid, which covers all 25 cells:
 *
 * <pre>
 *        FM 1         FM 2         FM 3         FM 4         FM 5
 * R 5    NEW          POTENTIAL    POTENTIAL    CHAMPIONS    CHAMPIONS
 * R 4    NEW          POTENTIAL    POTENTIAL    LOYAL        LOYAL
 * R 3    HIBERNATING  POTENTIAL    POTENTIAL    LOYAL        LOYAL
 * R 2    HIBERNATING  HIBERNATING  AT_RISK      AT_RISK      CANT_LOSE
 * R 1    LOST         LOST         AT_RISK      AT_RISK      CANT_LOSE
 * </pre>
 *
 * (POTENTIAL is {@link #POTENTIAL_LOYALISTS}.) Declared from the best to the worst.
 */
public enum Segment {
  /** Bought recently, often and much: R 5 and FM 4 or 5. */
  CHAMPIONS,
  /** Buys often and much, not quite the latest: R 3 or 4 and FM 4 or 5. */
  LOYAL,
  /** Recent, with middling frequency and value: R 3 to 5 and FM 2 or 3. */
  POTENTIAL_LOYALISTS,
  /** Recent, with little so far: R 4 or 5 and FM 1. */
  NEW,
  /** Used to buy often or much, has not for a while: R 1 or 2 and FM 3 or 4. */
  AT_RISK,
  /** Among the most frequent and valuable, but not recent: R 1 or 2 and FM 5. */
  CANT_LOSE,
  /** Not recent, little value: R 3 and FM 1, or R 2 and FM 1 or 2. */
  HIBERNATING,
  /** The least recent, little value: R 1 and FM 1 or 2. */
  LOST;

  /**
   * The segment of the scores, by the grid above.
   *
   * @param r the recency score, 1 to 5
   * @param f the frequency score, 1 to 5
   * @param m the monetary score, 1 to 5
   * @throws IllegalArgumentException if a score is not 1 to 5
   */
  public static Segment of(int r, int f, int m) {
    if (r < 1 || r > 5 || f < 1 || f > 5 || m < 1 || m > 5) {
      throw new IllegalArgumentException("scores must be 1 to 5: " + r + ", " + f + ", " + m);
    }
    int fm = (f + m + 1) / 2;
    return switch (r) {
      case 5 -> fm == 1 ? NEW : fm <= 3 ? POTENTIAL_LOYALISTS : CHAMPIONS;
      case 4 -> fm == 1 ? NEW : fm <= 3 ? POTENTIAL_LOYALISTS : LOYAL;
      case 3 -> fm == 1 ? HIBERNATING : fm <= 3 ? POTENTIAL_LOYALISTS : LOYAL;
      case 2 -> fm <= 2 ? HIBERNATING : fm <= 4 ? AT_RISK : CANT_LOSE;
      default -> fm <= 2 ? LOST : fm <= 4 ? AT_RISK : CANT_LOSE;
    };
  }
}
