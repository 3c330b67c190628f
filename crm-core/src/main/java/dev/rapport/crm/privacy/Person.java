package dev.rapport.crm.privacy;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Objects;
import java.util.Optional;

/**
 * The person a request of access or erasure is about, as the host knows them: by e-mail address
 * (every lead and contact with that address, and what they became or came from), by lead (the
 * lead and the contact it became), or by contact (the contact and the leads converted into it).
 * Immutable.
 */
public final class Person {
  private final Optional<EmailAddress> email;
  private final Optional<LeadId> lead;
  private final Optional<ContactId> contact;

  private Person(Optional<EmailAddress> email, Optional<LeadId> lead, Optional<ContactId> contact) {
    this.email = email;
    this.lead = lead;
    this.contact = contact;
  }

  /**
   * The person with this e-mail address: every lead and contact that has it.
   *
   * @throws ValidationException if the address is null or not an e-mail address (field {@code email})
   */
  public static Person withEmail(String address) {
    Check.notNull(address, "email");
    return new Person(Optional.of(EmailAddress.of(address)), Optional.empty(), Optional.empty());
  }

  /**
   * The person a lead is: the lead, and the contact it was converted into.
   *
   * @throws ValidationException if the id is null (field {@code leadId})
   */
  public static Person lead(LeadId id) {
    return new Person(Optional.empty(), Optional.of(Check.notNull(id, "leadId")), Optional.empty());
  }

  /**
   * The person a contact is: the contact, and the leads converted into it.
   *
   * @throws ValidationException if the id is null (field {@code contactId})
   */
  public static Person contact(ContactId id) {
    return new Person(Optional.empty(), Optional.empty(), Optional.of(Check.notNull(id, "contactId")));
  }

  /** The address the person was named by, if by address. */
  public Optional<EmailAddress> email() {
    return email;
  }

  /** The lead the person was named by, if by lead. */
  public Optional<LeadId> lead() {
    return lead;
  }

  /** The contact the person was named by, if by contact. */
  public Optional<ContactId> contact() {
    return contact;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Person p && p.email.equals(email) && p.lead.equals(lead) && p.contact.equals(contact);
  }

  @Override
  public int hashCode() {
    return Objects.hash(email, lead, contact);
  }

  /** {@code Person[lead=…]}, {@code Person[contact=…]}, or {@code Person[email]} (the address is not shown: logs are no place for it). */
  @Override
  public String toString() {
    return lead.map(l -> "Person[lead=" + l + "]").or(() -> contact.map(c -> "Person[contact=" + c + "]"))
        .orElse("Person[email]");
  }
}
