package dev.rapport.crm.opportunity;

/** Whether an opportunity is still being worked, won or lost. */
public enum OpportunityStatus {
  /** In one of the pipeline's open stages. */
  OPEN,
  /** Closed as a sale. */
  WON,
  /** Closed without a sale, for a recorded reason. */
  LOST
}
