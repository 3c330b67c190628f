package dev.rapport.crm.mailfile;

import dev.rapport.crm.mail.MailMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as {@link MailParser} (or another reader) read it: the message, or why it could not be one.
 *
 * @param number its place in the file, from 1 (1 for a single message)
 * @param message the message, when it could be read
 * @param problem why it was skipped, when it could not (e.g. {@code "no sender address (From)"})
 */
public record ParsedMail(long number, Optional<MailMessage> message, Optional<String> problem) {

  /** @throws IllegalArgumentException unless exactly one of message and problem is present */
  public ParsedMail {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(problem, "problem");
    if (message.isPresent() == problem.isPresent()) {
      throw new IllegalArgumentException("a parsed message has a message or a problem, not both or neither");
    }
  }

  /**
   * A message read.
   *
   * @throws NullPointerException if the message is null
   */
  public static ParsedMail of(long number, MailMessage message) {
    return new ParsedMail(number, Optional.of(message), Optional.empty());
  }

  /**
   * A message skipped, and why.
   *
   * @throws NullPointerException if the problem is null
   */
  public static ParsedMail skipped(long number, String problem) {
    return new ParsedMail(number, Optional.empty(), Optional.of(problem));
  }
}
