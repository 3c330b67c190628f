package dev.rapport.crm.mailfile;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailAttachment;
import dev.rapport.crm.mail.MailMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RFC 5322 message (an {@code .eml} file, or one message of an mbox) into a
 * {@link MailMessage}, with Eclipse Angus Mail (Jakarta Mail) for MIME: encoded words, charsets,
 * transfer encodings, multiparts. Lenient where mail in the wild is broken, strict where the CRM
 * needs it:
 * <ul>
 *   <li>the text is the first {@code text/plain} part, else the first {@code text/html} part turned
 *       into text by jsoup; an unknown charset is read as UTF-8 with replacement characters;
 *   <li>attachments keep their names, types and sizes, not their bytes;
 *   <li>a delivery status notification (a bounce, RFC 3464: a {@code message/delivery-status}
 *       part) gives its failed recipients ({@code Action: failed}, by {@code Final-Recipient}) as
 *       {@link MailMessage#failedRecipients()}, and the returned message's {@code Message-ID} as a
 *       reference, so the bounce joins the thread of the mail that bounced;
 *   <li>an address that is not one is left out; a subject's line breaks become spaces; a text or
 *       subject longer than {@link MailMessage#TEXT} or {@link MailMessage#SUBJECT} is cut;
 *   <li>a message without {@code Message-ID} gets {@code sha256-<hash of its bytes>@rapport.invalid},
 *       so the same file read twice is the same message;
 *   <li>parts nested deeper than {@value #MAX_DEPTH} multiparts are not read: the message is kept
 *       with its headers and what lies above them;
 *   <li>a message without a sender address or a date, with more than {@link MailMessage#MAX_ADDRESSES}
 *       addresses or {@link MailMessage#MAX_ATTACHMENTS} attachments, larger than
 *       {@value #MAX_BYTES} bytes, or not MIME at all is skipped with a reason
 *       ({@link ParsedMail#problem()}), never thrown.
 * </ul>
 * Thread-safe; holds no state but its configuration.
 */
public final class MailParser {
  /** The largest message read, in bytes; a larger one is skipped. */
  public static final int MAX_BYTES = 50 * 1024 * 1024;
  /** The deepest nesting of multiparts read. */
  public static final int MAX_DEPTH = 64;

  private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");
  private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*([a-z-]+)");
  private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^Final-Recipient:\\s*rfc822\\s*;\\s*<?([^\\s<>]+)>?");
  private static final Pattern RETURNED_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^<>\\s]+)>");

  private final Session session;

  private MailParser(Session session) {
    this.session = session;
  }

  /** A parser. */
  public static MailParser create() {
    Properties p = new Properties();
    p.setProperty("mail.mime.allowutf8", "true"); // 8-bit headers, as many servers send them
    p.setProperty("mail.mime.address.strict", "false");
    p.setProperty("mail.mime.decodetext.strict", "false");
    p.setProperty("mail.mime.parameters.strict", "false");
    p.setProperty("mail.mime.base64.ignoreerrors", "true");
    p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
    p.setProperty("mail.mime.ignoreunknownencoding", "true"); // an unknown transfer encoding reads as 8bit
    return new MailParser(Session.getInstance(p));
  }

  /**
   * Reads one message from the stream (at most {@value #MAX_BYTES} bytes); the caller closes it.
   *
   * @throws UncheckedIOException if the stream cannot be read
   * @throws NullPointerException if it is null
   */
  public ParsedMail parse(InputStream in) {
    try {
      byte[] raw = in.readNBytes(MAX_BYTES + 1);
      return parse(1, raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one message from its bytes; {@code number} is its place in a file. */
  public ParsedMail parse(long number, byte[] raw) {
    if (raw.length > MAX_BYTES) {
      return ParsedMail.skipped(number, "larger than " + MAX_BYTES + " bytes");
    }
    try {
      MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
      List<InternetAddress> from = addresses(m, "From");
      if (from.isEmpty()) {
        return ParsedMail.skipped(number, "no sender address (From)");
      }
      java.util.Date date = sentDate(m);
      if (date == null) {
        return ParsedMail.skipped(number, "no date (Date)");
      }
      List<InternetAddress> to = addresses(m, "To");
      List<InternetAddress> cc = addresses(m, "Cc");
      List<InternetAddress> replyTo = addresses(m, "Reply-To");
      if (to.size() + cc.size() + replyTo.size() > MailMessage.MAX_ADDRESSES) {
        return ParsedMail.skipped(number, "more than " + MailMessage.MAX_ADDRESSES + " addresses");
      }
      MailMessage.Builder b = MailMessage.builder(messageId(m, raw), address(from.get(0)),
          Instant.ofEpochMilli(date.getTime()));
      firstId(m.getHeader("In-Reply-To", " ")).ifPresent(b::inReplyTo);
      b.references(ids(m.getHeader("References", " ")));
      to.forEach(a -> b.to(address(a)));
      cc.forEach(a -> b.cc(address(a)));
      replyTo.forEach(a -> b.replyTo(address(a)));
      String subject = m.getSubject();
      if (subject != null) {
        b.subject(MailValues.subject(subject));
      }
      Body body = new Body();
      body.walk(m, 0);
      if (body.attachments.size() > MailMessage.MAX_ATTACHMENTS) {
        return ParsedMail.skipped(number, "more than " + MailMessage.MAX_ATTACHMENTS + " attachments");
      }
      String text = body.plain != null ? body.plain : body.html != null ? MailValues.htmlToText(body.html) : null;
      if (text != null) {
        b.text(MailValues.text(text));
      }
      body.attachments.forEach(b::attachment);
      body.failed.forEach(b::failedRecipient);
      if (body.original != null && !ids(m.getHeader("References", " ")).contains(body.original)) {
        b.references(List.of(body.original));
      }
      return ParsedMail.of(number, b.build());
    } catch (ValidationException e) {
      return ParsedMail.skipped(number, "refused: " + e.getMessage());
    } catch (MessagingException | IOException | RuntimeException e) {
      return ParsedMail.skipped(number, "not a readable message: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + MailValues.cut(e.getMessage(), 200)));
    }
  }

  private static java.util.Date sentDate(MimeMessage m) {
    try {
      return m.getSentDate();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** The header's addresses that are addresses; the rest left out. */
  private static List<InternetAddress> addresses(MimeMessage m, String header) throws MessagingException {
    String value = m.getHeader(header, ",");
    List<InternetAddress> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    InternetAddress[] parsed;
    try {
      parsed = InternetAddress.parseHeader(MimeUtility.unfold(value), false);
    } catch (AddressException e) {
      return out;
    }
    for (InternetAddress a : parsed) {
      if (a.getAddress() != null && !a.isGroup()) {
        try {
          dev.rapport.crm.common.EmailAddress.of(a.getAddress());
          out.add(a);
        } catch (ValidationException e) {
          // not an address the CRM can keep: left out
        }
      }
    }
    return out;
  }

  private static MailAddress address(InternetAddress a) {
    String name = a.getPersonal();
    if (name != null) {
      name = MailValues.name(name);
    }
    return MailAddress.of(name == null || name.isBlank() ? null : name, a.getAddress());
  }

  private static String messageId(MimeMessage m, byte[] raw) throws MessagingException {
    java.util.Optional<String> id = firstId(m.getHeader("Message-ID", " "));
    return id.filter(MailValues::isKeptId).orElseGet(() -> MailValues.idOf(raw));
  }

  private static java.util.Optional<String> firstId(String header) {
    List<String> ids = ids(header);
    return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(0));
  }

  private static List<String> ids(String header) {
    List<String> ids = new ArrayList<>();
    if (header == null) {
      return ids;
    }
    Matcher matcher = ID.matcher(header);
    while (matcher.find()) {
      String id = matcher.group(1);
      if (MailValues.isKeptId(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** What the walk over a message's parts found. */
  private static final class Body {
    String plain;
    String html;
    final List<MailAttachment> attachments = new ArrayList<>();
    final java.util.Set<dev.rapport.crm.common.EmailAddress> failed = new java.util.LinkedHashSet<>();
    String original;

    void walk(Part part, int depth) throws MessagingException, IOException {
      if (depth > MAX_DEPTH) {
        return; // deeper parts are not read; the message keeps what lies above
      }
      String type = baseType(part);
      String fileName = fileName(part);
      boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
      if (type.startsWith("multipart/")) {
        Object content = part.getContent();
        if (content instanceof Multipart mp) {
          for (int i = 0; i < mp.getCount(); i++) {
            BodyPart child = mp.getBodyPart(i);
            try {
              walk(child, depth + 1);
            } catch (MessagingException | IOException | RuntimeException e) {
              // one broken part (a bad disposition, an undecodable body): the rest of the message still counts
            }
          }
        }
        return;
      }
      if (type.equals("message/delivery-status")) {
        deliveryStatus(text(part));
        return;
      }
      if (type.equals("text/rfc822-headers") || (type.equals("message/rfc822") && !failed.isEmpty())) {
        Matcher id = RETURNED_ID.matcher(text(part));
        if (id.find() && original == null && id.group(1).length() <= 250) {
          original = id.group(1);
        }
        if (type.equals("text/rfc822-headers")) {
          return;
        }
      }
      if (attachment) {
        if (attachments.size() <= MailMessage.MAX_ATTACHMENTS) {
          String name = fileName == null || fileName.isBlank() ? "(unnamed)" : MailValues.name(fileName);
          attachments.add(new MailAttachment(name.isBlank() ? "(unnamed)" : name,
              MailValues.cut(type, dev.rapport.crm.common.Limits.TEXT), size(part)));
        }
        return;
      }
      if (type.equals("text/plain") && plain == null) {
        plain = text(part);
      } else if (type.equals("text/html") && html == null) {
        html = text(part);
      } else if (type.equals("message/rfc822")) {
        attachments.add(new MailAttachment("(forwarded message)", type, size(part)));
      }
    }

    /** The recipients of a delivery status report whose action is {@code failed} (RFC 3464, section 2.3). */
    private void deliveryStatus(String report) {
      // per-message fields, then one block of fields per recipient, blocks parted by blank lines
      for (String block : report.replace("\r\n", "\n").split("\n\\s*\n")) {
        String unfolded = block.replaceAll("\n[ \t]+", " ");
        Matcher action = ACTION.matcher(unfolded);
        Matcher recipient = FINAL_RECIPIENT.matcher(unfolded);
        if (action.find() && action.group(1).equalsIgnoreCase("failed") && recipient.find()
            && failed.size() < MailMessage.MAX_ADDRESSES) {
          try {
            failed.add(dev.rapport.crm.common.EmailAddress.of(recipient.group(1).strip()));
          } catch (ValidationException e) {
            // not an address the CRM keeps: left out
          }
        }
      }
    }

    private static String baseType(Part part) {
      try {
        return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
      } catch (MessagingException | RuntimeException e) {
        return "text/plain"; // RFC 2045: a broken type is read as text/plain
      }
    }

    private static String fileName(Part part) {
      try {
        String name = part.getFileName();
        return name == null ? null : MimeUtility.decodeText(name);
      } catch (MessagingException | IOException | RuntimeException e) {
        return "(unnamed)";
      }
    }

    /** The decoded size of the part's content, counted without keeping it. */
    private static long size(Part part) {
      try (InputStream in = part.getInputStream()) {
        long n = 0;
        byte[] buffer = new byte[8192];
        for (int r; (r = in.read(buffer)) > 0; ) {
          n += r;
        }
        return n;
      } catch (MessagingException | IOException | RuntimeException e) {
        return 0;
      }
    }

    private static String text(Part part) throws MessagingException, IOException {
      Charset charset = StandardCharsets.UTF_8;
      try {
        String name = new ContentType(part.getContentType()).getParameter("charset");
        if (name != null) {
          charset = Charset.forName(MimeUtility.javaCharset(name.strip()));
        }
      } catch (RuntimeException | MessagingException e) {
        // unknown or broken charset: UTF-8 with replacement characters
      }
      try (InputStream in = part.getInputStream()) {
        return new String(in.readNBytes(4 * MailMessage.TEXT + 16), charset);
      }
    }
  }
}
