package dev.rapport.crm.activity;

/** Where a task stands: open, or ended as done or cancelled (both final). */
public enum TaskStatus {
  /** To do. */
  OPEN,
  /** Done; final. */
  DONE,
  /** Cancelled: no longer to do; final. */
  CANCELLED
}
