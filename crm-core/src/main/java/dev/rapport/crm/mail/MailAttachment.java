package dev.rapport.crm.mail;

import dev.rapport.crm.common.Limits;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * An attachment of a message as the CRM keeps it: its name, type and size, not its bytes.
 *
 * @param name the file name (one line, at most {@value Limits#TEXT} characters)
 * @param type the media type, e.g. {@code application/pdf} (one line, at most {@value Limits#TEXT} characters)
 * @param size its size in bytes (0 or more)
 */
public record MailAttachment(String name, String type, long size) {

  /** @throws ValidationException if a text is null, blank, breaks a line or is too long, or the size is negative */
  public MailAttachment {
    name = MailText.oneLine(Check.text(name, "mail.attachment.name", Limits.TEXT), "mail.attachment.name");
    type = MailText.oneLine(Check.text(type, "mail.attachment.type", Limits.TEXT), "mail.attachment.type");
    Check.notNegative(size, "mail.attachment.size");
  }
}
