package dev.rapport.crm.privacy;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskRepository;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.activity.TimelineRepository;
import dev.rapport.crm.audit.AuditEntry;
import dev.rapport.crm.audit.AuditRepository;
import dev.rapport.crm.audit.FieldChange;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.ErasureKeys;
import dev.rapport.crm.internal.context.Cascade;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadDeleted;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailMessage;
import dev.rapport.crm.mail.MailRepository;
import dev.rapport.crm.mail.MailSuppression;
import dev.rapport.crm.service.CaseRepository;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A person's rights over what Rapport holds about them: access ({@link #export}), erasure
 * ({@link #erase}), with an erased marker that capture and contact creation respect; and
 * retention ({@link #applyRetention}). Obtain it from {@code Crm.privacy()}.
 *
 * <p>Erasure anonymises rather than deletes what the reports count: the leads and contacts stay,
 * named "Erased person", without addresses, phones, company, title or free text, so funnel,
 * campaign, pipeline, revenue and NPS figures are the same before and after. Activities, tasks,
 * logged mail, service cases and feedback on their timeline keep their kind, dates, status and
 * scores; their subjects, texts, attachments, comments and the person's addresses are cleared.
 * Timeline lines that name the person are rewritten; records of merges of their records are
 * forgotten (such a merge can no longer be undone); stored outbox payloads, delivered or not, are
 * cleared of their data; suppressions of their addresses are removed. What the erasure cannot
 * see: messages logged on others before the person was known to Rapport that name their address,
 * and what the host copied out of Rapport (it erases that on {@link PersonErased}).
 */
public final class PrivacyService {
  /** What cleared text reads. */
  public static final String ERASED = "(erased)";
  /** The name an erased lead or contact has. */
  public static final PersonName ERASED_NAME = PersonName.of("Erased person");
  /** The address that takes an erased person's place in a logged message. */
  public static final MailAddress ERASED_ADDRESS = MailAddress.of("erased@erased.invalid");

  private final CrmContext ctx;

  /** Internal: obtain the service from {@code Crm.privacy()}. */
  PrivacyService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /** The person's leads and contacts: the records named, and what they became or came from. */
  private record Found(List<Lead> leads, List<Contact> contacts) {
    boolean isEmpty() {
      return leads.isEmpty() && contacts.isEmpty();
    }

    List<UUID> subjects() {
      List<UUID> all = new ArrayList<>();
      leads.forEach(l -> all.add(l.id().value()));
      contacts.forEach(c -> all.add(c.id().value()));
      return all;
    }

    Set<EmailAddress> addresses() {
      Set<EmailAddress> all = new LinkedHashSet<>();
      leads.forEach(l -> l.email().ifPresent(all::add));
      contacts.forEach(c -> all.addAll(c.emails()));
      return all;
    }
  }

  /** What concerns the person: the rows an export shows and an erasure clears. */
  private record Held(Found found, List<TimelineEntry> entries, List<Activity> activities, List<Task> tasks,
      List<LoggedMail> mails, List<CampaignMember> memberships, List<ServiceCase> cases, List<Feedback> feedback,
      List<MailSuppression> suppressions) {}

  /**
   * Everything Rapport holds about the person, read in one unit of work (a consistent picture).
   * crm-jackson writes it as one JSON document ({@code RapportJson} / {@code RapportModule}). A
   * person known by an address Rapport does not hold gets an empty export (with the date they were
   * erased, if they were).
   *
   * @throws ValidationException if the person is null
   * @throws NotFoundException if the person was named by a lead or contact the tenant does not have
   */
  public PersonalData export(Person person) {
    Check.notNull(person, "person");
    return ctx.read(uow -> {
      Found found = find(uow, person);
      Held held = held(uow, found);
      Set<EmailAddress> addresses = found.addresses();
      person.email().ifPresent(addresses::add);
      Optional<Instant> erasedAt = erasedOn(uow, addresses);
      return new PersonalData(ctx.now(), byId(found.leads(), l -> l.id().value()),
          byId(found.contacts(), c -> c.id().value()), byId(held.activities(), a -> a.id().value()),
          byId(held.tasks(), t -> t.id().value()), byId(held.mails(), m -> m.id().value()), held.memberships(),
          byId(held.cases(), c -> c.id().value()), byId(held.feedback(), f -> f.id().value()),
          held.entries().stream().filter(e -> e.kind() == TimelineItem.Kind.HISTORY).toList(), held.suppressions(),
          uow.port(AuditRepository.class).ofRecords(found.subjects()), erasedAt);
    });
  }

  /**
   * Erases the person, in one unit of work (a crash leaves all of it or none): see the class
   * comment for what changes. Records an erased marker per address (a hash, no address), so that
   * {@code crm.leads().capture} and {@code crm.contacts().create} refuse the address until
   * {@link #allowReturn}. Idempotent: erasing again changes nothing and returns an erasure that
   * {@linkplain Erasure#changedNothing() says so}, without an event. Raises {@link PersonErased}.
   *
   * @return what was cleared, without personal data
   * @throws ValidationException if the person is null
   * @throws NotFoundException if the person was named by a lead or contact the tenant does not
   *     have, or by an address it holds nothing of and never erased
   */
  public Erasure erase(Person person) {
    Check.notNull(person, "person");
    return ctx.command(cmd -> {
      Found found = find(cmd.uow(), person);
      if (found.isEmpty()) {
        Set<EmailAddress> named = new LinkedHashSet<>(person.email().stream().toList());
        if (erasedOn(cmd.uow(), named).isEmpty()) {
          throw new NotFoundException("person", person);
        }
        return new Erasure(ctx.ids().next(), ctx.tenant(), ctx.now(), List.of(), List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      }
      return eraseFound(cmd, found);
    });
  }

  /**
   * When the person with this address was erased, if one was (read from the erased markers).
   *
   * @throws ValidationException if the address is null or not an e-mail address (field {@code email})
   */
  public Optional<Instant> erasedOn(String address) {
    Check.notNull(address, "email");
    EmailAddress a = EmailAddress.of(address);
    return ctx.read(uow -> erasedOn(uow, List.of(a)));
  }

  /**
   * Lets an erased person come back: removes the erased marker of the address, so that capture and
   * contact creation take it again (the person asked to, e.g. by signing up anew). The erased
   * records stay erased.
   *
   * @return whether the address had a marker
   * @throws ValidationException if the address is null or not an e-mail address (field {@code email})
   */
  public boolean allowReturn(String address) {
    Check.notNull(address, "email");
    EmailAddress a = EmailAddress.of(address);
    return ctx.command(cmd -> cmd.uow().port(PrivacyRepository.class).deleteMarker(ErasureKeys.of(ctx.tenant().value(), a.normalized())));
  }

  /**
   * Applies a retention rule now: every lead not converted and untouched since the cutoff (now, by
   * the {@code Crm}'s clock in UTC, minus the rule's period) is erased or deleted, a batch of
   * {@link Retention#batchSize()} leads per unit of work (each batch whole or not at all; a crash
   * leaves the batches before it done, and running the rule again finishes the rest). On the
   * caller's thread; schedule it as you like. Each erased lead raises {@link PersonErased} (its
   * contact, if any, is not touched: converted leads are not taken), each deleted one
   * {@link LeadDeleted}.
   *
   * @return how many batches ran and how many leads were erased or deleted
   * @throws ValidationException if the rule is null (field {@code retention})
   */
  public RetentionReport applyRetention(Retention rule) {
    Check.notNull(rule, "retention");
    Instant cutoff = ctx.now().atOffset(ZoneOffset.UTC).minus(rule.untouchedFor()).toInstant();
    int batches = 0;
    int erased = 0;
    int deleted = 0;
    Optional<LeadId> after = Optional.empty();
    while (true) {
      Optional<LeadId> from = after;
      List<Lead> batch = ctx.read(uow -> uow.port(PrivacyRepository.class).untouchedSince(cutoff, from, rule.batchSize()));
      if (batch.isEmpty()) {
        break;
      }
      after = Optional.of(batch.get(batch.size() - 1).id());
      int[] done = ctx.command(cmd -> {
        int e = 0;
        int d = 0;
        LeadRepository leads = cmd.uow().port(LeadRepository.class);
        for (Lead candidate : batch) {
          Optional<Lead> now = leads.find(candidate.id())
              .filter(l -> l.status() != LeadStatus.CONVERTED && l.updatedAt().isBefore(cutoff));
          if (now.isEmpty()) {
            continue; // changed since it was read: no longer untouched
          }
          if (rule.action() == Retention.Action.DELETE) {
            // erased first: what a deletion keeps (its audit trail, merge records, outbox payloads) keeps no one
            eraseFound(cmd, new Found(List.of(now.get()), List.of()));
            Lead anonymised = leads.find(now.get().id()).orElseThrow();
            Cascade.Removed removed = ctx.setting(Cascade.class).remove(cmd, Cascade.Subject.LEAD,
                anonymised.id().value());
            leads.delete(anonymised);
            cmd.raise(new LeadDeleted(ctx.tenant(), ctx.now(), now.get().id(), removed.activities(), removed.tasks(),
                removed.memberships(), removed.mails()));
            d++;
          } else if (!eraseFound(cmd, new Found(List.of(now.get()), List.of())).changedNothing()) {
            e++;
          }
        }
        return new int[] {e, d};
      });
      batches++;
      erased += done[0];
      deleted += done[1];
    }
    return new RetentionReport(cutoff, batches, erased, deleted);
  }

  private Erasure eraseFound(CrmContext.Command cmd, Found found) {
    UnitOfWork uow = cmd.uow();
    Instant now = ctx.now();
    Held held = held(uow, found);
    Set<String> texts = identifying(held);
    List<LeadId> leadsErased = new ArrayList<>();
    LeadRepository leadRepo = uow.port(LeadRepository.class);
    for (Lead l : found.leads()) {
      Lead after = erased(l, now);
      if (!sameButTime(after, l)) {
        leadRepo.update(after);
        leadsErased.add(l.id());
      }
    }
    List<ContactId> contactsErased = new ArrayList<>();
    ContactRepository contactRepo = uow.port(ContactRepository.class);
    for (Contact c : found.contacts()) {
      Contact after = erased(c, now);
      if (!sameButTime(after, c)) {
        contactRepo.update(after);
        contactsErased.add(c.id());
      }
    }
    int activities = 0;
    ActivityRepository activityRepo = uow.port(ActivityRepository.class);
    for (Activity a : held.activities()) {
      if (!a.subject().equals(ERASED) || a.body().isPresent()) {
        activityRepo.update(new Activity(a.id(), a.tenantId(), a.version(), a.type(), a.links(), ERASED, Optional.empty(),
            a.direction(), a.outcome(), a.occurredAt(), a.duration(), a.owner(), a.loggedAt()));
        activities++;
      }
    }
    int tasks = 0;
    TaskRepository taskRepo = uow.port(TaskRepository.class);
    for (Task t : held.tasks()) {
      if (!t.subject().equals(ERASED) || t.description().isPresent()) {
        taskRepo.update(new Task(t.id(), t.tenantId(), t.version(), t.links(), ERASED, Optional.empty(), t.dueAt(),
            t.priority(), t.owner(), t.reminderAt(), t.reminderHandledAt(), t.status(), t.endedAt(), t.createdAt(),
            t.updatedAt()));
        tasks++;
      }
    }
    Set<EmailAddress> addresses = found.addresses();
    int mails = 0;
    MailRepository mailRepo = uow.port(MailRepository.class);
    for (LoggedMail m : held.mails()) {
      MailMessage cleared = erased(m.message(), addresses);
      if (!cleared.equals(m.message())) {
        mailRepo.update(new LoggedMail(m.id(), m.tenantId(), m.version(), cleared, m.threadId(), m.direction(), m.leads(),
            m.contacts(), m.accounts(), m.activity(), m.loggedAt(), m.campaign()));
        mails++;
      }
    }
    int cases = 0;
    CaseRepository caseRepo = uow.port(CaseRepository.class);
    for (ServiceCase c : held.cases()) {
      ServiceCase after = new ServiceCase(c.id(), c.tenantId(), c.version(), c.accountId(), c.contactId(), ERASED,
          Optional.empty(), c.priority(), c.status(), c.owner(), c.resolution().map(r -> ERASED), c.openedAt(),
          c.updatedAt(), c.firstResponseAt(), c.resolvedAt(), dev.rapport.crm.field.CustomFields.empty(), c.level());
      if (!after.equals(c)) {
        caseRepo.update(after);
        cases++;
      }
    }
    int feedback = 0;
    FeedbackRepository feedbackRepo = uow.port(FeedbackRepository.class);
    for (Feedback f : held.feedback()) {
      if (f.comment().isPresent()) {
        feedbackRepo.update(new Feedback(f.id(), f.tenantId(), f.version(), f.accountId(), f.contactId(), f.caseId(),
            f.opportunityId(), f.scale(), f.score(), Optional.empty(), f.channel(), f.survey(), f.answeredAt(),
            f.recordedAt()));
        feedback++;
      }
    }
    // timeline lines that name the person: theirs, and their accounts'
    TimelineRepository timeline = uow.port(TimelineRepository.class);
    List<TimelineEntry> lines = new ArrayList<>(held.entries());
    // their accounts', and every record a shared activity, task, case or message is filed under
    Set<UUID> others = new LinkedHashSet<>();
    found.contacts().forEach(c -> c.accountId().ifPresent(a -> others.add(a.value())));
    held.cases().forEach(c -> {
      others.add(c.accountId().value());
      c.contactId().ifPresent(x -> others.add(x.value()));
    });
    held.activities().forEach(a -> linked(a.links(), others));
    held.tasks().forEach(t -> linked(t.links(), others));
    held.mails().forEach(m -> {
      m.leads().forEach(l -> others.add(l.value()));
      m.contacts().forEach(c -> others.add(c.value()));
      m.accounts().forEach(a -> others.add(a.value()));
    });
    others.removeAll(found.subjects());
    others.forEach(o -> lines.addAll(timeline.entriesOf(o)));
    List<TimelineEntry> rewritten = new ArrayList<>();
    Set<UUID> seen = new java.util.HashSet<>();
    for (TimelineEntry e : lines) {
      if (e.kind() == TimelineItem.Kind.HISTORY && seen.add(e.id()) && names(e.summary().orElse(""), texts)) {
        rewritten.add(new TimelineEntry(e.id(), e.tenantId(), e.subjectId(), e.occurredAt(), e.kind(), e.refId(),
            e.event(), Optional.of(ERASED)));
      }
    }
    if (!rewritten.isEmpty()) {
      timeline.rewrite(rewritten);
    }
    PrivacyRepository privacy = uow.port(PrivacyRepository.class);
    int merges = privacy.forgetMerges(found.subjects());
    List<UUID> aggregates = new ArrayList<>(found.subjects());
    // an account a conversion named after the person (no company given) carries their name
    Set<String> fullNames = new java.util.HashSet<>();
    held.found().leads().forEach(l -> fullNames.add(l.name().fullName().toLowerCase(Locale.ROOT)));
    held.found().contacts().forEach(c -> fullNames.add(c.name().fullName().toLowerCase(Locale.ROOT)));
    fullNames.remove(ERASED_NAME.fullName().toLowerCase(Locale.ROOT));
    Set<AccountId> theirAccounts = new LinkedHashSet<>();
    found.contacts().forEach(c -> c.accountId().ifPresent(theirAccounts::add));
    found.leads().forEach(l -> l.convertedTo().ifPresent(c -> theirAccounts.add(c.accountId())));
    dev.rapport.crm.contact.AccountRepository accountRepo = uow.port(dev.rapport.crm.contact.AccountRepository.class);
    for (AccountId id : theirAccounts) {
      accountRepo.find(id).filter(a -> fullNames.contains(a.name().toLowerCase(Locale.ROOT))).ifPresent(a -> {
        accountRepo.update(new dev.rapport.crm.contact.Account(a.id(), a.tenantId(), a.version(), ERASED_NAME.fullName(),
            a.domain(), a.externalReference(), a.industry(), a.owner(), a.createdAt(), now, a.fields()));
        aggregates.add(a.id().value());
      });
    }
    held.activities().forEach(a -> aggregates.add(a.id().value()));
    held.tasks().forEach(t -> aggregates.add(t.id().value()));
    held.mails().forEach(m -> aggregates.add(m.id().value()));
    held.cases().forEach(c -> aggregates.add(c.id().value()));
    held.feedback().forEach(f -> aggregates.add(f.id().value()));
    int outbox = texts.isEmpty() ? 0 : privacy.scrubOutbox(aggregates, texts, ERASED);
    Set<EmailAddress> own = onlyTheirs(uow, found, addresses);
    int suppressions = privacy.deleteSuppressions(own);
    int audit = scrubAudit(uow, aggregates, new java.util.HashSet<>(found.subjects()), texts);
    UUID erasureId = ctx.ids().next();
    if (!own.isEmpty()) {
      privacy.saveMarkers(erasureId, now, own.stream().map(a -> ErasureKeys.of(ctx.tenant().value(), a.normalized())).toList());
    }
    Erasure erasure = new Erasure(erasureId, ctx.tenant(), now, leadsErased, contactsErased, activities, tasks, mails,
        cases, feedback, rewritten.size(), merges, outbox, suppressions, audit);
    if (!erasure.changedNothing()) {
      cmd.raise(new PersonErased(ctx.tenant(), now, erasureId, leadsErased, contactsErased));
    }
    return erasure;
  }

  /**
   * The addresses no lead or contact but the person's holds: a shared address (another lead or
   * contact of the tenant has it) keeps its suppression and gets no marker, or the other person
   * would be mailed again or refused.
   */
  private static Set<EmailAddress> onlyTheirs(UnitOfWork uow, Found found, Set<EmailAddress> addresses) {
    Set<LeadId> leads = new java.util.HashSet<>();
    found.leads().forEach(l -> leads.add(l.id()));
    Set<ContactId> contacts = new java.util.HashSet<>();
    found.contacts().forEach(c -> contacts.add(c.id()));
    Set<EmailAddress> own = new LinkedHashSet<>();
    for (EmailAddress a : addresses) {
      boolean shared = uow.port(LeadRepository.class).findByEmail(a).stream().anyMatch(l -> !leads.contains(l.id()))
          || uow.port(ContactRepository.class).findByEmail(a).stream().anyMatch(c -> !contacts.contains(c.id()));
      if (!shared) {
        own.add(a);
      }
    }
    return own;
  }

  private static void linked(dev.rapport.crm.activity.Links links, Set<UUID> into) {
    links.lead().ifPresent(l -> into.add(l.value()));
    links.contact().ifPresent(c -> into.add(c.value()));
    links.account().ifPresent(a -> into.add(a.value()));
    links.opportunity().ifPresent(o -> into.add(o.value()));
  }

  /** What a lead's or contact's audit trail keeps of an erased person: the fields the reports read. */
  private static final Set<String> KEPT_IN_AUDIT = Set.of("status", "temperature", "temperatureOverride", "score",
      "source", "owner", "campaign", "convertedTo", "accountId", "originLead", "createdAt");

  /**
   * Clears the person from the audit trail: on their leads and contacts every value but those the
   * reports read (an address they had before is in an older entry); on the other records that
   * concern them, every value that names them.
   */
  private static int scrubAudit(UnitOfWork uow, Collection<UUID> records, Set<UUID> people, Set<String> texts) {
    AuditRepository trail = uow.port(AuditRepository.class);
    List<AuditEntry> rewritten = new ArrayList<>();
    for (AuditEntry e : trail.ofRecords(records)) {
      boolean theirs = people.contains(e.recordId());
      List<FieldChange> changes = e.changes().stream().map(c -> {
        boolean clear = theirs && !KEPT_IN_AUDIT.contains(c.field());
        return new FieldChange(c.field(), c.from().map(v -> clear || names(v, texts) ? ERASED : v),
            c.to().map(v -> clear || names(v, texts) ? ERASED : v));
      }).toList();
      if (!changes.equals(e.changes())) {
        rewritten.add(new AuditEntry(e.id(), e.tenantId(), e.at(), e.actor(), e.recordType(), e.recordId(), e.action(),
            changes));
      }
    }
    if (!rewritten.isEmpty()) {
      trail.rewrite(rewritten);
    }
    return rewritten.size();
  }

  private Found find(UnitOfWork uow, Person person) {
    LeadRepository leads = uow.port(LeadRepository.class);
    ContactRepository contacts = uow.port(ContactRepository.class);
    Map<LeadId, Lead> foundLeads = new LinkedHashMap<>();
    Map<ContactId, Contact> foundContacts = new LinkedHashMap<>();
    person.email().ifPresent(e -> {
      leads.findByEmail(e).forEach(l -> foundLeads.put(l.id(), l));
      contacts.findByEmail(e).forEach(c -> foundContacts.put(c.id(), c));
    });
    person.lead().ifPresent(id -> foundLeads.put(id, leads.find(id).orElseThrow(() -> new NotFoundException("lead", id))));
    person.contact().ifPresent(id -> foundContacts.put(id,
        contacts.find(id).orElseThrow(() -> new NotFoundException("contact", id))));
    // what the leads became, and the leads the contacts came from
    for (Lead l : List.copyOf(foundLeads.values())) {
      l.convertedTo().flatMap(c -> contacts.find(c.contactId())).ifPresent(c -> foundContacts.putIfAbsent(c.id(), c));
    }
    TimelineRepository timeline = uow.port(TimelineRepository.class);
    for (Contact c : List.copyOf(foundContacts.values())) {
      for (LeadId origin : timeline.leadsConvertedInto(c.id().value())) {
        if (!foundLeads.containsKey(origin)) {
          leads.find(origin).ifPresent(l -> foundLeads.put(l.id(), l));
        }
      }
    }
    return new Found(List.copyOf(foundLeads.values()), List.copyOf(foundContacts.values()));
  }

  private Held held(UnitOfWork uow, Found found) {
    TimelineRepository timeline = uow.port(TimelineRepository.class);
    List<TimelineEntry> entries = new ArrayList<>();
    for (UUID subject : found.subjects()) {
      entries.addAll(timeline.entriesOf(subject));
    }
    Set<ActivityId> activityIds = new LinkedHashSet<>();
    Set<TaskId> taskIds = new LinkedHashSet<>();
    for (TimelineEntry e : entries) {
      if (e.kind() == TimelineItem.Kind.ACTIVITY) {
        activityIds.add(ActivityId.of(e.refId().orElseThrow()));
      } else if (e.kind() == TimelineItem.Kind.TASK) {
        taskIds.add(TaskId.of(e.refId().orElseThrow()));
      }
    }
    List<Activity> activities = activityIds.isEmpty() ? List.of() : uow.port(ActivityRepository.class).findAll(activityIds);
    List<Task> tasks = taskIds.isEmpty() ? List.of() : uow.port(TaskRepository.class).findAll(taskIds);
    List<LoggedMail> mails = activityIds.isEmpty() ? List.of() : uow.port(MailRepository.class).findByActivities(activityIds);
    CampaignRepository campaigns = uow.port(CampaignRepository.class);
    List<CampaignMember> memberships = new ArrayList<>();
    found.leads().forEach(l -> memberships.addAll(campaigns.membershipsOf(MemberId.lead(l.id()))));
    found.contacts().forEach(c -> memberships.addAll(campaigns.membershipsOf(MemberId.contact(c.id()))));
    List<ContactId> contactIds = found.contacts().stream().map(Contact::id).toList();
    PrivacyRepository privacy = uow.port(PrivacyRepository.class);
    List<ServiceCase> cases = contactIds.isEmpty() ? List.of() : privacy.casesOf(contactIds);
    List<Feedback> feedback = contactIds.isEmpty() ? List.of() : privacy.feedbackOf(contactIds);
    Set<EmailAddress> addresses = found.addresses();
    List<MailSuppression> suppressions = addresses.isEmpty() ? List.of()
        : uow.port(MailRepository.class).findSuppressions(addresses);
    return new Held(found, entries, activities, tasks, mails, memberships, cases, feedback, suppressions);
  }

  private Optional<Instant> erasedOn(UnitOfWork uow, Collection<EmailAddress> addresses) {
    if (addresses.isEmpty()) {
      return Optional.empty();
    }
    return uow.port(PrivacyRepository.class).markers(addresses.stream().map(a -> ErasureKeys.of(ctx.tenant().value(), a.normalized())).toList())
        .values().stream().min(Comparator.naturalOrder());
  }

  /**
   * The texts that identify the person or are theirs: names, addresses, phones, company and title,
   * and the free text of what is on their timeline. Only these are cleared from lines and payloads
   * shared with others.
   */
  private static Set<String> identifying(Held held) {
    Set<String> texts = new LinkedHashSet<>();
    for (Lead l : held.found().leads()) {
      name(texts, l.name());
      l.email().ifPresent(e -> texts.add(e.address()));
      l.phone().ifPresent(p -> phone(texts, p));
      l.company().ifPresent(texts::add);
      l.title().ifPresent(texts::add);
      l.disqualificationReason().ifPresent(texts::add);
      l.signals().forEach(s -> s.detail().ifPresent(texts::add));
    }
    for (Contact c : held.found().contacts()) {
      name(texts, c.name());
      c.emails().forEach(e -> texts.add(e.address()));
      c.phones().forEach(p -> phone(texts, p));
      c.title().ifPresent(texts::add);
    }
    held.activities().forEach(a -> {
      texts.add(a.subject());
      a.body().ifPresent(texts::add);
    });
    held.tasks().forEach(t -> {
      texts.add(t.subject());
      t.description().ifPresent(texts::add);
    });
    held.mails().forEach(m -> texts.add(m.message().subject()));
    held.cases().forEach(c -> {
      texts.add(c.subject());
      c.description().ifPresent(texts::add);
      c.resolution().ifPresent(texts::add);
    });
    held.feedback().forEach(f -> f.comment().ifPresent(texts::add));
    texts.removeIf(t -> t.strip().length() < 3 || t.equals(ERASED) || ERASED_NAME.familyName().equals(t));
    return texts;
  }

  private static void name(Set<String> texts, PersonName name) {
    if (name.equals(ERASED_NAME)) {
      return;
    }
    name.givenName().ifPresent(texts::add);
    texts.add(name.familyName());
  }

  private static void phone(Set<String> texts, PhoneNumber phone) {
    texts.add(phone.e164());
    texts.add(phone.e164().substring(1)); // the digits as a payload may hold them
  }

  /** Whether the text contains one of the texts, ignoring case. */
  static boolean names(String text, Collection<String> texts) {
    String lower = text.toLowerCase(Locale.ROOT);
    // a value cut short (an audit value, a timeline line) ends in an ellipsis: its start may be a text of theirs
    String cut = lower.endsWith("\u2026") ? lower.substring(0, lower.length() - 1) : null;
    for (String t : texts) {
      String l = t.toLowerCase(Locale.ROOT);
      // a long text cut to fit (a timeline line holds 500 characters) is found by its first 40
      if (lower.contains(l) || (cut != null && cut.length() >= 3 && l.contains(cut))
          || (l.length() > 40 && lower.contains(l.substring(0, 40)))) {
        return true;
      }
    }
    return false;
  }

  private static Lead erased(Lead l, Instant now) {
    List<EngagementSignal> signals = l.signals().stream()
        .map(s -> new EngagementSignal(s.type(), s.occurredAt(), Optional.empty())).toList();
    return new Lead(l.id(), l.tenantId(), l.version(), ERASED_NAME, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), l.source(), l.sourceDetail(), l.status(), l.disqualificationReason().map(r -> ERASED), signals,
        l.temperature(), l.temperatureOverride(), l.owner(), l.score(), l.createdAt(), now, l.convertedTo(), l.campaign(),
        l.industry(), dev.rapport.crm.field.CustomFields.empty());
  }

  private static boolean sameButTime(Lead a, Lead b) {
    return a.equals(new Lead(b.id(), b.tenantId(), b.version(), b.name(), b.email(), b.phone(), b.company(), b.title(),
        b.source(), b.sourceDetail(), b.status(), b.disqualificationReason(), b.signals(), b.temperature(),
        b.temperatureOverride(), b.owner(), b.score(), b.createdAt(), a.updatedAt(), b.convertedTo(), b.campaign(),
        b.industry(), b.fields()));
  }

  private static Contact erased(Contact c, Instant now) {
    Optional<MarketingConsent> consent = c.marketingConsent().filter(m -> !m.granted() && m.source().equals(ERASED))
        .or(() -> Optional.of(new MarketingConsent(false, now, ERASED)));
    return new Contact(c.id(), c.tenantId(), c.version(), ERASED_NAME, c.accountId(), List.of(), List.of(), Optional.empty(),
        consent, c.originLead(), c.owner(), c.createdAt(), now, dev.rapport.crm.field.CustomFields.empty());
  }

  private static boolean sameButTime(Contact a, Contact b) {
    return a.equals(new Contact(b.id(), b.tenantId(), b.version(), b.name(), b.accountId(), b.emails(), b.phones(),
        b.title(), b.marketingConsent(), b.originLead(), b.owner(), b.createdAt(), a.updatedAt(), b.fields()));
  }

  private static MailMessage erased(MailMessage m, Set<EmailAddress> addresses) {
    Function<MailAddress, MailAddress> swap = a -> addresses.contains(a.address()) ? ERASED_ADDRESS : a;
    return new MailMessage(m.messageId(), m.inReplyTo(), m.references(), swap.apply(m.from()),
        m.to().stream().map(swap).distinct().toList(), m.cc().stream().map(swap).distinct().toList(),
        m.replyTo().stream().map(swap).distinct().toList(), ERASED, m.sentAt(), Optional.empty(), List.of(),
        Optional.empty(), m.failedRecipients().stream().map(a -> addresses.contains(a) ? ERASED_ADDRESS.address() : a)
            .distinct().toList());
  }

  private static <T> List<T> byId(List<T> items, Function<T, UUID> id) {
    return items.stream().sorted(Comparator.comparing(id)).toList();
  }
}
