package dev.rapport.crm.search;

/** The field of a record a {@link SearchHit} matched on, in the order ties between fields go. */
public enum SearchField {
  /** A person's full name, or an account's name. */
  NAME,
  /** The company a lead gave. */
  COMPANY,
  /** An e-mail address (a contact's: any of them). */
  EMAIL,
  /** A phone number, compared by its digits (a contact's: any of them). */
  PHONE,
  /** An account's web domain. */
  DOMAIN,
  /** An account's reference in the host's own system (e.g. a customer number). */
  REFERENCE
}
