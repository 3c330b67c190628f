package dev.rapport.crm.contact;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is known of a contact when it is created: the input of {@link ContactService#create}.
 * Each setter checks its value at once.
 */
public final class NewContact {
  final PersonName name;
  final Optional<AccountId> accountId;
  final List<EmailAddress> emails;
  final List<PhoneNumber> phones;
  final Optional<String> title;
  final Optional<MarketingConsent> consent;
  final Optional<String> owner;

  private final CustomFields fields;

  private NewContact(Builder b) {
    this.fields = b.fields;
    name = b.name;
    accountId = Optional.ofNullable(b.accountId);
    emails = List.copyOf(b.emails);
    phones = List.copyOf(b.phones);
    title = Optional.ofNullable(b.title);
    consent = Optional.ofNullable(b.consent);
    owner = Optional.ofNullable(b.owner);
  }

  /**
   * Starts a contact with the person's name.
   *
   * @throws ValidationException if it is null
   */
  public static Builder builder(PersonName name) {
    return new Builder(Check.notNull(name, "name"));
  }

  /** The custom field values. */
  CustomFields fields() {
    return fields;
  }

  /** Builds a {@link NewContact}. Not thread-safe. */
  public static final class Builder {
    private CustomFields fields = CustomFields.empty();
    private final PersonName name;
    private AccountId accountId;
    private final List<EmailAddress> emails = new ArrayList<>();
    private final List<PhoneNumber> phones = new ArrayList<>();
    private String title;
    private MarketingConsent consent;
    private String owner;

    private Builder(PersonName name) {
      this.name = name;
    }

    /**
     * The account the person belongs to (it must exist).
     *
     * @throws ValidationException if null
     */
    public Builder account(AccountId id) {
      this.accountId = Check.notNull(id, "accountId");
      return this;
    }

    /**
     * Adds an e-mail address; the first is primary.
     *
     * @throws ValidationException if null or invalid, its field the address's place
     *     ({@code emails[1]})
     */
    public Builder email(String address) {
      EmailAddress e = EmailAddress.of(address, "emails[" + emails.size() + "]");
      if (!emails.contains(e)) {
        emails.add(e);
      }
      return this;
    }

    /**
     * Adds a phone number in international form.
     *
     * @throws ValidationException if null or invalid, its field the number's place
     *     ({@code phones[0]})
     */
    public Builder phone(String number) {
      PhoneNumber p;
      try {
        p = PhoneNumber.of(number);
      } catch (ValidationException e) {
        throw new ValidationException("phones[" + phones.size() + "]", e.rule());
      }
      if (!phones.contains(p)) {
        phones.add(p);
      }
      return this;
    }

    /**
     * The job title.
     *
     * @throws ValidationException if null, blank or too long
     */
    public Builder title(String t) {
      this.title = Check.text(t, "title", Account.MAX_TEXT);
      return this;
    }

    /**
     * The marketing consent.
     *
     * @throws ValidationException if null
     */
    public Builder consent(MarketingConsent c) {
      this.consent = Check.notNull(c, "consent");
      return this;
    }

    /**
     * Who manages the contact.
     *
     * @throws ValidationException if null, blank or too long
     */
    public Builder owner(String userId) {
      this.owner = Check.text(userId, "owner", Account.MAX_TEXT);
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
    /** The contact to create. */
    public NewContact build() {
      return new NewContact(this);
    }
  }
}
