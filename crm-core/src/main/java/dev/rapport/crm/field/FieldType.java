package dev.rapport.crm.field;

/**
 * What a custom field holds. Each type has one written form (see {@link FieldValue}), so that a
 * value reads back equal from every store and compares equal in a query.
 */
public enum FieldType {
  /** Text, up to the field's {@link CustomField#maxLength()} (at most 1,000 code points). */
  TEXT,
  /** A decimal number: up to 15 digits before the point and 6 after. */
  NUMBER,
  /** An amount of money in a currency ({@link dev.rapport.crm.common.Money}). */
  MONEY,
  /** A calendar day. */
  DATE,
  /** Yes or no. */
  BOOLEAN,
  /** One of the field's {@link CustomField#options()}. */
  CHOICE,
  /** One or more of the field's {@link CustomField#options()}. */
  CHOICES
}
