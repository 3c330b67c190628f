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

/** A row of {@code crm_lead}: the stored form of a {@link dev.rapport.crm.lead.Lead}. */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportLead")
@IdClass(TenantKey.class)
@Table(name = "crm_lead")
class LeadEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  /** Starts at 1, the version of a newly stored record (see {@link Mapping#FIRST_VERSION}). */
  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "given_name", length = 100)
  String givenName;

  @Column(name = "family_name", nullable = false, length = 100)
  String familyName;

  @Column(name = "email", length = 254)
  String email;

  @Column(name = "email_normalized", length = 254)
  String emailNormalized;

  @Column(name = "phone", length = 32)
  String phone;

  @Column(name = "company", length = 200)
  String company;

  @Column(name = "title", length = 200)
  String title;

  @Column(name = "source", nullable = false, length = 50)
  String source;

  @Column(name = "source_detail")
  String sourceDetail;

  @Column(name = "status", nullable = false, length = 20)
  String status;

  @Column(name = "disqualification_reason", length = 200)
  String disqualificationReason;

  @Column(name = "signals", nullable = false)
  String signals;

  @Column(name = "temperature", nullable = false, length = 10)
  String temperature;

  @Column(name = "temperature_override", length = 10)
  String temperatureOverride;

  @Column(name = "owner", length = 200)
  String owner;

  @Column(name = "score", nullable = false)
  int score;

  @Column(name = "created_at", nullable = false, updatable = false)
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  @Column(name = "converted_contact_id")
  @Convert(converter = NullableUuid.class)
  UUID convertedContactId;

  @Column(name = "converted_account_id")
  @Convert(converter = NullableUuid.class)
  UUID convertedAccountId;

  @Column(name = "converted_opportunity_id")
  @Convert(converter = NullableUuid.class)
  UUID convertedOpportunityId;

  @Column(name = "converted_at")
  LocalDateTime convertedAt;

  /** The campaign the lead is attributed to (schema version 4). */
  @Column(name = "campaign_id")
  @Convert(converter = NullableUuid.class)
  UUID campaignId;

  /** The industry's code (schema version 16). */
  @Column(name = "industry", length = 50)
  String industry;

  /** Whole days from capture to conversion while converted, for the analytics (schema version 7). */
  @Column(name = "conversion_days")
  Long conversionDays;

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

  @Column(name = "search_company", length = 1000)
  String searchCompany;

  @Column(name = "search_email", length = 1000)
  String searchEmail;

  @Column(name = "search_phone", length = 1000)
  String searchPhone;

  /** Custom field values as JSON ({@link FieldsJson}), null when none (schema version 17). */
  @Column(name = "custom_fields")
  String customFields;

  LeadEntity() {}
}
