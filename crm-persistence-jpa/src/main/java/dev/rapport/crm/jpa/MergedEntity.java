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
 * A row of {@code crm_merged}: one contact or account a merge retired, indexed by its id and by
 * the external reference it held, so that the look-up of a merged id or customer number (where it
 * leads now) is one query. Deleted when the merge is undone.
 */
@jakarta.persistence.Cacheable(false) // written and undone on every node of a host
@Entity(name = "RapportMerged")
@Table(name = "crm_merged")
@IdClass(MergedEntity.Key.class)
class MergedEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "merge_id", nullable = false, updatable = false)
  UUID mergeId;

  @Id
  @Column(name = "record_id", nullable = false, updatable = false)
  UUID recordId;

  @Column(name = "external_reference", updatable = false, length = 200)
  String externalReference;

  MergedEntity() {}

  MergedEntity(String tenantId, UUID mergeId, UUID recordId, String externalReference) {
    this.tenantId = tenantId;
    this.mergeId = mergeId;
    this.recordId = recordId;
    this.externalReference = externalReference;
  }

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String tenantId;
    UUID mergeId;
    UUID recordId;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(mergeId, k.mergeId)
          && Objects.equals(recordId, k.recordId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, mergeId, recordId);
    }
  }
}
