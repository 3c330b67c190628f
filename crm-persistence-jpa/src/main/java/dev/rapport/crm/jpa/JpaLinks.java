package dev.rapport.crm.jpa;

import dev.rapport.crm.activity.Links;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import java.util.Optional;
import java.util.UUID;

/** The four link columns of activities and tasks, to and from {@link Links}. */
final class JpaLinks {
  private JpaLinks() {}

  static UUID lead(Links l) {
    return l.lead().map(LeadId::value).orElse(null);
  }

  static UUID contact(Links l) {
    return l.contact().map(ContactId::value).orElse(null);
  }

  static UUID account(Links l) {
    return l.account().map(AccountId::value).orElse(null);
  }

  static UUID opportunity(Links l) {
    return l.opportunity().map(OpportunityId::value).orElse(null);
  }

  static Links of(UUID lead, UUID contact, UUID account, UUID opportunity) {
    return new Links(Optional.ofNullable(lead).map(LeadId::of), Optional.ofNullable(contact).map(ContactId::of),
        Optional.ofNullable(account).map(AccountId::of), Optional.ofNullable(opportunity).map(OpportunityId::of));
  }
}
