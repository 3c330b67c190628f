package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityLogged;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.mail.CampaignMail;
import dev.rapport.crm.mail.CampaignSendReport;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailSuppressed;
import dev.rapport.crm.mail.MailSuppression;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailAttachment;
import dev.rapport.crm.mail.MailIngest;
import dev.rapport.crm.mail.MailLogged;
import dev.rapport.crm.mail.MailMessage;
import dev.rapport.crm.mail.MailService;
import dev.rapport.crm.mail.MailSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mail on the adapter: a message is logged once (by its {@code Message-ID}) on every lead, contact
 * and account it concerns, as one e-mail activity in each one's timeline; replies join their
 * thread by {@code In-Reply-To}, {@code References} or subject; the tenant's own addresses decide
 * the direction and are never linked; unknown senders are ignored or captured as leads; what is
 * stored reads back unchanged.
 */
public abstract class MailContract extends ContractSupport {
  private static final MailAddress OWN = MailAddress.of("Sam Seller", "sam@acme.example");

  private Crm mailCrm(MailSettings.UnknownSenders unknown, boolean bySubject) {
    return Crm.builder().persistence(persistence).tenant(tenant).clock(clock).listener(events::add)
        .mail(MailSettings.builder().ownDomain("acme.example").ownAddress("acme.sales@gmail.com")
            .unknownSenders(unknown).threadBySubject(bySubject).build())
        .build();
  }

  private Crm mailCrm() {
    return mailCrm(MailSettings.UnknownSenders.IGNORE, true);
  }

  private static String id() {
    return UUID.randomUUID() + "@mail.example";
  }

  private record People(Account account, Contact contact, Lead lead) {}

  private People people() {
    Account account = crm.accounts().create(NewAccount.builder("Meyer Bau GmbH").build());
    Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .account(account.id()).email("k.meyer@meyer-bau.de").email("kathy@meyer-bau.de").build());
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Lang"), LeadSource.WEBINAR)
        .email("Otto.Lang@lang-partner.example").build());
    events.clear();
    return new People(account, contact, lead);
  }

  @Test
  public void anInboundMessageIsLoggedOnceOnEveryContactLeadAndAccountItConcernsAndReadsBackUnchanged() {
    People p = people();
    Crm mail = mailCrm();
    MailMessage message = MailMessage.builder("<" + id() + ">", MailAddress.of("Kathy Meyer", "KATHY@meyer-bau.de"),
            START.minus(Duration.ofHours(1)))
        .to(OWN).cc(MailAddress.of("otto.lang@lang-partner.example")).cc(MailAddress.of("Zoë", "zoe@elsewhere.example"))
        .replyTo(MailAddress.of("k.meyer@meyer-bau.de"))
        .subject("Angebot für den Neubau – Rückfrage \"Dach\"").text("Guten Tag,\n\nwir haben eine Frage zum Dach.\n\n— K. Meyer")
        .attachment(new MailAttachment("Pläne.pdf", "application/pdf", 2_345_678))
        .attachment(new MailAttachment("photo 1.jpeg", "image/jpeg", 0))
        .references(List.of("older-1@mail.example", "older-2@mail.example"))
        .build();

    MailIngest result = mail.mail().ingest(message);

    assertThat(result.outcome()).isEqualTo(MailIngest.Outcome.LOGGED);
    LoggedMail logged = result.mail().orElseThrow();
    assertThat(logged.version()).isEqualTo(1);
    assertThat(logged.message()).isEqualTo(message);
    assertThat(logged.direction()).isEqualTo(Direction.INBOUND);
    assertThat(logged.contacts()).containsExactly(p.contact().id());
    assertThat(logged.accounts()).containsExactly(p.account().id());
    assertThat(logged.leads()).containsExactly(p.lead().id());
    assertThat(logged.threadId()).isEqualTo(logged.id());
    assertThat(mail.mail().get(logged.id())).isEqualTo(logged);
    assertThat(mail.mail().find(message.messageId())).contains(logged);
    assertThat(mail.mail().find("<" + message.messageId() + ">")).contains(logged);

    Activity activity = crm.activities().get(logged.activity());
    assertThat(activity.type()).isEqualTo(ActivityType.EMAIL);
    assertThat(activity.direction()).contains(Direction.INBOUND);
    assertThat(activity.subject()).isEqualTo(message.subject());
    assertThat(activity.body()).isEqualTo(message.text());
    assertThat(activity.occurredAt()).isEqualTo(message.sentAt());
    for (List<TimelineItem> items : List.of(
        crm.timeline().contact(p.contact().id(), PageRequest.first(10)).items(),
        crm.timeline().account(p.account().id(), PageRequest.first(10)).items(),
        crm.timeline().lead(p.lead().id(), PageRequest.first(10)).items())) {
      assertThat(items).filteredOn(i -> i.kind() == TimelineItem.Kind.ACTIVITY)
          .extracting(i -> i.activity().orElseThrow().id()).containsExactly(activity.id());
    }
    // copied on it, the lead did not write: no engagement
    assertThat(crm.leads().get(p.lead().id())).isEqualTo(p.lead());
    // a message the lead wrote is: an EMAIL_REPLY at its date, never later than now
    Instant future = START.plus(Duration.ofDays(3_650));
    mail.mail().ingest(MailMessage.builder(id(), MailAddress.of("otto.lang@lang-partner.example"), future).to(OWN)
        .subject("Hello from the future").build());
    Lead engaged = crm.leads().get(p.lead().id());
    assertThat(engaged.version()).isEqualTo(p.lead().version() + 1);
    assertThat(engaged.signals()).filteredOn(s -> s.type().equals(SignalType.EMAIL_REPLY))
        .extracting(s -> s.occurredAt()).containsExactly(clock.instant());
    assertThat(events).extracting(e -> (Object) e.getClass()).contains(MailLogged.class, ActivityLogged.class);

    // the same message again, with its id in brackets or not: nothing changes
    StoreSnapshot before = snapshot();
    events.clear();
    MailIngest again = mail.mail().ingest(message);
    assertThat(again.outcome()).isEqualTo(MailIngest.Outcome.ALREADY_LOGGED);
    assertThat(again.mail()).contains(logged);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(before.mails()).hasSize(2).contains(logged);
    assertThat(events).isEmpty();
  }

  @Test
  public void repliesJoinTheirThreadByInReplyToReferencesAndSubject() {
    People p = people();
    Crm mail = mailCrm();
    MailMessage first = MailMessage.builder(id(), OWN, START).to(MailAddress.of("k.meyer@meyer-bau.de"))
        .subject("Your offer 2025-17").text("Please find the offer attached.").build();
    LoggedMail offer = mail.mail().ingest(first).mail().orElseThrow();
    assertThat(offer.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(offer.contacts()).containsExactly(p.contact().id());
    assertThat(crm.leads().get(p.lead().id())).isEqualTo(p.lead()); // not addressed: untouched

    clock.advance(Duration.ofMinutes(5));
    LoggedMail reply = mail.mail().ingest(MailMessage.builder(id(), MailAddress.of("k.meyer@meyer-bau.de"), clock.instant())
        .to(OWN).inReplyTo(first.messageId()).subject("AW: Your offer 2025-17").build()).mail().orElseThrow();
    clock.advance(Duration.ofMinutes(5));
    LoggedMail byReferences = mail.mail().ingest(MailMessage.builder(id(), OWN, clock.instant())
        .to(MailAddress.of("kathy@meyer-bau.de")).references(List.of("unknown@x.example", reply.message().messageId()))
        .subject("Re: AW: Your offer 2025-17").build()).mail().orElseThrow();
    clock.advance(Duration.ofMinutes(5));
    LoggedMail bySubject = mail.mail().ingest(MailMessage.builder(id(), MailAddress.of("k.meyer@meyer-bau.de"), clock.instant())
        .to(OWN).subject("RE:  your OFFER 2025-17").build()).mail().orElseThrow();
    // the same subject from someone the thread has not seen starts its own thread
    LoggedMail stranger = mail.mail().ingest(MailMessage.builder(id(), MailAddress.of("otto.lang@lang-partner.example"), clock.instant())
        .to(OWN).subject("Re: Your offer 2025-17").build()).mail().orElseThrow();
    // a first message of the same subject is not a reply: its own thread
    LoggedMail fresh = mail.mail().ingest(MailMessage.builder(id(), MailAddress.of("k.meyer@meyer-bau.de"), clock.instant())
        .to(OWN).subject("Your offer 2025-17").build()).mail().orElseThrow();

    assertThat(List.of(reply, byReferences, bySubject)).allSatisfy(m -> assertThat(m.threadId()).isEqualTo(offer.id()));
    assertThat(stranger.threadId()).isEqualTo(stranger.id());
    assertThat(fresh.threadId()).isEqualTo(fresh.id());
    assertThat(mail.mail().thread(bySubject.id(), PageRequest.first(10)).items())
        .containsExactly(offer, reply, byReferences, bySubject);
    var firstTwo = mail.mail().thread(offer.id(), PageRequest.first(2));
    assertThat(firstTwo.items()).containsExactly(offer, reply);
    assertThat(mail.mail().thread(offer.id(), PageRequest.after(firstTwo.nextCursor().orElseThrow(), 2)).items())
        .containsExactly(byReferences, bySubject);

    // threading by subject turned off: the same kind of reply starts a thread
    Crm strict = mailCrm(MailSettings.UnknownSenders.IGNORE, false);
    LoggedMail alone = strict.mail().ingest(MailMessage.builder(id(), MailAddress.of("k.meyer@meyer-bau.de"), clock.instant())
        .to(OWN).subject("Re: Your offer 2025-17").build()).mail().orElseThrow();
    assertThat(alone.threadId()).isEqualTo(alone.id());
  }

  @Test
  public void unknownSendersAreIgnoredOrCapturedAsLeadsAsTheHostChooses() {
    People p = people();
    MailMessage fromStranger = MailMessage.builder(id(), MailAddress.of("Grace Hopper", "grace@navy.example"), START)
        .to(OWN).subject("Do you sell to the navy?").build();
    StoreSnapshot before = snapshot();

    MailIngest ignored = mailCrm().mail().ingest(fromStranger);
    assertThat(ignored.outcome()).isEqualTo(MailIngest.Outcome.IGNORED);
    assertThat(ignored.mail()).isEmpty();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();

    MailIngest captured = mailCrm(MailSettings.UnknownSenders.CAPTURE_AS_LEAD, true).mail().ingest(fromStranger);
    assertThat(captured.outcome()).isEqualTo(MailIngest.Outcome.LOGGED);
    Lead lead = crm.leads().get(captured.mail().orElseThrow().leads().get(0));
    assertThat(lead.name()).isEqualTo(PersonName.of("Grace", "Hopper"));
    assertThat(lead.email().orElseThrow().address()).isEqualTo("grace@navy.example");
    assertThat(lead.source()).isEqualTo(MailService.INBOUND_EMAIL);
    assertThat(lead.signals()).extracting(s -> s.type()).containsExactly(SignalType.EMAIL_REPLY);
    assertThat(events).extracting(e -> (Object) e.getClass()).contains(LeadCaptured.class, MailLogged.class);

    // a known sender is not captured again, whatever the setting
    MailIngest known = mailCrm(MailSettings.UnknownSenders.CAPTURE_AS_LEAD, true).mail().ingest(
        MailMessage.builder(id(), MailAddress.of("kathy@meyer-bau.de"), START).to(OWN).subject("Hello").build());
    assertThat(known.mail().orElseThrow().leads()).isEmpty();
    assertThat(known.mail().orElseThrow().contacts()).containsExactly(p.contact().id());
    assertThat(crm.leads().count(dev.rapport.crm.lead.LeadQuery.all())).isEqualTo(2);
  }

  @Test
  public void theTenantsOwnAddressesAreNeverLinkedAndAConvertedLeadIsNotEngaged() {
    People p = people();
    Contact colleague = crm.contacts().create(NewContact.builder(PersonName.of("Sam", "Seller")).email("sam@acme.example").build());
    Lead gone = crm.leads().capture(NewLead.builder(PersonName.of("Old", "Lead"), LeadSource.REFERRAL)
        .email("old@customer.example").build());
    crm.leads().changeStatus(gone.id(), LeadStatus.QUALIFIED);
    crm.leads().convert(gone.id(), dev.rapport.crm.lead.Conversion.standard());
    Lead converted = crm.leads().get(gone.id());

    LoggedMail out = mailCrm().mail().ingest(MailMessage.builder(id(), MailAddress.of("acme.sales@gmail.com"), START)
        .to(MailAddress.of("old@customer.example")).cc(MailAddress.of("sam@acme.example")).cc(MailAddress.of("k.meyer@meyer-bau.de"))
        .subject("News").build()).mail().orElseThrow();
    assertThat(out.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(out.contacts()).doesNotContain(colleague.id()).contains(p.contact().id());
    assertThat(out.leads()).isEmpty(); // the converted lead is history
    assertThat(crm.leads().get(gone.id())).isEqualTo(converted);
  }

  @Test
  public void manyMessagesInOneUnitOfWorkAreLoggedAsOneByOneInListOrder() {
    People p = people();
    Crm mail = mailCrm();
    MailMessage offer = MailMessage.builder(id(), OWN, START).to(MailAddress.of("k.meyer@meyer-bau.de"))
        .subject("Offer").build();
    MailMessage reply = MailMessage.builder(id(), MailAddress.of("kathy@meyer-bau.de"), START.plusSeconds(60))
        .to(OWN).cc(MailAddress.of("otto.lang@lang-partner.example")).inReplyTo(offer.messageId()).subject("Re: Offer").build();
    MailMessage second = MailMessage.builder(id(), MailAddress.of("otto.lang@lang-partner.example"), START.plusSeconds(90))
        .to(OWN).subject("Re: Offer").build(); // no ids: joins by subject and a shared address
    MailMessage stranger = MailMessage.builder(id(), MailAddress.of("nobody@nowhere.example"), START).to(OWN).build();

    List<MailIngest> results = mail.mail().ingestAll(List.of(offer, reply, offer, stranger, second));

    assertThat(results).extracting(MailIngest::outcome).containsExactly(MailIngest.Outcome.LOGGED,
        MailIngest.Outcome.LOGGED, MailIngest.Outcome.ALREADY_LOGGED, MailIngest.Outcome.IGNORED, MailIngest.Outcome.LOGGED);
    LoggedMail first = results.get(0).mail().orElseThrow();
    assertThat(results.get(2).mail()).contains(first);
    assertThat(results.get(1).mail().orElseThrow().threadId()).isEqualTo(first.id());
    assertThat(results.get(4).mail().orElseThrow().threadId()).isEqualTo(first.id());
    assertThat(mail.mail().thread(first.id(), PageRequest.first(10)).items())
        .containsExactly(first, results.get(1).mail().orElseThrow(), results.get(4).mail().orElseThrow());
    // the lead wrote one of them (and was only copied on the other): engaged once
    Lead otto = crm.leads().get(p.lead().id());
    assertThat(otto.version()).isEqualTo(p.lead().version() + 1);
    assertThat(otto.signals()).filteredOn(s -> s.type().equals(SignalType.EMAIL_REPLY)).hasSize(1);
    assertThat(snapshot().mails()).hasSize(3);
    assertThat(mail.mail().ingestAll(List.of())).isEmpty();
  }

  @Test
  public void sentMailIsLoggedOnItsPeopleAndThreadsItsRepliesAndMailNotSentIsNotLogged() {
    People p = people();
    List<MailMessage> sent = new java.util.ArrayList<>();
    Crm sending = Crm.builder().persistence(persistence).tenant(tenant).clock(clock).listener(events::add)
        .mail(MailSettings.builder().ownDomain("acme.example").build()).mailTransport(sent::add).build();

    MailMessage offer = sending.mail().compose(OWN).to(MailAddress.of("Katherine", "k.meyer@meyer-bau.de"))
        .subject("Your offer").text("Please find the offer below.").build();
    assertThat(offer.messageId()).endsWith("@acme.example");
    assertThat(offer.sentAt()).isEqualTo(clock.instant());
    LoggedMail logged = sending.mail().send(offer);
    assertThat(sent).containsExactly(offer);
    assertThat(logged.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(logged.contacts()).containsExactly(p.contact().id());
    assertThat(logged.message()).isEqualTo(offer);
    LoggedMail reply = sending.mail().ingest(MailMessage.builder(id(), MailAddress.of("k.meyer@meyer-bau.de"), clock.instant())
        .to(OWN).inReplyTo(offer.messageId()).subject("Re: Your offer").build()).mail().orElseThrow();
    assertThat(reply.threadId()).isEqualTo(logged.id());

    // refused before anything is sent or stored
    StoreSnapshot before = snapshot();
    events.clear();
    assertThatThrownBy(() -> sending.mail().send(offer)).isInstanceOf(dev.rapport.crm.exception.DuplicateException.class)
        .hasMessageContaining("messageId");
    assertThatThrownBy(() -> sending.mail().send(sending.mail().compose(MailAddress.of("sam@elsewhere.example"))
        .to(MailAddress.of("k.meyer@meyer-bau.de")).build()))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("mail.from");
    assertThatThrownBy(() -> sending.mail().send(sending.mail().compose(OWN).to(MailAddress.of("stranger@x.example")).build()))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("mail.to");
    assertThatThrownBy(() -> mailCrm().mail().send(sending.mail().compose(OWN).to(MailAddress.of("k.meyer@meyer-bau.de")).build()))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("mailTransport");
    Crm failing = Crm.builder().persistence(persistence).tenant(tenant).clock(clock).listener(events::add)
        .mail(MailSettings.builder().ownDomain("acme.example").build())
        .mailTransport(m -> { throw new IllegalStateException("554 relay refused"); }).build();
    MailMessage lost = failing.mail().compose(OWN).to(MailAddress.of("k.meyer@meyer-bau.de")).subject("Lost").build();
    assertThatThrownBy(() -> failing.mail().send(lost)).isInstanceOf(dev.rapport.crm.exception.DeliveryException.class)
        .hasMessageContaining("554 relay refused");
    assertThat(sent).hasSize(1);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
    assertThat(failing.mail().find(lost.messageId())).isEmpty();
  }

  @Test
  public void anotherTenantsMailIsNotFound() {
    people();
    LoggedMail logged = mailCrm().mail().ingest(MailMessage.builder(id(), MailAddress.of("k.meyer@meyer-bau.de"), START)
        .to(OWN).subject("Hello").build()).mail().orElseThrow();
    Crm other = crm(freshTenant(), persistence);
    assertThat(other.mail().find(logged.message().messageId())).isEmpty();
    assertThatThrownBy(() -> other.mail().get(logged.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.mail().thread(logged.id(), PageRequest.first(5))).isInstanceOf(NotFoundException.class);
    // the other tenant may log the same message for its own people
    Account a = other.accounts().create(NewAccount.builder("Meyer").build());
    other.contacts().create(NewContact.builder(PersonName.of("K", "Meyer")).account(a.id()).email("k.meyer@meyer-bau.de").build());
    assertThat(other.mail().ingest(logged.message()).outcome()).isEqualTo(MailIngest.Outcome.LOGGED);
  }

  // ---- campaign mail: consent, one-click unsubscribe, replies as responses, bounces

  private static final String KEY = "a-secret-of-the-host-of-at-least-32-chars";

  private Crm campaignCrm(List<MailMessage> sent, boolean leadsToo,
      java.util.function.Predicate<MailMessage> refuse) {
    return Crm.builder().persistence(persistence).tenant(tenant).clock(clock).listener(events::add)
        .mail(MailSettings.builder().ownDomain("acme.example")
            .unsubscribe("https://crm.acme.example/unsubscribe?token=", KEY).build())
        .consentPolicy(leadsToo ? dev.rapport.crm.campaign.ConsentPolicy.standard().withLeadsConsenting()
            : dev.rapport.crm.campaign.ConsentPolicy.standard())
        .mailTransport(m -> {
          if (refuse.test(m)) {
            throw new IllegalStateException("550 mailbox unavailable");
          }
          sent.add(m);
        }).build();
  }

  private record Audience(Campaign campaign, Contact consenting, Contact silent, Contact withdrawn, Contact noAddress,
      Lead lead) {}

  private Audience audience() {
    Instant at = clock.instant();
    Contact consenting = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .email("k.meyer@meyer-bau.de").email("kathy@meyer-bau.de")
        .consent(new MarketingConsent(true, at, "signup form")).build());
    Contact silent = crm.contacts().create(NewContact.builder(PersonName.of("Sven", "Stumm")).email("sven@stumm.example").build());
    Contact withdrawn = crm.contacts().create(NewContact.builder(PersonName.of("Wanda", "Weg")).email("wanda@weg.example")
        .consent(new MarketingConsent(false, at, "phone call")).build());
    Contact noAddress = crm.contacts().create(NewContact.builder(PersonName.of("Paul", "Post")).phone("+4940123456")
        .consent(new MarketingConsent(true, at, "paper form")).build());
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Lang"), LeadSource.WEBINAR)
        .email("otto.lang@lang-partner.example").build());
    Campaign campaign = crm.campaigns().plan(NewCampaign.builder("Spring news", Channel.NEWSLETTER,
        java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2025, 3, 31), Money.of("100.00", "EUR")).build());
    crm.campaigns().addMembers(campaign.id(), List.of(MemberId.contact(consenting.id()), MemberId.contact(silent.id()),
        MemberId.contact(withdrawn.id()), MemberId.contact(noAddress.id()), MemberId.lead(lead.id())));
    Campaign started = crm.campaigns().start(campaign.id());
    events.clear();
    return new Audience(started, consenting, silent, withdrawn, noAddress, lead);
  }

  @Test
  public void campaignMailGoesOnlyWhereConsentAllowsCarriesAOneClickUnsubscribeAndIsNeverSentTwice() {
    Audience a = audience();
    List<MailMessage> sent = new java.util.ArrayList<>();
    Crm mail = campaignCrm(sent, false, m -> false);
    CampaignMail news = CampaignMail.of(OWN, "Spring news", "Our spring offers.");

    CampaignSendReport report = mail.mail().sendCampaign(a.campaign().id(), news);

    assertThat(report.sent()).containsExactly(MemberId.contact(a.consenting().id()));
    assertThat(report.skipped()).containsExactlyInAnyOrder(
        new CampaignSendReport.Skipped(MemberId.contact(a.silent().id()), CampaignSendReport.Reason.NO_CONSENT),
        new CampaignSendReport.Skipped(MemberId.contact(a.withdrawn().id()), CampaignSendReport.Reason.NO_CONSENT),
        new CampaignSendReport.Skipped(MemberId.contact(a.noAddress().id()), CampaignSendReport.Reason.NO_ADDRESS),
        new CampaignSendReport.Skipped(MemberId.lead(a.lead().id()), CampaignSendReport.Reason.NO_CONSENT));
    assertThat(report.failed()).isEmpty();
    assertThat(sent).hasSize(1);
    MailMessage out = sent.get(0);
    assertThat(out.to()).extracting(t -> t.address().address()).containsExactly("k.meyer@meyer-bau.de"); // the primary address
    assertThat(out.subject()).isEqualTo("Spring news");
    assertThat(out.text()).contains("Our spring offers.");
    assertThat(out.unsubscribeUrl().orElseThrow()).startsWith("https://crm.acme.example/unsubscribe?token=");
    LoggedMail logged = mail.mail().find(out.messageId()).orElseThrow();
    assertThat(logged.campaign()).contains(a.campaign().id());
    assertThat(logged.message()).isEqualTo(out);
    assertThat(logged.contacts()).containsExactly(a.consenting().id());
    assertThat(crm.timeline().contact(a.consenting().id(), PageRequest.first(10)).items())
        .filteredOn(i -> i.kind() == TimelineItem.Kind.ACTIVITY).hasSize(1);

    // again: the member mailed before is not mailed twice, and nothing changes
    StoreSnapshot before = snapshot();
    events.clear();
    CampaignSendReport again = mail.mail().sendCampaign(a.campaign().id(), news);
    assertThat(again.sent()).isEmpty();
    assertThat(again.alreadySent()).isEqualTo(1);
    assertThat(sent).hasSize(1);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();

    // leads are mailed where the host says its law allows it
    CampaignSendReport leads = campaignCrm(sent, true, m -> false).mail().sendCampaign(a.campaign().id(), news);
    assertThat(leads.sent()).containsExactly(MemberId.lead(a.lead().id()));
    assertThat(sent).hasSize(2);
  }

  @Test
  public void campaignMailIsRefusedWithoutATransportAnOwnSenderOrAnActiveCampaignAndChangesNothing() {
    Audience a = audience();
    List<MailMessage> sent = new java.util.ArrayList<>();
    Crm mail = campaignCrm(sent, true, m -> false);
    StoreSnapshot before = snapshot();
    CampaignMail news = CampaignMail.of(OWN, "News", "Text");
    assertThatThrownBy(() -> mailCrm().mail().sendCampaign(a.campaign().id(), news))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("mailTransport");
    assertThatThrownBy(() -> mail.mail().sendCampaign(a.campaign().id(),
        CampaignMail.of(MailAddress.of("someone@elsewhere.example"), "News", "Text")))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("mail.from");
    assertThatThrownBy(() -> mail.mail().sendCampaign(dev.rapport.crm.common.CampaignId.of(UUID.randomUUID()), news))
        .isInstanceOf(NotFoundException.class);
    Campaign planned = crm.campaigns().plan(NewCampaign.builder("Later", Channel.EMAIL, java.time.LocalDate.of(2025, 5, 1),
        java.time.LocalDate.of(2025, 5, 31), Money.of("0.00", "EUR")).build());
    StoreSnapshot withPlanned = snapshot();
    assertThatThrownBy(() -> mail.mail().sendCampaign(planned.id(), news))
        .isInstanceOf(dev.rapport.crm.exception.IllegalTransitionException.class);
    assertThatThrownBy(() -> CampaignMail.of(OWN, "News\r\nBcc: all@x.example", "Text"))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("mail.subject");
    assertThat(snapshot()).isEqualTo(withPlanned);
    assertThat(withPlanned.mails()).isEqualTo(before.mails());
    assertThat(sent).isEmpty();
  }

  @Test
  public void aMemberTheTransportRefusesIsReportedNotLoggedAndMailedByTheNextCall() {
    Audience a = audience();
    crm.contacts().recordConsent(a.silent().id(), true, "webinar form");
    List<MailMessage> sent = new java.util.ArrayList<>();
    CampaignMail news = CampaignMail.of(OWN, "News", "Text");
    CampaignSendReport first = campaignCrm(sent, false,
        m -> m.to().get(0).address().address().equals("sven@stumm.example")).mail().sendCampaign(a.campaign().id(), news);
    assertThat(first.sent()).containsExactly(MemberId.contact(a.consenting().id()));
    assertThat(first.failed()).extracting(CampaignSendReport.Failed::member).containsExactly(MemberId.contact(a.silent().id()));
    assertThat(first.failed().get(0).message()).contains("550 mailbox unavailable");
    assertThat(snapshot().mails()).hasSize(1);

    CampaignSendReport second = campaignCrm(sent, false, m -> false).mail().sendCampaign(a.campaign().id(), news);
    assertThat(second.sent()).containsExactly(MemberId.contact(a.silent().id()));
    assertThat(second.alreadySent()).isEqualTo(1);
    assertThat(sent).hasSize(2);
  }

  @Test
  public void aReplyToCampaignMailIsTheMembersResponseAndABounceStopsFurtherMailToTheAddress() {
    Audience a = audience();
    List<MailMessage> sent = new java.util.ArrayList<>();
    Crm mail = campaignCrm(sent, true, m -> false);
    mail.mail().sendCampaign(a.campaign().id(), CampaignMail.of(OWN, "Spring news", "Our spring offers."));
    MailMessage toLead = sent.stream().filter(m -> m.to().get(0).address().address().equals("otto.lang@lang-partner.example"))
        .findFirst().orElseThrow();
    MailMessage toContact = sent.stream().filter(m -> m.to().get(0).address().address().equals("k.meyer@meyer-bau.de"))
        .findFirst().orElseThrow();
    clock.advance(Duration.ofHours(2));
    events.clear();

    // the lead answers: its response, and engagement
    LoggedMail reply = mail.mail().ingest(MailMessage.builder(id(), MailAddress.of("otto.lang@lang-partner.example"),
        clock.instant()).to(OWN).inReplyTo(toLead.messageId()).subject("Re: Spring news").build()).mail().orElseThrow();
    assertThat(reply.threadId()).isEqualTo(mail.mail().find(toLead.messageId()).orElseThrow().id());
    CampaignMember answered = crm.campaigns().getMember(a.campaign().id(), MemberId.lead(a.lead().id()));
    assertThat(answered.status()).isEqualTo(dev.rapport.crm.campaign.ResponseStatus.RESPONDED);
    assertThat(answered.respondedAt()).contains(clock.instant());
    assertThat(crm.leads().get(a.lead().id()).signals()).extracting(s -> s.type()).containsExactly(SignalType.EMAIL_REPLY);
    assertThat(events).filteredOn(e -> e instanceof dev.rapport.crm.campaign.CampaignResponseRecorded).hasSize(1);
    assertThat(crm.campaigns().results(a.campaign().id()).responses()).isEqualTo(1);

    // the contact's copy bounces: the member bounced, the address suppressed
    events.clear();
    MailMessage bounce = MailMessage.builder(id(), MailAddress.of("Mail Delivery System", "mailer-daemon@mx.meyer-bau.de"),
            clock.instant()).to(OWN).subject("Undelivered Mail Returned to Sender")
        .references(List.of(toContact.messageId())).failedRecipient(dev.rapport.crm.common.EmailAddress.of("K.Meyer@meyer-bau.de"))
        .build();
    MailIngest bounced = mail.mail().ingest(bounce);
    assertThat(bounced.outcome()).isEqualTo(MailIngest.Outcome.LOGGED);
    assertThat(bounced.mail().orElseThrow().contacts()).containsExactly(a.consenting().id()); // not the mailer daemon
    assertThat(crm.campaigns().getMember(a.campaign().id(), MemberId.contact(a.consenting().id())).status())
        .isEqualTo(dev.rapport.crm.campaign.ResponseStatus.BOUNCED);
    MailSuppression suppression = mail.mail().suppression(dev.rapport.crm.common.EmailAddress.of("k.meyer@meyer-bau.de"))
        .orElseThrow();
    assertThat(suppression.reason()).isEqualTo(MailSuppression.Reason.BOUNCED);
    assertThat(suppression.detail()).isEqualTo("Undelivered Mail Returned to Sender");
    assertThat(mail.mail().suppressions(PageRequest.first(10)).items()).containsExactly(suppression);
    assertThat(events).extracting(e -> (Object) e.getClass()).contains(MailSuppressed.class, MailLogged.class);
    assertThat(crm.leads().get(a.lead().id()).signals()).hasSize(1); // a bounce is no engagement

    // the same bounce again changes nothing; the next campaign skips the address
    StoreSnapshot before = snapshot();
    assertThat(mail.mail().ingest(bounce).outcome()).isEqualTo(MailIngest.Outcome.ALREADY_LOGGED);
    assertThat(snapshot()).isEqualTo(before);
    Campaign next = crm.campaigns().plan(NewCampaign.builder("Summer news", Channel.NEWSLETTER,
        java.time.LocalDate.of(2025, 6, 1), java.time.LocalDate.of(2025, 6, 30), Money.of("100.00", "EUR")).build());
    crm.campaigns().addMembers(next.id(), List.of(MemberId.contact(a.consenting().id())));
    crm.campaigns().start(next.id());
    assertThat(mail.mail().sendCampaign(next.id(), CampaignMail.of(OWN, "Summer", "Text")).skipped())
        .containsExactly(new CampaignSendReport.Skipped(MemberId.contact(a.consenting().id()), CampaignSendReport.Reason.BOUNCED));

    // a bounce for an address nobody has yet is kept all the same
    MailIngest unknown = mail.mail().ingest(MailMessage.builder(id(), MailAddress.of("mailer-daemon@mx.example"), clock.instant())
        .to(OWN).failedRecipient(dev.rapport.crm.common.EmailAddress.of("nobody@nowhere.example")).build());
    assertThat(unknown.outcome()).isEqualTo(MailIngest.Outcome.IGNORED);
    assertThat(mail.mail().suppression(dev.rapport.crm.common.EmailAddress.of("nobody@nowhere.example"))).isPresent();
  }

  @Test
  public void theOneClickLinkUnsubscribesOnceWithdrawsAContactsConsentAndSuppressesALeadsAddress() {
    Audience a = audience();
    List<MailMessage> sent = new java.util.ArrayList<>();
    Crm mail = campaignCrm(sent, true, m -> false);
    mail.mail().sendCampaign(a.campaign().id(), CampaignMail.of(OWN, "Spring news", "Our spring offers."));
    java.util.function.Function<String, String> tokenOf = address -> {
      String url = sent.stream().filter(m -> m.to().get(0).address().address().equals(address)).findFirst().orElseThrow()
          .unsubscribeUrl().orElseThrow();
      return url.substring(url.indexOf("token=") + "token=".length());
    };
    clock.advance(Duration.ofMinutes(30));

    CampaignMember contact = mail.mail().unsubscribe(tokenOf.apply("k.meyer@meyer-bau.de"));
    assertThat(contact.status()).isEqualTo(dev.rapport.crm.campaign.ResponseStatus.UNSUBSCRIBED);
    assertThat(crm.campaigns().getMember(a.campaign().id(), contact.member())).isEqualTo(contact);
    MarketingConsent consent = crm.contacts().get(a.consenting().id()).marketingConsent().orElseThrow();
    assertThat(consent.granted()).isFalse();
    assertThat(consent.recordedAt()).isEqualTo(clock.instant());
    assertThat(consent.source()).isEqualTo("unsubscribe link: Spring news");
    assertThat(events).filteredOn(e -> e instanceof dev.rapport.crm.contact.ContactConsentRecorded r && !r.granted())
        .hasSize(1); // the withdrawal is recorded with its source, and shows in the contact's timeline

    CampaignMember lead = mail.mail().unsubscribe(tokenOf.apply("otto.lang@lang-partner.example"));
    assertThat(lead.status()).isEqualTo(dev.rapport.crm.campaign.ResponseStatus.UNSUBSCRIBED);
    assertThat(mail.mail().suppression(dev.rapport.crm.common.EmailAddress.of("otto.lang@lang-partner.example"))
        .orElseThrow().reason()).isEqualTo(MailSuppression.Reason.UNSUBSCRIBED);

    // again, or a forged, foreign or malformed token: nothing changes
    StoreSnapshot before = snapshot();
    events.clear();
    assertThat(mail.mail().unsubscribe(tokenOf.apply("k.meyer@meyer-bau.de"))).isEqualTo(contact);
    String token = tokenOf.apply("k.meyer@meyer-bau.de");
    String forged = token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);
    for (String bad : java.util.Arrays.asList(forged, "", "not-a-token", null, token + "x")) {
      assertThatThrownBy(() -> mail.mail().unsubscribe(bad)).isInstanceOf(dev.rapport.crm.exception.ValidationException.class)
          .hasMessageContaining("token");
    }
    assertThatThrownBy(() -> crm(freshTenant(), persistence).mail().unsubscribe(token))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessageContaining("mail.unsubscribeUrl");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();

    // unsubscribed members get no more of the campaign
    assertThat(mail.mail().sendCampaign(a.campaign().id(), CampaignMail.of(OWN, "Reminder", "Text")).skipped())
        .contains(new CampaignSendReport.Skipped(contact.member(), CampaignSendReport.Reason.UNSUBSCRIBED),
            new CampaignSendReport.Skipped(lead.member(), CampaignSendReport.Reason.UNSUBSCRIBED));
  }
}
