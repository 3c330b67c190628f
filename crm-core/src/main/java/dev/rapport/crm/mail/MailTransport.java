package dev.rapport.crm.mail;

import dev.rapport.crm.exception.DeliveryException;

/**
 * Sends mail for {@link MailService#send}: the host's mail server through {@code crm-mail}'s
 * {@code SmtpTransport}, or the host's own mail handling. Given to {@code Crm.builder().mailTransport(...)}.
 * Called inside the command that logs the message, before it commits: a message the transport
 * refuses is not logged.
 */
@FunctionalInterface
public interface MailTransport {
  /**
   * Sends the message: its {@code Message-ID}, {@code Date}, {@code In-Reply-To} and
   * {@code References} as given (so replies thread), every address and the text.
   *
   * @throws DeliveryException if it cannot be sent (a transport may throw any runtime exception:
   *     {@code send} wraps it in a {@code DeliveryException})
   */
  void send(MailMessage message);
}
