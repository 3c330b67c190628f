package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.contact.ContactRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The contacts of one unit of work: their own rows in {@code crm_contact}, their e-mail addresses
 * one row each in {@code crm_contact_email} (indexed, so a look-up by address is one query).
 */
final class JpaContacts implements ContactRepository {
  static final Kind<Contact, ContactEntity> KIND = new Kind<>("contact", "RapportContact",
      ContactEntity.class, c -> c.id().value(), Contact::tenantId, Contact::version,
      Versions.of(Contact.class)::with, ContactEntity::new, JpaContacts::domainToEntity, e -> e.id,
      e -> e.version, JpaContacts::state);

  private final JpaUnitOfWork uow;
  private final Rows<Contact, ContactEntity> rows;
  /** The e-mail rows of every contact this unit has loaded or written, in list order. */
  private final Map<UUID, List<ContactEmailEntity>> emailRows = new HashMap<>();

  JpaContacts(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND,
        (e, version) -> entityToDomain(e, emailRows.getOrDefault(e.id, List.of()), version));
    uow.detachable(() -> emailRows.values().stream().flatMap(List::stream).toList());
  }

  @Override
  public Optional<Contact> find(ContactId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(e -> withEmails(List.of(e)).get(0)).map(rows::toDomain);
  }

  @Override
  public List<Contact> findByEmail(EmailAddress email) {
    uow.requireOpen();
    Objects.requireNonNull(email, "email");
    List<ContactEntity> found = rows.list(" and e.id in (select x.contactId from"
        + " RapportContactEmail x where x.tenantId = :tenant and x.emailNormalized = :email)",
        Rows.params("email", email.normalized()));
    return withEmails(found).stream().map(rows::toDomain).toList();
  }

  /** Indexes up to {@code limit} contacts without search text ({@link JpaSearch#index}); how many. */
  int indexUnindexed(int limit) {
    List<ContactEntity> found = withEmails(rows.page(" and e.searchName is null", java.util.Map.of(),
        dev.rapport.crm.common.PageRequest.first(limit)).stream()
        .limit(limit).toList());
    return JpaSearch.index(uow, "crm_contact", found, e -> e.id, e -> {
      dev.rapport.crm.search.SearchText t = dev.rapport.crm.search.SearchText.of(rows.toDomain(e));
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      m.put("search_name", t.name().orElse(" "));
      m.put("search_email", t.email().orElse(null));
      m.put("search_phone", t.phone().orElse(null));
      return m;
    });
  }

  /**
   * The contacts a native select of whole rows finds ({@link Rows#nativeList}), in its order, with
   * their addresses (one more query, if any is found).
   */
  List<Contact> nativeList(String sql, List<Object> params) {
    uow.requireOpen();
    List<ContactEntity> found = rows.nativeList(sql, params);
    return found.isEmpty() ? List.of() : withEmails(found).stream().map(rows::toDomain).toList();
  }

  @Override
  public List<Contact> findAll(java.util.Collection<ContactId> ids) {
    uow.requireOpen();
    Objects.requireNonNull(ids, "ids");
    List<UUID> all = ids.stream().map(ContactId::value).distinct().toList();
    Map<UUID, ContactEntity> found = new java.util.LinkedHashMap<>();
    for (List<UUID> chunk : Rows.chunks(all)) {
      for (ContactEntity e : rows.list(" and e.id in :ids", Rows.params("ids", chunk))) {
        found.put(e.id, e);
      }
    }
    return withEmails(List.copyOf(found.values())).stream().map(rows::toDomain)
        .sorted(java.util.Comparator.comparing(Contact::id)).toList();
  }

  @Override
  public List<Contact> findByEmails(java.util.Collection<EmailAddress> emails) {
    uow.requireOpen();
    Objects.requireNonNull(emails, "emails");
    List<String> all = emails.stream().map(EmailAddress::normalized).distinct().toList();
    Map<UUID, ContactEntity> found = new java.util.LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      for (ContactEntity e : rows.list(" and e.id in (select x.contactId from RapportContactEmail x"
          + " where x.tenantId = :tenant and x.emailNormalized in :emails)", Rows.params("emails", chunk))) {
        found.put(e.id, e);
      }
    }
    return withEmails(List.copyOf(found.values())).stream().map(rows::toDomain)
        .sorted(java.util.Comparator.comparing(Contact::id)).toList();
  }

  @Override
  public List<Contact> findByMatchKeys(MatchKeys keys, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(keys, "keys");
    List<ContactEntity> found = JpaLeads.byMatchKeys(rows, keys, limit, e -> e.id);
    return withEmails(found).stream().map(rows::toDomain).toList();
  }

  @Override
  public Page<Contact> findByAccount(AccountId account, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(page, "page");
    List<Contact> found = withEmails(rows.page(" and e.accountId = :account",
        Rows.params("account", account.value()), page)).stream().map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), c -> c.id().value());
  }

  @Override
  public long countByAccount(AccountId account) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    return rows.count(" and e.accountId = :account", Rows.params("account", account.value()));
  }

  @Override
  public Page<Contact> list(PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(page, "page");
    List<Contact> found = withEmails(rows.page("", Map.of(), page)).stream()
        .map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), c -> c.id().value());
  }

  @Override
  public Contact insert(Contact contact) {
    uow.requireOpen();
    ContactEntity e = rows.insert(contact);
    emailRows.put(contact.id().value(), new ArrayList<>());
    syncEmails(contact);
    return rows.toDomain(e);
  }

  @Override
  public Contact update(Contact contact) {
    uow.requireOpen();
    rows.checkTenant(contact);
    UUID id = contact.id().value();
    rows.load(id).ifPresent(e -> withEmails(List.of(e)));
    // When only the addresses change, the contact's row is unchanged and its version is raised
    // at once by update(); the address rows follow at flush either way.
    ContactEntity e = rows.update(contact);
    syncEmails(contact);
    return rows.stored(e, contact);
  }

  /**
   * Deletes the contact and its address rows, at the contact's version (for a merge).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if the row is at another version
   * @throws dev.rapport.crm.exception.NotFoundException if there is no such contact
   */
  @Override
  public void delete(Contact contact) {
    uow.requireOpen();
    rows.checkTenant(contact);
    UUID id = contact.id().value();
    Contact current = find(contact.id())
        .orElseThrow(() -> new dev.rapport.crm.exception.NotFoundException("contact", contact.id()));
    if (current.version() != contact.version()) {
      throw new dev.rapport.crm.exception.ConcurrentUpdateException("contact", contact.id(), contact.version(),
          current.version());
    }
    uow.flush(); // the row must be at its version in the table before it goes
    ContactEntity e = rows.load(id).orElseThrow();
    uow.em().createQuery("delete from RapportContactEmail x where x.tenantId = :tenant and x.contactId = :id")
        .setParameter("tenant", uow.tenant().value()).setParameter("id", id).executeUpdate();
    int deleted = uow.em().createQuery("delete from RapportContact e where e.tenantId = :tenant and e.id = :id"
            + " and e.version = :version")
        .setParameter("tenant", uow.tenant().value()).setParameter("id", id)
        .setParameter("version", e.version).executeUpdate();
    if (deleted != 1) {
      throw new dev.rapport.crm.exception.ConcurrentUpdateException("contact", contact.id(), contact.version());
    }
    for (ContactEmailEntity row : emailRows.getOrDefault(id, List.of())) {
      if (uow.em().contains(row)) {
        uow.em().detach(row);
      }
    }
    emailRows.remove(id);
    uow.em().detach(e);
    rows.forget(id);
  }

  /** Loads the e-mail rows of the contacts not yet known to this unit, in one query. */
  private List<ContactEntity> withEmails(List<ContactEntity> found) {
    List<UUID> missing = found.stream().map(c -> c.id).filter(id -> !emailRows.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      List<ContactEmailEntity> loaded = uow.em().createQuery("select x from RapportContactEmail x"
              + " where x.tenantId = :tenant and x.contactId in :ids", ContactEmailEntity.class)
          .setParameter("tenant", uow.tenant().value())
          .setParameter("ids", missing)
          .getResultList();
      Map<UUID, List<ContactEmailEntity>> byContact = loaded.stream()
          .collect(Collectors.groupingBy(x -> x.contactId));
      for (UUID id : missing) {
        List<ContactEmailEntity> list = new ArrayList<>(byContact.getOrDefault(id, List.of()));
        list.sort((a, b) -> Integer.compare(a.listIndex, b.listIndex));
        emailRows.put(id, list);
      }
    }
    return found;
  }

  /** Brings the e-mail rows of a contact in line with its addresses. */
  private void syncEmails(Contact contact) {
    UUID id = contact.id().value();
    List<ContactEmailEntity> current = emailRows.computeIfAbsent(id, k -> new ArrayList<>());
    Map<String, ContactEmailEntity> byAddress = new HashMap<>();
    for (ContactEmailEntity row : current) {
      byAddress.put(row.emailNormalized, row);
    }
    List<ContactEmailEntity> next = new ArrayList<>();
    List<EmailAddress> emails = contact.emails();
    for (int i = 0; i < emails.size(); i++) {
      EmailAddress a = emails.get(i);
      ContactEmailEntity row = byAddress.remove(a.normalized());
      if (row == null) {
        row = new ContactEmailEntity(uow.tenant().value(), id, a.normalized(), a.address(), i);
        uow.em().persist(row);
      } else {
        if (!row.address.equals(a.address())) {
          row.address = a.address();
        }
        if (row.listIndex != i) {
          row.listIndex = i;
        }
      }
      next.add(row);
    }
    for (ContactEmailEntity gone : byAddress.values()) {
      uow.em().remove(gone);
    }
    emailRows.put(id, next);
  }

  // ---- mapping


  /** Fills the contact's own row; its e-mail rows are kept by {@link #syncEmails}. */
  static void domainToEntity(Contact c, ContactEntity e) {
    e.customFields = FieldsJson.write(c.fields());
    e.id = c.id().value();
    e.tenantId = c.tenantId().value();
    e.givenName = orNull(c.name().givenName());
    e.familyName = c.name().familyName();
    e.accountId = c.accountId().map(AccountId::value).orElse(null);
    MatchKeys keys = MatchKeys.of(c.name(), c.emails(), c.phones());
    e.matchEmail = keys.email().orElse(null);
    e.matchPhone = keys.phone().orElse(null);
    e.matchName = keys.name();
    dev.rapport.crm.search.SearchText search = dev.rapport.crm.search.SearchText.of(c);
    e.searchName = search.name().orElse(" "); // never null once indexed: see JpaSearch#index
    e.searchEmail = search.email().orElse(null);
    e.searchPhone = search.phone().orElse(null);
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
        fromColumn(e.createdAt), fromColumn(e.updatedAt),
        FieldsJson.read(e.customFields));
  }

  static List<Object> state(ContactEntity e) {
    return Arrays.asList(e.tenantId, e.givenName, e.familyName, e.accountId, e.phones, e.title,
        e.consentGranted, e.consentRecordedAt, e.consentSource, e.originLeadId, e.owner,
        e.createdAt, e.updatedAt, e.matchEmail, e.matchPhone, e.matchName,
        e.searchName, e.searchEmail, e.searchPhone, e.customFields);
  }
}
