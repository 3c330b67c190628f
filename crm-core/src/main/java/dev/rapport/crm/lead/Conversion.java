package dev.rapport.crm.lead;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.opportunity.NewOpportunity;
import java.util.Optional;

/**
 * How to convert a lead: into which account and contact, and whether to open an opportunity.
 * By default the account is matched (an existing contact's account, else an account with the
 * lead's company name, else one with the lead's e-mail domain) and created when none matches; the
 * contact is matched by the lead's e-mail address and created when none matches; no opportunity is
 * opened. An immutable value: each {@code with...} method returns a new one.
 *
 * @param account the account to attach to; empty to match or create
 * @param contact the contact to merge into; empty to match or create
 * @param opportunity the opportunity to open; empty for none
 */
public record Conversion(Optional<AccountId> account, Optional<ContactId> contact,
    Optional<NewOpportunity> opportunity) {

  /** @throws ValidationException if a part is null */
  public Conversion {
    Check.notNull(account, "account");
    Check.notNull(contact, "contact");
    Check.notNull(opportunity, "opportunity");
  }

  /** Match or create account and contact; open no opportunity. */
  public static Conversion standard() {
    return new Conversion(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Attach to this existing account instead of matching.
   *
   * @throws ValidationException if null
   */
  public Conversion toAccount(AccountId id) {
    return new Conversion(Optional.of(Check.notNull(id, "account")), contact, opportunity);
  }

  /**
   * Merge into this existing contact instead of matching.
   *
   * @throws ValidationException if null
   */
  public Conversion toContact(ContactId id) {
    return new Conversion(account, Optional.of(Check.notNull(id, "contact")), opportunity);
  }

  /**
   * Also open this opportunity.
   *
   * @throws ValidationException if null
   */
  public Conversion withOpportunity(NewOpportunity draft) {
    return new Conversion(account, contact, Optional.of(Check.notNull(draft, "opportunity")));
  }
}
