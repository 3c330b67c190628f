package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_merge}: one merge of contacts or accounts ({@code kind}). The merge itself
 * (the survivor before and after, the merged records as they were) is JSON in {@code body}, as
 * crm-jackson writes a {@link dev.rapport.crm.contact.ContactMerge} or
 * {@link dev.rapport.crm.contact.AccountMerge}; what it moved, for undo, is JSON in {@code moves}.
 */
@jakarta.persistence.Cacheable(false) // written and undone on every node of a host
@Entity(name = "RapportMerge")
@Table(name = "crm_merge")
@IdClass(TenantKey.class)
class MergeEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Column(name = "kind", nullable = false, updatable = false, length = 10)
  String kind;

  @Column(name = "survivor_id", nullable = false, updatable = false)
  UUID survivorId;

  @Column(name = "merged_at", nullable = false, updatable = false)
  LocalDateTime mergedAt;

  @Column(name = "undone_at")
  LocalDateTime undoneAt;

  @Column(name = "body", nullable = false)
  String body;

  @Column(name = "moves", nullable = false)
  String moves;

  MergeEntity() {}
}
