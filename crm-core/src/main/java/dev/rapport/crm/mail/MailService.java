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
   * is logged without it. Raises {@link MailLogged},
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
      return ctx.command(cmd -> ingest(cmd, message));
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
        results.add(ingest(cmd, m));
      }
      return List.copyOf(results);
    });
  }

  private MailIngest ingest(CrmContext.Command cmd, MailMessage message) {
    UnitOfWork uow = cmd.uow();
    MailRepository mails = uow.port(MailRepository.class);
    Optional<LoggedMail> earlier = mails.findByMessageId(message.messageId());
    if (earlier.isPresent()) {
      return new MailIngest(MailIngest.Outcome.ALREADY_LOGGED, earlier, "logged before");
    }
    MailSettings settings = ctx.setting(MailSettings.class);
    Direction direction = settings.isOwn(message.from().address()) ? Direction.OUTBOUND : Direction.INBOUND;
    Set<EmailAddress> people = new LinkedHashSet<>();
    for (MailAddress a : message.addresses()) {
      if (!settings.isOwn(a.address())) {
        people.add(a.address());
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
    if (direction == Direction.INBOUND && !senderKnown
        && settings.unknownSenders() == MailSettings.UnknownSenders.CAPTURE_AS_LEAD) {
      Lead lead = Lead.capture(LeadId.of(ctx.ids().next()), ctx.tenant(),
          NewLead.builder(nameOf(message.from()), INBOUND_EMAIL).email(sender.address()).build(),
          ctx.setting(TemperaturePolicy.class), now);
      boolean refused = false;
      try {
        ctx.screen().screen(uow, lead); // the tenant's duplicate policy sees leads captured from mail too
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
    if (leads.isEmpty() && contactIds.isEmpty()) {
      return new MailIngest(MailIngest.Outcome.IGNORED, Optional.empty(),
          "no lead or contact has an address of the message");
    }
    MailId id = MailId.of(ctx.ids().next());
    MailId thread = threadOf(mails, message, settings, people).orElse(id);
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
        contactIds, List.copyOf(accountIds), activity.id(), now));
    cmd.raise(new ActivityLogged(ctx.tenant(), now, activity.id(), activity.type(), activity.direction(),
        activity.links(), activity.occurredAt()));
    cmd.raise(new MailLogged(ctx.tenant(), now, stored.id(), stored.threadId(), direction, activity.id()));
    if (direction == Direction.INBOUND) { // the leads who wrote it (From, Reply-To), not those copied
      Set<EmailAddress> writers = new LinkedHashSet<>();
      writers.add(sender);
      message.replyTo().forEach(a -> writers.add(a.address()));
      for (Lead lead : leads.values()) {
        if (lead.email().filter(writers::contains).isPresent()) {
          engage(cmd, lead, activity, now);
        }
      }
    }
    return new MailIngest(MailIngest.Outcome.LOGGED, Optional.of(stored),
        "linked to " + leadIds.size() + " lead(s), " + contactIds.size() + " contact(s) and "
            + accountIds.size() + " account(s)");
  }

  /** The thread the message joins, if it answers a logged one (or shares its subject and an address). */
  private static Optional<MailId> threadOf(MailRepository mails, MailMessage message, MailSettings settings,
      Set<EmailAddress> people) {
    List<String> answered = new ArrayList<>(message.references());
    message.inReplyTo().ifPresent(answered::add);
    if (!answered.isEmpty()) {
      List<LoggedMail> found = mails.findByMessageIds(answered);
      if (!found.isEmpty()) {
        return Optional.of(found.get(0).threadId()); // the oldest logged one's thread
      }
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
    MailTransport transport = ctx.settingOrNull(MailTransport.class);
    if (transport == null) {
      throw new ValidationException("mailTransport", "must be configured (Crm.Builder.mailTransport) to send mail");
    }
    MailSettings settings = ctx.setting(MailSettings.class);
    if (!settings.isOwn(message.from().address())) {
      throw new ValidationException("mail.from", "must be one of the tenant's own addresses (MailSettings)");
    }
    return ctx.command(cmd -> {
      MailIngest logged = ingest(cmd, message);
      if (logged.outcome() == MailIngest.Outcome.ALREADY_LOGGED) {
        throw new DuplicateException("mail", "messageId", message.messageId());
      }
      if (logged.outcome() == MailIngest.Outcome.IGNORED) {
        throw new ValidationException("mail.to", "must name at least one lead or contact");
      }
      try {
        transport.send(message);
      } catch (dev.rapport.crm.exception.DeliveryException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new dev.rapport.crm.exception.DeliveryException("the mail transport failed: " + e, e);
      }
      return logged.mail().orElseThrow();
    });
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
