package dev.rapport.crm.jpa;

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
 * A row of {@code crm_erasure_marker}: an erased person's address, as a hash (never the address),
 * with when and by which erasure.
 */
@jakarta.persistence.Cacheable(false)
@Entity(name = "RapportErasureMarker")
@Table(name = "crm_erasure_marker")
@IdClass(ErasureMarkerEntity.Key.class)
class ErasureMarkerEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "key_hash", nullable = false, updatable = false, length = 64)
  String keyHash;

  @Column(name = "erasure_id", nullable = false, updatable = false)
  UUID erasureId;

  @Column(name = "erased_at", nullable = false, updatable = false)
  LocalDateTime erasedAt;

  ErasureMarkerEntity() {}

  ErasureMarkerEntity(String tenantId, String keyHash, UUID erasureId, LocalDateTime erasedAt) {
    this.tenantId = tenantId;
    this.keyHash = keyHash;
    this.erasureId = erasureId;
    this.erasedAt = erasedAt;
  }

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String tenantId;
    String keyHash;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(keyHash, k.keyHash);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, keyHash);
    }
  }
}
