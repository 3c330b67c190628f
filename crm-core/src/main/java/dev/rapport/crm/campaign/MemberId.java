package dev.rapport.crm.campaign;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.internal.Check;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a campaign member is: a lead or a contact of the tenant (exactly one of the two).
 *
 * @param lead the lead, if the member is a lead
 * @param contact the contact, if the member is a contact
 */
public record MemberId(Optional<LeadId> lead, Optional<ContactId> contact) {
  /** @throws ValidationException if a part is null, or not exactly one is present */
  public MemberId {
    Check.notNull(lead, "member.lead");
    Check.notNull(contact, "member.contact");
    if (lead.isPresent() == contact.isPresent()) {
      throw new ValidationException("member", "must be exactly one of a lead and a contact");
    }
  }

  /**
   * The lead as a member.
   *
   * @throws ValidationException if the id is null
   */
  public static MemberId lead(LeadId id) {
    return new MemberId(Optional.of(Check.notNull(id, "leadId")), Optional.empty());
  }

  /**
   * The contact as a member.
   *
   * @throws ValidationException if the id is null
   */
  public static MemberId contact(ContactId id) {
    return new MemberId(Optional.empty(), Optional.of(Check.notNull(id, "contactId")));
  }

  /** The UUID of the lead or contact. */
  public UUID value() {
    return lead.map(LeadId::value).orElseGet(() -> contact.get().value());
  }

  /** Whether the member is a lead. */
  public boolean isLead() {
    return lead.isPresent();
  }

  @Override
  public String toString() {
    return (isLead() ? "lead " : "contact ") + value();
  }
}
