package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.List;
import java.util.Optional;

/** The four kinds of record and their indexes. Constants: immutable, no state. */
final class Kinds {
  private Kinds() {}

  static final String EMAIL = "email";
  static final String STATUS = "status";
  static final String TEMPERATURE = "temperature";
  static final String OWNER = "owner";
  static final String SOURCE = "source";
  static final String ACCOUNT = "account";
  static final String STAGE = "stage";
  static final String NAME_KEY = "nameKey";
  static final String DOMAIN = "domain";
  static final String EXTERNAL_REFERENCE = "externalReference";

  static final Kind<LeadId, Lead> LEADS = new Kind<>("lead", Lead::id, Lead::version,
      Lead::withVersion, Lead::tenantId, LeadId::parse,
      List.of(
          new Kind.IndexDef<>(EMAIL, l -> l.email().map(EmailAddress::normalized).stream().toList()),
          new Kind.IndexDef<>(STATUS, l -> List.of(l.status())),
          new Kind.IndexDef<>(TEMPERATURE, l -> List.of(l.temperature())),
          new Kind.IndexDef<>(OWNER, l -> l.owner().stream().toList()),
          new Kind.IndexDef<>(SOURCE, l -> List.of(l.source()))),
      Optional.empty());

  static final Kind<ContactId, Contact> CONTACTS = new Kind<>("contact", Contact::id,
      Contact::version, Contact::withVersion, Contact::tenantId, ContactId::parse,
      List.of(
          new Kind.IndexDef<>(EMAIL, c -> c.emails().stream().map(EmailAddress::normalized).toList()),
          new Kind.IndexDef<>(ACCOUNT, c -> c.accountId().stream().toList())),
      Optional.empty());

  static final Kind<AccountId, Account> ACCOUNTS = new Kind<>("account", Account::id,
      Account::version, Account::withVersion, Account::tenantId, AccountId::parse,
      List.of(
          new Kind.IndexDef<>(NAME_KEY, a -> List.of(a.nameKey())),
          new Kind.IndexDef<>(DOMAIN, a -> a.domain().stream().toList()),
          new Kind.IndexDef<>(EXTERNAL_REFERENCE, a -> a.externalReference().stream().toList())),
      Optional.of(new Kind.Unique(EXTERNAL_REFERENCE, "externalReference")));

  static final Kind<OpportunityId, Opportunity> OPPORTUNITIES = new Kind<>("opportunity",
      Opportunity::id, Opportunity::version, Opportunity::withVersion, Opportunity::tenantId,
      OpportunityId::parse,
      List.of(
          new Kind.IndexDef<>(STATUS, o -> List.of(o.status())),
          new Kind.IndexDef<>(ACCOUNT, o -> List.of(o.accountId())),
          new Kind.IndexDef<>(OWNER, o -> o.owner().stream().toList()),
          new Kind.IndexDef<>(STAGE, o -> List.of(o.stage()))),
      Optional.empty());
}
