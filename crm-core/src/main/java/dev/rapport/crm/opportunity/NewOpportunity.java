package dev.rapport.crm.opportunity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.common.LeadSource;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What is known of an opportunity when it is opened. Used on its own with
 * {@link OpportunityService#open} (with an account), and in a lead conversion (where the account
 * and primary contact come from the conversion). Each setter checks its value at once.
 */
public final class NewOpportunity {
  final String name;
  final Money amount;
  final Optional<String> stage;
  final Optional<LocalDate> expectedCloseDate;
  final Optional<ContactId> primaryContact;
  final Optional<LeadSource> source;
  final Optional<String> owner;

  private final CustomFields fields;

  private NewOpportunity(Builder b) {
    this.fields = b.fields;
    name = b.name;
    amount = b.amount;
    stage = Optional.ofNullable(b.stage);
    expectedCloseDate = Optional.ofNullable(b.expectedCloseDate);
    primaryContact = Optional.ofNullable(b.primaryContact);
    source = Optional.ofNullable(b.source);
    owner = Optional.ofNullable(b.owner);
  }

  /**
   * Starts an opportunity with what is sold and its expected amount.
   *
   * @throws ValidationException if the name is null, blank or over 200 characters, or the amount
   *     null or negative
   */
  public static Builder builder(String name, Money amount) {
    Check.notNull(amount, "amount");
    if (amount.isNegative()) {
      throw new ValidationException("amount", "must not be negative");
    }
    return new Builder(Check.text(name, "name", Opportunity.MAX_TEXT), amount);
  }

  /** The opportunity's name. */
  public String name() {
    return name;
  }

  /** The opportunity's amount. */
  public Money amount() {
    return amount;
  }

  /** The primary contact it names, if any. */
  public Optional<ContactId> primaryContact() {
    return primaryContact;
  }

  /** The custom field values. */
  CustomFields fields() {
    return fields;
  }

  /** Builds a {@link NewOpportunity}. Not thread-safe. */
  public static final class Builder {
    private CustomFields fields = CustomFields.empty();
    private final String name;
    private final Money amount;
    private String stage;
    private LocalDate expectedCloseDate;
    private ContactId primaryContact;
    private LeadSource source;
    private String owner;

    private Builder(String name, Money amount) {
      this.name = name;
      this.amount = amount;
    }

    /**
     * The open stage to start in (default: the pipeline's first).
     *
     * @throws ValidationException if null or blank
     */
    public Builder stage(String stageName) {
      this.stage = Check.text(stageName, "stage", Limits.STAGE_NAME);
      return this;
    }

    /**
     * The expected close date.
     *
     * @throws ValidationException if null
     */
    public Builder expectedCloseDate(LocalDate date) {
      this.expectedCloseDate = Check.date(date, "expectedCloseDate");
      return this;
    }

    /**
     * The primary contact (it must exist).
     *
     * @throws ValidationException if null
     */
    public Builder primaryContact(ContactId id) {
      this.primaryContact = Check.notNull(id, "primaryContact");
      return this;
    }

    /**
     * The lead source it is credited to.
     *
     * @throws ValidationException if null
     */
    public Builder source(LeadSource s) {
      this.source = Check.notNull(s, "source");
      return this;
    }

    /**
     * Who works it.
     *
     * @throws ValidationException if null, blank or too long
     */
    public Builder owner(String userId) {
      this.owner = Check.text(userId, "owner", Opportunity.MAX_TEXT);
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
    /** The opportunity to open. */
    public NewOpportunity build() {
      return new NewOpportunity(this);
    }
  }
}
