package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code crm_contact_merged}: one contact a merge retired, indexed by the contact, so
 * that the look-up of a merged id (where it leads now) is one query. Deleted when the merge is
 * undone.
 */
@jakarta.persistence.Cacheable(false) // written and undone on every node of a host
@Entity(name = "RapportContactMerged")
@Table(name = "crm_contact_merged")
@IdClass(ContactMergedEntity.Key.class)
class ContactMergedEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "merge_id", nullable = false, updatable = false)
  UUID mergeId;

  @Id
  @Column(name = "contact_id", nullable = false, updatable = false)
  UUID contactId;

  ContactMergedEntity() {}

  ContactMergedEntity(String tenantId, UUID mergeId, UUID contactId) {
    this.tenantId = tenantId;
    this.mergeId = mergeId;
    this.contactId = contactId;
  }

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String tenantId;
    UUID mergeId;
    UUID contactId;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(mergeId, k.mergeId)
          && Objects.equals(contactId, k.contactId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, mergeId, contactId);
    }
  }
}
