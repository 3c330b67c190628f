package dev.rapport.crm.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailAttachment;
import dev.rapport.crm.mail.MailMessage;
import dev.rapport.crm.mail.MailSettings;
import dev.rapport.crm.mailfile.MailboxImport;
import dev.rapport.crm.mailfile.MailboxReport;
import dev.rapport.crm.mailfile.ParsedMail;
import dev.rapport.crm.memory.MemoryPersistence;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Outlook {@code .msg} files, as Outlook lays them out, read into the CRM's messages or skipped with a reason. */
class OutlookMessagesTest {
  private static final Instant SENT = Instant.parse("2025-03-04T08:30:00Z");
  private final OutlookMessages outlook = OutlookMessages.create();

  /** A reply Outlook received: its internet ids, the customer's address, To and Cc, HTML only, an attachment. */
  static byte[] reply() {
    return MsgFiles.message()
        .string(0x0037, "AW: Ihr Angebot – 40 Lizenzen")
        .string(0x1035, "<AM0PR01MB1234@eurprd01.prod.outlook.com>")
        .string(0x1042, "<offer-17@acme.example>")
        .string(0x1039, "<first@acme.example> <offer-17@acme.example>")
        .string(0x0C1A, "Katherine Müller-Meyer")
        .string(0x0C1F, "k.meyer@meyer-bau.de")
        .string(0x1013, "<html><body><p>Guten Tag,</p><p>bitte <b>50</b> Lizenzen.</p></body></html>")
        .submitted(SENT)
        .recipient(1, "Sam Seller", "sam@acme.example")
        .recipient(2, "Otto Lang", "otto.lang@lang-partner.example")
        .recipient(3, "Hidden", "hidden@meyer-bau.de")
        .recipient(1, "Exchange only", null)
        .attachment("Plan Ä.pdf", "application/pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))
        .bytes();
  }

  @Test
  void anOutlookMessageGivesItsIdsAddressesByTypeDateTextAndAttachments() {
    ParsedMail parsed = outlook.parse(1, reply());
    assertThat(parsed.problem()).isEmpty();
    MailMessage m = parsed.message().orElseThrow();
    assertThat(m.messageId()).isEqualTo("AM0PR01MB1234@eurprd01.prod.outlook.com");
    assertThat(m.inReplyTo()).contains("offer-17@acme.example");
    assertThat(m.references()).containsExactly("first@acme.example", "offer-17@acme.example");
    assertThat(m.from().address().address()).isEqualTo("k.meyer@meyer-bau.de");
    assertThat(m.from().name()).contains("Katherine Müller-Meyer");
    assertThat(m.to()).extracting(a -> a.address().address()).containsExactly("sam@acme.example");
    assertThat(m.cc()).extracting(a -> a.address().address()).containsExactly("otto.lang@lang-partner.example");
    assertThat(m.sentAt()).isEqualTo(SENT);
    assertThat(m.subject()).isEqualTo("AW: Ihr Angebot – 40 Lizenzen");
    assertThat(m.text()).contains("Guten Tag,\n\nbitte 50 Lizenzen.");
    assertThat(m.attachments()).containsExactly(new MailAttachment("Plan Ä.pdf", "application/pdf", 9));
  }

  @Test
  void anExchangeSenderFallsBackToTheTransportHeadersAndAMissingIdToTheFilesBytes() {
    byte[] file = MsgFiles.message()
        .string(0x0037, "Order")
        .string(0x0C1A, "Grace Hopper")
        .string(0x0C1F, "/O=NAVY/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=GHOPPER")
        .string(0x007D, "Received: from mx.navy.example\r\n\tby mx.acme.example; Tue, 4 Mar 2025 08:30:00 +0000\r\n"
            + "From: Grace Hopper <grace@navy.example>\r\nDate: Tue, 4 Mar 2025 08:30:00 +0000\r\n"
            + "References: <a@acme.example>\r\n <b@acme.example>\r\n")
        .string(0x1000, "We order 50 licences.")
        .submitted(SENT)
        .recipient(1, "Sam", "sam@acme.example")
        .bytes();
    MailMessage m = outlook.parse(1, file).message().orElseThrow();
    assertThat(m.from().address().address()).isEqualTo("grace@navy.example");
    assertThat(m.references()).containsExactly("a@acme.example", "b@acme.example");
    assertThat(m.messageId()).startsWith("sha256-").endsWith("@rapport.invalid");
    assertThat(outlook.parse(2, file).message().orElseThrow().messageId()).isEqualTo(m.messageId());
    assertThat(m.text()).contains("We order 50 licences.");
  }

  @Test
  void aFileThatIsNotAnOutlookMessageOrLacksASenderOrDateIsSkippedWithAReason() {
    assertThat(outlook.parse(1, "From: a@b.example\r\n\r\nan .eml, not a .msg".getBytes(StandardCharsets.UTF_8)).problem())
        .hasValueSatisfying(p -> assertThat(p).startsWith("not an Outlook message (.msg)"));
    assertThat(outlook.parse(2, new byte[0]).problem()).isPresent();
    assertThat(outlook.parse(3, MsgFiles.message().string(0x0037, "No sender").submitted(SENT).bytes()).problem())
        .contains("no sender address (From)");
    assertThat(outlook.parse(4, MsgFiles.message().string(0x0C1F, "a@b.example").bytes()).problem())
        .contains("no date (Date)");
    byte[] truncated = java.util.Arrays.copyOf(reply(), 1_000);
    assertThat(outlook.parse(5, truncated).problem()).isPresent();
  }

  @Test
  void outlookFilesAreLoggedLikeAnyMailAndABadOneStopsNothing() {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("outlook")
        .mail(MailSettings.builder().ownDomain("acme.example").build()).build();
    Contact katherine = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .email("k.meyer@meyer-bau.de").build());

    MailboxReport report = MailboxImport.into(crm).parsed(Stream.of(
        outlook.parse(1, reply()), outlook.parse(2, "not a msg".getBytes(StandardCharsets.UTF_8)), outlook.parse(3, reply())));

    assertThat(report.read()).isEqualTo(3);
    assertThat(report.logged()).isEqualTo(1);
    assertThat(report.alreadyLogged()).isEqualTo(1);
    assertThat(report.problems()).extracting(MailboxReport.Problem::number).containsExactly(2L);
    LoggedMail logged = crm.mail().find("AM0PR01MB1234@eurprd01.prod.outlook.com").orElseThrow();
    assertThat(logged.contacts()).containsExactly(katherine.id());
    assertThat(List.of(logged.message().from().address().address())).containsExactly("k.meyer@meyer-bau.de");
  }
}
