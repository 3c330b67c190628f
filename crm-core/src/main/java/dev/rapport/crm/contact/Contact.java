package dev.rapport.crm.contact;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A contact: a person the tenant does business with, usually on behalf of an {@link Account}.
 * Often the result of converting a lead ({@link #originLead()}).
 *
 * <p>An immutable value; adapters rebuild stored contacts with the canonical constructor.
 *
 * @param id the contact's id
 * @param tenantId the tenant it belongs to
 * @param version how many times it has been stored (0 before the first save)
 * @param name the person's name
 * @param accountId the account the person belongs to
 * @param emails e-mail addresses, the primary first; no two equal
 * @param phones phone numbers, the primary first; no two equal
 * @param title the person's job title
 * @param marketingConsent the last recorded marketing consent
 * @param originLead the lead this contact was converted from
 * @param owner who manages the contact (a user id of the host)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param fields its custom field values ({@link dev.rapport.crm.field.CustomField})
 */
public record Contact(
    ContactId id,
    TenantId tenantId,
    long version,
    PersonName name,
    Optional<AccountId> accountId,
    List<EmailAddress> emails,
    List<PhoneNumber> phones,
    Optional<String> title,
    Optional<MarketingConsent> marketingConsent,
    Optional<LeadId> originLead,
    Optional<String> owner,
    Instant createdAt,
    Instant updatedAt,
    CustomFields fields) {

  /** @throws ValidationException if a part is null, a text blank or too long, or an address repeated */
  public Contact {
    Check.notNull(fields, "fields");
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(name, "name");
    Check.notNull(accountId, "accountId");
    emails = List.copyOf(Check.size(emails, "emails", Limits.EMAILS_PER_CONTACT));
    phones = List.copyOf(Check.size(phones, "phones", Limits.PHONES_PER_CONTACT));
    if (new LinkedHashSet<>(emails).size() != emails.size()) {
      throw new ValidationException("emails", "must not repeat an address");
    }
    if (new LinkedHashSet<>(phones).size() != phones.size()) {
      throw new ValidationException("phones", "must not repeat a number");
    }
    title = Account.optionalText(title, "title");
    Check.notNull(marketingConsent, "marketingConsent");
    Check.notNull(originLead, "originLead");
    owner = Account.optionalText(owner, "owner");
    createdAt = Check.instant(createdAt, "createdAt");
    updatedAt = Check.instant(updatedAt, "updatedAt");
  }

  /** The primary e-mail address: the first. */
  public Optional<EmailAddress> primaryEmail() {
    return emails.isEmpty() ? Optional.empty() : Optional.of(emails.get(0));
  }

  private Contact touched(Instant now) {
    return new Contact(id, tenantId, version, name, accountId, emails, phones, title,
        marketingConsent, originLead, owner, createdAt, now, fields);
  }

  /**
   * Attaches the contact to an account.
   *
   * @throws ValidationException if the id is null
   */
  public Contact attachTo(AccountId account, Instant now) {
    Check.notNull(account, "accountId");
    return new Contact(id, tenantId, version, name, Optional.of(account), emails, phones, title,
        marketingConsent, originLead, owner, createdAt, now, fields);
  }

  /**
   * Adds an e-mail address (no change if it is already there).
   *
   * @throws ValidationException if it is null, or the contact already has
   *     {@link Limits#EMAILS_PER_CONTACT} addresses
   */
  public Contact addEmail(EmailAddress email, Instant now) {
    Check.notNull(email, "email");
    if (emails.contains(email)) {
      return this;
    }
    List<EmailAddress> next = new ArrayList<>(emails);
    next.add(email);
    return new Contact(id, tenantId, version, name, accountId, next, phones, title,
        marketingConsent, originLead, owner, createdAt, now, fields);
  }

  /**
   * Adds a phone number (no change if it is already there).
   *
   * @throws ValidationException if it is null, or the contact already has
   *     {@link Limits#PHONES_PER_CONTACT} numbers
   */
  public Contact addPhone(PhoneNumber phone, Instant now) {
    Check.notNull(phone, "phone");
    if (phones.contains(phone)) {
      return this;
    }
    List<PhoneNumber> next = new ArrayList<>(phones);
    next.add(phone);
    return new Contact(id, tenantId, version, name, accountId, emails, next, title,
        marketingConsent, originLead, owner, createdAt, now, fields);
  }

  /**
   * Records a consent or its withdrawal.
   *
   * @throws ValidationException if it is null
   */
  public Contact recordConsent(MarketingConsent consent, Instant now) {
    Check.notNull(consent, "consent");
    return new Contact(id, tenantId, version, name, accountId, emails, phones, title,
        Optional.of(consent), originLead, owner, createdAt, now, fields);
  }

  /**
   * Merges what a converted lead knew into this contact, filling only empty fields: the account,
   * title, owner and origin if absent; the lead's address and number are added if new.
   */
  public Contact fillFrom(AccountId account, Optional<EmailAddress> email, Optional<PhoneNumber> phone,
      Optional<String> leadTitle, Optional<String> leadOwner, LeadId lead, Instant now) {
    Contact c = this;
    // fills only where there is room: a full contact keeps its addresses (Limits)
    if (email.isPresent() && !c.emails.contains(email.get()) && c.emails.size() < Limits.EMAILS_PER_CONTACT) {
      c = c.addEmail(email.get(), now);
    }
    if (phone.isPresent() && !c.phones.contains(phone.get()) && c.phones.size() < Limits.PHONES_PER_CONTACT) {
      c = c.addPhone(phone.get(), now);
    }
    Contact merged = new Contact(id, tenantId, version, name,
        c.accountId.or(() -> Optional.of(account)), c.emails, c.phones, c.title.or(() -> leadTitle),
        marketingConsent, originLead.or(() -> Optional.of(lead)), owner.or(() -> leadOwner),
        createdAt, updatedAt, fields);
    return merged.equals(this) ? this : merged.touched(now);
  }

  /**
   * This contact with other custom field values (checked against the tenant's fields by its
   * service); this very one when they are the same.
   *
   * @throws ValidationException if they are null
   */
  public Contact withFields(CustomFields newFields, Instant now) {
    Check.notNull(newFields, "fields");
    Check.notNull(now, "now");
    if (newFields.equals(fields)) {
      return this;
    }
    return new Contact(id, tenantId, version, name, accountId, emails, phones, title, marketingConsent, originLead, owner, createdAt, now, newFields);
  }
}
