package dev.rapport.crm.exception;

/**
 * The root of every exception Rapport throws on purpose. Each rejection has its own subtype, so a
 * host can tell bad input ({@link ValidationException}), an unknown id ({@link NotFoundException}),
 * a lifecycle rule ({@link IllegalTransitionException}), a lost race
 * ({@link ConcurrentUpdateException}) and a uniqueness rule ({@link DuplicateException}) apart.
 * When a command throws any of them, nothing it meant to change has been stored. A store that
 * failed for a reason that is not the input is a {@link StoreException}, with the store's own
 * exception as its cause. Every exception a command or query of {@link dev.rapport.crm.Crm} throws is one of these.
 */
public abstract class CrmException extends RuntimeException {
  CrmException(String message) {
    super(message);
  }

  CrmException(String message, Throwable cause) {
    super(message, cause);
  }
}
