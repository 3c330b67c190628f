package dev.rapport.crm.mailfile;

/**
 * What one {@link ImapMailbox#fetch} did: the report of the messages it read, and the position to
 * give the next fetch.
 *
 * @param report the messages read, logged, already logged, ignored and skipped
 * @param position where the next fetch starts
 */
public record ImapFetch(MailboxReport report, ImapPosition position) {}
