package dev.rapport.crm.search;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.internal.Check;
import java.util.Optional;
import java.util.UUID;

/**
 * A record a search found: which one, what to show for it, the field that matched best and how
 * well.
 *
 * @param kind the kind of record
 * @param id the record's id (see {@link #leadId}, {@link #contactId}, {@link #accountId})
 * @param label the record's name: a lead's or contact's full name, an account's name
 * @param field the field that matched best (the first in {@link SearchField} order on a tie)
 * @param similarity the word similarity of the query to that field, 0.3 to 1
 */
public record SearchHit(SearchKind kind, UUID id, String label, SearchField field, double similarity) {
  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public SearchHit {
    Check.notNull(kind, "kind");
    Check.notNull(id, "id");
    Check.notNull(label, "label");
    Check.notNull(field, "field");
  }

  /** The lead's id, if a lead was found. */
  public Optional<LeadId> leadId() {
    return kind == SearchKind.LEAD ? Optional.of(new LeadId(id)) : Optional.empty();
  }

  /** The contact's id, if a contact was found. */
  public Optional<ContactId> contactId() {
    return kind == SearchKind.CONTACT ? Optional.of(new ContactId(id)) : Optional.empty();
  }

  /** The account's id, if an account was found. */
  public Optional<AccountId> accountId() {
    return kind == SearchKind.ACCOUNT ? Optional.of(new AccountId(id)) : Optional.empty();
  }
}
