package dev.rapport.crm.service;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * What is known of a service case when it is opened. Build one with {@link #builder}; values are
 * checked as they are set.
 */
public final class NewCase {
  final AccountId accountId;
  final Optional<ContactId> contactId;
  final String subject;
  final Optional<String> description;
  final CasePriority priority;
  final Optional<String> owner;

  private final CustomFields fields;

  private NewCase(Builder b) {
    this.fields = b.fields;
    this.accountId = b.accountId;
    this.contactId = b.contactId;
    this.subject = b.subject;
    this.description = b.description;
    this.priority = b.priority;
    this.owner = b.owner;
  }

  /**
   * Starts a case of the account about the subject ({@link CasePriority#NORMAL}, no contact, no
   * owner, no description unless set).
   *
   * @throws ValidationException if the account is null, or the subject null, blank, longer than
   *     {@value Limits#TEXT} characters or not storable
   */
  public static Builder builder(AccountId account, String subject) {
    return new Builder(account, subject);
  }

  /** The account that asks. */
  public AccountId accountId() {
    return accountId;
  }

  /** The contact who asks, if given. */
  public Optional<ContactId> contactId() {
    return contactId;
  }

  /** The custom field values. */
  CustomFields fields() {
    return fields;
  }

  /** Builds a {@link NewCase}. Not thread-safe. */
  public static final class Builder {
    private CustomFields fields = CustomFields.empty();
    private final AccountId accountId;
    private final String subject;
    private Optional<ContactId> contactId = Optional.empty();
    private Optional<String> description = Optional.empty();
    private CasePriority priority = CasePriority.NORMAL;
    private Optional<String> owner = Optional.empty();

    private Builder(AccountId account, String subject) {
      this.accountId = Check.notNull(account, "accountId");
      this.subject = Check.text(subject, "subject", Limits.TEXT);
    }

    /**
     * The contact who asks: a contact of the account.
     *
     * @throws ValidationException if null
     */
    public Builder contact(ContactId c) {
      this.contactId = Optional.of(Check.notNull(c, "contactId"));
      return this;
    }

    /**
     * The request in full.
     *
     * @throws ValidationException if null, blank, longer than {@value Limits#CASE_DESCRIPTION}
     *     characters or not storable
     */
    public Builder description(String d) {
      this.description = Optional.of(Check.text(d, "description", Limits.CASE_DESCRIPTION));
      return this;
    }

    /**
     * How urgent it is (default {@link CasePriority#NORMAL}).
     *
     * @throws ValidationException if null
     */
    public Builder priority(CasePriority p) {
      this.priority = Check.notNull(p, "priority");
      return this;
    }

    /**
     * Who works it.
     *
     * @throws ValidationException if null, blank, longer than {@value Limits#TEXT} characters or
     *     not storable
     */
    public Builder owner(String o) {
      this.owner = Optional.of(Check.text(o, "owner", Limits.TEXT));
      return this;
    }


    /**
     * The custom field values, checked against the tenant's fields of this kind when it is
     * written ({@link dev.rapport.crm.field.CustomField#check}).
     *
     * @throws ValidationException if they are null
     */
    public Builder fields(CustomFields values) {
      this.fields = Check.notNull(values, "fields");
      return this;
    }
    /** The draft. */
    public NewCase build() {
      return new NewCase(this);
    }
  }
}
