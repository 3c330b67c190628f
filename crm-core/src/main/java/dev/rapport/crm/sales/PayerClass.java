package dev.rapport.crm.sales;

/**
 * How an account pays its invoices, by the rules of a {@link PayerPolicy}. Ordered from best to worst.
 */
public enum PayerClass {
  /** No invoice late (also an account without invoices). */
  ON_TIME,
  /** Some invoices late, not enough to be chronically late. */
  OCCASIONALLY_LATE,
  /** Late as a rule: see {@link PayerPolicy}. */
  CHRONICALLY_LATE
}
