package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailSettings;
import dev.rapport.crm.mailfile.MailboxImport;
import dev.rapport.crm.mailfile.MailboxReport;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A sales team logs its mailbox to the CRM: an mbox file (as a mail client exports it) with an
 * offer sent to a lead, the lead's reply, a customer's question, a message from someone unknown and
 * one broken message. The reply joins the offer's thread and warms the lead; the customer's
 * question lands on the contact and the account; the stranger becomes a lead ({@code inbound_email});
 * the broken message is reported and stops nothing. Sam answers the lead through the host's mail
 * transport, and the answer joins the thread. The lead is then converted, and the next message
 * from that address is logged on the contact the lead became. Last, a campaign mail goes to the
 * contacts who agreed to marketing, each copy with a one-click unsubscribe link: Katherine's copy
 * bounces (the mail server's report, ingested like any mail, stops further campaign mail to her
 * address) and Grace unsubscribes (her consent is withdrawn), so the reminder mails nobody.
 *
 * <pre>{@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.examples.LogMailbox}</pre>
 */
public final class LogMailbox {
  private LogMailbox() {}

  static final String MBOX = """
      From sam@acme.example Mon Mar  3 09:00:00 2025
      Message-ID: <offer-17@acme.example>
      Date: Mon, 3 Mar 2025 09:00:00 +0000
      From: Sam Seller <sam@acme.example>
      To: Grace Hopper <grace@navy.example>
      Subject: Your offer for 40 licences

      Dear Grace, please find our offer attached.

      From grace@navy.example Tue Mar  4 08:30:00 2025
      Message-ID: <re-offer-17@navy.example>
      In-Reply-To: <offer-17@acme.example>
      References: <offer-17@acme.example>
      Date: Tue, 4 Mar 2025 08:30:00 +0000
      From: Grace Hopper <grace@navy.example>
      To: Sam Seller <sam@acme.example>
      Subject: Re: Your offer for 40 licences
      Content-Type: text/html; charset=utf-8

      <p>Thanks Sam,</p><p>could you do <b>50</b> licences?</p>

      From k.meyer@meyer-bau.de Wed Mar  5 10:00:00 2025
      Message-ID: <q-1@meyer-bau.de>
      Date: Wed, 5 Mar 2025 10:00:00 +0100
      From: =?UTF-8?Q?Katherine_M=C3=BCller-Meyer?= <k.meyer@meyer-bau.de>
      To: support@acme.example
      Subject: Rechnung 2025-031
      Content-Type: multipart/mixed; boundary="b"

      --b
      Content-Type: text/plain; charset=utf-8

      Guten Tag, die Rechnung ist doppelt gebucht.
      --b
      Content-Type: application/pdf
      Content-Disposition: attachment; filename="Rechnung 2025-031.pdf"
      Content-Transfer-Encoding: base64

      JVBERi0xLjQK
      --b--

      From ada@engines.example Thu Mar  6 11:00:00 2025
      Message-ID: <hello@engines.example>
      Date: Thu, 6 Mar 2025 11:00:00 +0000
      From: Ada Lovelace <ada@engines.example>
      To: sales@acme.example
      Subject: Do you sell to engine makers?

      We build analytical engines.

      From broken Fri Mar  7 00:00:00 2025
      Date: Fri, 7 Mar 2025 00:00:00 +0000
      Subject: a message without a sender

      ?
      """;

  static final String LATER = """
      Message-ID: <order-1@navy.example>
      Date: Mon, 10 Mar 2025 09:00:00 +0000
      From: Grace Hopper <grace@navy.example>
      To: sam@acme.example
      Subject: Our order

      We order 50 licences.
      """;

  /** The mail server's report that Katherine's copy of the campaign could not be delivered. */
  static String bounceOf(String messageId) {
    return """
        Message-ID: <bounce-1@mx.acme.example>
        Date: Tue, 11 Mar 2025 09:00:00 +0000
        From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>
        To: news@acme.example
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="r"

        --r
        Content-Type: text/plain

        Your message could not be delivered: the mailbox does not exist.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.acme.example

        Final-Recipient: rfc822; k.meyer@meyer-bau.de
        Action: failed
        Status: 5.1.1
        --r
        Content-Type: text/rfc822-headers

        Message-ID: <%s>
        Subject: Spring news
        --r--
        """.formatted(messageId);
  }

  /** Runs the example, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example; returns the mailbox's report. */
  public static MailboxReport run(PrintStream out) {
    java.util.List<dev.rapport.crm.mail.MailMessage> outbox = new java.util.ArrayList<>(); // the host's mail server
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("acme")
        .clock(Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC))
        .mail(MailSettings.builder().ownDomain("acme.example")
            .unknownSenders(MailSettings.UnknownSenders.CAPTURE_AS_LEAD)
            // the host serves this URL and hands the token to crm.mail().unsubscribe; the key signs the tokens
            .unsubscribe("https://crm.acme.example/unsubscribe?token=", "example-key-keep-it-in-your-secret-store")
            .build())
        .mailTransport(outbox::add) // SmtpTransport.to(host, port) in a real host
        .build();
    Lead grace = crm.leads().capture(NewLead.builder(PersonName.of("Grace", "Hopper"), LeadSource.TRADE_SHOW)
        .email("grace@navy.example").company("US Navy").build());
    Account meyer = crm.accounts().create(NewAccount.builder("Meyer Bau GmbH").build());
    Contact katherine = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .account(meyer.id()).email("k.meyer@meyer-bau.de")
        .consent(new dev.rapport.crm.contact.MarketingConsent(true, Instant.parse("2025-01-15T10:00:00Z"), "newsletter form"))
        .build());
    out.println("Grace before the mailbox: " + grace.temperature());

    MailboxReport report = MailboxImport.into(crm).mbox(() -> bytes(MBOX));
    out.println("mailbox: " + report.read() + " read, " + report.logged() + " logged, " + report.ignored()
        + " about nobody known, " + report.skipped() + " skipped");
    report.problems().forEach(p -> out.println("  message " + p.number() + " skipped: " + p.reason()));

    LoggedMail offer = crm.mail().find("offer-17@acme.example").orElseThrow();
    out.println("thread of the offer:");
    for (LoggedMail m : crm.mail().thread(offer.id(), PageRequest.first(10)).items()) {
      out.println("  " + m.direction() + " " + m.message().from().address() + ": " + m.message().subject()
          + m.message().text().map(t -> " / " + t.replace('\n', ' ')).orElse(""));
    }
    out.println("Grace after her reply: " + crm.leads().get(grace.id()).temperature());
    LoggedMail answer = crm.mail().send(crm.mail().compose(dev.rapport.crm.mail.MailAddress.of("Sam Seller", "sam@acme.example"))
        .to(dev.rapport.crm.mail.MailAddress.of("grace@navy.example")).inReplyTo("re-offer-17@navy.example")
        .subject("Re: Your offer for 40 licences").text("Yes: 50 licences at the same price.").build());
    out.println("Sam's answer: sent " + outbox.size() + ", in the offer's thread "
        + answer.threadId().equals(offer.id()) + ", thread now " + crm.mail().thread(offer.id(), PageRequest.first(10)).items().size()
        + " messages");
    LoggedMail question = crm.mail().find("q-1@meyer-bau.de").orElseThrow();
    out.println("Katherine's question: on contact " + question.contacts().contains(katherine.id())
        + ", on account " + question.accounts().contains(meyer.id()) + ", attachments "
        + question.message().attachments());
    Lead ada = crm.leads().get(crm.mail().find("hello@engines.example").orElseThrow().leads().get(0));
    out.println("unknown sender captured: " + ada.name().fullName() + " <" + ada.email().orElseThrow()
        + ">, source " + ada.source().code());

    crm.leads().changeStatus(grace.id(), LeadStatus.QUALIFIED);
    ConversionResult converted = crm.leads().convert(grace.id(), Conversion.standard());
    MailboxReport later = MailboxImport.into(crm).message(() -> bytes(LATER));
    LoggedMail order = crm.mail().find("order-1@navy.example").orElseThrow();
    out.println("after conversion (" + later.logged() + " logged): the order is on contact "
        + order.contacts().contains(converted.contact().id()) + ", on the lead " + order.leads().contains(grace.id()));

    // campaign mail: to the contacts who agreed to marketing, each copy with its unsubscribe link
    crm.contacts().recordConsent(converted.contact().id(), true, "order form");
    dev.rapport.crm.campaign.Campaign spring = crm.campaigns().plan(dev.rapport.crm.campaign.NewCampaign.builder(
        "Spring news", dev.rapport.crm.campaign.Channel.NEWSLETTER, java.time.LocalDate.of(2025, 3, 10),
        java.time.LocalDate.of(2025, 3, 31), dev.rapport.crm.common.Money.of("50.00", "EUR")).build());
    crm.campaigns().addMembers(spring.id(), java.util.List.of(
        dev.rapport.crm.campaign.MemberId.contact(converted.contact().id()),
        dev.rapport.crm.campaign.MemberId.contact(katherine.id()), dev.rapport.crm.campaign.MemberId.lead(ada.id())));
    crm.campaigns().start(spring.id());
    dev.rapport.crm.mail.CampaignMail news = dev.rapport.crm.mail.CampaignMail.of(
        dev.rapport.crm.mail.MailAddress.of("Acme News", "news@acme.example"), "Spring news", "Our spring offers.");
    dev.rapport.crm.mail.CampaignSendReport sent = crm.mail().sendCampaign(spring.id(), news);
    out.println("campaign: sent " + sent.sent().size() + ", skipped " + sent.skipped().stream()
        .map(x -> x.reason().name()).toList());
    java.util.function.Function<String, dev.rapport.crm.mail.MailMessage> copyTo = address -> outbox.stream()
        .filter(m -> m.subject().equals(news.subject()) && m.to().get(0).address().address().equals(address))
        .findFirst().orElseThrow();
    out.println("Grace's copy: List-Unsubscribe " + copyTo.apply("grace@navy.example").unsubscribeUrl().isPresent());

    MailboxImport.into(crm).message(() -> bytes(bounceOf(copyTo.apply("k.meyer@meyer-bau.de").messageId())));
    out.println("Katherine's copy bounced: member " + crm.campaigns().getMember(spring.id(),
        dev.rapport.crm.campaign.MemberId.contact(katherine.id())).status() + ", address suppressed "
        + crm.mail().suppression(katherine.emails().get(0)).map(x -> x.reason().name()).orElse("no"));

    String url = copyTo.apply("grace@navy.example").unsubscribeUrl().orElseThrow(); // the host's page receives it
    dev.rapport.crm.campaign.CampaignMember unsubscribed = crm.mail().unsubscribe(url.substring(url.indexOf("token=") + 6));
    out.println("Grace unsubscribed: member " + unsubscribed.status() + ", consent "
        + crm.contacts().get(converted.contact().id()).marketingConsent().orElseThrow().granted());
    dev.rapport.crm.mail.CampaignSendReport reminder = crm.mail().sendCampaign(spring.id(),
        dev.rapport.crm.mail.CampaignMail.of(news.from(), "Spring news: last days", "Only a few days left."));
    out.println("reminder: sent " + reminder.sent().size() + ", skipped " + reminder.skipped().stream()
        .map(x -> x.reason().name()).toList());
    return report;
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }
}
