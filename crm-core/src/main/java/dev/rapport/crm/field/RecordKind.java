package dev.rapport.crm.field;

/** The kinds of record a tenant may give custom fields. */
public enum RecordKind {
  /** A lead. */
  LEAD,
  /** A contact. */
  CONTACT,
  /** An account. */
  ACCOUNT,
  /** An opportunity. */
  OPPORTUNITY,
  /** A service case. */
  CASE
}
