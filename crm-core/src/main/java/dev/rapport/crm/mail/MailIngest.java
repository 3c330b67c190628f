package dev.rapport.crm.mail;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * What {@link MailService#ingest} did with a message.
 *
 * @param outcome logged now, logged before, or not logged
 * @param mail the logged message (this one, or the one logged before with its id); empty when ignored
 * @param reason why, in a sentence, e.g. {@code "no lead or contact has an address of the message"}
 */
public record MailIngest(Outcome outcome, Optional<LoggedMail> mail, String reason) {

  /** What happened to a message. */
  public enum Outcome {
    /** Logged now. */
    LOGGED,
    /** A message with its id was logged before: nothing changed. */
    ALREADY_LOGGED,
    /** Not logged: none of its addresses is a lead's or contact's (and unknown senders are ignored). */
    IGNORED
  }

  /** @throws ValidationException if a part is null, or the mail is missing (or present) against the outcome */
  public MailIngest {
    Check.notNull(outcome, "outcome");
    Check.notNull(mail, "mail");
    Check.notNull(reason, "reason");
    if (mail.isPresent() == (outcome == Outcome.IGNORED)) {
      throw new ValidationException("mail", outcome == Outcome.IGNORED ? "must be empty when ignored" : "must be present");
    }
  }
}
