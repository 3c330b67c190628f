package dev.rapport.crm.mailfile;

import dev.rapport.crm.exception.DeliveryException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailMessage;
import dev.rapport.crm.mail.MailTransport;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends {@code crm.mail().send}'s messages to an SMTP server with Eclipse Angus Mail: the
 * message's own {@code Message-ID}, {@code Date}, {@code In-Reply-To} and {@code References} (so
 * replies thread back to it), its addresses with their display names, and its text as UTF-8
 * plain text. Header values come from {@code MailMessage}, which refuses line breaks: no header can
 * be injected. Thread-safe; opens a connection per message.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()...mailTransport(SmtpTransport.to("smtp.example.com", 587).login("user", "secret").startTls()).build();
 * }</pre>
 */
public final class SmtpTransport implements MailTransport {
  private final Properties properties;
  private final String user;
  private final String password;

  private SmtpTransport(Properties properties, String user, String password) {
    this.properties = properties;
    this.user = user;
    this.password = password;
  }

  /**
   * A transport to the server at {@code host}:{@code port}, without login or TLS.
   *
   * @throws ValidationException if the host is null or blank, or the port not from 1 to 65535
   */
  public static SmtpTransport to(String host, int port) {
    if (host == null || host.isBlank()) {
      throw new ValidationException("smtp.host", "must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new ValidationException("smtp.port", "must be from 1 to 65535");
    }
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", host.strip());
    p.setProperty("mail.smtp.port", String.valueOf(port));
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "30000");
    p.setProperty("mail.smtp.writetimeout", "30000");
    return new SmtpTransport(p, null, null);
  }

  /**
   * The same transport, logging in with these credentials.
   *
   * @throws ValidationException if one is null
   */
  public SmtpTransport login(String user, String password) {
    if (user == null || password == null) {
      throw new ValidationException(user == null ? "smtp.user" : "smtp.password", "must not be null");
    }
    Properties p = (Properties) properties.clone();
    p.setProperty("mail.smtp.auth", "true");
    return new SmtpTransport(p, user, password);
  }

  /** The same transport, requiring STARTTLS before it sends. */
  public SmtpTransport startTls() {
    Properties p = (Properties) properties.clone();
    p.setProperty("mail.smtp.starttls.enable", "true");
    p.setProperty("mail.smtp.starttls.required", "true");
    return new SmtpTransport(p, user, password);
  }

  /**
   * {@inheritDoc}
   *
   * @throws DeliveryException if the server cannot be reached or refuses the message
   */
  @Override
  public void send(MailMessage message) {
    Session session = Session.getInstance(properties);
    try {
      MimeMessage mime = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + message.messageId() + ">"); // the CRM's id: replies thread to it
        }
      };
      mime.setFrom(address(message.from()));
      mime.setRecipients(Message.RecipientType.TO, addresses(message.to()));
      mime.setRecipients(Message.RecipientType.CC, addresses(message.cc()));
      if (!message.replyTo().isEmpty()) {
        mime.setReplyTo(addresses(message.replyTo()));
      }
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setSentDate(Date.from(message.sentAt()));
      message.inReplyTo().ifPresent(id -> header(mime, "In-Reply-To", "<" + id + ">"));
      if (!message.references().isEmpty()) {
        // folded: a hundred ids would pass RFC 5322's 998 characters a line
        header(mime, "References", jakarta.mail.internet.MimeUtility.fold(12,
            String.join(" ", message.references().stream().map(r -> "<" + r + ">").toList())));
      }
      message.unsubscribeUrl().ifPresent(url -> { // RFC 8058 one-click: the host's URL takes a POST
        header(mime, "List-Unsubscribe", "<" + url + ">");
        header(mime, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      });
      mime.setText(message.text().orElse(""), StandardCharsets.UTF_8.name());
      mime.saveChanges();
      if (user != null) {
        Transport.send(mime, user, password);
      } else {
        Transport.send(mime);
      }
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new DeliveryException("the SMTP server did not take " + message.messageId() + ": " + e.getMessage(), e);
    }
  }

  private static void header(MimeMessage mime, String name, String value) {
    try {
      mime.setHeader(name, value);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InternetAddress address(MailAddress a) throws UnsupportedEncodingException {
    return new InternetAddress(a.address().address(), a.name().orElse(null), StandardCharsets.UTF_8.name());
  }

  private static InternetAddress[] addresses(List<MailAddress> list) throws UnsupportedEncodingException {
    InternetAddress[] out = new InternetAddress[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = address(list.get(i));
    }
    return out;
  }
}
