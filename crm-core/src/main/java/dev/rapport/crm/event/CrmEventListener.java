package dev.rapport.crm.event;

/**
 * Receives the events of committed units of work. Called on the thread that ran the command,
 * after it committed. An exception thrown by a listener is logged and does not undo the command
 * or stop other listeners.
 */
@FunctionalInterface
public interface CrmEventListener {
  /** Handles one event. */
  void on(CrmEvent event);
}
