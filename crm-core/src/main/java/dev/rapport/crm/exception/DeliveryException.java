package dev.rapport.crm.exception;

/**
 * The host's mail transport did not take a message {@code crm.mail().send} gave it (the mail
 * server refused it, could not be reached, or the transport failed otherwise). Nothing of the
 * command is stored: the message is not logged. The cause is the transport's own exception.
 */
public final class DeliveryException extends CrmException {
  /**
   * @param message what failed
   * @param cause the transport's exception, if any
   */
  public DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
