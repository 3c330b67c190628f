package dev.rapport.crm.mail;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * The message {@link MailService#sendCampaign} sends to each member of a campaign: the sender (one
 * of the tenant's own addresses), the subject and the plain text. Each member's copy gets its own
 * {@code Message-ID}, the member as {@code To}, and the one-click unsubscribe link. An immutable
 * value.
 *
 * @param from the sender
 * @param subject the subject, one line of 1 to {@value MailMessage#SUBJECT} characters
 * @param text the body, 1 to {@value MailMessage#TEXT} characters
 */
public record CampaignMail(MailAddress from, String subject, String text) {
  /** @throws ValidationException if a part is null, blank, too long, or the subject breaks a line */
  public CampaignMail {
    Check.notNull(from, "mail.from");
    subject = Check.text(MailText.oneLine(Check.notNull(subject, "mail.subject"), "mail.subject"), "mail.subject",
        MailMessage.SUBJECT);
    text = Check.text(text, "mail.text", MailMessage.TEXT);
  }

  /**
   * The campaign message.
   *
   * @throws ValidationException if a part is null, blank, too long, or the subject breaks a line
   */
  public static CampaignMail of(MailAddress from, String subject, String text) {
    return new CampaignMail(from, subject, text);
  }
}
