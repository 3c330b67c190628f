package dev.rapport.crm.mail;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.exception.DuplicateException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The logged messages of one tenant, inside one {@link dev.rapport.crm.spi.UnitOfWork}. */
public interface MailRepository {

  /**
   * Stores a newly logged message (version 0) and returns it at version 1.
   *
   * @throws DuplicateException if its id, or its message id, is taken in the tenant (field
   *     {@code messageId}): checked at this call, as {@link MailService#send} hands the message to
   *     the transport only after it, and again at commit
   * @throws IllegalArgumentException if the version is not 0 or the tenant not this unit's
   */
  LoggedMail insert(LoggedMail mail);

  /** The logged message with this id, or empty. */
  Optional<LoggedMail> find(MailId id);

  /** The logged message with this {@code Message-ID} (without brackets), or empty. */
  Optional<LoggedMail> findByMessageId(String messageId);

  /** The logged messages with any of these message ids, in id order, each once. */
  List<LoggedMail> findByMessageIds(Collection<String> messageIds);

  /**
   * The latest logged messages (newest first, at most {@code limit}, 1 to 500) whose subject
   * compares as {@code subjectKey} (lower case, without reply and forward prefixes).
   */
  List<LoggedMail> latestBySubject(String subjectKey, int limit);

  /** A page of all the tenant's logged messages, in id (logging) order, after the request's cursor. */
  Page<LoggedMail> list(PageRequest page);

  /** A page of the messages of a thread, in id (logging) order, after the request's cursor. */
  Page<LoggedMail> thread(MailId threadId, PageRequest page);

  /** The suppressions of these addresses (compared as {@link EmailAddress#normalized()}), each once. */
  List<MailSuppression> findSuppressions(Collection<EmailAddress> addresses);

  /**
   * Stores a suppression: one at version 0 is inserted, one read before is updated (its version
   * checked), and returned at its new version.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it was changed since it was read
   * @throws IllegalArgumentException if the tenant is not this unit's
   */
  MailSuppression saveSuppression(MailSuppression suppression);

  /** A page of all the tenant's suppressions, in {@link MailSuppression#id()} order, after the request's cursor. */
  Page<MailSuppression> suppressions(PageRequest page);

  /** The logged messages whose e-mail activity is one of these, in id order. */
  List<LoggedMail> findByActivities(Collection<dev.rapport.crm.common.ActivityId> activities);

  /**
   * Stores a changed logged message (the people it is linked to, when one is deleted) at the next version.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  LoggedMail update(LoggedMail mail);

  /**
   * Deletes the logged message (before its activity).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   */
  void delete(LoggedMail mail);
}
