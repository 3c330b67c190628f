package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import dev.rapport.crm.jpa.internal.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_contact}: the stored form of a {@link dev.rapport.crm.contact.Contact}. Its
 * e-mail addresses are rows of {@code crm_contact_email} ({@link ContactEmailEntity}), indexed for
 * lookups; its phone numbers a JSON array of E.164 strings.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportContact")
@IdClass(TenantKey.class)
@Table(name = "crm_contact")
class ContactEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "given_name", length = 100)
  String givenName;

  @Column(name = "family_name", nullable = false, length = 100)
  String familyName;

  @Column(name = "account_id")
  @Convert(converter = NullableUuid.class)
  UUID accountId;

  @Column(name = "phones", nullable = false, length = 2000)
  String phones;

  @Column(name = "title", length = 200)
  String title;

  @Column(name = "consent_granted")
  Boolean consentGranted;

  @Column(name = "consent_recorded_at")
  LocalDateTime consentRecordedAt;

  @Column(name = "consent_source", length = 200)
  String consentSource;

  @Column(name = "origin_lead_id")
  @Convert(converter = NullableUuid.class)
  UUID originLeadId;

  @Column(name = "owner", length = 200)
  String owner;

  @Column(name = "created_at", nullable = false, updatable = false)
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  /** Blocking keys for duplicate detection ({@link dev.rapport.crm.common.MatchKeys}). */
  @Column(name = "match_email", length = 320)
  String matchEmail;

  @Column(name = "match_phone", length = 320)
  String matchPhone;

  @Column(name = "match_name", length = 320)
  String matchName;

  /** Search text ({@link dev.rapport.crm.search.SearchText}), schema version 15. */
  @Column(name = "search_name", length = 1000)
  String searchName;

  @Column(name = "search_email", length = 1000)
  String searchEmail;

  @Column(name = "search_phone", length = 1000)
  String searchPhone;

  /** Custom field values as JSON ({@link FieldsJson}), null when none (schema version 17). */
  @Column(name = "custom_fields")
  String customFields;

  ContactEntity() {}
}
