package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code crm_contact_email}: one e-mail address of a contact, keyed by tenant, contact
 * and normalised address, indexed by (tenant, normalised address) for lookups.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportContactEmail")
@Table(name = "crm_contact_email")
@IdClass(ContactEmailEntity.Key.class)
class ContactEmailEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "contact_id", nullable = false, updatable = false)
  UUID contactId;

  @Id
  @Column(name = "email_normalized", nullable = false, updatable = false, length = 254)
  String emailNormalized;

  @Column(name = "address", nullable = false, length = 254)
  String address;

  /** The address's place in the contact's list, 0 for the primary. */
  @Column(name = "list_index", nullable = false)
  int listIndex;

  ContactEmailEntity() {}

  ContactEmailEntity(String tenantId, UUID contactId, String emailNormalized, String address, int listIndex) {
    this.tenantId = tenantId;
    this.contactId = contactId;
    this.emailNormalized = emailNormalized;
    this.address = address;
    this.listIndex = listIndex;
  }

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    UUID contactId;
    String emailNormalized;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(contactId, k.contactId) && Objects.equals(emailNormalized, k.emailNormalized);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, contactId, emailNormalized);
    }
  }
}
