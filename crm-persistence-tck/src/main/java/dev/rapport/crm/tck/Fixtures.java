package dev.rapport.crm.tck;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.lead.ConvertedTo;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.SourceDetail;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.StageChange;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Aggregates built with their canonical constructors, for tests that go through the SPI directly:
 * with every field populated, or with every optional field empty. Times are whole milliseconds
 * (what every database keeps).
 */
final class Fixtures {
  private static final Random RANDOM = new SecureRandom();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Fixtures() {}

  /** A time-ordered (version 7 layout) UUID; later calls give larger ids. */
  static UUID uuid() {
    long candidate = System.currentTimeMillis() << 12;
    long v = SEQUENCE.updateAndGet(prev -> Math.max(prev + 1, candidate)); // strictly increasing
    long msb = ((v >>> 12) & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (v & 0xFFF);
    long lsb = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  static Instant at(Instant base, long minutes) {
    return base.plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MILLIS);
  }

  /** A converted lead with every optional field present, several signals and an override. */
  static Lead convertedLead(TenantId tenant, Instant t) {
    return new Lead(LeadId.of(uuid()), tenant, 0, new PersonName(Optional.of("Zoë"), "Ångström-O'Neil"),
        Optional.of(EmailAddress.of("Zoe.Angstrom@Example-Books.co.uk")),
        Optional.of(PhoneNumber.of("+49 30 901820")), Optional.of("Example Books Ltd."),
        Optional.of("Head of Finance"), LeadSource.of("spring_fair_2025"),
        Optional.of(new SourceDetail(Optional.of("Spring fair"), Optional.of("google"),
            Optional.of("cpc"), Optional.of("spring-2025"))),
        LeadStatus.CONVERTED, Optional.empty(),
        List.of(new EngagementSignal(SignalType.WEBINAR_ATTENDED, at(t, -600), Optional.of("Closing the books")),
            EngagementSignal.of(SignalType.of("booth_visit", SignalType.Intent.MARKETING), at(t, -300)),
            new EngagementSignal(SignalType.DEMO_REQUEST, at(t, -10), Optional.of("asked for a demo"))),
        Temperature.WARM, Optional.of(Temperature.WARM), Optional.of("user-17"), 87, at(t, -700),
        at(t, 0), Optional.of(new ConvertedTo(ContactId.of(uuid()), AccountId.of(uuid()),
            Optional.of(OpportunityId.of(uuid())), at(t, 0))), Optional.empty(),
        Optional.of(Industry.of("publishing_and_learning_media_" + "x".repeat(20))), dev.rapport.crm.field.CustomFields.empty());
  }

  /** A disqualified lead: the only status that carries a reason. */
  static Lead disqualifiedLead(TenantId tenant, Instant t) {
    return new Lead(LeadId.of(uuid()), tenant, 0, PersonName.of("Grace", "Hopper"),
        Optional.of(EmailAddress.of("grace@navy.example.org")), Optional.of(PhoneNumber.of("+1 650 253 0000")),
        Optional.of("US Navy"), Optional.of("Rear Admiral"), LeadSource.PURCHASED_LIST,
        Optional.of(SourceDetail.campaign("list 7")), LeadStatus.DISQUALIFIED,
        Optional.of("no budget this year"), List.of(EngagementSignal.of(SignalType.NEWSLETTER_SIGNUP, at(t, -5))),
        Temperature.HOT, Optional.of(Temperature.HOT), Optional.of("user-3"), 12, at(t, -6), at(t, 0),
        Optional.empty(), Optional.empty(), Optional.of(Industry.GOVERNMENT), dev.rapport.crm.field.CustomFields.empty());
  }

  /** A new lead with every optional field empty. */
  static Lead minimalLead(TenantId tenant, Instant t) {
    return new Lead(LeadId.of(uuid()), tenant, 0, PersonName.of("Mononym"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), LeadSource.OTHER, Optional.empty(),
        LeadStatus.NEW, Optional.empty(), List.of(), Temperature.COLD, Optional.empty(),
        Optional.empty(), 0, at(t, 0), at(t, 0), Optional.empty());
  }

  /** A lead in the given status, temperature, source and owner (null for none). */
  static Lead lead(TenantId tenant, Instant created, LeadStatus status, Temperature temperature,
      LeadSource source, String owner, String email) {
    return new Lead(LeadId.of(uuid()), tenant, 0, PersonName.of("Lead", "Person"),
        Optional.ofNullable(email).map(EmailAddress::of), Optional.empty(), Optional.empty(),
        Optional.empty(), source, Optional.empty(), status,
        status == LeadStatus.DISQUALIFIED ? Optional.of("not a fit") : Optional.empty(), List.of(),
        temperature, Optional.of(temperature), Optional.ofNullable(owner), 0, created, created,
        status == LeadStatus.CONVERTED
            ? Optional.of(new ConvertedTo(ContactId.of(uuid()), AccountId.of(uuid()), Optional.empty(), created))
            : Optional.empty());
  }

  /** The lead with another score, whatever its status (the SPI stores what it is given). */
  static Lead rescored(Lead l, int score) {
    return new Lead(l.id(), l.tenantId(), l.version(), l.name(), l.email(), l.phone(), l.company(),
        l.title(), l.source(), l.sourceDetail(), l.status(), l.disqualificationReason(), l.signals(),
        l.temperature(), l.temperatureOverride(), l.owner(), score, l.createdAt(), l.updatedAt(),
        l.convertedTo(), l.campaign(), l.industry(), l.fields());
  }

  /** An account with every field present. */
  static Account fullAccount(TenantId tenant, Instant t) {
    return new Account(AccountId.of(uuid()), tenant, 0, "Müller & Söhne GmbH, Buchhaltung",
        Optional.of("mueller-soehne.de"), Optional.of("CUST-" + uuid()), Optional.of(Industry.of("Accounting")),
        Optional.of("user-9"), at(t, -60), at(t, 0), dev.rapport.crm.field.CustomFields.empty());
  }

  /** An account with every optional field empty. */
  static Account minimalAccount(TenantId tenant, Instant t, String name) {
    return new Account(AccountId.of(uuid()), tenant, 0, name, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), at(t, 0), at(t, 0), dev.rapport.crm.field.CustomFields.empty());
  }

  /** A contact with several addresses and numbers, consent, origin lead and every field. */
  static Contact fullContact(TenantId tenant, Instant t, AccountId account) {
    return new Contact(ContactId.of(uuid()), tenant, 0, PersonName.of("Ada", "Lovelace"),
        Optional.of(account),
        List.of(EmailAddress.of("Ada@Analytical.example"), EmailAddress.of("ada.l@home.example"),
            EmailAddress.of("countess@lovelace.example")),
        List.of(PhoneNumber.of("+44 20 7183 8750"), PhoneNumber.of("+49 30 901820")),
        Optional.of("Analyst"), Optional.of(new MarketingConsent(true, at(t, -30), "signup form")),
        Optional.of(LeadId.of(uuid())), Optional.of("user-1"), at(t, -40), at(t, 0), dev.rapport.crm.field.CustomFields.empty());
  }

  /** A contact with every optional field empty and no addresses. */
  static Contact minimalContact(TenantId tenant, Instant t) {
    return new Contact(ContactId.of(uuid()), tenant, 0, PersonName.of("Solo"), Optional.empty(),
        List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        at(t, 0), at(t, 0), dev.rapport.crm.field.CustomFields.empty());
  }

  /** A contact of the account with one address. */
  static Contact contact(TenantId tenant, Instant t, AccountId account, String email) {
    return new Contact(ContactId.of(uuid()), tenant, 0, PersonName.of("Some", "One"),
        Optional.ofNullable(account), email == null ? List.of() : List.of(EmailAddress.of(email)),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), t, t, dev.rapport.crm.field.CustomFields.empty());
  }

  /** A lost opportunity with a history, a lost reason, close time and every optional field. */
  static Opportunity lostOpportunity(TenantId tenant, Instant t, AccountId account, ContactId contact) {
    return new Opportunity(OpportunityId.of(uuid()), tenant, 0, "Annual licence, 40 seats", account,
        Optional.of(contact), Money.of("12345.67", "EUR"), "Closed Lost", 0, false,
        ForecastCategory.OMITTED, Optional.of(LocalDate.of(2025, 6, 30)), OpportunityStatus.LOST,
        Optional.of(LostReason.of("went_with_spreadsheet")), Optional.of(LeadSource.REFERRAL),
        Optional.of(LeadId.of(uuid())), Optional.of("user-4"),
        List.of(new StageChange(Optional.empty(), "Prospecting", at(t, -90)),
            new StageChange(Optional.of("Prospecting"), "Proposal", at(t, -50)),
            new StageChange(Optional.of("Proposal"), "Closed Lost", at(t, 0))),
        at(t, -90), at(t, 0), Optional.of(at(t, 0)), dev.rapport.crm.field.CustomFields.empty());
  }

  /** An open opportunity with a probability set by hand, in yen (no decimals). */
  static Opportunity overriddenOpportunity(TenantId tenant, Instant t, AccountId account) {
    return new Opportunity(OpportunityId.of(uuid()), tenant, 0, "Pilot", account, Optional.empty(),
        Money.of("990000", "JPY"), "Negotiation", 65, true, ForecastCategory.COMMIT,
        Optional.empty(), OpportunityStatus.OPEN, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(),
        List.of(new StageChange(Optional.empty(), "Negotiation", at(t, 0))), at(t, 0), at(t, 0),
        Optional.empty(), dev.rapport.crm.field.CustomFields.empty());
  }

  /** An open opportunity of the account. */
  static Opportunity opportunity(TenantId tenant, Instant t, AccountId account, String owner) {
    return new Opportunity(OpportunityId.of(uuid()), tenant, 0, "Deal", account, Optional.empty(),
        Money.of("100.00", "EUR"), "Prospecting", 10, false, ForecastCategory.PIPELINE,
        Optional.empty(), OpportunityStatus.OPEN, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.ofNullable(owner),
        List.of(new StageChange(Optional.empty(), "Prospecting", t)), t, t, Optional.empty(), dev.rapport.crm.field.CustomFields.empty());
  }

  /** An open opportunity from a lead of this source (or none), expected to close on this day (or undated). */
  static Opportunity opportunity(TenantId tenant, Instant t, AccountId account, String owner, LeadSource source,
      java.time.LocalDate close) {
    Opportunity o = opportunity(tenant, t, account, owner);
    return new Opportunity(o.id(), tenant, 0, o.name(), account, o.primaryContact(), o.amount(), o.stage(),
        o.probability(), false, o.forecastCategory(), Optional.ofNullable(close), o.status(), o.lostReason(),
        Optional.ofNullable(source), o.originLead(), o.owner(), o.history(), t, t, Optional.empty(), o.fields());
  }
}
