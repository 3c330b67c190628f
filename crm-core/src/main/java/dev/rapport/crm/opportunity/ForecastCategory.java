package dev.rapport.crm.opportunity;

/** How an opportunity counts in the sales forecast. */
public enum ForecastCategory {
  /** Early: counted in the pipeline only. */
  PIPELINE,
  /** Could close in the period if things go well. */
  BEST_CASE,
  /** Expected to close in the period. */
  COMMIT,
  /** Won. */
  CLOSED,
  /** Left out of the forecast: lost, or excluded by hand. */
  OMITTED
}
