package dev.rapport.crm.mail;

import dev.rapport.crm.exception.ValidationException;
import java.util.Locale;

/** The rules of header values: one line, message ids without spaces or brackets. */
final class MailText {
  private MailText() {}

  /** The longest message id kept (RFC 5322 ids are far shorter; a key column indexes it). */
  static final int MESSAGE_ID = 250;

  /** @throws ValidationException if the value holds a CR or LF (header injection) */
  static String oneLine(String value, String field) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new ValidationException(field, "must not contain a line break (CR or LF)");
    }
    return value;
  }

  /**
   * A message id without its angle brackets.
   *
   * @throws ValidationException if null, blank, longer than {@value #MESSAGE_ID} characters, or
   *     holding whitespace, a control character or an angle bracket
   */
  static String messageId(String value, String field) {
    if (value == null) {
      throw new ValidationException(field, "must not be null");
    }
    String id = value.strip();
    if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
      id = id.substring(1, id.length() - 1).strip();
    }
    if (id.isEmpty()) {
      throw new ValidationException(field, "must not be blank");
    }
    if (id.length() > MESSAGE_ID) {
      throw new ValidationException(field, "must be at most " + MESSAGE_ID + " characters");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || Character.isWhitespace(c) || Character.isSurrogate(c)) {
        throw new ValidationException(field, "must not contain whitespace, control characters or angle brackets");
      }
    }
    return id;
  }

  /** The longest URL of a header, e.g. {@code List-Unsubscribe}. */
  static final int URL = 500;

  /**
   * An {@code http} or {@code https} URL to write in a header.
   *
   * @throws ValidationException if null, longer than {@value #URL} characters, holding white space,
   *     a control character or an angle bracket, or not an absolute http(s) URL with a host
   */
  static String url(String value) {
    String field = "mail.unsubscribeUrl";
    if (value == null) {
      throw new ValidationException(field, "must not be null");
    }
    if (value.length() > URL) {
      throw new ValidationException(field, "must be at most " + URL + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '<' || c == '>') {
        throw new ValidationException(field, "must be an ASCII URL without white space, control characters or angle brackets");
      }
    }
    try {
      java.net.URI uri = new java.net.URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new ValidationException(field, "must be an absolute http or https URL with a host");
      }
    } catch (java.net.URISyntaxException e) {
      throw new ValidationException(field, "must be a URL (" + e.getReason() + ")");
    }
    return value;
  }

  /** A reply or forward prefix: {@code Re:}, {@code Fwd:}, {@code AW:}, {@code WG:}, {@code SV:}, ..., a space before the colon allowed. */
  private static final java.util.regex.Pattern PREFIX =
      java.util.regex.Pattern.compile("^(re|fwd?|aw|wg|sv|vs|antw|tr)\\s?:\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** Whether the subject starts with a reply or forward prefix. */
  static boolean isReply(String subject) {
    return PREFIX.matcher(subject.strip()).find();
  }

  /**
   * The subject as threads compare it: lower case, reply and forward prefixes ({@code Re:},
   * {@code Fwd:}, {@code AW:}, {@code WG:}, {@code SV:}, ...) and spaces collapsed away.
   */
  static String subjectKey(String subject) {
    String s = subject.strip().toLowerCase(Locale.ROOT);
    for (java.util.regex.Matcher m = PREFIX.matcher(s); m.find(); m = PREFIX.matcher(s)) {
      s = s.substring(m.end()).strip();
    }
    return dev.rapport.crm.internal.Check.cut(s.replaceAll("\\s+", " "), dev.rapport.crm.common.Limits.TEXT);
  }
}
