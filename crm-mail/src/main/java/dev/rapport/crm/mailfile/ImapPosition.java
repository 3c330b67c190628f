package dev.rapport.crm.mailfile;

import dev.rapport.crm.exception.ValidationException;

/**
 * How far {@link ImapMailbox} has read a folder: the folder's {@code UIDVALIDITY} and the highest
 * message UID logged. The host keeps it (a column of its own, a file) and gives it back on the next
 * fetch; a folder whose {@code UIDVALIDITY} changed is read again from its start (the CRM logs each
 * message once, by its {@code Message-ID}).
 *
 * @param uidValidity the folder's UIDVALIDITY (1 or more)
 * @param lastUid the highest UID read (0 or more)
 */
public record ImapPosition(long uidValidity, long lastUid) {
  /** @throws ValidationException if uidValidity is below 1 or lastUid negative */
  public ImapPosition {
    if (uidValidity < 1) {
      throw new ValidationException("imap.uidValidity", "must be at least 1");
    }
    if (lastUid < 0) {
      throw new ValidationException("imap.lastUid", "must not be negative");
    }
  }
}
