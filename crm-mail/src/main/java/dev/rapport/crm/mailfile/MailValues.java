package dev.rapport.crm.mailfile;

import dev.rapport.crm.common.Limits;
import dev.rapport.crm.mail.MailMessage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * How crm-mail turns what a mail file holds into values {@code crm.mail()} keeps, for
 * {@link MailParser} and for readers of other formats (such as crm-mail-outlook's): texts without
 * the NUL characters and unpaired surrogates no database stores, cut to the CRM's limits at a
 * character boundary; header values on one line; HTML as text; an id for a message that has none.
 * Holds no state.
 */
public final class MailValues {
  private MailValues() {}

  /** A subject: white space (line breaks too) collapsed to single spaces, storable, at most {@value MailMessage#SUBJECT} characters. */
  public static String subject(String raw) {
    return cut(storable(raw.replaceAll("\\s+", " ")).strip(), MailMessage.SUBJECT);
  }

  /** A body text: storable, stripped, at most {@value MailMessage#TEXT} characters. */
  public static String text(String raw) {
    return cut(storable(raw).strip(), MailMessage.TEXT);
  }

  /** A name (of a person or an attachment): on one line, storable, at most {@value Limits#TEXT} characters. */
  public static String name(String raw) {
    return cut(storable(raw.replaceAll("[\\r\\n\\t]+", " ")).strip(), Limits.TEXT);
  }

  /** The text of an HTML body: block elements and line breaks become line breaks, scripts and styles go. */
  public static String htmlToText(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, head").remove();
    doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre").before("\n").after("\n");
    String text = doc.wholeText();
    return text.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n")
        .replaceAll("\\n{3,}", "\n\n").strip();
  }

  /**
   * The id of a message that has no usable {@code Message-ID}: {@code sha256-<hash of its bytes>@rapport.invalid},
   * so the same file read twice is the same message.
   */
  public static String idOf(byte[] raw) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw);
      return "sha256-" + HexFormat.of().formatHex(hash) + "@rapport.invalid";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }

  /** Whether a header's message id can be kept: 1 to 250 printable ASCII characters. */
  public static boolean isKeptId(String id) {
    return id != null && !id.isEmpty() && id.length() <= 250 && id.chars().allMatch(c -> c > ' ' && c < 0x7f);
  }

  /** Without NUL characters and unpaired surrogates, which no database stores. */
  static String storable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean bad = c == 0 || (Character.isSurrogate(c) && !pair);
      if (bad && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        if (bad) {
          b.append(c == 0 ? "" : "\uFFFD");
        } else {
          b.append(c);
          if (pair) {
            b.append(s.charAt(++i));
          }
        }
      } else if (pair) {
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  /** The first {@code max} code points. */
  static String cut(String s, int max) {
    if (s.length() <= max || s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max)).strip();
  }
}
