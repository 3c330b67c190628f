package dev.rapport.crm.jpa;

import dev.rapport.crm.jpa.internal.NullableUuid;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of {@code crm_feedback}: the stored form of a {@link dev.rapport.crm.feedback.Feedback}. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportFeedback")
@IdClass(TenantKey.class)
@Table(name = "crm_feedback")
class FeedbackEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "account_id", nullable = false, updatable = false)
  UUID accountId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  UUID contactId;

  @Column(name = "case_id", updatable = false)
  @Convert(converter = NullableUuid.class)
  UUID caseId;

  @Column(name = "opportunity_id", updatable = false)
  @Convert(converter = NullableUuid.class)
  UUID opportunityId;

  @Column(name = "scale", nullable = false, length = 4)
  String scale;

  @Column(name = "score", nullable = false)
  int score;

  @Column(name = "comment_text", length = 2000)
  String comment;

  @Column(name = "channel", nullable = false, length = 50)
  String channel;

  @Column(name = "survey", length = 200)
  String survey;

  @Column(name = "answered_at", nullable = false)
  LocalDateTime answeredAt;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  LocalDateTime recordedAt;

  FeedbackEntity() {}
}
