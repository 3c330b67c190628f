package dev.rapport.crm.mailfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailAttachment;
import dev.rapport.crm.mail.MailMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Real-world messages, clean and broken, read into the CRM's messages or skipped with a reason. */
class MailParserTest {
  private final MailParser parser = MailParser.create();

  static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  private ParsedMail parse(String text) {
    return parser.parse(new ByteArrayInputStream(crlf(text).getBytes(StandardCharsets.UTF_8)));
  }

  private MailMessage message(String text) {
    ParsedMail p = parse(text);
    assertThat(p.problem()).isEmpty();
    return p.message().orElseThrow();
  }

  @Test
  void aPlainMessageGivesItsHeadersAddressesAndText() {
    MailMessage m = message("""
        Message-ID: <abc.1@meyer-bau.de>
        In-Reply-To: <offer-17@acme.example>
        References: <first@acme.example>
         <offer-17@acme.example>
        Date: Mon, 3 Mar 2025 10:15:00 +0100
        From: "Meyer, Katherine" <k.meyer@meyer-bau.de>
        To: Sam <sam@acme.example>, broken address, otto@lang.example
        Cc: =?UTF-8?Q?Zo=C3=AB?= <zoe@elsewhere.example>
        Reply-To: office@meyer-bau.de
        Subject: =?UTF-8?B?UmU6IEFuZ2Vib3QgZsO8ciBkZW4gTmV1YmF1?=
        Content-Type: text/plain; charset=ISO-8859-1
        Content-Transfer-Encoding: quoted-printable

        Guten Tag,
        wir h=E4tten eine Frage.
        """);
    assertThat(m.messageId()).isEqualTo("abc.1@meyer-bau.de");
    assertThat(m.inReplyTo()).contains("offer-17@acme.example");
    assertThat(m.references()).containsExactly("first@acme.example", "offer-17@acme.example");
    assertThat(m.sentAt()).isEqualTo(Instant.parse("2025-03-03T09:15:00Z"));
    assertThat(m.from()).isEqualTo(MailAddress.of("Meyer, Katherine", "k.meyer@meyer-bau.de"));
    assertThat(m.to()).containsExactly(MailAddress.of("Sam", "sam@acme.example"), MailAddress.of("otto@lang.example"));
    assertThat(m.cc()).containsExactly(MailAddress.of("Zoë", "zoe@elsewhere.example"));
    assertThat(m.replyTo()).containsExactly(MailAddress.of("office@meyer-bau.de"));
    assertThat(m.subject()).isEqualTo("Re: Angebot für den Neubau");
    assertThat(m.text()).contains("Guten Tag,\r\nwir hätten eine Frage.");
  }

  @Test
  void anHtmlOnlyMessageBecomesTextAndAttachmentsKeepNameTypeAndSize() {
    byte[] pdf = new byte[3000];
    String b64 = Base64.getMimeEncoder().encodeToString(pdf);
    MailMessage m = message("""
        Message-ID: <html-1@x.example>
        Date: Tue, 4 Mar 2025 08:00:00 +0000
        From: news@shop.example
        To: k.meyer@meyer-bau.de
        Subject: Your
          order
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/html; charset=utf-8

        <html><head><style>p{color:red}</style></head><body><p>Hello&nbsp;Katherine,</p><p>your order<br>is on its way.</p><script>x()</script></body></html>
        --inner--
        --outer
        Content-Type: application/pdf; name="Rechnung =?UTF-8?Q?M=C3=A4rz?=.pdf"
        Content-Disposition: attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf
        Content-Transfer-Encoding: base64

        """ + b64 + """

        --outer--
        """);
    assertThat(m.subject()).isEqualTo("Your order");
    assertThat(m.text()).contains("Hello Katherine,\n\nyour order\nis on its way.");
    assertThat(m.text().orElseThrow()).doesNotContain("color", "x()");
    assertThat(m.attachments()).containsExactly(new MailAttachment("Rechnung März.pdf", "application/pdf", 3000));
  }

  @Test
  void aMessageWithoutIdGetsTheSameIdFromItsBytesEveryTime() {
    String text = """
        Date: Tue, 4 Mar 2025 08:00:00 +0000
        From: a@b.example
        Subject: no id

        body
        """;
    MailMessage once = message(text);
    assertThat(once.messageId()).startsWith("sha256-").endsWith("@rapport.invalid");
    assertThat(message(text).messageId()).isEqualTo(once.messageId());
    assertThat(message(text + "x").messageId()).isNotEqualTo(once.messageId());
  }

  @Test
  void brokenMessagesAreSkippedWithAReasonNeverThrown() {
    assertThat(parse("Date: Tue, 4 Mar 2025 08:00:00 +0000\nSubject: x\n\nno sender").problem())
        .contains("no sender address (From)");
    assertThat(parse("From: a@b.example\nSubject: x\n\nno date").problem()).contains("no date (Date)");
    assertThat(parse("From: not an address\nDate: Tue, 4 Mar 2025 08:00:00 +0000\n\n").problem())
        .contains("no sender address (From)");
    assertThat(parse("\u0000\u0001 garbage \u00ff").problem()).isPresent();
    assertThat(parser.parse(1, new byte[0]).problem()).isPresent();
    StringBuilder many = new StringBuilder("From: a@b.example\nDate: Tue, 4 Mar 2025 08:00:00 +0000\nTo: ");
    for (int i = 0; i <= MailMessage.MAX_ADDRESSES; i++) {
      many.append(i == 0 ? "" : ", ").append("p").append(i).append("@x.example");
    }
    assertThat(parse(many + "\n\nhi").problem()).contains("more than 1000 addresses");
  }

  @Test
  void deepNestingAnUnknownCharsetAnd8BitHeadersAreHandled() {
    StringBuilder deep = new StringBuilder("""
        From: a@b.example
        Date: Tue, 4 Mar 2025 08:00:00 +0000
        Content-Type: multipart/mixed; boundary="b0"

        """);
    for (int i = 0; i < 50; i++) {
      deep.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\n\n");
    }
    deep.append("--b50\nContent-Type: text/plain\n\ndeep text\n");
    for (int i = 50; i >= 0; i--) {
      deep.append("--b").append(i).append("--\n");
    }
    assertThat(message(deep.toString()).text()).contains("deep text");

    MailMessage odd = message("""
        From: Jürgen Groß <j@gross.example>
        Date: Tue, 4 Mar 2025 08:00:00 +0000
        Subject: Grüße aus München
        Content-Type: text/plain; charset=x-no-such-charset

        Grüße
        """);
    assertThat(odd.from().name()).contains("Jürgen Groß");
    assertThat(odd.subject()).isEqualTo("Grüße aus München");
    assertThat(odd.text()).contains("Grüße");
  }

  @Test
  void aSubjectTextOrNameLongerThanTheCrmKeepsIsCutAndHeaderBreaksAreSpaces() {
    MailMessage m = message("From: a@b.example\nDate: Tue, 4 Mar 2025 08:00:00 +0000\nSubject: "
        + "s".repeat(MailMessage.SUBJECT + 50) + "\n\n" + "t".repeat(MailMessage.TEXT + 50));
    assertThat(m.subject()).hasSize(MailMessage.SUBJECT);
    assertThat(m.text().orElseThrow()).hasSize(MailMessage.TEXT);
  }

  static final String BOUNCE = """
      From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>
      To: news@acme.example
      Date: Wed, 5 Mar 2025 10:00:00 +0000
      Message-ID: <bounce.1@mx.acme.example>
      Subject: Undelivered Mail Returned to Sender
      MIME-Version: 1.0
      Content-Type: multipart/report; report-type=delivery-status; boundary="R"

      --R
      Content-Type: text/plain; charset=us-ascii

      I'm sorry to have to inform you that your message could not be delivered.

      --R
      Content-Type: message/delivery-status

      Reporting-MTA: dns; mx.acme.example
      Arrival-Date: Wed, 5 Mar 2025 09:59:58 +0000

      Final-Recipient: rfc822; K.Meyer@meyer-bau.de
      Original-Recipient: rfc822;k.meyer@meyer-bau.de
      Action: failed
      Status: 5.1.1
      Diagnostic-Code: smtp; 550 5.1.1 <k.meyer@meyer-bau.de>: Recipient address
          rejected: User unknown

      Final-Recipient: rfc822; later@meyer-bau.de
      Action: delayed
      Status: 4.4.1

      Final-Recipient: rfc822; not an address
      Action: failed
      Status: 5.1.3

      --R
      Content-Type: text/rfc822-headers

      From: news@acme.example
      To: k.meyer@meyer-bau.de
      Subject: Spring news
      Message-ID: <campaign.1@acme.example>

      --R--
      """;

  @Test
  void aDeliveryStatusNotificationGivesItsFailedRecipientsAndTheIdOfTheMessageThatBounced() {
    MailMessage bounce = message(BOUNCE);
    assertThat(bounce.isBounce()).isTrue();
    assertThat(bounce.failedRecipients()).extracting(a -> a.address()).containsExactly("K.Meyer@meyer-bau.de");
    assertThat(bounce.references()).containsExactly("campaign.1@acme.example");
    assertThat(bounce.text()).hasValueSatisfying(t -> assertThat(t).startsWith("I'm sorry"));
    // a report of delays only, or an ordinary message, is no bounce
    assertThat(message(BOUNCE.replace("Action: failed", "Action: delivered")).isBounce()).isFalse();
    assertThat(message("From: a@b.example\nDate: Tue, 4 Mar 2025 08:00:00 +0000\n\nAction: failed\n"
        + "Final-Recipient: rfc822; x@y.example\n").isBounce()).isFalse();
  }

  @Test
  void aTwentyMegabyteAttachmentTenThousandRecipientsAndBrokenEncodingsEachGiveAClearResult() {
    byte[] big = new byte[20 * 1024 * 1024];
    new java.util.Random(7).nextBytes(big);
    String withBig = "From: a@b.example\nDate: Tue, 4 Mar 2025 08:00:00 +0000\nSubject: Plans\n"
        + "Content-Type: multipart/mixed; boundary=\"M\"\n\n--M\nContent-Type: text/plain\n\nsee attached\n--M\n"
        + "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"plans.bin\"\n"
        + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(big) + "\n--M--\n";
    MailMessage m = message(withBig);
    assertThat(m.attachments()).containsExactly(new MailAttachment("plans.bin", "application/octet-stream", big.length));
    assertThat(m.text()).contains("see attached");

    StringBuilder many = new StringBuilder("From: a@b.example\nDate: Tue, 4 Mar 2025 08:00:00 +0000\nTo: ");
    for (int i = 0; i < 10_000; i++) {
      many.append(i == 0 ? "" : ",\n ").append("p").append(i).append("@x.example");
    }
    assertThat(parse(many + "\n\nhi").problem()).contains("more than 1000 addresses");

    MailMessage broken = message("""
        From: =?x-unknown?B?SsO8cmdlbg==?= <j@b.example>
        Date: Tue, 4 Mar 2025 08:00:00 +0000
        Subject: =?utf-8?B?not base64!?=
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        this is not base64 at all ###
        """);
    assertThat(broken.from().address().address()).isEqualTo("j@b.example");
    assertThat(broken.subject()).isNotBlank();
  }
}
