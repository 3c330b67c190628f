package dev.rapport.crm.jpa;

import dev.rapport.crm.jpa.internal.NullableUuid;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_timeline_entry}: the stored form of a
 * {@link dev.rapport.crm.activity.TimelineEntry}. Rows are only inserted, so there is no version.
 */
@Cacheable(false)
@Entity(name = "RapportTimelineEntry")
@IdClass(TenantKey.class)
@Table(name = "crm_timeline_entry")
class TimelineEntryEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Column(name = "subject_id", nullable = false, updatable = false)
  UUID subjectId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  LocalDateTime occurredAt;

  @Column(name = "kind", nullable = false, updatable = false, length = 10)
  String kind;

  @Column(name = "activity_id", updatable = false)
  @Convert(converter = NullableUuid.class)
  UUID activityId;

  @Column(name = "task_id", updatable = false)
  @Convert(converter = NullableUuid.class)
  UUID taskId;

  @Column(name = "event_type", updatable = false, length = 100)
  String eventType;

  @Column(name = "summary", updatable = false, length = 500)
  String summary;

  TimelineEntryEntity() {}
}
