package dev.rapport.crm.search;

/** The kinds of record a {@link SearchService search} finds, in the order ties rank. */
public enum SearchKind {
  /** A lead: by name, company, e-mail address and phone number. */
  LEAD,
  /** A contact: by name, e-mail addresses and phone numbers. */
  CONTACT,
  /** An account: by name, domain and external reference. */
  ACCOUNT
}
