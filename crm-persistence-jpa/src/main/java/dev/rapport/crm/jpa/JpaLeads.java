package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.text;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.ConvertedTo;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.SourceDetail;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.analytics.AnalyticsFigures;
import dev.rapport.crm.lead.LeadRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The leads of one unit of work, in {@code crm_lead}. */
final class JpaLeads implements LeadRepository {
  static final Kind<Lead, LeadEntity> KIND = new Kind<>("lead", "RapportLead", LeadEntity.class,
      l -> l.id().value(), Lead::tenantId, Lead::version, Versions.of(Lead.class)::with, LeadEntity::new,
      JpaLeads::domainToEntity, e -> e.id, e -> e.version, JpaLeads::state);

  private final JpaUnitOfWork uow;
  private final Rows<Lead, LeadEntity> rows;

  JpaLeads(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaLeads::entityToDomain);
  }

  /** Indexes up to {@code limit} leads without search text ({@link JpaSearch#index}); how many. */
  int indexUnindexed(int limit) {
    List<LeadEntity> found = rows.page(" and e.searchName is null", java.util.Map.of(),
        dev.rapport.crm.common.PageRequest.first(limit)).stream().limit(limit).toList();
    return JpaSearch.index(uow, "crm_lead", found, e -> e.id, e -> {
      dev.rapport.crm.search.SearchText t = dev.rapport.crm.search.SearchText.of(rows.toDomain(e));
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      m.put("search_name", t.name().orElse(" "));
      m.put("search_company", t.company().orElse(null));
      m.put("search_email", t.email().orElse(null));
      m.put("search_phone", t.phone().orElse(null));
      return m;
    });
  }

  /** The leads a native select of whole rows finds ({@link Rows#nativeList}), in its order. */
  List<Lead> nativeList(String sql, List<Object> params) {
    uow.requireOpen();
    return rows.nativeList(sql, params).stream().map(rows::toDomain).toList();
  }

  @Override
  public Optional<Lead> find(LeadId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public List<Lead> findByEmail(EmailAddress email) {
    uow.requireOpen();
    Objects.requireNonNull(email, "email");
    return rows.list(" and e.emailNormalized = :email", Rows.params("email", email.normalized()))
        .stream().map(rows::toDomain).toList();
  }

  @Override
  public List<Lead> findByEmails(java.util.Collection<EmailAddress> emails) {
    uow.requireOpen();
    Objects.requireNonNull(emails, "emails");
    List<String> all = emails.stream().map(EmailAddress::normalized).distinct().toList();
    Map<UUID, LeadEntity> found = new java.util.TreeMap<>();
    for (int from = 0; from < all.size(); from += 500) {
      StringBuilder where = new StringBuilder();
      Map<String, Object> p = new java.util.HashMap<>();
      Rows.oneOf(where, "e.emailNormalized", "emails", all.subList(from, Math.min(all.size(), from + 500)), p);
      for (LeadEntity e : rows.list(where.toString(), p)) {
        found.put(e.id, e);
      }
    }
    return found.values().stream().map(rows::toDomain).sorted(java.util.Comparator.comparing(Lead::id)).toList();
  }

  @Override
  public List<Lead> findByMatchKeys(MatchKeys keys, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(keys, "keys");
    return byMatchKeys(rows, keys, limit, e -> e.id).stream().map(rows::toDomain).toList();
  }

  /**
   * A blocking look-up on the key columns of {@code crm_lead} or {@code crm_contact}: the rows with
   * the address or number first (one query through their indexes), then those with a name key (a
   * second), each in id order, at most {@code limit} in all.
   */
  static <D, E> List<E> byMatchKeys(Rows<D, E> rows, MatchKeys keys, int limit, java.util.function.Function<E, UUID> id) {
    Map<UUID, E> out = new LinkedHashMap<>();
    Map<String, Object> p = new LinkedHashMap<>();
    List<String> strong = new ArrayList<>(2);
    keys.email().ifPresent(x -> {
      strong.add("e.matchEmail = :matchEmail");
      p.put("matchEmail", x);
    });
    keys.phone().ifPresent(x -> {
      strong.add("e.matchPhone = :matchPhone");
      p.put("matchPhone", x);
    });
    int most = Math.min(limit, PageRequest.MAX_SIZE);
    if (!strong.isEmpty()) {
      for (E e : rows.page(" and (" + String.join(" or ", strong) + ")", p, PageRequest.first(most))) {
        if (out.size() < limit) {
          out.putIfAbsent(id.apply(e), e);
        }
      }
    }
    if (out.size() < limit) {
      for (E e : rows.page(" and e.matchName in :matchNames", Map.of("matchNames", keys.nameLookups()),
          PageRequest.first(most))) {
        if (out.size() == limit) {
          break;
        }
        out.putIfAbsent(id.apply(e), e);
      }
    }
    return List.copyOf(out.values());
  }

  @Override
  public Page<Lead> query(LeadQuery query, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    Map<String, Object> p = new LinkedHashMap<>();
    List<Lead> found = rows.page(where(query, p), p, page).stream().map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), l -> l.id().value());
  }

  @Override
  public long count(LeadQuery query) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    Map<String, Object> p = new LinkedHashMap<>();
    return rows.count(where(query, p), p);
  }

  /** The query's conditions, to append to the tenant's; their parameters go into {@code p}. */
  private static String where(LeadQuery query, Map<String, Object> p) {
    StringBuilder where = new StringBuilder();
    if (!query.statuses().isEmpty()) {
      Rows.oneOf(where, "e.status", "statuses", query.statuses().stream().map(Enum::name).sorted().toList(), p);
    }
    if (!query.temperatures().isEmpty()) {
      Rows.oneOf(where, "e.temperature", "temperatures", query.temperatures().stream().map(Enum::name).sorted().toList(), p);
    }
    if (!query.sources().isEmpty()) {
      Rows.oneOf(where, "e.source", "sources", query.sources().stream().map(s -> s.code()).sorted().toList(), p);
    }
    if (!query.industries().isEmpty()) {
      Rows.oneOf(where, "e.industry", "industries", query.industries().stream().map(Industry::code).sorted().toList(), p);
    }
    int field = 0;
    for (java.util.Map.Entry<String, dev.rapport.crm.field.FieldValue> f : query.fields().entrySet()) {
      // the JSON of the one entry, anywhere in the column (schema version 17: a scan of the tenant's leads)
      where.append(" and e.customFields like :field").append(field).append(" escape '!'");
      p.put("field" + field++, FieldsJson.holding(f.getKey(), f.getValue()));
    }
    query.owner().ifPresent(o -> {
      where.append(" and e.owner = :owner");
      p.put("owner", o);
    });
    query.createdFrom().ifPresent(f -> {
      where.append(" and e.createdAt >= :createdFrom");
      p.put("createdFrom", toColumn(f));
    });
    query.createdBefore().ifPresent(b -> {
      where.append(" and e.createdAt < :createdBefore");
      p.put("createdBefore", toColumn(b));
    });
    return where.toString();
  }

  @Override
  public Lead insert(Lead lead) {
    uow.requireOpen();
    return rows.toDomain(rows.insert(lead));
  }

  /**
   * {@inheritDoc}
   *
   * <p>On PostgreSQL, {@value PostgresBulk#MIN_ROWS} or more leads go in one statement
   * ({@link PostgresBulk}); otherwise each is persisted and the provider batches them.
   */
  @Override
  public List<Lead> insertAll(List<Lead> leads) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(leads, "leads");
    if (!uow.bulk(leads.size())) {
      return LeadRepository.super.insertAll(leads);
    }
    List<LeadEntity> made = rows.bulk(leads);
    uow.flush(); // a lead's campaign, if this unit made it, first
    PostgresBulk.insert(uow.em(), "crm_lead", COLUMNS, made);
    List<Lead> stored = new ArrayList<>(made.size());
    for (LeadEntity e : made) {
      stored.add(rows.toDomain(e));
    }
    return stored;
  }

  /** Every column of {@code crm_lead}, for {@link PostgresBulk}. */
  static final List<PostgresBulk.Column<LeadEntity>> COLUMNS = List.of(
      new PostgresBulk.Column<>("id", "uuid", e -> e.id),
      new PostgresBulk.Column<>("tenant_id", "varchar", e -> e.tenantId),
      new PostgresBulk.Column<>("version", "bigint", e -> e.version),
      new PostgresBulk.Column<>("given_name", "varchar", e -> e.givenName),
      new PostgresBulk.Column<>("family_name", "varchar", e -> e.familyName),
      new PostgresBulk.Column<>("email", "varchar", e -> e.email),
      new PostgresBulk.Column<>("email_normalized", "varchar", e -> e.emailNormalized),
      new PostgresBulk.Column<>("phone", "varchar", e -> e.phone),
      new PostgresBulk.Column<>("company", "varchar", e -> e.company),
      new PostgresBulk.Column<>("title", "varchar", e -> e.title),
      new PostgresBulk.Column<>("source", "varchar", e -> e.source),
      new PostgresBulk.Column<>("source_detail", "text", e -> e.sourceDetail),
      new PostgresBulk.Column<>("status", "varchar", e -> e.status),
      new PostgresBulk.Column<>("disqualification_reason", "varchar", e -> e.disqualificationReason),
      new PostgresBulk.Column<>("signals", "text", e -> e.signals),
      new PostgresBulk.Column<>("temperature", "varchar", e -> e.temperature),
      new PostgresBulk.Column<>("temperature_override", "varchar", e -> e.temperatureOverride),
      new PostgresBulk.Column<>("owner", "varchar", e -> e.owner),
      new PostgresBulk.Column<>("score", "integer", e -> e.score),
      new PostgresBulk.Column<>("created_at", "timestamp", e -> e.createdAt),
      new PostgresBulk.Column<>("updated_at", "timestamp", e -> e.updatedAt),
      new PostgresBulk.Column<>("converted_contact_id", "uuid", e -> e.convertedContactId),
      new PostgresBulk.Column<>("converted_account_id", "uuid", e -> e.convertedAccountId),
      new PostgresBulk.Column<>("converted_opportunity_id", "uuid", e -> e.convertedOpportunityId),
      new PostgresBulk.Column<>("converted_at", "timestamp", e -> e.convertedAt),
      new PostgresBulk.Column<>("campaign_id", "uuid", e -> e.campaignId),
      new PostgresBulk.Column<>("industry", "varchar", e -> e.industry),
      new PostgresBulk.Column<>("custom_fields", "text", e -> e.customFields),
      new PostgresBulk.Column<>("conversion_days", "bigint", e -> e.conversionDays),
      new PostgresBulk.Column<>("match_email", "varchar", e -> e.matchEmail),
      new PostgresBulk.Column<>("match_phone", "varchar", e -> e.matchPhone),
      new PostgresBulk.Column<>("match_name", "varchar", e -> e.matchName),
      new PostgresBulk.Column<>("search_name", "varchar", e -> e.searchName),
      new PostgresBulk.Column<>("search_company", "varchar", e -> e.searchCompany),
      new PostgresBulk.Column<>("search_email", "varchar", e -> e.searchEmail),
      new PostgresBulk.Column<>("search_phone", "varchar", e -> e.searchPhone));

  @Override
  public Lead update(Lead lead) {
    uow.requireOpen();
    return rows.stored(rows.update(lead), lead);
  }

  @Override
  public void delete(Lead lead) {
    uow.requireOpen();
    rows.checkTenant(lead);
    UUID id = lead.id().value();
    Lead current = find(lead.id()).orElseThrow(() -> new dev.rapport.crm.exception.NotFoundException("lead", lead.id()));
    if (current.version() != lead.version()) {
      throw new dev.rapport.crm.exception.ConcurrentUpdateException("lead", lead.id(), lead.version(), current.version());
    }
    uow.flush(); // the row must be at its version in the table before it goes
    LeadEntity e = rows.load(id).orElseThrow();
    int deleted = uow.em().createQuery("delete from RapportLead e where e.tenantId = :tenant and e.id = :id"
            + " and e.version = :version")
        .setParameter("tenant", uow.tenant().value()).setParameter("id", id)
        .setParameter("version", e.version).executeUpdate();
    if (deleted != 1) {
      throw new dev.rapport.crm.exception.ConcurrentUpdateException("lead", lead.id(), lead.version());
    }
    uow.em().detach(e);
    rows.forget(id);
  }

  // ---- mapping

  static void domainToEntity(Lead lead, LeadEntity e) {
    e.customFields = FieldsJson.write(lead.fields());
    e.id = lead.id().value();
    e.tenantId = lead.tenantId().value();
    e.givenName = orNull(lead.name().givenName());
    e.familyName = lead.name().familyName();
    e.email = lead.email().map(EmailAddress::address).orElse(null);
    e.emailNormalized = lead.email().map(EmailAddress::normalized).orElse(null);
    e.phone = lead.phone().map(PhoneNumber::e164).orElse(null);
    e.company = orNull(lead.company());
    MatchKeys keys = MatchKeys.of(lead.name(), lead.email(), lead.phone());
    e.matchEmail = keys.email().orElse(null);
    e.matchPhone = keys.phone().orElse(null);
    e.matchName = keys.name();
    dev.rapport.crm.search.SearchText search = dev.rapport.crm.search.SearchText.of(lead);
    e.searchName = search.name().orElse(" "); // never null once indexed: see JpaSearch#index
    e.searchCompany = search.company().orElse(null);
    e.searchEmail = search.email().orElse(null);
    e.searchPhone = search.phone().orElse(null);
    e.title = orNull(lead.title());
    e.source = lead.source().code();
    e.sourceDetail = lead.sourceDetail().map(JpaLeads::sourceDetailJson).orElse(null);
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
    e.campaignId = lead.campaign().map(CampaignId::value).orElse(null);
    e.industry = lead.industry().map(Industry::code).orElse(null);
    // stored for the analytics (whole days cannot be computed portably in JPQL), from the instants as stored
    e.conversionDays = e.convertedAt == null ? null
        : AnalyticsFigures.wholeDays(fromColumn(e.createdAt), fromColumn(e.convertedAt));
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
        Optional.ofNullable(e.sourceDetail).map(JpaLeads::sourceDetail),
        LeadStatus.valueOf(e.status), Optional.ofNullable(e.disqualificationReason),
        signals(e.signals), Temperature.valueOf(e.temperature),
        Optional.ofNullable(e.temperatureOverride).map(Temperature::valueOf),
        Optional.ofNullable(e.owner), e.score, fromColumn(e.createdAt), fromColumn(e.updatedAt),
        converted, Optional.ofNullable(e.campaignId).map(CampaignId::of),
        Optional.ofNullable(e.industry).map(Industry::new),
        FieldsJson.read(e.customFields));
  }

  /** Every column but id and version, to tell whether an update changes the row. */
  static List<Object> state(LeadEntity e) {
    return Arrays.asList(e.tenantId, e.givenName, e.familyName, e.email, e.emailNormalized,
        e.phone, e.company, e.title, e.source, e.sourceDetail, e.status, e.disqualificationReason,
        e.signals, e.temperature, e.temperatureOverride, e.owner, e.score, e.createdAt,
        e.updatedAt, e.convertedContactId, e.convertedAccountId, e.convertedOpportunityId,
        e.convertedAt, e.campaignId, e.industry, e.conversionDays, e.matchEmail, e.matchPhone, e.matchName,
        e.searchName, e.searchCompany, e.searchEmail, e.searchPhone, e.customFields);
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
          Results.instant((String) m.get("at")), text(m, "detail")));
    }
    return out;
  }

  /** Up to {@code limit} leads not converted and last changed before {@code cutoff}, after {@code after}, in id order. */
  List<Lead> untouchedSince(java.time.Instant cutoff, Optional<dev.rapport.crm.common.LeadId> after, int limit) {
    uow.requireOpen();
    StringBuilder where = new StringBuilder(" and e.status <> :converted and e.updatedAt < :cutoff");
    Map<String, Object> p = new java.util.HashMap<>(Rows.params("converted", "CONVERTED", "cutoff",
        Mapping.toColumn(cutoff)));
    after.ifPresent(a -> {
      where.append(" and e.id > :afterId");
      p.put("afterId", a.value());
    });
    jakarta.persistence.TypedQuery<LeadEntity> q = uow.em().createQuery("select e from RapportLead e where e.tenantId = :tenant"
        + where + " order by e.id", LeadEntity.class).setParameter("tenant", uow.tenant().value()).setMaxResults(limit);
    p.forEach(q::setParameter);
    return q.getResultList().stream().map(rows::track).map(rows::toDomain).toList();
  }
}
