package dev.rapport.crm.activity;

/** How urgent a task is. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH
}
