package dev.rapport.crm.mailfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.mail.MailSettings;
import dev.rapport.crm.memory.MemoryPersistence;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real IMAP server (GreenMail, in process): new messages fetched on each call, from where the last call ended. */
class ImapMailboxTest {
  private GreenMail server;
  private GreenMailUser sales;

  @BeforeEach
  void start() {
    server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    server.start();
    sales = server.setUser("sales@acme.example", "sales", "secret");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void deliver(String id, String from, String subject) throws Exception {
    String text = "Message-ID: <" + id + ">\r\nDate: Mon, 3 Mar 2025 09:00:00 +0000\r\nFrom: " + from
        + "\r\nTo: sales@acme.example\r\nSubject: " + subject + "\r\n\r\nHello\r\n";
    sales.deliver(new MimeMessage(Session.getInstance(new java.util.Properties()),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void eachFetchLogsTheMessagesSinceTheLastAndReturnsWhereItEnded() throws Exception {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("imap")
        .mail(MailSettings.builder().ownDomain("acme.example").build()).build();
    crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer")).email("k.meyer@meyer-bau.de").build());
    ImapMailbox inbox = ImapMailbox.at("127.0.0.1", server.getImap().getPort()).login("sales", "secret");
    deliver("one@meyer-bau.de", "k.meyer@meyer-bau.de", "First");
    deliver("two@spam.example", "spam@spam.example", "Win");

    ImapFetch first = inbox.fetch(crm, Optional.empty());
    assertThat(first.report().read()).isEqualTo(2);
    assertThat(first.report().logged()).isEqualTo(1);
    assertThat(first.report().ignored()).isEqualTo(1);
    assertThat(crm.mail().find("one@meyer-bau.de")).isPresent();

    ImapFetch nothingNew = inbox.fetch(crm, Optional.of(first.position()));
    assertThat(nothingNew.report().read()).isZero();
    assertThat(nothingNew.position()).isEqualTo(first.position());

    deliver("three@meyer-bau.de", "k.meyer@meyer-bau.de", "Re: First");
    ImapFetch next = inbox.fetch(crm, Optional.of(first.position()));
    assertThat(next.report().read()).isEqualTo(1);
    assertThat(next.report().logged()).isEqualTo(1);
    assertThat(next.position().lastUid()).isGreaterThan(first.position().lastUid());

    // a position of another UIDVALIDITY reads the folder again: nothing is logged twice
    ImapFetch again = inbox.fetch(crm, Optional.of(new ImapPosition(first.position().uidValidity() + 1, 99)));
    assertThat(again.report().read()).isEqualTo(3);
    assertThat(again.report().alreadyLogged()).isEqualTo(2);
    assertThat(again.report().logged()).isZero();
  }

  @Test
  void aWrongPasswordIsAnIoErrorAndBadSettingsAreRefused() {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("imap").build();
    assertThatThrownBy(() -> ImapMailbox.at("127.0.0.1", server.getImap().getPort()).login("sales", "wrong")
        .fetch(crm, Optional.empty())).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> ImapMailbox.at("", 143)).isInstanceOf(ValidationException.class).hasMessageContaining("imap.host");
    assertThatThrownBy(() -> ImapMailbox.at("h", 143).folder(" ")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("imap.folder");
    assertThatThrownBy(() -> new ImapPosition(0, 1)).isInstanceOf(ValidationException.class);
  }
}
