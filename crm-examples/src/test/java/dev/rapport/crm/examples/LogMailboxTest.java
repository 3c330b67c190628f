package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.mailfile.MailboxReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogMailboxTest {
  @Test
  void theMailboxLandsOnTheRightRecordsThreadedAndTheReplyWarmsTheLead() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    MailboxReport report = LogMailbox.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(report.read()).isEqualTo(5);
    assertThat(report.logged()).isEqualTo(4);
    assertThat(out).contains("mailbox: 5 read, 4 logged, 0 about nobody known, 1 skipped",
        "message 5 skipped: no sender address (From)");
    assertThat(out).contains("Grace before the mailbox: COLD", "Grace after her reply: WARM");
    assertThat(out).contains("  OUTBOUND sam@acme.example: Your offer for 40 licences",
        "  INBOUND grace@navy.example: Re: Your offer for 40 licences / Thanks Sam,  could you do 50 licences?");
    assertThat(out).contains("Katherine's question: on contact true, on account true, attachments"
        + " [MailAttachment[name=Rechnung 2025-031.pdf, type=application/pdf, size=9]]");
    assertThat(out).contains("Sam's answer: sent 1, in the offer's thread true, thread now 3 messages");
    assertThat(out).contains("unknown sender captured: Ada Lovelace <ada@engines.example>, source inbound_email");
    assertThat(out).contains("after conversion (1 logged): the order is on contact true, on the lead false");
    assertThat(out).contains("campaign: sent 2, skipped [NO_CONSENT]", "Grace's copy: List-Unsubscribe true",
        "Katherine's copy bounced: member bounced, address suppressed BOUNCED",
        "Grace unsubscribed: member unsubscribed, consent false",
        "reminder: sent 0, skipped [BOUNCED, NO_CONSENT, UNSUBSCRIBED]");
  }
}
