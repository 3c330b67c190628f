package dev.rapport.crm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code crm_custom_field}: one field of one kind of record, its definition as JSON (schema version 17). */
@jakarta.persistence.Cacheable(false)
@Entity(name = "RapportCustomField")
@Table(name = "crm_custom_field")
@IdClass(TenantKey.class)
class CustomFieldEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Column(name = "kind", nullable = false, updatable = false, length = 20)
  String kind;

  @Column(name = "field_key", nullable = false, updatable = false, length = 50)
  String fieldKey;

  @Column(name = "definition", nullable = false)
  String definition;
}
