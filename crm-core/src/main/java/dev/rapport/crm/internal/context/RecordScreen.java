package dev.rapport.crm.internal.context;

import dev.rapport.crm.spi.UnitOfWork;

/**
 * Looks at a new record before it is stored, inside its command: duplicate detection's policy
 * (allow, warn, refuse) is one. A {@code Crm} always has one; the default lets everything pass.
 * Internal: may change without notice.
 */
@FunctionalInterface
public interface RecordScreen {
  /** Lets everything pass. */
  RecordScreen NONE = (uow, record) -> { };

  /**
   * Screens a lead or a contact about to be inserted in {@code uow}; throws to refuse it (the
   * command then stores nothing).
   */
  void screen(UnitOfWork uow, Object record);
}
