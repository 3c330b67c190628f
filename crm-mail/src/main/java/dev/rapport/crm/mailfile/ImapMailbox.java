package dev.rapport.crm.mailfile;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.ValidationException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads an IMAP folder's new messages into {@code crm.mail()} when the host calls
 * {@link #fetch}: the messages after the {@link ImapPosition} the host kept from the last fetch
 * (all of them the first time, or when the folder's {@code UIDVALIDITY} changed), read only,
 * logged a batch per unit of work as {@link MailboxImport} logs a file. No thread of its own: the
 * host's scheduler calls it. Thread-safe; opens a connection per fetch.
 *
 * <pre>{@code
 * ImapFetch done = ImapMailbox.at("imap.acme.example", 993).tls().login("crm", "secret")
 *     .fetch(crm, savedPosition);        // Optional.empty() the first time
 * save(done.position());
 * }</pre>
 */
public final class ImapMailbox {
  private final Properties properties;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String folder;
  private final boolean tls;

  private ImapMailbox(String host, int port, boolean tls, String user, String password, String folder) {
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.user = user;
    this.password = password;
    this.folder = folder;
    String protocol = tls ? "imaps" : "imap";
    properties = new Properties();
    properties.setProperty("mail.store.protocol", protocol);
    properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    properties.setProperty("mail." + protocol + ".timeout", "60000");
    properties.setProperty("mail.mime.allowutf8", "true");
  }

  /**
   * The INBOX at {@code host}:{@code port}, without TLS (call {@link #tls()} for IMAPS), to be
   * given a {@link #login}.
   *
   * @throws ValidationException if the host is blank or the port not from 1 to 65535
   */
  public static ImapMailbox at(String host, int port) {
    if (host == null || host.isBlank()) {
      throw new ValidationException("imap.host", "must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new ValidationException("imap.port", "must be from 1 to 65535");
    }
    return new ImapMailbox(host.strip(), port, false, null, null, "INBOX");
  }

  /** The same mailbox over TLS (IMAPS). */
  public ImapMailbox tls() {
    return new ImapMailbox(host, port, true, user, password, folder);
  }

  /**
   * The same mailbox, logging in with these credentials.
   *
   * @throws ValidationException if one is null
   */
  public ImapMailbox login(String user, String password) {
    if (user == null || password == null) {
      throw new ValidationException(user == null ? "imap.user" : "imap.password", "must not be null");
    }
    return new ImapMailbox(host, port, tls, user, password, folder);
  }

  /**
   * The same mailbox, reading another folder (e.g. {@code Sent}).
   *
   * @throws ValidationException if blank
   */
  public ImapMailbox folder(String name) {
    if (name == null || name.isBlank()) {
      throw new ValidationException("imap.folder", "must not be blank");
    }
    return new ImapMailbox(host, port, tls, user, password, name);
  }

  /**
   * Logs the folder's messages after {@code since} (all of them when empty, or when the folder's
   * UIDVALIDITY is not the one kept) and returns what it did with the position for the next call.
   * A message that cannot be read is reported and skipped; the position moves past it.
   *
   * @throws ValidationException if a part is null
   * @throws UncheckedIOException if the server cannot be reached or refuses the login or the folder
   *     (nothing logged in this call is lost; the position the host kept is still right)
   * @throws dev.rapport.crm.exception.StoreException if the database fails
   */
  public ImapFetch fetch(Crm crm, Optional<ImapPosition> since) {
    if (since == null) {
      throw new ValidationException("since", "must not be null");
    }
    MailboxImport logging = MailboxImport.into(crm);
    Session session = Session.getInstance(properties);
    Store store = null;
    Folder f = null;
    try {
      store = session.getStore();
      store.connect(host, port, user, password);
      f = store.getFolder(folder);
      f.open(Folder.READ_ONLY);
      UIDFolder uids = (UIDFolder) f;
      long validity = uids.getUIDValidity();
      long[] last = {since.filter(p -> p.uidValidity() == validity).map(ImapPosition::lastUid).orElse(0L)};
      long start = last[0] + 1;
      Message[] messages = uids.getMessagesByUID(start, UIDFolder.LASTUID);
      MailboxReport report = logging.run(each -> {
        long number = 0;
        for (Message m : messages) {
          long uid;
          try {
            uid = uids.getUID(m);
          } catch (MessagingException e) {
            throw lost(e); // the connection is gone: stop here, the kept position stays right
          }
          if (uid < start) {
            continue; // "n:*" answers the last message when none is newer
          }
          number++;
          try {
            if (m.getSize() > MailParser.MAX_BYTES) {
              each.accept(ParsedMail.skipped(number, "larger than " + MailParser.MAX_BYTES + " bytes"));
            } else {
              ByteArrayOutputStream raw = new ByteArrayOutputStream();
              m.writeTo(raw);
              each.accept(logging.parser().parse(number, raw.toByteArray()));
            }
          } catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException e) {
            throw lost(e); // not this message's fault: it is read again next time
          } catch (MessagingException | IOException e) {
            each.accept(ParsedMail.skipped(number, "not readable from the server: " + e.getMessage()));
          }
          last[0] = Math.max(last[0], uid);
        }
      });
      return new ImapFetch(report, new ImapPosition(validity, last[0]));
    } catch (MessagingException e) {
      throw lost(e);
    } finally {
      closeQuietly(f, store);
    }
  }

  private UncheckedIOException lost(MessagingException e) {
    return new UncheckedIOException(new IOException("IMAP " + host + ":" + port + ": " + e.getMessage(), e));
  }

  /** Closes the folder and the store; a failure to close changes nothing of what was logged. */
  private static void closeQuietly(Folder f, Store store) {
    try {
      if (f != null && f.isOpen()) {
        f.close(false);
      }
    } catch (MessagingException | RuntimeException ignored) {
      // read only: nothing to save on close
    }
    try {
      if (store != null) {
        store.close();
      }
    } catch (MessagingException | RuntimeException ignored) {
      // the connection is gone either way
    }
  }
}
