package dev.rapport.crm.outlook;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailAttachment;
import dev.rapport.crm.mail.MailMessage;
import dev.rapport.crm.mailfile.MailParser;
import dev.rapport.crm.mailfile.MailValues;
import dev.rapport.crm.mailfile.ParsedMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.Chunk;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.apache.poi.hsmf.datatypes.PropertyValue;
import org.apache.poi.hsmf.datatypes.RecipientChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;

/**
 * Reads Outlook {@code .msg} files (a compound file of MAPI properties, as Outlook saves a message
 * or drags it to a folder) into {@link MailMessage}s, with Apache POI's HSMF, as crm-mail's
 * {@link MailParser} reads {@code .eml}: log them with {@code MailboxImport.parsed(...)} or
 * {@code crm.mail().ingest(...)}. What it takes:
 * <ul>
 *   <li>ids ({@code Message-ID}, {@code In-Reply-To}, {@code References}) from the message's
 *       internet properties, else from its transport headers (received mail keeps them), else an
 *       id made of the file's bytes (the same file read twice is the same message);
 *   <li>the sender's SMTP address (an Exchange {@code /O=...} address is not one: the transport
 *       headers' {@code From} or the sent-representing address stand in), its display name;
 *   <li>each recipient's SMTP address by its type: To, Cc ({@code Bcc} is left out, as
 *       {@link MailMessage} has none); a recipient without an SMTP address is left out;
 *   <li>the submit (else delivery, else header) date; the subject; the plain text body, else the
 *       HTML body as text; attachments' names, types and sizes (an attached message is
 *       {@code (forwarded message)}).
 * </ul>
 * A file that is not a {@code .msg}, or has no sender address or date, gives a skipped
 * {@link ParsedMail} with the reason, never an exception. Thread-safe; holds no state.
 */
public final class OutlookMessages {
  /** The largest file read, in bytes ({@link MailParser#MAX_BYTES}); a larger one is skipped. */
  public static final int MAX_BYTES = MailParser.MAX_BYTES;

  private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

  private OutlookMessages() {}

  /** A reader. */
  public static OutlookMessages create() {
    return new OutlookMessages();
  }

  /**
   * Reads one {@code .msg} file.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws NullPointerException if the path is null
   */
  public ParsedMail parse(long number, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(number, in.readNBytes(MAX_BYTES + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one {@code .msg} from its bytes; {@code number} is its place among the files read. */
  public ParsedMail parse(long number, byte[] raw) {
    if (raw.length > MAX_BYTES) {
      return ParsedMail.skipped(number, "larger than " + MAX_BYTES + " bytes");
    }
    MAPIMessage msg;
    try {
      msg = new MAPIMessage(new ByteArrayInputStream(raw));
      msg.setReturnNullOnMissingChunk(true);
    } catch (IOException | RuntimeException e) {
      return ParsedMail.skipped(number, "not an Outlook message (.msg): " + e.getClass().getSimpleName());
    }
    try {
      return read(number, raw, msg);
    } catch (ValidationException e) {
      return ParsedMail.skipped(number, "refused: " + e.getMessage());
    } catch (Exception e) {
      return ParsedMail.skipped(number, "not a readable Outlook message: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static ParsedMail read(long number, byte[] raw, MAPIMessage msg) throws Exception {
    Map<String, String> headers = headers(msg);
    Optional<MailAddress> from = sender(msg, headers);
    if (from.isEmpty()) {
      return ParsedMail.skipped(number, "no sender address (From)");
    }
    Calendar date = msg.getMessageDate();
    if (date == null) {
      return ParsedMail.skipped(number, "no date (Date)");
    }
    List<MailAddress> to = new ArrayList<>();
    List<MailAddress> cc = new ArrayList<>();
    for (RecipientChunks r : msg.getRecipientDetailsChunks()) {
      Optional<MailAddress> a = smtp(r.getRecipientEmailAddress(), r.getRecipientName());
      if (a.isEmpty()) {
        continue;
      }
      switch (recipientType(r)) {
        case 2 -> cc.add(a.get());
        case 3 -> { } // Bcc: MailMessage has none
        default -> to.add(a.get());
      }
    }
    if (to.size() + cc.size() > MailMessage.MAX_ADDRESSES) {
      return ParsedMail.skipped(number, "more than " + MailMessage.MAX_ADDRESSES + " addresses");
    }
    String messageId = property(msg, MAPIProperty.INTERNET_MESSAGE_ID).flatMap(OutlookMessages::firstId)
        .or(() -> Optional.ofNullable(headers.get("message-id")).flatMap(OutlookMessages::firstId))
        .orElseGet(() -> MailValues.idOf(raw));
    MailMessage.Builder b = MailMessage.builder(messageId, from.get(), date.toInstant());
    property(msg, MAPIProperty.IN_REPLY_TO_ID).or(() -> Optional.ofNullable(headers.get("in-reply-to")))
        .flatMap(OutlookMessages::firstId).ifPresent(b::inReplyTo);
    b.references(ids(property(msg, MAPIProperty.INTERNET_REFERENCES)
        .or(() -> Optional.ofNullable(headers.get("references"))).orElse("")));
    to.forEach(b::to);
    cc.forEach(b::cc);
    String subject = msg.getSubject();
    if (subject != null) {
      b.subject(MailValues.subject(subject));
    }
    String text = msg.getTextBody();
    if (text == null || text.isBlank()) {
      String html = msg.getHtmlBody();
      text = html == null ? null : MailValues.htmlToText(html);
    }
    if (text != null && !text.isBlank()) {
      b.text(MailValues.text(text));
    }
    AttachmentChunks[] attachments = msg.getAttachmentFiles();
    if (attachments.length > MailMessage.MAX_ATTACHMENTS) {
      return ParsedMail.skipped(number, "more than " + MailMessage.MAX_ATTACHMENTS + " attachments");
    }
    for (AttachmentChunks a : attachments) {
      b.attachment(attachment(a));
    }
    return ParsedMail.of(number, b.build());
  }

  private static MailAttachment attachment(AttachmentChunks a) {
    if (a.isEmbeddedMessage()) {
      return new MailAttachment("(forwarded message)", "message/rfc822", 0);
    }
    String name = firstOf(a.getAttachLongFileName(), a.getAttachFileName(), a.getAttachDisplayName());
    String type = firstOf(a.getAttachMimeTag());
    long size = a.getAttachData() == null || a.getAttachData().getValue() == null ? 0 : a.getAttachData().getValue().length;
    return new MailAttachment(name == null ? "(unnamed)" : MailValues.name(name),
        type == null ? "application/octet-stream" : MailValues.name(type.toLowerCase(Locale.ROOT)), size);
  }

  private static String firstOf(StringChunk... chunks) {
    for (StringChunk c : chunks) {
      if (c != null && c.getValue() != null && !c.getValue().isBlank()) {
        return c.getValue().strip();
      }
    }
    return null;
  }

  /** The sender: an SMTP address from the properties, else the transport headers' From. */
  private static Optional<MailAddress> sender(MAPIMessage msg, Map<String, String> headers) throws Exception {
    String name = msg.getDisplayFrom();
    for (MAPIProperty p : List.of(MAPIProperty.SENDER_EMAIL_ADDRESS, MAPIProperty.SENT_REPRESENTING_EMAIL_ADDRESS)) {
      Optional<MailAddress> a = property(msg, p).flatMap(v -> smtp(v, name));
      if (a.isPresent()) {
        return a;
      }
    }
    String header = headers.get("from");
    if (header != null) {
      try {
        jakarta.mail.internet.InternetAddress[] parsed = jakarta.mail.internet.InternetAddress.parseHeader(header, false);
        if (parsed.length > 0) {
          return smtp(parsed[0].getAddress(), parsed[0].getPersonal() != null ? parsed[0].getPersonal() : name);
        }
      } catch (jakarta.mail.internet.AddressException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The address if it is an SMTP address the CRM keeps (not an Exchange {@code /O=...} one), with its name. */
  private static Optional<MailAddress> smtp(String address, String name) {
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    try {
      EmailAddress.of(address.strip());
    } catch (ValidationException e) {
      return Optional.empty();
    }
    String n = name == null || name.isBlank() || name.strip().equalsIgnoreCase(address.strip()) ? null : MailValues.name(name);
    return Optional.of(MailAddress.of(n == null || n.isBlank() ? null : n, address.strip()));
  }

  /** A recipient's type: 1 To, 2 Cc, 3 Bcc (MAPI {@code PR_RECIPIENT_TYPE}); To when unknown. */
  private static int recipientType(RecipientChunks r) {
    List<PropertyValue> values = r.getProperties().get(MAPIProperty.RECIPIENT_TYPE);
    if (values != null && !values.isEmpty() && values.get(0).getValue() instanceof Number n) {
      return n.intValue();
    }
    return 1;
  }

  /** A string property of the message, if it has one. */
  private static Optional<String> property(MAPIMessage msg, MAPIProperty property) {
    List<Chunk> chunks = msg.getMainChunks().getAll().get(property);
    if (chunks != null) {
      for (Chunk c : chunks) {
        if (c instanceof StringChunk s && s.getValue() != null && !s.getValue().isBlank()) {
          return Optional.of(s.getValue().strip());
        }
      }
    }
    return Optional.empty();
  }

  /** The transport headers (received mail keeps them), unfolded, by lower-case name (the first of each). */
  private static Map<String, String> headers(MAPIMessage msg) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines;
    try {
      lines = msg.getHeaders();
    } catch (Exception e) {
      return out;
    }
    if (lines == null) {
      return out;
    }
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : lines) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        out.putIfAbsent(name, value.toString());
      }
      int colon = line.indexOf(':');
      name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
      value = new StringBuilder(colon > 0 ? line.substring(colon + 1).strip() : "");
    }
    if (name != null) {
      out.putIfAbsent(name, value.toString());
    }
    return out;
  }

  private static Optional<String> firstId(String value) {
    List<String> ids = ids(value);
    if (!ids.isEmpty()) {
      return Optional.of(ids.get(0));
    }
    String bare = value.strip(); // some properties keep the id without brackets
    return MailValues.isKeptId(bare) && bare.contains("@") ? Optional.of(bare) : Optional.empty();
  }

  private static List<String> ids(String value) {
    List<String> ids = new ArrayList<>();
    Matcher m = ID.matcher(value);
    while (m.find()) {
      if (MailValues.isKeptId(m.group(1))) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }
}
