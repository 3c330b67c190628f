package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.toColumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailRepository;
import dev.rapport.crm.mail.MailSuppression;
import dev.rapport.crm.spi.Versions;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The logged messages of one unit of work, in {@code crm_mail}: each the {@link LoggedMail} as
 * crm-jackson writes it, with its message id (unique per tenant), thread and subject key beside it
 * for the look-ups.
 */
final class JpaMails implements MailRepository {
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new RapportModule()).build();

  static final Kind<LoggedMail, MailEntity> KIND = new Kind<>("mail", "RapportMail", MailEntity.class,
      m -> m.id().value(), LoggedMail::tenantId, LoggedMail::version, Versions.of(LoggedMail.class)::with,
      MailEntity::new, JpaMails::domainToEntity, e -> e.id, e -> e.version, JpaMails::state);

  static final Kind<MailSuppression, MailSuppressionEntity> SUPPRESSION_KIND = new Kind<>("mail suppression",
      "RapportMailSuppression", MailSuppressionEntity.class, MailSuppression::id,
      MailSuppression::tenantId, MailSuppression::version, Versions.of(MailSuppression.class)::with,
      MailSuppressionEntity::new, JpaMails::suppressionToEntity, e -> e.id, e -> e.version,
      e -> Arrays.asList(e.tenantId, e.address, e.reason, e.recordedAt, e.detail));

  private final JpaUnitOfWork uow;
  private final Rows<LoggedMail, MailEntity> rows;
  private final Rows<MailSuppression, MailSuppressionEntity> suppressions;

  JpaMails(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaMails::entityToDomain);
    this.suppressions = new Rows<>(uow, SUPPRESSION_KIND, JpaMails::entityToSuppression);
    uow.uniqueKey("crm_mail_message_uk", this::duplicateMessage);
  }

  /** The message id this unit wrote that the database found taken. */
  private DuplicateException duplicateMessage(Throwable cause) {
    String id = rows.written().stream().map(rows.loaded::get).filter(Objects::nonNull)
        .map(e -> e.messageId).findFirst().orElse("?");
    DuplicateException d = new DuplicateException("mail", "messageId", id);
    d.initCause(cause);
    return d;
  }

  @Override
  public LoggedMail insert(LoggedMail mail) {
    uow.requireOpen();
    Objects.requireNonNull(mail, "mail");
    MailEntity e = rows.insert(mail);
    uow.flush(); // a taken message id (crm_mail_message_uk) is known now: before send hands the message over
    return rows.toDomain(e);
  }

  @Override
  public Optional<LoggedMail> find(MailId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public Optional<LoggedMail> findByMessageId(String messageId) {
    uow.requireOpen();
    Objects.requireNonNull(messageId, "messageId");
    return rows.list(" and e.messageId = :m", Map.of("m", messageId)).stream().findFirst().map(rows::toDomain);
  }

  @Override
  public List<LoggedMail> findByMessageIds(Collection<String> messageIds) {
    uow.requireOpen();
    List<String> ids = messageIds.stream().distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder();
    Map<String, Object> p = new java.util.HashMap<>();
    Rows.oneOf(where, "e.messageId", "m", ids, p);
    return rows.list(where.toString(), p).stream().map(rows::toDomain).toList();
  }

  @Override
  public List<LoggedMail> latestBySubject(String subjectKey, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(subjectKey, "subjectKey");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    uow.flush(); // this unit's own messages count
    return uow.em().createQuery("select e from RapportMail e where e.tenantId = :tenant and e.subjectKey = :k"
            + " order by e.id desc", MailEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("k", subjectKey)
        .setMaxResults(Math.min(limit, PageRequest.MAX_SIZE))
        .getResultList().stream().map(rows::track).map(rows::toDomain).toList();
  }

  @Override
  public Page<LoggedMail> list(PageRequest page) {
    uow.requireOpen();
    return Rows.toPage(rows.page("", Map.of(), page).stream().map(rows::toDomain).toList(), page.size(),
        m -> m.id().value());
  }

  @Override
  public Page<LoggedMail> thread(MailId threadId, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(threadId, "threadId");
    return Rows.toPage(rows.page(" and e.threadId = :thread", Map.of("thread", threadId.value()), page).stream()
        .map(rows::toDomain).toList(), page.size(), m -> m.id().value());
  }

  @Override
  public List<MailSuppression> findSuppressions(Collection<EmailAddress> addresses) {
    uow.requireOpen();
    List<UUID> ids = addresses.stream().map(MailSuppression::idOf).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<MailSuppression> found = new java.util.ArrayList<>();
    for (List<UUID> chunk : Rows.chunks(ids)) {
      StringBuilder where = new StringBuilder();
      Map<String, Object> p = new java.util.HashMap<>();
      Rows.oneOf(where, "e.id", "i", chunk, p);
      suppressions.list(where.toString(), p).stream().map(suppressions::toDomain).forEach(found::add);
    }
    return found;
  }

  @Override
  public MailSuppression saveSuppression(MailSuppression suppression) {
    uow.requireOpen();
    Objects.requireNonNull(suppression, "suppression");
    if (suppression.version() == 0) {
      return suppressions.toDomain(suppressions.insert(suppression));
    }
    return suppressions.stored(suppressions.update(suppression), suppression);
  }

  @Override
  public Page<MailSuppression> suppressions(PageRequest page) {
    uow.requireOpen();
    return Rows.toPage(suppressions.page("", Map.of(), page).stream().map(suppressions::toDomain).toList(),
        page.size(), MailSuppression::id);
  }

  static void suppressionToEntity(MailSuppression s, MailSuppressionEntity e) {
    e.id = s.id();
    e.tenantId = s.tenantId().value();
    e.address = s.address().address();
    e.reason = s.reason().name();
    e.recordedAt = toColumn(s.recordedAt());
    e.detail = s.detail();
  }

  static MailSuppression entityToSuppression(MailSuppressionEntity e, long version) {
    return new MailSuppression(TenantId.of(e.tenantId), EmailAddress.of(e.address), version,
        MailSuppression.Reason.valueOf(e.reason), Mapping.fromColumn(e.recordedAt), e.detail);
  }

  // ---- mapping

  static void domainToEntity(LoggedMail m, MailEntity e) {
    e.id = m.id().value();
    e.tenantId = m.tenantId().value();
    e.messageId = m.message().messageId();
    e.threadId = m.threadId().value();
    e.subjectKey = m.message().subjectKey();
    e.direction = m.direction().name();
    e.sentAt = toColumn(m.message().sentAt());
    e.activityId = m.activity().value();
    e.loggedAt = toColumn(m.loggedAt());
    try {
      e.body = JSON.writeValueAsString(Versions.of(LoggedMail.class).with(m, 0));
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("cannot write a logged message as JSON", ex);
    }
  }

  static LoggedMail entityToDomain(MailEntity e, long version) {
    try {
      return Versions.of(LoggedMail.class).with(JSON.readValue(e.body, LoggedMail.class), version);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("malformed logged message in crm_mail: " + ex.getOriginalMessage(), ex);
    }
  }

  static List<Object> state(MailEntity e) {
    return Arrays.asList(e.tenantId, e.messageId, e.threadId, e.subjectKey, e.direction, e.sentAt, e.activityId,
        e.loggedAt, e.body);
  }

  @Override
  public List<LoggedMail> findByActivities(Collection<dev.rapport.crm.common.ActivityId> activities) {
    uow.requireOpen();
    List<UUID> ids = activities.stream().map(dev.rapport.crm.common.ActivityId::value).distinct().toList();
    java.util.TreeMap<UUID, LoggedMail> found = new java.util.TreeMap<>();
    for (List<UUID> chunk : Rows.chunks(ids)) {
      rows.list(" and e.activityId in :ids", Rows.params("ids", chunk)).stream().map(rows::toDomain)
          .forEach(m -> found.put(m.id().value(), m));
    }
    return List.copyOf(found.values());
  }

  @Override
  public LoggedMail update(LoggedMail mail) {
    uow.requireOpen();
    return rows.stored(rows.update(mail), mail);
  }

  @Override
  public void delete(LoggedMail mail) {
    uow.requireOpen();
    rows.delete(mail);
  }
}
