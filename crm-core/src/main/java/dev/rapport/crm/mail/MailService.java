package dev.rapport.crm.mail;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityLogged;
import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.activity.TimelineRepository;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.campaign.CampaignResponseRecorded;
import dev.rapport.crm.campaign.CampaignStatus;
import dev.rapport.crm.campaign.ConsentPolicy;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.TemperaturePolicy;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * E-mail linked to the CRM: {@link #ingest} logs a message the host received or sent on every lead
 * and contact whose address is among its {@code From}, {@code To}, {@code Cc} and {@code Reply-To}
 * (and on their accounts), as one e-mail activity in each one's timeline, threaded by
 * {@code In-Reply-To} and {@code References}. The tenant's own addresses and domains
 * ({@link MailSettings}, given to {@code Crm.builder().mail(...)}) make a message outbound and are
 * never linked. Obtain it from {@code crm.mail()}; parse files with {@code crm-mail}. Thread-safe.
 */
public final class MailService {
  /** The source of leads captured from unknown senders. */
  public static final LeadSource INBOUND_EMAIL = LeadSource.of("inbound_email");

  private final CrmContext ctx;

  /** Internal: obtain the service from {@code Crm.mail()}. */
  MailService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Logs a message, once. In one unit of work: the message's addresses other than the tenant's own
   * are looked up among the contacts and leads (one index look-up each, whatever the number of
   * addresses); an inbound message from an
   * unknown sender captures the sender as a lead ({@link #INBOUND_EMAIL}) when the settings say
   * so; then the message is stored with its thread (the thread of the logged message it answers,
   * by {@code In-Reply-To} or {@code References}; else, if the settings allow, the latest logged
   * message with the same subject and a shared address; else its own), one e-mail activity is
   * logged and filed in the timeline of every linked lead, contact and account, and an inbound
   * message is engagement of each open lead who wrote it (its {@code From} or {@code Reply-To};
   * not those copied), an {@link SignalType#EMAIL_REPLY} at the message's date (never later than
   * now), which may warm it through the temperature policy. A lead captured from an unknown
   * sender passes the tenant's duplicate policy first; refused as a likely duplicate, the message
   * is logged without it. A reply to campaign mail ({@link #sendCampaign}) is also the writer's
   * {@link ResponseStatus#RESPONDED} response to the campaign. A delivery status notification
   * ({@link MailMessage#isBounce()}) is inbound and concerns the people it failed to reach: it is
   * logged on them (no lead captured, no engagement), their addresses are suppressed for campaign
   * mail ({@link MailSuppressed}, also when nobody has them yet), and they are marked
   * {@link ResponseStatus#BOUNCED} in the campaign of the message it returns. Raises {@link MailLogged},
   * {@link ActivityLogged}, and {@link LeadCaptured} or {@link LeadTemperatureChanged} where they
   * happen. A message whose id was logged before changes nothing
   * ({@link MailIngest.Outcome#ALREADY_LOGGED}, also when two hosts ingest it at once); one that
   * concerns nobody known is not stored ({@link MailIngest.Outcome#IGNORED}).
   *
   * @return what was done, with the logged message
   * @throws ValidationException if the message is null
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if a linked lead was changed concurrently
   */
  public MailIngest ingest(MailMessage message) {
    Check.notNull(message, "mail");
    try {
      return ctx.command(cmd -> ingest(cmd, message, Optional.empty()));
    } catch (DuplicateException e) {
      if (!"messageId".equals(e.field())) {
        throw e;
      }
      LoggedMail earlier = find(message.messageId()).orElseThrow(() -> e); // a concurrent ingest won
      return new MailIngest(MailIngest.Outcome.ALREADY_LOGGED, Optional.of(earlier), "logged before");
    }
  }

  /** The most messages one {@link #ingestAll} takes. */
  public static final int MAX_BATCH = 1_000;

  /**
   * Logs many messages in one unit of work, each as {@link #ingest} would, in list order: a reply
   * finds the messages of the list before it, and a message id that comes twice is logged once (the
   * second {@link MailIngest.Outcome#ALREADY_LOGGED}). Much cheaper than one {@code ingest} per
   * message on a database (one commit); all are stored, or, if a write fails, none.
   *
   * @return one result per message, in list order
   * @throws ValidationException if the list is null, holds null, or holds more than {@value #MAX_BATCH} messages
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if a linked lead was changed concurrently
   * @throws DuplicateException if another unit logged one of the messages at the same time (nothing
   *     of the list is stored; ingest them one by one)
   */
  public List<MailIngest> ingestAll(List<MailMessage> messages) {
    Check.noNulls(messages, "mail");
    if (messages.size() > MAX_BATCH) {
      throw new ValidationException("mail", "must hold at most " + MAX_BATCH + " messages");
    }
    List<MailMessage> all = List.copyOf(messages);
    return ctx.command(cmd -> {
      List<MailIngest> results = new ArrayList<>(all.size());
      for (MailMessage m : all) {
        results.add(ingest(cmd, m, Optional.empty()));
      }
      return List.copyOf(results);
    });
  }

  private MailIngest ingest(CrmContext.Command cmd, MailMessage message, Optional<CampaignId> campaign) {
    UnitOfWork uow = cmd.uow();
    MailRepository mails = uow.port(MailRepository.class);
    Optional<LoggedMail> earlier = mails.findByMessageId(message.messageId());
    if (earlier.isPresent()) {
      return new MailIngest(MailIngest.Outcome.ALREADY_LOGGED, earlier, "logged before");
    }
    MailSettings settings = ctx.setting(MailSettings.class);
    boolean bounce = message.isBounce(); // a bounce concerns the people it failed to reach, not its own addresses
    Direction direction = !bounce && settings.isOwn(message.from().address()) ? Direction.OUTBOUND : Direction.INBOUND;
    Set<EmailAddress> people = new LinkedHashSet<>();
    for (EmailAddress a : bounce ? message.failedRecipients()
        : message.addresses().stream().map(MailAddress::address).toList()) {
      if (!settings.isOwn(a)) {
        people.add(a);
      }
    }
    Instant now = ctx.now();
    List<Contact> contacts = people.isEmpty() ? List.of() : uow.port(ContactRepository.class).findByEmails(people);
    Map<LeadId, Lead> leads = new LinkedHashMap<>();
    LeadRepository leadRepository = uow.port(LeadRepository.class);
    EmailAddress sender = message.from().address();
    boolean senderKnown = contacts.stream().anyMatch(c -> c.emails().contains(sender));
    for (Lead l : people.isEmpty() ? List.<Lead>of() : leadRepository.findByEmails(people)) {
      senderKnown |= l.email().filter(sender::equals).isPresent(); // a converted lead too: no new lead for a customer
      if (l.status() != LeadStatus.CONVERTED) {
        leads.putIfAbsent(l.id(), l);
      }
    }
    if (direction == Direction.INBOUND && !senderKnown && !bounce
        && settings.unknownSenders() == MailSettings.UnknownSenders.CAPTURE_AS_LEAD) {
      Lead lead = Lead.capture(LeadId.of(ctx.ids().next()), ctx.tenant(),
          NewLead.builder(nameOf(message.from()), INBOUND_EMAIL).email(sender.address()).build(),
          ctx.setting(TemperaturePolicy.class), now);
      // an erased person writing again is not captured anew (crm.privacy().allowReturn lets them back)
      boolean refused = dev.rapport.crm.internal.context.ErasedPeople.of(ctx).erasedOn(uow, List.of(sender)).isPresent();
      try {
        if (!refused) {
          ctx.screen().screen(uow, lead); // the tenant's duplicate policy sees leads captured from mail too
        }
      } catch (DuplicateException e) {
        refused = true; // a likely duplicate under a refusing policy: the mail is logged without a new lead
      }
      if (!refused) {
        Lead captured = leadRepository.insert(lead);
        cmd.raise(new LeadCaptured(ctx.tenant(), now, captured.id(), captured.source()));
        leads.put(captured.id(), captured);
      }
    }
    List<ContactId> contactIds = contacts.stream().map(Contact::id).toList();
    Set<AccountId> accountIds = new LinkedHashSet<>();
    for (Contact c : contacts) {
      c.accountId().ifPresent(accountIds::add);
    }
    if (bounce) {
      suppress(cmd, people, MailSuppression.Reason.BOUNCED, message.subject().isBlank() ? "delivery failed"
          : Check.cut(message.subject(), Limits.TEXT), now); // kept even for addresses nobody has yet
    }
    if (leads.isEmpty() && contactIds.isEmpty()) {
      return new MailIngest(MailIngest.Outcome.IGNORED, Optional.empty(),
          "no lead or contact has an address of the message");
    }
    MailId id = MailId.of(ctx.ids().next());
    List<LoggedMail> answered = answered(mails, message);
    MailId thread = threadOf(mails, answered, message, settings, people).orElse(id);
    List<LeadId> leadIds = List.copyOf(leads.keySet());
    Links links = new Links(leadIds.stream().findFirst(), contactIds.stream().findFirst(),
        accountIds.stream().findFirst(), Optional.empty());
    String subject = message.subject().isBlank() ? "(no subject)" : Check.cut(message.subject(), Limits.TEXT);
    Activity activity = uow.port(ActivityRepository.class).insert(new Activity(ActivityId.of(ctx.ids().next()),
        ctx.tenant(), 0, ActivityType.EMAIL, links, subject,
        message.text().map(t -> Check.cut(t, Limits.ACTIVITY_BODY)), Optional.of(direction), Optional.empty(),
        message.sentAt(), Optional.empty(), Optional.empty(), now));
    List<UUID> subjects = new ArrayList<>();
    leadIds.forEach(l -> subjects.add(l.value()));
    contactIds.forEach(c -> subjects.add(c.value()));
    accountIds.forEach(a -> subjects.add(a.value()));
    List<TimelineEntry> entries = new ArrayList<>(subjects.size());
    for (UUID s : subjects) {
      entries.add(new TimelineEntry(ctx.ids().next(), ctx.tenant(), s, activity.occurredAt(),
          TimelineItem.Kind.ACTIVITY, Optional.of(activity.id().value()), Optional.empty(), Optional.empty()));
    }
    uow.port(TimelineRepository.class).add(entries);
    LoggedMail stored = mails.insert(new LoggedMail(id, ctx.tenant(), 0, message, thread, direction, leadIds,
        contactIds, List.copyOf(accountIds), activity.id(), now, campaign));
    cmd.raise(new ActivityLogged(ctx.tenant(), now, activity.id(), activity.type(), activity.direction(),
        activity.links(), activity.occurredAt()));
    cmd.raise(new MailLogged(ctx.tenant(), now, stored.id(), stored.threadId(), direction, activity.id()));
    Optional<CampaignId> answeredCampaign = answered.stream().map(LoggedMail::campaign).flatMap(Optional::stream)
        .findFirst();
    Instant at = activity.occurredAt().isAfter(now) ? now : activity.occurredAt(); // never later than now
    if (bounce) { // the campaign members it failed to reach bounced
      answeredCampaign.ifPresent(c -> recordStatus(cmd, c, members(leads.values(), contacts, people),
          ResponseStatus.BOUNCED, at, now));
    } else if (direction == Direction.INBOUND) { // the people who wrote it (From, Reply-To), not those copied
      Set<EmailAddress> writers = new LinkedHashSet<>();
      writers.add(sender);
      message.replyTo().forEach(a -> writers.add(a.address()));
      for (Lead lead : leads.values()) {
        if (lead.email().filter(writers::contains).isPresent()) {
          engage(cmd, lead, activity, now);
        }
      }
      answeredCampaign.ifPresent(c -> recordStatus(cmd, c, members(leads.values(), contacts, writers),
          ResponseStatus.RESPONDED, at, now)); // the lead's signal is the engagement above
    }
    return new MailIngest(MailIngest.Outcome.LOGGED, Optional.of(stored),
        "linked to " + leadIds.size() + " lead(s), " + contactIds.size() + " contact(s) and "
            + accountIds.size() + " account(s)");
  }

  /** The logged messages it names in {@code In-Reply-To} and {@code References}, oldest first. */
  private static List<LoggedMail> answered(MailRepository mails, MailMessage message) {
    List<String> ids = new ArrayList<>(message.references());
    message.inReplyTo().ifPresent(ids::add);
    return ids.isEmpty() ? List.of() : mails.findByMessageIds(ids);
  }

  /** The thread the message joins, if it answers a logged one (or shares its subject and an address). */
  private static Optional<MailId> threadOf(MailRepository mails, List<LoggedMail> answered, MailMessage message,
      MailSettings settings, Set<EmailAddress> people) {
    if (!answered.isEmpty()) {
      return Optional.of(answered.get(0).threadId()); // the oldest logged one's thread
    }
    if (!settings.threadBySubject() || (message.inReplyTo().isEmpty() && !MailText.isReply(message.subject()))) {
      return Optional.empty();
    }
    String key = message.subjectKey();
    if (key.isEmpty()) {
      return Optional.empty();
    }
    for (LoggedMail m : mails.latestBySubject(key, 20)) {
      for (MailAddress a : m.message().addresses()) {
        if (people.contains(a.address())) {
          return Optional.of(m.threadId());
        }
      }
    }
    return Optional.empty();
  }

  /** The leads and contacts among these people, as campaign members. */
  private static List<MemberId> members(java.util.Collection<Lead> leads, List<Contact> contacts,
      Set<EmailAddress> addresses) {
    List<MemberId> members = new ArrayList<>();
    for (Lead l : leads) {
      if (l.email().filter(addresses::contains).isPresent()) {
        members.add(MemberId.lead(l.id()));
      }
    }
    for (Contact c : contacts) {
      if (c.emails().stream().anyMatch(addresses::contains)) {
        members.add(MemberId.contact(c.id()));
      }
    }
    return members;
  }

  /** Records the status on those of the people who are members of the campaign, if it still takes responses. */
  private void recordStatus(CrmContext.Command cmd, CampaignId id, List<MemberId> people, ResponseStatus status,
      Instant at, Instant now) {
    CampaignRepository campaigns = cmd.uow().port(CampaignRepository.class);
    Optional<Campaign> campaign = campaigns.find(id);
    if (campaign.isEmpty() || !(campaign.get().status() == CampaignStatus.ACTIVE
        || campaign.get().status() == CampaignStatus.COMPLETED)) {
      return;
    }
    for (MemberId m : people) {
      Optional<CampaignMember> member = campaigns.findMember(id, m);
      if (member.isPresent() && !member.get().status().equals(status)) {
        campaigns.updateMember(member.get().withStatus(status, at));
        cmd.raise(new CampaignResponseRecorded(ctx.tenant(), now, id, m.lead(), m.contact(), status, at));
      }
    }
  }

  /** Suppresses the addresses for campaign mail, raising {@link MailSuppressed} for each newly suppressed. */
  private void suppress(CrmContext.Command cmd, Set<EmailAddress> addresses, MailSuppression.Reason reason,
      String detail, Instant now) {
    if (addresses.isEmpty()) {
      return;
    }
    MailRepository mails = cmd.uow().port(MailRepository.class);
    Map<EmailAddress, MailSuppression> existing = new LinkedHashMap<>();
    for (MailSuppression s : mails.findSuppressions(addresses)) {
      existing.put(s.address(), s);
    }
    for (EmailAddress a : addresses) {
      MailSuppression before = existing.get(a);
      if (before != null && (before.reason() == reason || before.reason() == MailSuppression.Reason.BOUNCED)) {
        continue; // suppressed already (a bounce outranks an unsubscribe)
      }
      mails.saveSuppression(new MailSuppression(ctx.tenant(), a, before == null ? 0 : before.version(), reason, now,
          detail));
      cmd.raise(new MailSuppressed(ctx.tenant(), now, a, reason));
    }
  }

  private void engage(CrmContext.Command cmd, Lead lead, Activity activity, Instant now) {
    if (lead.status() == LeadStatus.CONVERTED) {
      return;
    }
    // at the message's date, but never later than now: a Date header in the future must not keep a lead warm
    Instant at = activity.occurredAt().isAfter(now) ? now : activity.occurredAt();
    EngagementSignal signal = new EngagementSignal(SignalType.EMAIL_REPLY, at,
        Optional.of(Check.cut(activity.subject(), Limits.SIGNAL_DETAIL)));
    Lead after = lead.recordSignal(signal, ctx.setting(TemperaturePolicy.class), now);
    Lead stored = cmd.uow().port(LeadRepository.class).update(after);
    if (stored.temperature() != lead.temperature()) {
      cmd.raise(new LeadTemperatureChanged(ctx.tenant(), now, lead.id(), lead.temperature(), stored.temperature()));
    }
  }

  private static PersonName nameOf(MailAddress from) {
    String name = from.name().orElse(from.address().address().substring(0, from.address().address().indexOf('@')));
    String[] parts = name.strip().split("\\s+");
    String family = Check.cut(parts[parts.length - 1], Limits.NAME_PART);
    if (parts.length == 1) {
      return PersonName.of(family);
    }
    String given = Check.cut(String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1)), Limits.NAME_PART);
    return PersonName.of(given, family);
  }

  /** How many members {@link #sendCampaign} reads at a time. */
  private static final int SEND_PAGE = 200;

  /**
   * Mails a campaign's message to its members, through the host's {@link MailTransport}, on the
   * caller's thread: each member's copy is sent and logged as {@link #send} does (one unit of work
   * per message, logged on the member and in its timeline, tied to the campaign), addressed to the
   * member's address (a contact's primary one), with a {@code Message-ID} made of the campaign, the
   * member and the sender's domain, and, when the settings give one, the one-click unsubscribe link
   * ({@code List-Unsubscribe}, RFC 8058). Consent is enforced: a contact is mailed only with granted
   * marketing consent, a lead only when the {@link ConsentPolicy} counts leads as consenting; members who
   * unsubscribed or bounced, addresses suppressed ({@link MailSuppression}), converted leads and
   * people without an address are skipped and reported. A member mailed this message before is not
   * mailed again, so a call after a failure or a crash sends only what is left; a member the
   * transport refuses is reported and not logged. A reply to the message is the member's
   * {@link ResponseStatus#RESPONDED} response, a bounce of it marks the member
   * {@link ResponseStatus#BOUNCED} ({@link #ingest}).
   *
   * @return who was mailed, who was skipped and why, and who failed
   * @throws ValidationException if an argument is null, no transport was configured (field
   *     {@code mailTransport}), or the sender is not one of the tenant's own addresses (field
   *     {@code mail.from})
   * @throws NotFoundException if the tenant has no such campaign
   * @throws dev.rapport.crm.exception.IllegalTransitionException if the campaign is not active
   */
  public CampaignSendReport sendCampaign(CampaignId campaignId, CampaignMail mail) {
    Check.notNull(campaignId, "campaignId");
    Check.notNull(mail, "mail");
    MailTransport transport = transport();
    MailSettings settings = ctx.setting(MailSettings.class);
    if (!settings.isOwn(mail.from().address())) {
      throw new ValidationException("mail.from", "must be one of the tenant's own addresses (MailSettings)");
    }
    Campaign campaign = ctx.read(uow -> uow.port(CampaignRepository.class).find(campaignId))
        .orElseThrow(() -> new NotFoundException("campaign", campaignId));
    if (campaign.status() != CampaignStatus.ACTIVE) {
      throw new dev.rapport.crm.exception.IllegalTransitionException("campaign", campaign.status(), "sendCampaign");
    }
    List<MemberId> sent = new ArrayList<>();
    List<CampaignSendReport.Skipped> skipped = new ArrayList<>();
    List<CampaignSendReport.Failed> failed = new ArrayList<>();
    int already = 0;
    PageRequest request = PageRequest.first(SEND_PAGE);
    while (true) {
      PageRequest current = request;
      List<Recipient> page = new ArrayList<>();
      Page<CampaignMember> members = ctx.read(uow -> {
        Page<CampaignMember> p = uow.port(CampaignRepository.class).members(campaignId, current);
        page.addAll(recipients(uow, p.items()));
        return p;
      });
      List<String> ids = new ArrayList<>();
      for (Recipient r : page) {
        if (r.skip() == null) {
          ids.add(campaignMessageId(campaignId, r.member(), mail.from()));
        }
      }
      Set<String> done = new java.util.HashSet<>();
      if (!ids.isEmpty()) {
        ctx.read(uow -> uow.port(MailRepository.class).findByMessageIds(ids))
            .forEach(m -> done.add(m.message().messageId()));
      }
      for (Recipient r : page) {
        if (r.skip() != null) {
          skipped.add(new CampaignSendReport.Skipped(r.member(), r.skip()));
          continue;
        }
        String messageId = campaignMessageId(campaignId, r.member(), mail.from());
        if (done.contains(messageId)) {
          already++;
          continue;
        }
        MailMessage.Builder b = MailMessage.builder(messageId, mail.from(), ctx.now())
            .to(new MailAddress(r.address(), Optional.empty())).subject(mail.subject()).text(mail.text());
        if (settings.unsubscribeUrl().isPresent()) {
          b.unsubscribeUrl(settings.unsubscribeUrl().get() + UnsubscribeTokens.create(settings.unsubscribeKey().get(),
              ctx.tenant(), campaignId, r.member()));
        }
        MailMessage message = b.build();
        try {
          boolean logged = ctx.command(cmd -> {
            if (ingest(cmd, message, Optional.of(campaignId)).outcome() != MailIngest.Outcome.LOGGED) {
              return false; // mailed by a concurrent call meanwhile
            }
            deliver(transport, message);
            return true;
          });
          if (logged) {
            sent.add(r.member());
          } else {
            already++;
          }
        } catch (dev.rapport.crm.exception.DeliveryException e) {
          failed.add(new CampaignSendReport.Failed(r.member(), String.valueOf(e.getMessage())));
        } catch (DuplicateException e) {
          already++; // a concurrent call logged it first
        }
      }
      if (members.nextCursor().isEmpty()) {
        break;
      }
      request = PageRequest.after(members.nextCursor().get(), SEND_PAGE);
    }
    return new CampaignSendReport(campaignId, sent, already, skipped, failed);
  }

  /** A member to mail, with the address, or the reason it is skipped. */
  private record Recipient(MemberId member, EmailAddress address, CampaignSendReport.Reason skip) {}

  private List<Recipient> recipients(UnitOfWork uow, List<CampaignMember> members) {
    List<Recipient> found = new ArrayList<>(members.size());
    Map<ContactId, Contact> contacts = new java.util.HashMap<>(); // the page's contacts in one look-up
    uow.port(ContactRepository.class).findAll(members.stream().flatMap(m -> m.member().contact().stream()).toList())
        .forEach(c -> contacts.put(c.id(), c));
    for (CampaignMember m : members) {
      MemberId id = m.member();
      if (m.status().equals(ResponseStatus.UNSUBSCRIBED) || m.status().equals(ResponseStatus.BOUNCED)) {
        found.add(new Recipient(id, null, m.status().equals(ResponseStatus.BOUNCED)
            ? CampaignSendReport.Reason.BOUNCED : CampaignSendReport.Reason.UNSUBSCRIBED));
        continue;
      }
      CampaignSendReport.Reason skip = null;
      EmailAddress address = null;
      if (id.isLead()) {
        Optional<Lead> lead = uow.port(LeadRepository.class).find(id.lead().get());
        if (lead.isEmpty() || lead.get().status() == LeadStatus.CONVERTED) {
          skip = CampaignSendReport.Reason.CONVERTED;
        } else if (!ctx.setting(ConsentPolicy.class).leadsWithoutConsent()) {
          skip = CampaignSendReport.Reason.NO_CONSENT;
        } else {
          address = lead.get().email().orElse(null);
        }
      } else {
        Optional<Contact> contact = Optional.ofNullable(contacts.get(id.contact().get()));
        if (contact.isEmpty() || contact.get().marketingConsent().filter(MarketingConsent::granted).isEmpty()) {
          skip = CampaignSendReport.Reason.NO_CONSENT;
        } else {
          address = contact.get().primaryEmail().orElse(null);
        }
      }
      if (skip == null && address == null) {
        skip = CampaignSendReport.Reason.NO_ADDRESS;
      }
      found.add(new Recipient(id, address, skip));
    }
    Map<EmailAddress, MailSuppression> suppressed = new java.util.HashMap<>();
    List<EmailAddress> addresses = found.stream().filter(r -> r.address() != null).map(Recipient::address).toList();
    if (!addresses.isEmpty()) {
      uow.port(MailRepository.class).findSuppressions(addresses).forEach(s -> suppressed.put(s.address(), s));
    }
    List<Recipient> result = new ArrayList<>(found.size());
    for (Recipient r : found) {
      MailSuppression s = r.address() == null ? null : suppressed.get(r.address());
      result.add(s == null ? r : new Recipient(r.member(), null, s.reason() == MailSuppression.Reason.BOUNCED
          ? CampaignSendReport.Reason.BOUNCED : CampaignSendReport.Reason.UNSUBSCRIBED));
    }
    return result;
  }

  private static String campaignMessageId(CampaignId campaign, MemberId member, MailAddress from) {
    return "campaign." + campaign.value() + "." + (member.isLead() ? "l" : "c") + member.value() + "@"
        + from.address().domain();
  }

  /**
   * Unsubscribes the campaign member a one-click unsubscribe token names (the token the host's
   * unsubscribe URL received: see {@link MailSettings.Builder#unsubscribe}), in one unit of work: the
   * member takes the status {@link ResponseStatus#UNSUBSCRIBED}; a contact's marketing consent is
   * withdrawn (source {@code "unsubscribe link: <campaign name>"}, raising
   * {@link dev.rapport.crm.contact.ContactConsentRecorded}), a lead's address is suppressed
   * ({@link MailSuppression.Reason#UNSUBSCRIBED}, raising {@link MailSuppressed}). Idempotent: a
   * second call changes nothing. Raises {@link CampaignResponseRecorded} when the status changes.
   * Works whatever the campaign's status: a person can always unsubscribe.
   *
   * @return the member as it stands
   * @throws ValidationException if no unsubscribe link is configured (field {@code mail.unsubscribeUrl}),
   *     or the token is null or not one this tenant's key signed (field {@code token})
   * @throws NotFoundException if the campaign, or the member, no longer exists
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if the member or contact was changed concurrently
   */
  public CampaignMember unsubscribe(String token) {
    MailSettings settings = ctx.setting(MailSettings.class);
    if (settings.unsubscribeKey().isEmpty()) {
      throw new ValidationException("mail.unsubscribeUrl", "must be configured (MailSettings.Builder.unsubscribe)");
    }
    UnsubscribeTokens.Ref ref = UnsubscribeTokens.read(settings.unsubscribeKey().get(), ctx.tenant(), token);
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      CampaignRepository campaigns = uow.port(CampaignRepository.class);
      Campaign campaign = campaigns.find(ref.campaign())
          .orElseThrow(() -> new NotFoundException("campaign", ref.campaign()));
      CampaignMember member = campaigns.findMember(ref.campaign(), ref.member())
          .orElseThrow(() -> new NotFoundException("campaign member", ref.member()));
      Instant now = ctx.now();
      if (ref.member().isLead()) {
        Optional<Lead> lead = uow.port(LeadRepository.class).find(ref.member().lead().get());
        if (lead.isPresent() && lead.get().email().isPresent()) {
          suppress(cmd, Set.of(lead.get().email().get()), MailSuppression.Reason.UNSUBSCRIBED,
              Check.cut("unsubscribe link: " + campaign.name(), Limits.TEXT), now);
        }
      } else {
        ContactRepository contacts = uow.port(ContactRepository.class);
        Optional<Contact> contact = contacts.find(ref.member().contact().get());
        if (contact.isPresent() && contact.get().marketingConsent().map(MarketingConsent::granted).orElse(true)) {
          MarketingConsent withdrawn = new MarketingConsent(false, now,
              Check.cut("unsubscribe link: " + campaign.name(), Limits.TEXT));
          contacts.update(contact.get().recordConsent(withdrawn, now));
          cmd.raise(new dev.rapport.crm.contact.ContactConsentRecorded(ctx.tenant(), now, contact.get().id(), false,
              withdrawn.source(), withdrawn.recordedAt()));
        }
      }
      if (member.status().equals(ResponseStatus.UNSUBSCRIBED)) {
        return member;
      }
      CampaignMember stored = campaigns.updateMember(member.withStatus(ResponseStatus.UNSUBSCRIBED, now));
      cmd.raise(new CampaignResponseRecorded(ctx.tenant(), now, ref.campaign(), ref.member().lead(),
          ref.member().contact(), ResponseStatus.UNSUBSCRIBED, now));
      return stored;
    });
  }

  /**
   * Whether campaign mail to this address is suppressed, and why.
   *
   * @throws ValidationException if the address is null
   */
  public Optional<MailSuppression> suppression(EmailAddress address) {
    Check.notNull(address, "address");
    return ctx.read(uow -> uow.port(MailRepository.class).findSuppressions(List.of(address)).stream().findFirst());
  }

  /**
   * A page of every suppressed address (bounced, or unsubscribed leads), in an order fixed by the
   * address (the same on every store).
   *
   * @throws ValidationException if the page is null
   */
  public Page<MailSuppression> suppressions(PageRequest page) {
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(MailRepository.class).suppressions(page));
  }

  /**
   * A message to send from {@code from}, with a new {@code Message-ID} at the sender's domain and
   * the {@code Crm}'s clock as its date: add the recipients, subject and text, and
   * {@link #send} it. To answer a logged message, give its id to {@code inReplyTo}.
   *
   * @throws ValidationException if from is null
   */
  public MailMessage.Builder compose(MailAddress from) {
    Check.notNull(from, "mail.from");
    return MailMessage.builder(ctx.ids().next() + "@" + from.address().domain(), from, ctx.now());
  }

  /**
   * Sends a message through the host's {@link MailTransport} and logs it, in one unit of work: it
   * is logged as {@link #ingest} logs an outbound message (on every lead, contact and account it
   * concerns, in its thread; the store checks its id at once), then handed to the transport; when
   * the transport fails, nothing is logged. When the store fails to commit after the transport
   * took the message (a database outage at that moment), the message is sent but not logged: a
   * {@link dev.rapport.crm.exception.StoreException}, after which the host may {@link #ingest} it.
   * Raises {@link MailLogged} and {@link ActivityLogged}.
   *
   * @return the logged message
   * @throws ValidationException if the message is null, no transport was configured (field
   *     {@code mailTransport}), its sender is not one of the tenant's own addresses, or none of its
   *     recipients is a lead or contact (field {@code mail.to})
   * @throws DuplicateException if a message with its id was logged before (field {@code messageId})
   * @throws dev.rapport.crm.exception.DeliveryException if the transport did not take it (nothing logged)
   */
  public LoggedMail send(MailMessage message) {
    Check.notNull(message, "mail");
    MailTransport transport = transport();
    MailSettings settings = ctx.setting(MailSettings.class);
    if (!settings.isOwn(message.from().address())) {
      throw new ValidationException("mail.from", "must be one of the tenant's own addresses (MailSettings)");
    }
    return ctx.command(cmd -> {
      MailIngest logged = ingest(cmd, message, Optional.empty());
      if (logged.outcome() == MailIngest.Outcome.ALREADY_LOGGED) {
        throw new DuplicateException("mail", "messageId", message.messageId());
      }
      if (logged.outcome() == MailIngest.Outcome.IGNORED) {
        throw new ValidationException("mail.to", "must name at least one lead or contact");
      }
      deliver(transport, message);
      return logged.mail().orElseThrow();
    });
  }

  private MailTransport transport() {
    MailTransport transport = ctx.settingOrNull(MailTransport.class);
    if (transport == null) {
      throw new ValidationException("mailTransport", "must be configured (Crm.Builder.mailTransport) to send mail");
    }
    return transport;
  }

  private static void deliver(MailTransport transport, MailMessage message) {
    try {
      transport.send(message);
    } catch (dev.rapport.crm.exception.DeliveryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new dev.rapport.crm.exception.DeliveryException("the mail transport failed: " + e, e);
    }
  }

  /**
   * The logged message with this {@code Message-ID} (with or without angle brackets), or empty.
   *
   * @throws ValidationException if the id is null or not a message id
   */
  public Optional<LoggedMail> find(String messageId) {
    String id = MailText.messageId(messageId, "mail.messageId");
    return ctx.read(uow -> uow.port(MailRepository.class).findByMessageId(id));
  }

  /**
   * The logged message with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such logged message
   */
  public LoggedMail get(MailId id) {
    Check.notNull(id, "mailId");
    return ctx.read(uow -> uow.port(MailRepository.class).find(id)).orElseThrow(() -> new NotFoundException("mail", id));
  }

  /**
   * A page of the messages of a thread, in the order they were logged: the thread of {@code
   * anyMessage}, whichever of its messages it is.
   *
   * @throws ValidationException if a part is null
   * @throws NotFoundException if the tenant has no such logged message
   */
  public Page<LoggedMail> thread(MailId anyMessage, PageRequest page) {
    Check.notNull(anyMessage, "mailId");
    Check.notNull(page, "page");
    return ctx.read(uow -> {
      MailRepository mails = uow.port(MailRepository.class);
      LoggedMail m = mails.find(anyMessage).orElseThrow(() -> new NotFoundException("mail", anyMessage));
      return mails.thread(m.threadId(), page);
    });
  }
}
