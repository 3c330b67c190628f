package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of {@code crm_account}: the stored form of a {@link dev.rapport.crm.contact.Account}. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportAccount")
@IdClass(TenantKey.class)
@Table(name = "crm_account")
class AccountEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "name", nullable = false, length = 200)
  String name;

  @Column(name = "name_key", nullable = false, length = 200)
  String nameKey;

  @Column(name = "domain", length = 253)
  String domain;

  @Column(name = "external_reference", length = 200)
  String externalReference;

  @Column(name = "industry", length = 200)
  String industry;

  @Column(name = "owner", length = 200)
  String owner;

  @Column(name = "created_at", nullable = false, updatable = false)
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  /** The blocking key for duplicate detection ({@link dev.rapport.crm.common.MatchKeys#companyKey}). */
  @Column(name = "match_name", length = 320)
  String matchName;

  /** Search text ({@link dev.rapport.crm.search.SearchText}), schema version 15. */
  @Column(name = "search_name", length = 1000)
  String searchName;

  @Column(name = "search_domain", length = 1000)
  String searchDomain;

  @Column(name = "search_reference", length = 1000)
  String searchReference;

  /** Custom field values as JSON ({@link FieldsJson}), null when none (schema version 17). */
  @Column(name = "custom_fields")
  String customFields;

  AccountEntity() {}
}
