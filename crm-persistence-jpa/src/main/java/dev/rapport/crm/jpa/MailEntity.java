package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_mail}: a logged message. The logged message itself (the message with its
 * addresses, references and attachments, and the leads, contacts and accounts it is linked to)
 * is JSON in {@code body}, as crm-jackson writes a {@link dev.rapport.crm.mail.LoggedMail}; the
 * columns beside it are what look-ups use: the message id (unique per tenant), the thread and the
 * subject key.
 */
@jakarta.persistence.Cacheable(false) // logged on every node of a host
@Entity(name = "RapportMail")
@Table(name = "crm_mail")
@IdClass(TenantKey.class)
class MailEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "message_id", nullable = false, updatable = false, length = 250)
  String messageId;

  @Column(name = "thread_id", nullable = false, updatable = false)
  UUID threadId;

  @Column(name = "subject_key", nullable = false, length = 200) // updated when an erasure clears the subject
  String subjectKey;

  @Column(name = "direction", nullable = false, updatable = false, length = 10)
  String direction;

  @Column(name = "sent_at", nullable = false, updatable = false)
  LocalDateTime sentAt;

  @Column(name = "activity_id", nullable = false, updatable = false)
  UUID activityId;

  @Column(name = "logged_at", nullable = false, updatable = false)
  LocalDateTime loggedAt;

  @Column(name = "body", nullable = false) // updated when a person it names is deleted
  String body;

  MailEntity() {}
}
