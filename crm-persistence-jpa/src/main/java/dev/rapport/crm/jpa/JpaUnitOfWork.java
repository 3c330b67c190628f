package dev.rapport.crm.jpa;

import dev.rapport.crm.ConcurrentUpdateException;
import dev.rapport.crm.DuplicateException;
import dev.rapport.crm.NotFoundException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.internal.IdGenerator;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.spi.AccountRepository;
import dev.rapport.crm.spi.ContactRepository;
import dev.rapport.crm.spi.LeadRepository;
import dev.rapport.crm.spi.OpportunityRepository;
import dev.rapport.crm.spi.UnitOfWork;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One unit of work on one {@link EntityManager}: tenant-scoped repositories over the adapter's
 * entities, and the outbox. Every query names the tenant. Inserts are only persisted (the provider
 * sends them in JDBC batches at flush); an update checks the version the caller read against the
 * version this unit knows, and JPA's {@code @Version} check catches a concurrent change at flush.
 * Not thread-safe.
 */
final class JpaUnitOfWork implements UnitOfWork {
  static final Kind<Lead, LeadEntity> LEAD = new Kind<>("lead", "RapportLead", LeadEntity.class,
      l -> l.id().value(), Lead::tenantId, Lead::version, Lead::withVersion, LeadEntity::new,
      Mapping::domainToEntity, e -> e.id, e -> e.version, Mapping::state);
  static final Kind<Account, AccountEntity> ACCOUNT = new Kind<>("account", "RapportAccount",
      AccountEntity.class, a -> a.id().value(), Account::tenantId, Account::version,
      Account::withVersion, AccountEntity::new, Mapping::domainToEntity, e -> e.id, e -> e.version,
      Mapping::state);
  static final Kind<Contact, ContactEntity> CONTACT = new Kind<>("contact", "RapportContact",
      ContactEntity.class, c -> c.id().value(), Contact::tenantId, Contact::version,
      Contact::withVersion, ContactEntity::new, Mapping::domainToEntity, e -> e.id, e -> e.version,
      Mapping::state);
  static final Kind<Opportunity, OpportunityEntity> OPPORTUNITY = new Kind<>("opportunity",
      "RapportOpportunity", OpportunityEntity.class, o -> o.id().value(), Opportunity::tenantId,
      Opportunity::version, Opportunity::withVersion, OpportunityEntity::new,
      Mapping::domainToEntity, e -> e.id, e -> e.version, Mapping::state);

  private final EntityManager em;
  private final TenantId tenant;
  private final IdGenerator outboxIds;
  private final Tracked<Lead, LeadEntity> leadRows = new Tracked<>(LEAD);
  private final Tracked<Account, AccountEntity> accountRows = new Tracked<>(ACCOUNT);
  private final Tracked<Contact, ContactEntity> contactRows = new Tracked<>(CONTACT);
  private final Tracked<Opportunity, OpportunityEntity> opportunityRows = new Tracked<>(OPPORTUNITY);
  /** The e-mail rows of every contact this unit has loaded or written, in list order. */
  private final Map<UUID, List<ContactEmailEntity>> emailRows = new HashMap<>();
  private final Leads leads = new Leads();
  private final Contacts contacts = new Contacts();
  private final Accounts accounts = new Accounts();
  private final Opportunities opportunities = new Opportunities();
  /** Outbox rows this unit wrote. */
  private final List<OutboxEntity> outboxRows = new ArrayList<>();
  private boolean open = true;

  JpaUnitOfWork(EntityManager em, TenantId tenant, IdGenerator outboxIds) {
    this.em = em;
    this.tenant = tenant;
    this.outboxIds = outboxIds;
  }

  void close() {
    open = false;
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("the unit of work has ended");
    }
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public LeadRepository leads() {
    requireOpen();
    return leads;
  }

  @Override
  public ContactRepository contacts() {
    requireOpen();
    return contacts;
  }

  @Override
  public AccountRepository accounts() {
    requireOpen();
    return accounts;
  }

  @Override
  public OpportunityRepository opportunities() {
    requireOpen();
    return opportunities;
  }

  @Override
  public void recordEvents(List<CrmEvent> events) {
    requireOpen();
    Objects.requireNonNull(events, "events");
    for (CrmEvent event : events) {
      Objects.requireNonNull(event, "event");
      OutboxEntity row = new OutboxEntity();
      row.id = outboxIds.next();
      row.tenantId = event.tenantId().value();
      row.aggregateType = event.aggregateType();
      row.aggregateId = event.aggregateId();
      row.eventType = EventPayloads.type(event);
      row.payload = EventPayloads.payload(event);
      row.occurredAt = Mapping.toColumn(event.occurredAt());
      em.persist(row);
      outboxRows.add(row);
    }
  }

  /**
   * Detaches every entity this unit made or loaded, after its writes were flushed: in a host's
   * long transaction the persistence context would otherwise keep them all, and the provider
   * would dirty-check each of them at every later flush (quadratic cost in the transaction's size).
   * Only Rapport's own entities are detached; the host's stay managed.
   */
  void detachAll() {
    detach(leadRows.loaded.values());
    detach(accountRows.loaded.values());
    detach(contactRows.loaded.values());
    detach(opportunityRows.loaded.values());
    for (List<ContactEmailEntity> rows : emailRows.values()) {
      detach(rows);
    }
    detach(outboxRows);
  }

  private void detach(java.util.Collection<?> entities) {
    for (Object e : entities) {
      if (em.contains(e)) {
        em.detach(e);
      }
    }
  }

  // ---- exceptions at flush, for Errors

  /** The exception for a version conflict found by the provider, naming the record if known. */
  ConcurrentUpdateException concurrentUpdate(Object entity, Throwable cause) {
    for (Tracked<?, ?> t : List.of(leadRows, accountRows, contactRows, opportunityRows)) {
      Optional<ConcurrentUpdateException> e = t.conflict(entity, cause);
      if (e.isPresent()) {
        return e.get();
      }
    }
    for (Tracked<?, ?> t : List.of(leadRows, accountRows, contactRows, opportunityRows)) {
      Optional<ConcurrentUpdateException> e = t.conflict(null, cause);
      if (e.isPresent()) {
        return e.get();
      }
    }
    return new ConcurrentUpdateException("record", "?", -1, cause);
  }

  /** The exception for a unique-key violation, from the constraint the database names. */
  DuplicateException duplicate(String message, Throwable cause) {
    if (message.contains("crm_account_ext_ref_uq")) {
      String ref = accountRows.written().stream()
          .map(accountRows.loaded::get).filter(Objects::nonNull)
          .map(a -> a.externalReference).filter(Objects::nonNull).findFirst().orElse("?");
      DuplicateException d = new DuplicateException("account", "externalReference", ref);
      d.initCause(cause);
      return d;
    }
    List<Tracked<?, ?>> all = List.of(leadRows, accountRows, contactRows, opportunityRows);
    // The database names the key (PostgreSQL) or the table (H2); MariaDB says only 'PRIMARY':
    // then the first kind this unit inserted is the likely one.
    Tracked<?, ?> named = all.stream().filter(t -> !t.inserted.isEmpty())
        .filter(t -> message.contains("crm_" + t.kind.name() + "_pk")
            || message.contains("crm_" + t.kind.name() + "("))
        .findFirst()
        .orElse(all.stream().filter(t -> !t.inserted.isEmpty()).findFirst().orElse(null));
    DuplicateException d = named == null ? new DuplicateException("record", "id", "?")
        : new DuplicateException(named.kind.name(), "id", named.inserted.iterator().next());
    d.initCause(cause);
    return d;
  }

  // ---- shared machinery

  /**
   * The entities of one kind that this unit has seen, and the version it reports for each: the
   * stored version, or one more per update not yet flushed.
   */
  private final class Tracked<D, E> {
    final Kind<D, E> kind;
    final Map<UUID, E> loaded = new HashMap<>();
    final Map<UUID, Long> versions = new HashMap<>();
    final Set<UUID> updated = new HashSet<>();
    final Set<UUID> inserted = new LinkedHashSet<>();
    /** Written since the last explicit flush: another update must flush first. */
    final Set<UUID> unflushed = new HashSet<>();

    Tracked(Kind<D, E> kind) {
      this.kind = kind;
    }

    Set<UUID> written() {
      Set<UUID> all = new LinkedHashSet<>(inserted);
      all.addAll(updated);
      return all;
    }

    long reported(E e) {
      return versions.getOrDefault(kind.entityId().apply(e), kind.entityVersion().applyAsLong(e));
    }

    /** Keeps a queried entity; the unit's own instance wins (the provider returns it anyway). */
    E track(E e) {
      UUID id = kind.entityId().apply(e);
      E known = loaded.putIfAbsent(id, e);
      return known == null ? e : known;
    }

    D toDomain(E e) {
      return toDomainOf(kind, e, reported(e));
    }

    Optional<E> load(UUID id) {
      E e = loaded.get(id);
      if (e != null) {
        return Optional.of(e);
      }
      List<E> found = em.createQuery("select e from " + kind.entityName()
              + " e where e.tenantId = :tenant and e.id = :id", kind.entityClass())
          .setParameter("tenant", tenant.value())
          .setParameter("id", id)
          .getResultList();
      return found.stream().findFirst().map(this::track);
    }

    void checkTenant(D record) {
      Objects.requireNonNull(record, kind.name());
      TenantId of = kind.tenant().apply(record);
      if (!tenant.equals(of)) {
        throw new IllegalArgumentException("the " + kind.name() + " belongs to tenant " + of
            + ", not to this unit of work's tenant " + tenant);
      }
    }

    E insert(D record) {
      checkTenant(record);
      long version = kind.version().applyAsLong(record);
      if (version != 0) {
        throw new IllegalArgumentException("a new " + kind.name() + " must have version 0, not " + version);
      }
      UUID id = kind.id().apply(record);
      if (loaded.containsKey(id)) {
        throw new DuplicateException(kind.name(), "id", id);
      }
      E e = kind.newEntity().get();
      kind.toEntity().accept(record, e);
      try {
        em.persist(e);
      } catch (EntityExistsException ex) {
        DuplicateException d = new DuplicateException(kind.name(), "id", id);
        d.initCause(ex);
        throw d;
      }
      loaded.put(id, e);
      versions.put(id, Mapping.FIRST_VERSION);
      inserted.add(id);
      unflushed.add(id);
      return e;
    }

    /**
     * Applies a changed record to its entity. Returns the entity, or null when only the version
     * changed (then the row was updated at once and the entity is no longer managed).
     */
    E update(D record) {
      checkTenant(record);
      UUID id = kind.id().apply(record);
      E e = load(id).orElseThrow(() -> new NotFoundException(kind.name(), id));
      if (unflushed.contains(id)) {
        flush(); // the provider bumps the version once per flush: one flush per update
      }
      long expected = reported(e);
      long version = kind.version().applyAsLong(record);
      if (version != expected) {
        throw new ConcurrentUpdateException(kind.name(), id, version);
      }
      List<Object> before = kind.state().apply(e);
      kind.toEntity().accept(record, e);
      versions.put(id, expected + 1);
      updated.add(id);
      if (before.equals(kind.state().apply(e))) {
        // Nothing the provider would write: raise the version ourselves, guarded like @Version.
        int rows = em.createQuery("update " + kind.entityName() + " e set e.version = e.version + 1"
                + " where e.tenantId = :tenant and e.id = :id and e.version = :version")
            .setParameter("tenant", tenant.value())
            .setParameter("id", id)
            .setParameter("version", kind.entityVersion().applyAsLong(e))
            .executeUpdate();
        if (rows != 1) {
          throw new ConcurrentUpdateException(kind.name(), id, version);
        }
        em.detach(e);
        loaded.remove(id);
        versions.remove(id);
        unflushed.remove(id);
        return null;
      }
      unflushed.add(id);
      return e;
    }

    Optional<ConcurrentUpdateException> conflict(Object entity, Throwable cause) {
      for (UUID id : updated) {
        E e = loaded.get(id);
        if (entity == null || entity == e) {
          long expected = versions.getOrDefault(id, 1L) - 1;
          return Optional.of(new ConcurrentUpdateException(kind.name(), id, expected, cause));
        }
      }
      return Optional.empty();
    }

    /** Runs a keyset-paged query: {@code where} is appended to the tenant condition. */
    List<E> page(String where, Map<String, Object> params, PageRequest page) {
      StringBuilder jpql = new StringBuilder("select e from ").append(kind.entityName())
          .append(" e where e.tenantId = :tenant").append(where);
      if (page.after().isPresent()) {
        jpql.append(" and e.id > :after");
      }
      jpql.append(" order by e.id");
      TypedQuery<E> q = em.createQuery(jpql.toString(), kind.entityClass())
          .setParameter("tenant", tenant.value())
          .setMaxResults(page.size() + 1);
      params.forEach(q::setParameter);
      page.after().ifPresent(a -> q.setParameter("after", UUID.fromString(a)));
      return q.getResultList().stream().map(this::track).toList();
    }

    List<E> list(String where, Map<String, Object> params) {
      TypedQuery<E> q = em.createQuery("select e from " + kind.entityName()
          + " e where e.tenantId = :tenant" + where + " order by e.id", kind.entityClass())
          .setParameter("tenant", tenant.value());
      params.forEach(q::setParameter);
      return q.getResultList().stream().map(this::track).toList();
    }
  }

  /**
   * Sends the pending writes now; a conflict or duplicate it meets is reported as the CRM
   * exception at this call already.
   */
  private void flush() {
    try {
      em.flush();
    } catch (RuntimeException e) {
      throw Errors.translate(e, this);
    }
    clearUnflushed();
  }

  private void clearUnflushed() {
    leadRows.unflushed.clear();
    accountRows.unflushed.clear();
    contactRows.unflushed.clear();
    opportunityRows.unflushed.clear();
  }

  @SuppressWarnings("unchecked")
  private <D, E> D toDomainOf(Kind<D, E> kind, E e, long version) {
    if (e instanceof LeadEntity l) {
      return (D) Mapping.entityToDomain(l, version);
    }
    if (e instanceof AccountEntity a) {
      return (D) Mapping.entityToDomain(a, version);
    }
    if (e instanceof OpportunityEntity o) {
      return (D) Mapping.entityToDomain(o, version);
    }
    ContactEntity c = (ContactEntity) e;
    return (D) Mapping.entityToDomain(c, emailRows.getOrDefault(c.id, List.of()), version);
  }

  /**
   * What an insert or update returns: the record as stored (instants at microseconds) at its new
   * version; when only the version changed, the record itself at the next version.
   */
  private static <D, E> D stored(Tracked<D, E> rows, E entity, D record) {
    return entity != null ? rows.toDomain(entity)
        : rows.kind.withVersion().apply(record, rows.kind.version().applyAsLong(record) + 1);
  }

  private static <T> Page<T> toPage(List<T> found, int size, Function<T, UUID> id) {
    if (found.size() > size) {
      List<T> items = found.subList(0, size);
      return new Page<>(items, Optional.of(id.apply(items.get(size - 1)).toString()));
    }
    return new Page<>(found, Optional.empty());
  }

  private static Map<String, Object> params(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  // ---- leads

  private final class Leads implements LeadRepository {
    @Override
    public Optional<Lead> find(LeadId id) {
      requireOpen();
      Objects.requireNonNull(id, "id");
      return leadRows.load(id.value()).map(leadRows::toDomain);
    }

    @Override
    public List<Lead> findByEmail(EmailAddress email) {
      requireOpen();
      Objects.requireNonNull(email, "email");
      return leadRows.list(" and e.emailNormalized = :email", params("email", email.normalized()))
          .stream().map(leadRows::toDomain).toList();
    }

    @Override
    public Page<Lead> query(LeadQuery query, PageRequest page) {
      requireOpen();
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(page, "page");
      StringBuilder where = new StringBuilder();
      Map<String, Object> p = new LinkedHashMap<>();
      if (!query.statuses().isEmpty()) {
        where.append(" and e.status in :statuses");
        p.put("statuses", query.statuses().stream().map(Enum::name).sorted().toList());
      }
      if (!query.temperatures().isEmpty()) {
        where.append(" and e.temperature in :temperatures");
        p.put("temperatures", query.temperatures().stream().map(Enum::name).sorted().toList());
      }
      if (!query.sources().isEmpty()) {
        where.append(" and e.source in :sources");
        p.put("sources", query.sources().stream().map(s -> s.code()).sorted().toList());
      }
      query.owner().ifPresent(o -> {
        where.append(" and e.owner = :owner");
        p.put("owner", o);
      });
      query.createdFrom().ifPresent(f -> {
        where.append(" and e.createdAt >= :createdFrom");
        p.put("createdFrom", Mapping.toColumn(f));
      });
      query.createdBefore().ifPresent(b -> {
        where.append(" and e.createdAt < :createdBefore");
        p.put("createdBefore", Mapping.toColumn(b));
      });
      List<Lead> found = leadRows.page(where.toString(), p, page).stream()
          .map(leadRows::toDomain).toList();
      return toPage(found, page.size(), l -> l.id().value());
    }

    @Override
    public Lead insert(Lead lead) {
      requireOpen();
      return leadRows.toDomain(leadRows.insert(lead));
    }

    @Override
    public Lead update(Lead lead) {
      requireOpen();
      return stored(leadRows, leadRows.update(lead), lead);
    }
  }

  // ---- accounts

  private final class Accounts implements AccountRepository {
    @Override
    public Optional<Account> find(AccountId id) {
      requireOpen();
      Objects.requireNonNull(id, "id");
      return accountRows.load(id.value()).map(accountRows::toDomain);
    }

    @Override
    public List<Account> findByNameKey(String nameKey) {
      requireOpen();
      Objects.requireNonNull(nameKey, "nameKey");
      return accountRows.list(" and e.nameKey = :key", params("key", nameKey))
          .stream().map(accountRows::toDomain).toList();
    }

    @Override
    public List<Account> findByDomain(String domain) {
      requireOpen();
      Objects.requireNonNull(domain, "domain");
      return accountRows.list(" and e.domain = :domain", params("domain", domain.toLowerCase(Locale.ROOT)))
          .stream().map(accountRows::toDomain).toList();
    }

    @Override
    public Optional<Account> findByExternalReference(String externalReference) {
      requireOpen();
      Objects.requireNonNull(externalReference, "externalReference");
      return accountRows.list(" and e.externalReference = :ref", params("ref", externalReference))
          .stream().map(accountRows::toDomain).findFirst();
    }

    @Override
    public Page<Account> list(PageRequest page) {
      requireOpen();
      Objects.requireNonNull(page, "page");
      List<Account> found = accountRows.page("", Map.of(), page).stream()
          .map(accountRows::toDomain).toList();
      return toPage(found, page.size(), a -> a.id().value());
    }

    @Override
    public Account insert(Account account) {
      requireOpen();
      return accountRows.toDomain(accountRows.insert(account));
    }

    @Override
    public Account update(Account account) {
      requireOpen();
      accountRows.checkTenant(account);
      String before = accountRows.load(account.id().value()).map(e -> e.externalReference).orElse(null);
      AccountEntity e = accountRows.update(account);
      if (e != null && !Objects.equals(before, e.externalReference)) {
        // Write the change of a unique key at once, so that a reference this unit releases can
        // be taken by another account later in the same unit, whatever order the provider flushes in.
        flush();
      }
      return stored(accountRows, e, account);
    }
  }

  // ---- contacts

  /** Loads the e-mail rows of the contacts not yet known to this unit, in one query. */
  private List<ContactEntity> withEmails(List<ContactEntity> found) {
    List<UUID> missing = found.stream().map(c -> c.id).filter(id -> !emailRows.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      List<ContactEmailEntity> rows = em.createQuery("select x from RapportContactEmail x"
              + " where x.tenantId = :tenant and x.contactId in :ids", ContactEmailEntity.class)
          .setParameter("tenant", tenant.value())
          .setParameter("ids", missing)
          .getResultList();
      Map<UUID, List<ContactEmailEntity>> byContact = rows.stream()
          .collect(Collectors.groupingBy(x -> x.contactId));
      for (UUID id : missing) {
        List<ContactEmailEntity> list = new ArrayList<>(byContact.getOrDefault(id, List.of()));
        list.sort((a, b) -> Integer.compare(a.listIndex, b.listIndex));
        emailRows.put(id, list);
      }
    }
    return found;
  }

  private Contact contactOf(ContactEntity e) {
    return contactRows.toDomain(e);
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
        row = new ContactEmailEntity(tenant.value(), id, a.normalized(), a.address(), i);
        em.persist(row);
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
      em.remove(gone);
    }
    emailRows.put(id, next);
  }

  private final class Contacts implements ContactRepository {
    @Override
    public Optional<Contact> find(ContactId id) {
      requireOpen();
      Objects.requireNonNull(id, "id");
      return contactRows.load(id.value())
          .map(e -> withEmails(List.of(e)).get(0))
          .map(JpaUnitOfWork.this::contactOf);
    }

    @Override
    public List<Contact> findByEmail(EmailAddress email) {
      requireOpen();
      Objects.requireNonNull(email, "email");
      List<ContactEntity> found = contactRows.list(" and e.id in (select x.contactId from"
          + " RapportContactEmail x where x.tenantId = :tenant and x.emailNormalized = :email)",
          params("email", email.normalized()));
      return withEmails(found).stream().map(JpaUnitOfWork.this::contactOf).toList();
    }

    @Override
    public Page<Contact> findByAccount(AccountId account, PageRequest page) {
      requireOpen();
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(page, "page");
      List<Contact> found = withEmails(contactRows.page(" and e.accountId = :account",
          params("account", account.value()), page)).stream()
          .map(JpaUnitOfWork.this::contactOf).toList();
      return toPage(found, page.size(), c -> c.id().value());
    }

    @Override
    public Page<Contact> list(PageRequest page) {
      requireOpen();
      Objects.requireNonNull(page, "page");
      List<Contact> found = withEmails(contactRows.page("", Map.of(), page)).stream()
          .map(JpaUnitOfWork.this::contactOf).toList();
      return toPage(found, page.size(), c -> c.id().value());
    }

    @Override
    public Contact insert(Contact contact) {
      requireOpen();
      ContactEntity e = contactRows.insert(contact);
      emailRows.put(contact.id().value(), new ArrayList<>());
      syncEmails(contact);
      return contactRows.toDomain(e);
    }

    @Override
    public Contact update(Contact contact) {
      requireOpen();
      contactRows.checkTenant(contact);
      UUID id = contact.id().value();
      contactRows.load(id).ifPresent(e -> withEmails(List.of(e)));
      // When only the addresses change, the contact's row is unchanged and its version is raised
      // at once by update(); the address rows follow at flush either way.
      ContactEntity e = contactRows.update(contact);
      syncEmails(contact);
      return stored(contactRows, e, contact);
    }
  }

  // ---- opportunities

  private final class Opportunities implements OpportunityRepository {
    @Override
    public Optional<Opportunity> find(OpportunityId id) {
      requireOpen();
      Objects.requireNonNull(id, "id");
      return opportunityRows.load(id.value()).map(opportunityRows::toDomain);
    }

    @Override
    public Page<Opportunity> query(OpportunityQuery query, PageRequest page) {
      requireOpen();
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(page, "page");
      StringBuilder where = new StringBuilder();
      Map<String, Object> p = new LinkedHashMap<>();
      if (!query.statuses().isEmpty()) {
        where.append(" and e.status in :statuses");
        p.put("statuses", query.statuses().stream().map(Enum::name).sorted().toList());
      }
      if (!query.stages().isEmpty()) {
        where.append(" and e.stage in :stages");
        p.put("stages", query.stages().stream().sorted().toList());
      }
      query.accountId().ifPresent(a -> {
        where.append(" and e.accountId = :account");
        p.put("account", a.value());
      });
      query.owner().ifPresent(o -> {
        where.append(" and e.owner = :owner");
        p.put("owner", o);
      });
      List<Opportunity> found = opportunityRows.page(where.toString(), p, page).stream()
          .map(opportunityRows::toDomain).toList();
      return toPage(found, page.size(), o -> o.id().value());
    }

    @Override
    public Opportunity insert(Opportunity opportunity) {
      requireOpen();
      return opportunityRows.toDomain(opportunityRows.insert(opportunity));
    }

    @Override
    public Opportunity update(Opportunity opportunity) {
      requireOpen();
      return stored(opportunityRows, opportunityRows.update(opportunity), opportunity);
    }
  }
}
