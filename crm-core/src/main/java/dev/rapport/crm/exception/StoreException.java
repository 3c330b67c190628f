package dev.rapport.crm.exception;

/**
 * The store failed for a reason that is not the caller's input: the database could not be
 * reached or refused the work (connection lost, disk full, a timeout, a constraint of the host's
 * own), an adapter was used against its contract (say, the JPA adapter's joining mode without an
 * active host transaction), or an adapter broke its contract. The cause is the adapter's or
 * driver's own exception, and the message repeats it.
 *
 * <p>Every other failure a caller sees is one of the rejections of {@link CrmException}, which
 * the core decides before the store is touched. A command that ends in this exception was rolled
 * back, unless the failure struck while the store was committing: then, as with any database,
 * the outcome is unknown and the caller should re-read before retrying.
 */
public final class StoreException extends CrmException {
  /**
   * @param message what failed
   * @param cause the adapter's or driver's exception
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
