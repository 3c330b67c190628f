package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_contact_merge}: one merge of contacts. The merge itself (the survivor before
 * and after, the merged contacts as they were) is JSON in {@code body}, as crm-jackson writes a
 * {@link dev.rapport.crm.contact.ContactMerge}; what it moved, for undo, is JSON in {@code moves}.
 */
@jakarta.persistence.Cacheable(false) // written and undone on every node of a host
@Entity(name = "RapportContactMerge")
@Table(name = "crm_contact_merge")
@IdClass(TenantKey.class)
class ContactMergeEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

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

  ContactMergeEntity() {}
}
