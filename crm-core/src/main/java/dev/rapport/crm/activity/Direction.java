package dev.rapport.crm.activity;

/** Who started a call or e-mail. */
public enum Direction {
  /** The customer or lead reached out to the tenant. */
  INBOUND,
  /** The tenant reached out to the customer or lead. */
  OUTBOUND
}
