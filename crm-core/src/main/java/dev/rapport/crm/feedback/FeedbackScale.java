package dev.rapport.crm.feedback;

/** The question a feedback answer scores, and its range. A closed set: each has its own arithmetic. */
public enum FeedbackScale {
  /** Customer satisfaction: "how satisfied were you?", 1 (very unsatisfied) to 5 (very satisfied). */
  CSAT(1, 5),
  /**
   * Net Promoter Score: "how likely are you to recommend us?", 0 to 10; 9 and 10 are promoters,
   * 7 and 8 passives, 0 to 6 detractors.
   */
  NPS(0, 10);

  private final int min;
  private final int max;

  FeedbackScale(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /** The lowest score. */
  public int min() {
    return min;
  }

  /** The highest score. */
  public int max() {
    return max;
  }
}
