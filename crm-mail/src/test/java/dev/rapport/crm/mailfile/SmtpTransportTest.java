package dev.rapport.crm.mailfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.DeliveryException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailMessage;
import dev.rapport.crm.mail.MailSettings;
import dev.rapport.crm.memory.MemoryPersistence;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** crm.mail().send through SmtpTransport to a real SMTP server (GreenMail, in process); what arrives is read back. */
class SmtpTransportTest {
  private GreenMail server;

  @BeforeEach
  void start() {
    server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Crm crm(SmtpTransport transport) {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("smtp")
        .mail(MailSettings.builder().ownDomain("acme.example").build()).mailTransport(transport).build();
    crm.contacts().create(NewContact.builder(PersonName.of("Jürgen", "Groß")).email("j.gross@kunde.example").build());
    return crm;
  }

  @Test
  void aSentMessageArrivesWithItsIdsNamesAndTextAndItsReplyThreads() throws Exception {
    Crm crm = crm(SmtpTransport.to("127.0.0.1", server.getSmtp().getPort()));
    MailMessage offer = crm.mail().compose(MailAddress.of("Sam Seller", "sam@acme.example"))
        .to(MailAddress.of("Jürgen Groß", "j.gross@kunde.example")).inReplyTo("earlier@kunde.example")
        .references(java.util.List.of("first@kunde.example", "earlier@kunde.example"))
        .subject("Ihr Angebot – Grüße").text("Guten Tag Herr Groß,\nanbei das Angebot.").build();

    LoggedMail logged = crm.mail().send(offer);

    assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage arrived = server.getReceivedMessages()[0];
    assertThat(arrived.getHeader("Message-ID", null)).isEqualTo("<" + offer.messageId() + ">");
    assertThat(arrived.getHeader("In-Reply-To", null)).isEqualTo("<earlier@kunde.example>");
    assertThat(arrived.getHeader("References", null)).isEqualTo("<first@kunde.example> <earlier@kunde.example>");
    assertThat(arrived.getSubject()).isEqualTo("Ihr Angebot – Grüße");
    assertThat(((InternetAddress) arrived.getFrom()[0]).getPersonal()).isEqualTo("Sam Seller");
    assertThat(((InternetAddress) arrived.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Jürgen Groß");
    assertThat(arrived.getSentDate().toInstant()).isEqualTo(offer.sentAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(((String) arrived.getContent()).replace("\r\n", "\n")).isEqualTo("Guten Tag Herr Groß,\nanbei das Angebot.");
    assertThat(logged.message()).isEqualTo(offer);
    assertThat(arrived.getHeader("List-Unsubscribe")).isNull(); // one-to-one mail: no list

    // what arrived, read back by the parser as the customer's client would keep it, is the same message
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    arrived.writeTo(raw);
    MailMessage reread = MailParser.create().parse(1, raw.toByteArray()).message().orElseThrow();
    assertThat(reread.messageId()).isEqualTo(offer.messageId());
    assertThat(reread.subject()).isEqualTo(offer.subject());
    assertThat(reread.to()).isEqualTo(offer.to());
  }

  @Test
  void aServerThatCannotBeReachedIsADeliveryExceptionAndNothingIsLogged() {
    int port = server.getSmtp().getPort();
    server.stop();
    Crm crm = crm(SmtpTransport.to("127.0.0.1", port));
    MailMessage m = crm.mail().compose(MailAddress.of("sam@acme.example")).to(MailAddress.of("j.gross@kunde.example"))
        .subject("Hello").build();
    assertThatThrownBy(() -> crm.mail().send(m)).isInstanceOf(DeliveryException.class).hasMessageContaining(m.messageId());
    assertThat(crm.mail().find(m.messageId())).isEmpty();
    server.start(); // for stop()
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> SmtpTransport.to(" ", 25)).isInstanceOf(ValidationException.class).hasMessageContaining("smtp.host");
    assertThatThrownBy(() -> SmtpTransport.to("h", 0)).isInstanceOf(ValidationException.class).hasMessageContaining("smtp.port");
    assertThatThrownBy(() -> SmtpTransport.to("h", 25).login(null, "x")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("smtp.user");
  }

  @Test
  void campaignMailArrivesWithAOneClickUnsubscribeLinkThatUnsubscribes() throws Exception {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("smtp")
        .mail(MailSettings.builder().ownDomain("acme.example")
            .unsubscribe("https://crm.acme.example/unsubscribe?token=", "k".repeat(MailSettings.MIN_KEY)).build())
        .mailTransport(SmtpTransport.to("127.0.0.1", server.getSmtp().getPort())).build();
    var contact = crm.contacts().create(NewContact.builder(PersonName.of("Jürgen", "Groß")).email("j.gross@kunde.example")
        .consent(new dev.rapport.crm.contact.MarketingConsent(true, java.time.Instant.parse("2025-01-01T00:00:00Z"), "form"))
        .build());
    var campaign = crm.campaigns().plan(dev.rapport.crm.campaign.NewCampaign.builder("News", dev.rapport.crm.campaign.Channel.EMAIL,
        java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2025, 3, 31), dev.rapport.crm.common.Money.of("0.00", "EUR")).build());
    var member = dev.rapport.crm.campaign.MemberId.contact(contact.id());
    crm.campaigns().addMembers(campaign.id(), java.util.List.of(member));
    crm.campaigns().start(campaign.id());

    crm.mail().sendCampaign(campaign.id(), dev.rapport.crm.mail.CampaignMail.of(MailAddress.of("news@acme.example"),
        "Frühlingsnews", "Hallo"));

    assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage arrived = server.getReceivedMessages()[0];
    String link = arrived.getHeader("List-Unsubscribe", null);
    assertThat(link).startsWith("<https://crm.acme.example/unsubscribe?token=").endsWith(">");
    assertThat(arrived.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    String token = link.substring(link.indexOf("token=") + 6, link.length() - 1);
    assertThat(crm.mail().unsubscribe(token).status()).isEqualTo(dev.rapport.crm.campaign.ResponseStatus.UNSUBSCRIBED);
    assertThat(crm.contacts().get(contact.id()).marketingConsent().orElseThrow().granted()).isFalse();
  }
}
