package dev.rapport.crm.activity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The records an activity or task is about: at most one lead, contact, account and opportunity,
 * and at least one of them. Each is a subject under whose timeline the activity or task appears.
 * Start with {@link #lead}, {@link #contact}, {@link #account} or {@link #opportunity} and add
 * more with the {@code and...} methods, e.g. {@code Links.contact(c).andAccount(a)}.
 *
 * @param lead the lead
 * @param contact the contact
 * @param account the account
 * @param opportunity the opportunity
 */
public record Links(Optional<LeadId> lead, Optional<ContactId> contact, Optional<AccountId> account,
    Optional<OpportunityId> opportunity) {

  /** @throws ValidationException if a part is null or none is present */
  public Links {
    Check.notNull(lead, "links.lead");
    Check.notNull(contact, "links.contact");
    Check.notNull(account, "links.account");
    Check.notNull(opportunity, "links.opportunity");
    if (lead.isEmpty() && contact.isEmpty() && account.isEmpty() && opportunity.isEmpty()) {
      throw new ValidationException("links", "must name at least one lead, contact, account or opportunity");
    }
  }

  /**
   * Links to a lead.
   *
   * @throws ValidationException if the id is null
   */
  public static Links lead(LeadId id) {
    return new Links(Optional.of(Check.notNull(id, "links.lead")), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Links to a contact.
   *
   * @throws ValidationException if the id is null
   */
  public static Links contact(ContactId id) {
    return new Links(Optional.empty(), Optional.of(Check.notNull(id, "links.contact")), Optional.empty(), Optional.empty());
  }

  /**
   * Links to an account.
   *
   * @throws ValidationException if the id is null
   */
  public static Links account(AccountId id) {
    return new Links(Optional.empty(), Optional.empty(), Optional.of(Check.notNull(id, "links.account")), Optional.empty());
  }

  /**
   * Links to an opportunity.
   *
   * @throws ValidationException if the id is null
   */
  public static Links opportunity(OpportunityId id) {
    return new Links(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Check.notNull(id, "links.opportunity")));
  }

  /**
   * These links and a lead (replacing any).
   *
   * @throws ValidationException if the id is null
   */
  public Links andLead(LeadId id) {
    return new Links(Optional.of(Check.notNull(id, "links.lead")), contact, account, opportunity);
  }

  /**
   * These links and a contact (replacing any).
   *
   * @throws ValidationException if the id is null
   */
  public Links andContact(ContactId id) {
    return new Links(lead, Optional.of(Check.notNull(id, "links.contact")), account, opportunity);
  }

  /**
   * These links and an account (replacing any).
   *
   * @throws ValidationException if the id is null
   */
  public Links andAccount(AccountId id) {
    return new Links(lead, contact, Optional.of(Check.notNull(id, "links.account")), opportunity);
  }

  /**
   * These links and an opportunity (replacing any).
   *
   * @throws ValidationException if the id is null
   */
  public Links andOpportunity(OpportunityId id) {
    return new Links(lead, contact, account, Optional.of(Check.notNull(id, "links.opportunity")));
  }

  /** The ids of the linked records, lead, contact, account, opportunity: the timelines it appears in. */
  public List<UUID> subjects() {
    List<UUID> s = new ArrayList<>(4);
    lead.ifPresent(x -> s.add(x.value()));
    contact.ifPresent(x -> s.add(x.value()));
    account.ifPresent(x -> s.add(x.value()));
    opportunity.ifPresent(x -> s.add(x.value()));
    return List.copyOf(s);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    lead.ifPresent(x -> b.append("lead=").append(x).append(' '));
    contact.ifPresent(x -> b.append("contact=").append(x).append(' '));
    account.ifPresent(x -> b.append("account=").append(x).append(' '));
    opportunity.ifPresent(x -> b.append("opportunity=").append(x).append(' '));
    return b.toString().strip();
  }
}
