package dev.rapport.crm.jpa;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
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
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.SourceDetail;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.StageChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the domain records to their entities and back. {@code domainToEntity} fills every column
 * but the version (which JPA keeps); {@code entityToDomain} rebuilds the record with the version
 * the unit of work reports. Instants are stored as UTC {@code timestamp(6)} (microseconds);
 * amounts at scale 4.
 */
final class Mapping {
  /**
   * The version of a newly stored record, in the domain and in every column. Each entity's
   * {@code @Version} field starts at this value: EclipseLink writes 1 on insert whatever the field
   * holds, and Hibernate keeps the value it is given when it differs from the field's initial
   * value (otherwise it takes a record with an assigned id and version 1 for a detached one).
   */
  static final long FIRST_VERSION = 1;
  /** The scale of stored amounts: enough for every ISO 4217 currency. */
  static final int AMOUNT_SCALE = 4;

  private Mapping() {}

  // ---- time

  static LocalDateTime toColumn(Instant instant) {
    return instant == null ? null
        : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant fromColumn(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static <T> T orNull(Optional<T> value) {
    return value.orElse(null);
  }

  // ---- leads

  static void domainToEntity(Lead lead, LeadEntity e) {
    e.id = lead.id().value();
    e.tenantId = lead.tenantId().value();
    e.givenName = orNull(lead.name().givenName());
    e.familyName = lead.name().familyName();
    e.email = lead.email().map(EmailAddress::address).orElse(null);
    e.emailNormalized = lead.email().map(EmailAddress::normalized).orElse(null);
    e.phone = lead.phone().map(PhoneNumber::e164).orElse(null);
    e.company = orNull(lead.company());
    e.title = orNull(lead.title());
    e.source = lead.source().code();
    e.sourceDetail = lead.sourceDetail().map(Mapping::sourceDetailJson).orElse(null);
    e.status = lead.status().name();
    e.disqualificationReason = orNull(lead.disqualificationReason());
    e.signals = signalsJson(lead.signals());
    e.temperature = lead.temperature().name();
    e.temperatureOverride = lead.temperatureOverride().map(Enum::name).orElse(null);
    e.owner = orNull(lead.owner());
    e.score = lead.score();
    e.createdAt = toColumn(lead.createdAt());
    e.updatedAt = toColumn(lead.updatedAt());
    Optional<ConvertedTo> c = lead.convertedTo();
    e.convertedContactId = c.map(x -> x.contactId().value()).orElse(null);
    e.convertedAccountId = c.map(x -> x.accountId().value()).orElse(null);
    e.convertedOpportunityId = c.flatMap(ConvertedTo::opportunityId).map(OpportunityId::value).orElse(null);
    e.convertedAt = c.map(x -> toColumn(x.convertedAt())).orElse(null);
  }

  static Lead entityToDomain(LeadEntity e, long version) {
    Optional<ConvertedTo> converted = e.convertedContactId == null ? Optional.empty()
        : Optional.of(new ConvertedTo(ContactId.of(e.convertedContactId),
            AccountId.of(e.convertedAccountId),
            Optional.ofNullable(e.convertedOpportunityId).map(OpportunityId::of),
            fromColumn(e.convertedAt)));
    return new Lead(LeadId.of(e.id), TenantId.of(e.tenantId), version,
        new PersonName(Optional.ofNullable(e.givenName), e.familyName),
        Optional.ofNullable(e.email).map(EmailAddress::of),
        Optional.ofNullable(e.phone).map(PhoneNumber::of),
        Optional.ofNullable(e.company), Optional.ofNullable(e.title),
        new LeadSource(e.source),
        Optional.ofNullable(e.sourceDetail).map(Mapping::sourceDetail),
        LeadStatus.valueOf(e.status), Optional.ofNullable(e.disqualificationReason),
        signals(e.signals), Temperature.valueOf(e.temperature),
        Optional.ofNullable(e.temperatureOverride).map(Temperature::valueOf),
        Optional.ofNullable(e.owner), e.score, fromColumn(e.createdAt), fromColumn(e.updatedAt),
        converted);
  }

  /** Every column but id and version, to tell whether an update changes the row. */
  static List<Object> state(LeadEntity e) {
    return Arrays.asList(e.tenantId, e.givenName, e.familyName, e.email, e.emailNormalized,
        e.phone, e.company, e.title, e.source, e.sourceDetail, e.status, e.disqualificationReason,
        e.signals, e.temperature, e.temperatureOverride, e.owner, e.score, e.createdAt,
        e.updatedAt, e.convertedContactId, e.convertedAccountId, e.convertedOpportunityId,
        e.convertedAt);
  }

  private static String sourceDetailJson(SourceDetail d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("campaign", orNull(d.campaign()));
    m.put("utmSource", orNull(d.utmSource()));
    m.put("utmMedium", orNull(d.utmMedium()));
    m.put("utmCampaign", orNull(d.utmCampaign()));
    return Json.write(m);
  }

  @SuppressWarnings("unchecked")
  private static SourceDetail sourceDetail(String json) {
    Map<String, Object> m = (Map<String, Object>) Json.read(json);
    return new SourceDetail(text(m, "campaign"), text(m, "utmSource"), text(m, "utmMedium"),
        text(m, "utmCampaign"));
  }

  private static Optional<String> text(Map<String, Object> m, String key) {
    return Optional.ofNullable((String) m.get(key));
  }

  private static String signalsJson(List<EngagementSignal> signals) {
    List<Object> list = new ArrayList<>(signals.size());
    for (EngagementSignal s : signals) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", s.type().code());
      m.put("intent", s.type().intent().name());
      m.put("at", s.occurredAt().toString());
      m.put("detail", orNull(s.detail()));
      list.add(m);
    }
    return Json.write(list);
  }

  private static List<EngagementSignal> signals(String json) {
    List<EngagementSignal> out = new ArrayList<>();
    for (Map<String, Object> m : Json.readObjects(json)) {
      out.add(new EngagementSignal(
          new SignalType((String) m.get("type"), SignalType.Intent.valueOf((String) m.get("intent"))),
          Instant.parse((String) m.get("at")), text(m, "detail")));
    }
    return out;
  }

  // ---- accounts

  static void domainToEntity(Account a, AccountEntity e) {
    e.id = a.id().value();
    e.tenantId = a.tenantId().value();
    e.name = a.name();
    e.nameKey = a.nameKey();
    e.domain = orNull(a.domain());
    e.externalReference = orNull(a.externalReference());
    e.industry = orNull(a.industry());
    e.owner = orNull(a.owner());
    e.createdAt = toColumn(a.createdAt());
    e.updatedAt = toColumn(a.updatedAt());
  }

  static Account entityToDomain(AccountEntity e, long version) {
    return new Account(AccountId.of(e.id), TenantId.of(e.tenantId), version, e.name,
        Optional.ofNullable(e.domain), Optional.ofNullable(e.externalReference),
        Optional.ofNullable(e.industry), Optional.ofNullable(e.owner), fromColumn(e.createdAt),
        fromColumn(e.updatedAt));
  }

  static List<Object> state(AccountEntity e) {
    return Arrays.asList(e.tenantId, e.name, e.nameKey, e.domain, e.externalReference,
        e.industry, e.owner, e.createdAt, e.updatedAt);
  }

  // ---- contacts

  /** Fills the contact's own row; its e-mail rows are kept by the unit of work. */
  static void domainToEntity(Contact c, ContactEntity e) {
    e.id = c.id().value();
    e.tenantId = c.tenantId().value();
    e.givenName = orNull(c.name().givenName());
    e.familyName = c.name().familyName();
    e.accountId = c.accountId().map(AccountId::value).orElse(null);
    e.phones = Json.write(c.phones().stream().map(PhoneNumber::e164).toList());
    e.title = orNull(c.title());
    Optional<MarketingConsent> consent = c.marketingConsent();
    e.consentGranted = consent.map(MarketingConsent::granted).orElse(null);
    e.consentRecordedAt = consent.map(x -> toColumn(x.recordedAt())).orElse(null);
    e.consentSource = consent.map(MarketingConsent::source).orElse(null);
    e.originLeadId = c.originLead().map(LeadId::value).orElse(null);
    e.owner = orNull(c.owner());
    e.createdAt = toColumn(c.createdAt());
    e.updatedAt = toColumn(c.updatedAt());
  }

  static Contact entityToDomain(ContactEntity e, List<ContactEmailEntity> emails, long version) {
    List<EmailAddress> addresses = emails.stream()
        .sorted((a, b) -> Integer.compare(a.listIndex, b.listIndex))
        .map(x -> EmailAddress.of(x.address))
        .toList();
    Optional<MarketingConsent> consent = e.consentGranted == null ? Optional.empty()
        : Optional.of(new MarketingConsent(e.consentGranted, fromColumn(e.consentRecordedAt), e.consentSource));
    return new Contact(ContactId.of(e.id), TenantId.of(e.tenantId), version,
        new PersonName(Optional.ofNullable(e.givenName), e.familyName),
        Optional.ofNullable(e.accountId).map(AccountId::of), addresses,
        Json.readStrings(e.phones).stream().map(PhoneNumber::of).toList(),
        Optional.ofNullable(e.title), consent,
        Optional.ofNullable(e.originLeadId).map(LeadId::of), Optional.ofNullable(e.owner),
        fromColumn(e.createdAt), fromColumn(e.updatedAt));
  }

  static List<Object> state(ContactEntity e) {
    return Arrays.asList(e.tenantId, e.givenName, e.familyName, e.accountId, e.phones, e.title,
        e.consentGranted, e.consentRecordedAt, e.consentSource, e.originLeadId, e.owner,
        e.createdAt, e.updatedAt);
  }

  // ---- opportunities

  static void domainToEntity(Opportunity o, OpportunityEntity e) {
    e.id = o.id().value();
    e.tenantId = o.tenantId().value();
    e.name = o.name();
    e.accountId = o.accountId().value();
    e.primaryContactId = o.primaryContact().map(ContactId::value).orElse(null);
    e.amount = o.amount().amount().setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
    e.currency = o.amount().currency().getCurrencyCode();
    e.stage = o.stage();
    e.probability = o.probability();
    e.probabilityOverridden = o.probabilityOverridden();
    e.forecastCategory = o.forecastCategory().name();
    e.expectedCloseDate = orNull(o.expectedCloseDate());
    e.status = o.status().name();
    e.lostReason = o.lostReason().map(LostReason::code).orElse(null);
    e.source = o.source().map(LeadSource::code).orElse(null);
    e.originLeadId = o.originLead().map(LeadId::value).orElse(null);
    e.owner = orNull(o.owner());
    e.history = historyJson(o.history());
    e.createdAt = toColumn(o.createdAt());
    e.updatedAt = toColumn(o.updatedAt());
    e.closedAt = o.closedAt().map(Mapping::toColumn).orElse(null);
  }

  static Opportunity entityToDomain(OpportunityEntity e, long version) {
    Currency currency = Currency.getInstance(e.currency);
    BigDecimal amount = e.amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
    return new Opportunity(OpportunityId.of(e.id), TenantId.of(e.tenantId), version, e.name,
        AccountId.of(e.accountId), Optional.ofNullable(e.primaryContactId).map(ContactId::of),
        new Money(amount, currency), e.stage, e.probability, e.probabilityOverridden,
        ForecastCategory.valueOf(e.forecastCategory), Optional.ofNullable(e.expectedCloseDate),
        OpportunityStatus.valueOf(e.status), Optional.ofNullable(e.lostReason).map(LostReason::new),
        Optional.ofNullable(e.source).map(LeadSource::new),
        Optional.ofNullable(e.originLeadId).map(LeadId::of), Optional.ofNullable(e.owner),
        history(e.history), fromColumn(e.createdAt), fromColumn(e.updatedAt),
        Optional.ofNullable(e.closedAt).map(Mapping::fromColumn));
  }

  static List<Object> state(OpportunityEntity e) {
    return Arrays.asList(e.tenantId, e.name, e.accountId, e.primaryContactId, e.amount,
        e.currency, e.stage, e.probability, e.probabilityOverridden, e.forecastCategory,
        e.expectedCloseDate, e.status, e.lostReason, e.source, e.originLeadId, e.owner, e.history,
        e.createdAt, e.updatedAt, e.closedAt);
  }

  private static String historyJson(List<StageChange> history) {
    List<Object> list = new ArrayList<>(history.size());
    for (StageChange c : history) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("from", orNull(c.from()));
      m.put("to", c.to());
      m.put("at", c.at().toString());
      list.add(m);
    }
    return Json.write(list);
  }

  private static List<StageChange> history(String json) {
    List<StageChange> out = new ArrayList<>();
    for (Map<String, Object> m : Json.readObjects(json)) {
      out.add(new StageChange(text(m, "from"), (String) m.get("to"), Instant.parse((String) m.get("at"))));
    }
    return out;
  }
}
