package dev.rapport.crm.lead;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * What a converted lead became.
 *
 * @param contactId the contact
 * @param accountId the account the contact belongs to
 * @param opportunityId the opportunity, if one was opened
 * @param convertedAt when the lead was converted
 */
public record ConvertedTo(ContactId contactId, AccountId accountId,
    Optional<OpportunityId> opportunityId, Instant convertedAt) {
  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public ConvertedTo {
    Check.notNull(contactId, "convertedTo.contactId");
    Check.notNull(accountId, "convertedTo.accountId");
    Check.notNull(opportunityId, "convertedTo.opportunityId");
    convertedAt = Check.instant(convertedAt, "convertedTo.convertedAt");
  }
}
