package dev.rapport.crm.spring;

import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CrmEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@link CrmEventListener}'s promise ("after it committed") when the command joined a host
 * transaction that is still open: the event is handed over after that transaction commits, and
 * never if it rolls back. Outside of a transaction it is handed over at once.
 */
final class AfterCommitListener implements CrmEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(AfterCommitListener.class);

  private final CrmEventListener listener;

  AfterCommitListener(CrmEventListener listener) {
    this.listener = listener;
  }

  @Override
  public void on(CrmEvent event) {
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          try {
            listener.on(event);
          } catch (RuntimeException e) {
            LOG.warn("Event listener {} failed on {}; the command stays committed", listener, event, e);
          }
        }
      });
    } else {
      listener.on(event);
    }
  }

  @Override
  public String toString() {
    return listener.toString();
  }
}
