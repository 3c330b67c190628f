package dev.rapport.crm.contact;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * What is known of an account when it is created: the input of {@link AccountService#create}.
 * Each setter checks its value at once.
 */
public final class NewAccount {
  final String name;
  final Optional<String> domain;
  final Optional<String> externalReference;
  final Optional<Industry> industry;
  final Optional<String> owner;

  private final CustomFields fields;

  private NewAccount(Builder b) {
    this.fields = b.fields;
    name = b.name;
    domain = Optional.ofNullable(b.domain);
    externalReference = Optional.ofNullable(b.externalReference);
    industry = Optional.ofNullable(b.industry);
    owner = Optional.ofNullable(b.owner);
  }

  /**
   * Starts an account with its name.
   *
   * @throws ValidationException if null, blank or over 200 characters
   */
  public static Builder builder(String name) {
    return new Builder(Check.text(name, "name", Account.MAX_TEXT));
  }

  /** The custom field values. */
  CustomFields fields() {
    return fields;
  }

  /** Builds a {@link NewAccount}. Not thread-safe. */
  public static final class Builder {
    private CustomFields fields = CustomFields.empty();
    private final String name;
    private String domain;
    private String externalReference;
    private Industry industry;
    private String owner;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * The web and e-mail domain, e.g. {@code acme.com}.
     *
     * @throws ValidationException if malformed
     */
    public Builder domain(String d) {
      this.domain = Account.checkDomain(d);
      return this;
    }

    /**
     * The host's key for the account.
     *
     * @throws ValidationException if null, blank or too long
     */
    public Builder externalReference(String ref) {
      this.externalReference = Check.text(ref, "externalReference", Account.MAX_TEXT);
      return this;
    }

    /**
     * The industry.
     *
     * @throws ValidationException if null
     */
    public Builder industry(Industry i) {
      this.industry = Check.notNull(i, "industry");
      return this;
    }

    /**
     * The industry, by code or as people write it (see {@link Industry#of}): {@code "Wholesale"}
     * is {@link Industry#WHOLESALE}.
     *
     * @throws ValidationException if null or it does not read as an industry code
     */
    public Builder industry(String codeOrName) {
      this.industry = Industry.of(codeOrName);
      return this;
    }

    /**
     * Who manages the account.
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
    /** The account to create. */
    public NewAccount build() {
      return new NewAccount(this);
    }
  }
}
