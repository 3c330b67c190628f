package dev.rapport.crm.lead;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is known of a lead when it is captured: the input of {@link LeadService#capture(NewLead)}.
 * Build one with {@link #builder(PersonName, LeadSource)}; each setter checks its value at once.
 */
public final class NewLead {
  private final PersonName name;
  private final LeadSource source;
  private final Optional<EmailAddress> email;
  private final Optional<PhoneNumber> phone;
  private final Optional<String> company;
  private final Optional<String> title;
  private final Optional<SourceDetail> sourceDetail;
  private final Optional<String> owner;
  private final List<EngagementSignal> signals;
  private final Optional<CampaignId> campaign;
  private final Optional<Industry> industry;

  private final CustomFields fields;

  private NewLead(Builder b) {
    this.fields = b.fields;
    this.name = b.name;
    this.source = b.source;
    this.email = Optional.ofNullable(b.email);
    this.phone = Optional.ofNullable(b.phone);
    this.company = Optional.ofNullable(b.company);
    this.title = Optional.ofNullable(b.title);
    this.sourceDetail = Optional.ofNullable(b.sourceDetail);
    this.owner = Optional.ofNullable(b.owner);
    this.signals = List.copyOf(b.signals);
    this.campaign = Optional.ofNullable(b.campaign);
    this.industry = Optional.ofNullable(b.industry);
  }

  /**
   * Starts a lead with the person's name and where they came from.
   *
   * @throws ValidationException if either is null
   */
  public static Builder builder(PersonName name, LeadSource source) {
    return new Builder(Check.notNull(name, "name"), Check.notNull(source, "source"));
  }

  PersonName name() { return name; }
  LeadSource source() { return source; }
  Optional<EmailAddress> email() { return email; }
  Optional<PhoneNumber> phone() { return phone; }
  Optional<String> company() { return company; }
  Optional<String> title() { return title; }
  Optional<SourceDetail> sourceDetail() { return sourceDetail; }
  Optional<String> owner() { return owner; }
  List<EngagementSignal> signals() { return signals; }
  Optional<CampaignId> campaign() { return campaign; }
  Optional<Industry> industry() { return industry; }

  /** The custom field values. */
  CustomFields fields() {
    return fields;
  }

  /** Builds a {@link NewLead}. Not thread-safe. */
  public static final class Builder {
    private CustomFields fields = CustomFields.empty();
    private final PersonName name;
    private final LeadSource source;
    private EmailAddress email;
    private PhoneNumber phone;
    private String company;
    private String title;
    private SourceDetail sourceDetail;
    private String owner;
    private final List<EngagementSignal> signals = new ArrayList<>();
    private CampaignId campaign;
    private Industry industry;

    private Builder(PersonName name, LeadSource source) {
      this.name = name;
      this.source = source;
    }

    /**
     * The e-mail address.
     *
     * @throws ValidationException if it is null or invalid
     */
    public Builder email(String address) {
      this.email = EmailAddress.of(address);
      return this;
    }

    /**
     * The e-mail address.
     *
     * @throws ValidationException if it is null
     */
    public Builder email(EmailAddress address) {
      this.email = Check.notNull(address, "email");
      return this;
    }

    /**
     * The phone number in international form.
     *
     * @throws ValidationException if it is null or invalid
     */
    public Builder phone(String number) {
      this.phone = PhoneNumber.of(number);
      return this;
    }

    /**
     * The phone number.
     *
     * @throws ValidationException if it is null
     */
    public Builder phone(PhoneNumber number) {
      this.phone = Check.notNull(number, "phone");
      return this;
    }

    /**
     * The company.
     *
     * @throws ValidationException if it is null, blank or over 200 characters
     */
    public Builder company(String name) {
      this.company = Check.text(name, "company", Lead.MAX_TEXT);
      return this;
    }

    /**
     * The job title.
     *
     * @throws ValidationException if it is null, blank or over 200 characters
     */
    public Builder title(String jobTitle) {
      this.title = Check.text(jobTitle, "title", Lead.MAX_TEXT);
      return this;
    }

    /**
     * Campaign and UTM detail.
     *
     * @throws ValidationException if it is null
     */
    public Builder sourceDetail(SourceDetail detail) {
      this.sourceDetail = Check.notNull(detail, "sourceDetail");
      return this;
    }

    /**
     * Who works the lead.
     *
     * @throws ValidationException if it is null, blank or over 200 characters
     */
    public Builder owner(String userId) {
      this.owner = Check.text(userId, "owner", Lead.MAX_TEXT);
      return this;
    }

    /**
     * An engagement known at capture, e.g. the webinar attended.
     *
     * @throws ValidationException if null
     */
    public Builder signal(EngagementSignal signal) {
      signals.add(Check.notNull(signal, "signal"));
      return this;
    }

    /**
     * The campaign the lead came from: the lead is attributed to it, and counts in its results.
     * Capture refuses a campaign the tenant does not have.
     *
     * @throws ValidationException if it is null
     */
    public Builder campaign(CampaignId id) {
      this.campaign = Check.notNull(id, "campaign");
      return this;
    }

    /**
     * The industry of the person's company.
     *
     * @throws ValidationException if it is null
     */
    public Builder industry(Industry i) {
      this.industry = Check.notNull(i, "industry");
      return this;
    }

    /**
     * The industry of the person's company, by code or as people write it (see {@link Industry#of}).
     *
     * @throws ValidationException if it is null or does not read as an industry code
     */
    public Builder industry(String codeOrName) {
      this.industry = Industry.of(codeOrName);
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
    /** The lead to capture. */
    public NewLead build() {
      signals.sort(java.util.Comparator.comparing(EngagementSignal::occurredAt));
      return new NewLead(this);
    }
  }
}
