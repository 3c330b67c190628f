package dev.rapport.crm.memory;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailRepository;
import dev.rapport.crm.mail.MailSuppression;
import dev.rapport.crm.spi.Versions;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The logged messages of one unit of work, in the tenant's mail table. */
final class MemoryMails implements MailRepository {
  static final String MESSAGE_ID = "messageId";
  static final String THREAD = "thread";
  static final String SUBJECT = "subject";

  static final Kind<MailId, LoggedMail> KIND = new Kind<>("mail", LoggedMail::id, LoggedMail::version,
      Versions.of(LoggedMail.class)::with, LoggedMail::tenantId, MailId::parse,
      List.of(new Kind.IndexDef<>(MESSAGE_ID, m -> List.of(m.message().messageId())),
          new Kind.IndexDef<>(THREAD, m -> List.of(m.threadId().value())),
          new Kind.IndexDef<>(SUBJECT, m -> List.of(m.message().subjectKey()))),
      Optional.of(new Kind.Unique(MESSAGE_ID, "messageId")));

  /** Suppressed addresses, by normalized address. */
  static final Kind<UUID, MailSuppression> SUPPRESSION_KIND = new Kind<>("mail suppression",
      MailSuppression::id, MailSuppression::version, Versions.of(MailSuppression.class)::with,
      MailSuppression::tenantId, UUID::fromString, List.of(), Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<MailId, LoggedMail> buffer;
  private Buffer<UUID, MailSuppression> suppressions;

  MemoryMails(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<MailId, LoggedMail> buffer() {
    if (buffer == null) {
      buffer = uow.buffer(uow.store().mails);
    }
    return buffer;
  }

  @Override
  public LoggedMail insert(LoggedMail mail) {
    uow.requireOpen();
    return buffer().insert(mail);
  }

  @Override
  public Optional<LoggedMail> find(MailId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public Optional<LoggedMail> findByMessageId(String messageId) {
    uow.requireOpen();
    Objects.requireNonNull(messageId, "messageId");
    return buffer().lookup(MESSAGE_ID, messageId).stream().findFirst();
  }

  @Override
  public List<LoggedMail> findByMessageIds(Collection<String> messageIds) {
    uow.requireOpen();
    TreeMap<MailId, LoggedMail> found = new TreeMap<>();
    for (String id : messageIds) {
      for (LoggedMail m : buffer().lookup(MESSAGE_ID, id)) {
        found.put(m.id(), m);
      }
    }
    return List.copyOf(found.values());
  }

  @Override
  public List<LoggedMail> latestBySubject(String subjectKey, int limit) {
    uow.requireOpen();
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    return buffer().descending(SUBJECT, List.of(subjectKey), Optional.empty(),
        Math.min(limit, PageRequest.MAX_SIZE));
  }

  @Override
  public Page<LoggedMail> list(PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(), m -> true, page);
  }

  @Override
  public Page<LoggedMail> thread(MailId threadId, PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(List.of(new Buffer.IndexKey(THREAD, threadId.value()))),
        m -> m.threadId().equals(threadId), page);
  }

  private Buffer<UUID, MailSuppression> suppressions() {
    if (suppressions == null) {
      suppressions = uow.buffer(uow.store().mailSuppressions);
    }
    return suppressions;
  }

  @Override
  public List<MailSuppression> findSuppressions(Collection<EmailAddress> addresses) {
    uow.requireOpen();
    return suppressions().findAll(addresses.stream().map(MailSuppression::idOf).toList());
  }

  @Override
  public MailSuppression saveSuppression(MailSuppression suppression) {
    uow.requireOpen();
    Objects.requireNonNull(suppression, "suppression");
    return suppression.version() == 0 ? suppressions().insert(suppression) : suppressions().update(suppression);
  }

  @Override
  public Page<MailSuppression> suppressions(PageRequest page) {
    uow.requireOpen();
    return suppressions().page(List.of(), s -> true, page);
  }

  @Override
  public List<LoggedMail> findByActivities(Collection<dev.rapport.crm.common.ActivityId> activities) {
    uow.requireOpen();
    java.util.Set<dev.rapport.crm.common.ActivityId> wanted = java.util.Set.copyOf(activities);
    List<LoggedMail> found = new java.util.ArrayList<>();
    // no index by activity: a scan, as deletions are rare
    buffer().forEach(List.of(), m -> wanted.contains(m.activity()), found::add);
    found.sort(java.util.Comparator.comparing(LoggedMail::id));
    return List.copyOf(found);
  }

  @Override
  public LoggedMail update(LoggedMail mail) {
    uow.requireOpen();
    return buffer().update(mail);
  }

  @Override
  public void delete(LoggedMail mail) {
    uow.requireOpen();
    buffer().delete(mail);
  }
}
