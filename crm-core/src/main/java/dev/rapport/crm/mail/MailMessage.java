package dev.rapport.crm.mail;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message as the host received or sent it, read from its headers and body (by {@code crm-mail}'s
 * parser, or by the host's own mail handling, which cuts a longer subject or text to
 * {@value #SUBJECT} and {@value #TEXT} characters). Header values never hold a line break. An
 * immutable value; build one with {@link #builder}.
 *
 * @param messageId the {@code Message-ID}, without angle brackets: what makes a message the same
 *     message when it comes twice
 * @param inReplyTo the {@code In-Reply-To} id, if any
 * @param references the {@code References} ids, oldest first
 * @param from the sender
 * @param to the {@code To} addresses
 * @param cc the {@code Cc} addresses
 * @param replyTo the {@code Reply-To} addresses
 * @param subject the subject (may be empty)
 * @param sentAt the {@code Date}
 * @param text the body as plain text (HTML already turned into text), if it has one
 * @param attachments the attachments' names, types and sizes
 * @param unsubscribeUrl where a recipient unsubscribes with one click (RFC 8058): the transport
 *     writes it as {@code List-Unsubscribe} with {@code List-Unsubscribe-Post}; set on campaign mail
 * @param failedRecipients for a delivery status notification (a bounce, RFC 3464), the recipients
 *     it reports as failed; empty for other mail
 */
public record MailMessage(String messageId, Optional<String> inReplyTo, List<String> references,
    MailAddress from, List<MailAddress> to, List<MailAddress> cc, List<MailAddress> replyTo,
    String subject, Instant sentAt, Optional<String> text, List<MailAttachment> attachments,
    Optional<String> unsubscribeUrl, List<EmailAddress> failedRecipients) {

  /** The longest subject. */
  public static final int SUBJECT = 998;
  /** The longest body text. */
  public static final int TEXT = 100_000;
  /** The most addresses of a message, {@code To}, {@code Cc} and {@code Reply-To} together. */
  public static final int MAX_ADDRESSES = 1_000;
  /** The most ids of {@code References} kept: the newest. */
  public static final int MAX_REFERENCES = 100;
  /** The most attachments of a message. */
  public static final int MAX_ATTACHMENTS = 1_000;

  /**
   * @throws ValidationException if a part is null, an id is not a message id, the subject breaks
   *     a line, a text is too long or holds a character no database stores, or a list is too long
   */
  public MailMessage {
    messageId = MailText.messageId(messageId, "mail.messageId");
    Check.notNull(inReplyTo, "mail.inReplyTo");
    inReplyTo = inReplyTo.map(id -> MailText.messageId(id, "mail.inReplyTo"));
    Check.noNulls(references, "mail.references");
    List<String> refs = new ArrayList<>();
    for (int i = Math.max(0, references.size() - MAX_REFERENCES); i < references.size(); i++) {
      String ref = references.get(i);
      refs.add(Check.element("mail.references", i, () -> MailText.messageId(ref, "id")));
    }
    references = List.copyOf(refs);
    Check.notNull(from, "mail.from");
    to = List.copyOf(Check.noNulls(to, "mail.to"));
    cc = List.copyOf(Check.noNulls(cc, "mail.cc"));
    replyTo = List.copyOf(Check.noNulls(replyTo, "mail.replyTo"));
    if (to.size() + cc.size() + replyTo.size() > MAX_ADDRESSES) {
      throw new ValidationException("mail.to", "must hold at most " + MAX_ADDRESSES
          + " addresses with cc and replyTo");
    }
    Check.notNull(subject, "mail.subject");
    subject = subject.isBlank() ? "" : Check.text(MailText.oneLine(subject, "mail.subject"), "mail.subject", SUBJECT);
    sentAt = Check.instant(sentAt, "mail.sentAt");
    Check.notNull(text, "mail.text");
    text = text.filter(t -> !t.isBlank()).map(t -> Check.text(t, "mail.text", TEXT));
    attachments = List.copyOf(Check.size(Check.noNulls(attachments, "mail.attachments"), "mail.attachments",
        MAX_ATTACHMENTS));
    Check.notNull(unsubscribeUrl, "mail.unsubscribeUrl");
    unsubscribeUrl = unsubscribeUrl.map(MailText::url);
    failedRecipients = List.copyOf(new java.util.LinkedHashSet<>(Check.size(
        Check.noNulls(failedRecipients, "mail.failedRecipients"), "mail.failedRecipients", MAX_ADDRESSES)));
  }

  /** Whether this is a delivery status notification reporting failed recipients (a bounce). */
  public boolean isBounce() {
    return !failedRecipients.isEmpty();
  }

  /**
   * Starts a message with its id, sender and date.
   *
   * @throws ValidationException if a part is null or the id is not a message id
   */
  public static Builder builder(String messageId, MailAddress from, Instant sentAt) {
    return new Builder(messageId, from, sentAt);
  }

  /**
   * The subject as threads compare it: lower case, without {@code Re:}, {@code Fwd:}, {@code AW:},
   * {@code WG:}, {@code SV:} and like prefixes, spaces collapsed ({@link MailRepository#latestBySubject}).
   */
  public String subjectKey() {
    return MailText.subjectKey(subject);
  }

  /** Every address of the message: the sender, then {@code To}, {@code Cc} and {@code Reply-To}. */
  public List<MailAddress> addresses() {
    List<MailAddress> all = new ArrayList<>(1 + to.size() + cc.size() + replyTo.size());
    all.add(from);
    all.addAll(to);
    all.addAll(cc);
    all.addAll(replyTo);
    return all;
  }

  /** Builds a {@link MailMessage}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private final String messageId;
    private final MailAddress from;
    private final Instant sentAt;
    private Optional<String> inReplyTo = Optional.empty();
    private final List<String> references = new ArrayList<>();
    private final List<MailAddress> to = new ArrayList<>();
    private final List<MailAddress> cc = new ArrayList<>();
    private final List<MailAddress> replyTo = new ArrayList<>();
    private String subject = "";
    private Optional<String> text = Optional.empty();
    private final List<MailAttachment> attachments = new ArrayList<>();
    private Optional<String> unsubscribeUrl = Optional.empty();
    private final List<EmailAddress> failedRecipients = new ArrayList<>();

    private Builder(String messageId, MailAddress from, Instant sentAt) {
      this.messageId = MailText.messageId(messageId, "mail.messageId");
      this.from = Check.notNull(from, "mail.from");
      this.sentAt = Check.instant(sentAt, "mail.sentAt");
    }

    /**
     * The id this message answers.
     *
     * @throws ValidationException if it is not a message id
     */
    public Builder inReplyTo(String id) {
      this.inReplyTo = Optional.of(MailText.messageId(id, "mail.inReplyTo"));
      return this;
    }

    /**
     * Adds ids of {@code References}, oldest first.
     *
     * @throws ValidationException if one is not a message id
     */
    public Builder references(List<String> ids) {
      Check.noNulls(ids, "mail.references");
      for (String id : ids) {
        references.add(MailText.messageId(id, "mail.references"));
      }
      return this;
    }

    /**
     * Adds a {@code To} address.
     *
     * @throws ValidationException if null
     */
    public Builder to(MailAddress address) {
      to.add(Check.notNull(address, "mail.to"));
      return this;
    }

    /**
     * Adds a {@code Cc} address.
     *
     * @throws ValidationException if null
     */
    public Builder cc(MailAddress address) {
      cc.add(Check.notNull(address, "mail.cc"));
      return this;
    }

    /**
     * Adds a {@code Reply-To} address.
     *
     * @throws ValidationException if null
     */
    public Builder replyTo(MailAddress address) {
      replyTo.add(Check.notNull(address, "mail.replyTo"));
      return this;
    }

    /**
     * The subject.
     *
     * @throws ValidationException if null or it breaks a line
     */
    public Builder subject(String subject) {
      this.subject = MailText.oneLine(Check.notNull(subject, "mail.subject"), "mail.subject");
      return this;
    }

    /**
     * The body as plain text.
     *
     * @throws ValidationException if null
     */
    public Builder text(String text) {
      this.text = Optional.of(Check.notNull(text, "mail.text"));
      return this;
    }

    /**
     * Adds an attachment's name, type and size.
     *
     * @throws ValidationException if null
     */
    public Builder attachment(MailAttachment attachment) {
      attachments.add(Check.notNull(attachment, "mail.attachments"));
      return this;
    }

    /**
     * The one-click unsubscribe URL (RFC 8058) of campaign mail.
     *
     * @throws ValidationException if it is not an {@code http} or {@code https} URL of at most
     *     {@value MailText#URL} characters without white space
     */
    public Builder unsubscribeUrl(String url) {
      this.unsubscribeUrl = Optional.of(MailText.url(url));
      return this;
    }

    /**
     * Adds a recipient a delivery status notification reports as failed (what makes it a bounce).
     *
     * @throws ValidationException if null
     */
    public Builder failedRecipient(EmailAddress address) {
      failedRecipients.add(Check.notNull(address, "mail.failedRecipients"));
      return this;
    }

    /**
     * The message.
     *
     * @throws ValidationException if a list is too long or a text holds a character no database stores
     */
    public MailMessage build() {
      return new MailMessage(messageId, inReplyTo, references, from, to, cc, replyTo, subject, sentAt, text,
          attachments, unsubscribeUrl, failedRecipients);
    }
  }
}
