package dev.rapport.crm.lead;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * Corrections to a lead's details: the input of {@link LeadService#update}. Only the details set
 * here change; the rest stay as they are. Each setter checks its value at once.
 */
public final class LeadUpdate {
  final Optional<PersonName> name;
  final Optional<EmailAddress> email;
  final Optional<PhoneNumber> phone;
  final Optional<String> company;
  final Optional<String> title;
  final Optional<Industry> industry;

  private LeadUpdate(Builder b) {
    name = Optional.ofNullable(b.name);
    email = Optional.ofNullable(b.email);
    phone = Optional.ofNullable(b.phone);
    company = Optional.ofNullable(b.company);
    title = Optional.ofNullable(b.title);
    industry = Optional.ofNullable(b.industry);
  }

  /** Starts an update that changes nothing yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LeadUpdate}. Not thread-safe. */
  public static final class Builder {
    private PersonName name;
    private EmailAddress email;
    private PhoneNumber phone;
    private String company;
    private String title;
    private Industry industry;

    private Builder() {}

    /**
     * A corrected name.
     *
     * @throws ValidationException if null
     */
    public Builder name(PersonName n) {
      this.name = Check.notNull(n, "name");
      return this;
    }

    /**
     * A corrected e-mail address.
     *
     * @throws ValidationException if null or invalid
     */
    public Builder email(String address) {
      this.email = EmailAddress.of(address);
      return this;
    }

    /**
     * A corrected phone number in international form.
     *
     * @throws ValidationException if null or invalid
     */
    public Builder phone(String number) {
      this.phone = PhoneNumber.of(number);
      return this;
    }

    /**
     * A corrected company.
     *
     * @throws ValidationException if null, blank or over 200 characters
     */
    public Builder company(String c) {
      this.company = Check.text(c, "company", Lead.MAX_TEXT);
      return this;
    }

    /**
     * A corrected job title.
     *
     * @throws ValidationException if null, blank or over 200 characters
     */
    public Builder title(String t) {
      this.title = Check.text(t, "title", Lead.MAX_TEXT);
      return this;
    }

    /**
     * A corrected industry.
     *
     * @throws ValidationException if null
     */
    public Builder industry(Industry i) {
      this.industry = Check.notNull(i, "industry");
      return this;
    }

    /** The update. */
    public LeadUpdate build() {
      return new LeadUpdate(this);
    }
  }
}
