package dev.rapport.crm.mailfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailSettings;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An mbox file logged into a tenant: good messages logged and threaded, bad ones reported, none stopping the rest. */
class MailboxImportTest {

  private static final String MBOX = """
      From k.meyer@meyer-bau.de Mon Mar  3 10:15:00 2025
      Message-ID: <offer-17@acme.example>
      Date: Mon, 3 Mar 2025 09:00:00 +0000
      From: Sam <sam@acme.example>
      To: k.meyer@meyer-bau.de
      Subject: Your offer

      Dear Katherine,
      >From the offer you will see the price.

      From k.meyer@meyer-bau.de Mon Mar  3 10:15:00 2025
      Date: Mon, 3 Mar 2025 10:00:00 +0000
      Subject: not a message: no sender

      hello

      From k.meyer@meyer-bau.de Mon Mar  3 10:15:00 2025
      Message-ID: <reply-1@meyer-bau.de>
      In-Reply-To: <offer-17@acme.example>
      Date: Mon, 3 Mar 2025 11:00:00 +0000
      From: k.meyer@meyer-bau.de
      To: sam@acme.example
      Subject: Re: Your offer

      Thanks!

      From x@y Mon Mar  3 10:15:00 2025
      Message-ID: <spam-1@spam.example>
      Date: Mon, 3 Mar 2025 12:00:00 +0000
      From: spam@spam.example
      To: sam@acme.example
      Subject: Win

      nobody we know
      """;

  @Test
  void anMboxIsLoggedMessageByMessageAndABadMessageStopsNothing() {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("mbox")
        .mail(MailSettings.builder().ownDomain("acme.example").build()).build();
    Account account = crm.accounts().create(NewAccount.builder("Meyer Bau").build());
    Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .account(account.id()).email("k.meyer@meyer-bau.de").build());
    List<MailboxReport> progress = new ArrayList<>();

    MailboxReport report = MailboxImport.into(crm).onProgress(progress::add)
        .mbox(() -> new ByteArrayInputStream(MailParserTest.crlf(MBOX).getBytes(StandardCharsets.UTF_8)));

    assertThat(report.read()).isEqualTo(4);
    assertThat(report.logged()).isEqualTo(2);
    assertThat(report.ignored()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.problems()).containsExactly(new MailboxReport.Problem(2, "no sender address (From)"));
    assertThat(progress).last().isEqualTo(report);
    LoggedMail offer = crm.mail().find("offer-17@acme.example").orElseThrow();
    assertThat(offer.message().text().orElseThrow()).contains("From the offer you will see the price.");
    assertThat(offer.contacts()).containsExactly(contact.id());
    assertThat(offer.accounts()).containsExactly(account.id());
    assertThat(crm.mail().thread(offer.id(), PageRequest.first(10)).items()).extracting(m -> m.message().messageId())
        .containsExactly("offer-17@acme.example", "reply-1@meyer-bau.de");

    // the same file again: nothing new
    MailboxReport again = MailboxImport.into(crm)
        .mbox(() -> new ByteArrayInputStream(MailParserTest.crlf(MBOX).getBytes(StandardCharsets.UTF_8)));
    assertThat(again.alreadyLogged()).isEqualTo(2);
    assertThat(again.logged()).isZero();
  }

  @Test
  void anMboxFileOnDiskIsReadAndAMissingOneIsAnIoError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("file").build();
    crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer")).email("k.meyer@meyer-bau.de").build());
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("Sent.mbox"), MailParserTest.crlf(MBOX));
    assertThat(MailboxImport.into(crm).mbox(file).read()).isEqualTo(4);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailboxImport.into(crm).mbox(dir.resolve("missing.mbox")))
        .isInstanceOf(java.io.UncheckedIOException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailboxImport.into(crm).mbox((java.nio.file.Path) null))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("file");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 1000})
  void anyBatchSizeLogsTheSameAndReportsProgressThatAddsUp(int batch) {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("batch-" + batch)
        .mail(MailSettings.builder().ownDomain("acme.example").build()).build();
    crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer")).email("k.meyer@meyer-bau.de").build());
    List<MailboxReport> progress = new ArrayList<>();
    MailboxReport report = MailboxImport.into(crm).batchSize(batch).onProgress(progress::add)
        .mbox(() -> new ByteArrayInputStream(MailParserTest.crlf(MBOX).getBytes(StandardCharsets.UTF_8)));
    assertThat(List.of(report.read(), report.logged(), report.ignored(), report.skipped())).containsExactly(4L, 2L, 1L, 1L);
    assertThat(progress).isNotEmpty().last().isEqualTo(report);
    assertThat(progress).extracting(MailboxReport::read).isSorted();
    LoggedMail reply = crm.mail().find("reply-1@meyer-bau.de").orElseThrow();
    assertThat(reply.threadId()).isEqualTo(crm.mail().find("offer-17@acme.example").orElseThrow().id());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailboxImport.into(crm).batchSize(0))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("batchSize");
  }

  @Test
  void aSingleMessageFileIsLoggedAndAFileWithoutSeparatorsIsOneMessage() {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("eml").build();
    crm.contacts().create(NewContact.builder(PersonName.of("Otto", "Lang")).email("otto@lang.example").build());
    String eml = "Message-ID: <one@lang.example>\nDate: Mon, 3 Mar 2025 09:00:00 +0000\nFrom: otto@lang.example\n\nHi\n";
    MailboxReport report = MailboxImport.into(crm)
        .message(() -> new ByteArrayInputStream(MailParserTest.crlf(eml).getBytes(StandardCharsets.UTF_8)));
    assertThat(report.logged()).isEqualTo(1);
    MailboxReport asMbox = MailboxImport.into(crm)
        .mbox(() -> new ByteArrayInputStream(MailParserTest.crlf(eml).getBytes(StandardCharsets.UTF_8)));
    assertThat(asMbox.read()).isEqualTo(1);
    assertThat(asMbox.alreadyLogged()).isEqualTo(1);
  }
}
