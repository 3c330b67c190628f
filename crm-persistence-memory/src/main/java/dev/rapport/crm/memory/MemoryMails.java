package dev.rapport.crm.memory;

import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailRepository;
import dev.rapport.crm.spi.Versions;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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

  private final MemoryUnitOfWork uow;
  private Buffer<MailId, LoggedMail> buffer;

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
}
