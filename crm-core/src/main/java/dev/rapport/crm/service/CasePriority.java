package dev.rapport.crm.service;

/**
 * How urgent a {@link ServiceCase} is, lowest first. A closed scale (its order is its meaning),
 * so an enum.
 */
public enum CasePriority {
  /** When there is time. */
  LOW,
  /** The usual. */
  NORMAL,
  /** Before the usual. */
  HIGH,
  /** Now: the customer cannot work. */
  URGENT
}
