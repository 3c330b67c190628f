package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code crm_stage_visit}: one ended visit of an opportunity to a stage, for the funnel.
 * History entry {@code seq} of the opportunity began it (entering {@code stage} at {@code
 * enteredAt}); entry {@code seq + 1} ended it (entering {@code nextStage}), {@code days} whole days
 * later. Written once, when the visit ends; the visit going on is on the opportunity's row.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportStageVisit")
@Table(name = "crm_stage_visit")
@IdClass(StageVisitEntity.Key.class)
class StageVisitEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "opportunity_id", nullable = false, updatable = false)
  UUID opportunityId;

  @Id
  @Column(name = "seq", nullable = false, updatable = false)
  int seq;

  @Column(name = "stage", nullable = false, length = 100)
  String stage;

  @Column(name = "next_stage", nullable = false, length = 100)
  String nextStage;

  @Column(name = "entered_at", nullable = false)
  LocalDateTime enteredAt;

  @Column(name = "days", nullable = false)
  long days;

  StageVisitEntity() {}

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    UUID opportunityId;
    int seq;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(opportunityId, k.opportunityId) && seq == k.seq;
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, opportunityId, seq);
    }
  }
}
