package dev.rapport.crm.mailfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits an mbox file into its messages, streaming: a message starts at a line beginning with
 * {@code "From "} at the start of the file or after an empty line; {@code >From } lines lose one
 * {@code >} (mboxrd). Only one message is in memory at a time, and one larger than
 * {@link MailParser#MAX_BYTES} is passed on as too large without being kept. Not thread-safe.
 */
final class Mbox {
  private Mbox() {}

  /** What one message of the file was: its bytes, or too large. */
  record Message(long number, byte[] bytes, boolean tooLarge) {}

  static void split(InputStream in, Consumer<Message> each) {
    LineReader lines = new LineReader(in);
    ByteArrayOutputStream current = null;
    boolean tooLarge = false;
    long number = 0;
    boolean previousBlank = true;
    byte[] line;
    while ((line = lines.next()) != null) {
      boolean separator = previousBlank && startsWith(line, "From ");
      if (separator) {
        if (current != null) {
          each.accept(new Message(number, tooLarge ? new byte[0] : current.toByteArray(), tooLarge));
        }
        number++;
        current = new ByteArrayOutputStream();
        tooLarge = false;
        previousBlank = false;
        continue;
      }
      if (current == null) { // text before the first separator: a file of one message without one
        number++;
        current = new ByteArrayOutputStream();
      }
      previousBlank = isBlank(line);
      if (!tooLarge) {
        byte[] body = unescape(line);
        if (current.size() + body.length > MailParser.MAX_BYTES) {
          tooLarge = true;
          current = new ByteArrayOutputStream();
        } else {
          current.write(body, 0, body.length);
        }
      }
    }
    if (current != null) {
      each.accept(new Message(number, tooLarge ? new byte[0] : current.toByteArray(), tooLarge));
    }
  }

  private static boolean startsWith(byte[] line, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return line.length >= p.length && Arrays.equals(line, 0, p.length, p, 0, p.length);
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** {@code >From } (any number of {@code >}) loses one {@code >}. */
  private static byte[] unescape(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] == '>') {
      i++;
    }
    if (i > 0 && line.length - i >= 5 && Arrays.equals(line, i, i + 5, "From ".getBytes(StandardCharsets.US_ASCII), 0, 5)) {
      return Arrays.copyOfRange(line, 1, line.length);
    }
    return line;
  }

  /** Lines as bytes, with their line ends; a line longer than 1 MB is returned in pieces. */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int len;

    LineReader(InputStream in) {
      this.in = in;
    }

    byte[] next() {
      ByteArrayOutputStream line = null;
      try {
        while (true) {
          if (pos == len) {
            len = in.read(buffer);
            pos = 0;
            if (len <= 0) {
              len = 0;
              return line == null || line.size() == 0 ? null : line.toByteArray();
            }
          }
          int start = pos;
          while (pos < len && buffer[pos] != '\n') {
            pos++;
          }
          boolean end = pos < len;
          if (end) {
            pos++; // keep the '\n'
          }
          if (line == null) {
            if (end) {
              return Arrays.copyOfRange(buffer, start, pos);
            }
            line = new ByteArrayOutputStream();
          }
          line.write(buffer, start, pos - start);
          if (end || line.size() > 1024 * 1024) {
            return line.toByteArray();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
