package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.AccountRepository;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The accounts of one unit of work, in {@code crm_account}. */
final class JpaAccounts implements AccountRepository {
  static final Kind<Account, AccountEntity> KIND = new Kind<>("account", "RapportAccount",
      AccountEntity.class, a -> a.id().value(), Account::tenantId, Account::version,
      Versions.of(Account.class)::with, AccountEntity::new, JpaAccounts::domainToEntity, e -> e.id,
      e -> e.version, JpaAccounts::state);

  private final JpaUnitOfWork uow;
  private final Rows<Account, AccountEntity> rows;

  JpaAccounts(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaAccounts::entityToDomain);
    uow.uniqueKey("crm_account_ext_ref_uq", this::duplicateReference);
  }

  /** The external reference this unit wrote that the database found taken. */
  private DuplicateException duplicateReference(Throwable cause) {
    String ref = rows.written().stream()
        .map(rows.loaded::get).filter(Objects::nonNull)
        .map(a -> a.externalReference).filter(Objects::nonNull).findFirst().orElse("?");
    DuplicateException d = new DuplicateException("account", "externalReference", ref);
    d.initCause(cause);
    return d;
  }

  /** Indexes up to {@code limit} accounts without search text ({@link JpaSearch#index}); how many. */
  int indexUnindexed(int limit) {
    List<AccountEntity> found = rows.page(" and e.searchName is null", java.util.Map.of(),
        dev.rapport.crm.common.PageRequest.first(limit)).stream().limit(limit).toList();
    return JpaSearch.index(uow, "crm_account", found, e -> e.id, e -> {
      dev.rapport.crm.search.SearchText t = dev.rapport.crm.search.SearchText.of(rows.toDomain(e));
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      m.put("search_name", t.name().orElse(" "));
      m.put("search_domain", t.domain().orElse(null));
      m.put("search_reference", t.reference().orElse(null));
      return m;
    });
  }

  /** The accounts a native select of whole rows finds ({@link Rows#nativeList}), in its order. */
  List<Account> nativeList(String sql, List<Object> params) {
    uow.requireOpen();
    return rows.nativeList(sql, params).stream().map(rows::toDomain).toList();
  }

  @Override
  public Optional<Account> find(AccountId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public Set<AccountId> existing(Collection<AccountId> ids) {
    uow.requireOpen();
    Objects.requireNonNull(ids, "ids");
    Set<AccountId> found = new HashSet<>();
    for (List<UUID> chunk : Rows.chunks(ids.stream().map(AccountId::value).distinct().toList())) {
      uow.em().createQuery("select e.id from RapportAccount e where e.tenantId = :tenant and e.id in :ids", UUID.class)
          .setParameter("tenant", uow.tenant().value())
          .setParameter("ids", chunk)
          .getResultList().forEach(id -> found.add(AccountId.of(id)));
    }
    return found;
  }

  @Override
  public List<Account> findByNameKey(String nameKey) {
    uow.requireOpen();
    Objects.requireNonNull(nameKey, "nameKey");
    return rows.list(" and e.nameKey = :key", Rows.params("key", nameKey))
        .stream().map(rows::toDomain).toList();
  }

  @Override
  public List<Account> findByDomain(String domain) {
    uow.requireOpen();
    Objects.requireNonNull(domain, "domain");
    return rows.list(" and e.domain = :domain", Rows.params("domain", domain.toLowerCase(Locale.ROOT)))
        .stream().map(rows::toDomain).toList();
  }

  @Override
  public List<Account> findByMatchKeys(String companyKey, Optional<String> domain, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(companyKey, "companyKey");
    Objects.requireNonNull(domain, "domain");
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    java.util.List<String> either = new java.util.ArrayList<>(2);
    if (!companyKey.isEmpty()) { // a name with nothing left once folded is no key
      either.add("e.matchName = :matchName");
      p.put("matchName", companyKey);
    }
    if (domain.isPresent()) {
      either.add("e.domain = :domain");
      p.put("domain", domain.get().toLowerCase(Locale.ROOT));
    }
    if (either.isEmpty()) {
      return List.of();
    }
    return rows.page(" and (" + String.join(" or ", either) + ")", p, dev.rapport.crm.common.PageRequest.first(Math.min(limit,
        dev.rapport.crm.common.PageRequest.MAX_SIZE))).stream().limit(limit).map(rows::toDomain).toList();
  }

  /** One query for both: the name key's accounts win over the domain's. */
  @Override
  public Optional<Account> match(Optional<String> nameKey, Optional<String> domain) {
    uow.requireOpen();
    Objects.requireNonNull(nameKey, "nameKey");
    Objects.requireNonNull(domain, "domain");
    if (nameKey.isEmpty() || domain.isEmpty()) {
      return AccountRepository.super.match(nameKey, domain);
    }
    String d = domain.get().toLowerCase(Locale.ROOT);
    List<Account> found = rows.list(" and (e.nameKey = :key or e.domain = :domain)",
        Rows.params("key", nameKey.get(), "domain", d)).stream().map(rows::toDomain).toList();
    return found.stream().filter(a -> a.nameKey().equals(nameKey.get())).findFirst()
        .or(() -> found.stream().filter(a -> a.domain().filter(d::equals).isPresent()).findFirst());
  }

  @Override
  public Optional<Account> findByExternalReference(String externalReference) {
    uow.requireOpen();
    Objects.requireNonNull(externalReference, "externalReference");
    return rows.list(" and e.externalReference = :ref", Rows.params("ref", externalReference))
        .stream().map(rows::toDomain).findFirst();
  }

  @Override
  public Map<String, Account> findByExternalReferences(Collection<String> externalReferences) {
    uow.requireOpen();
    Objects.requireNonNull(externalReferences, "externalReferences");
    Map<String, Account> found = new java.util.LinkedHashMap<>();
    List<String> all = List.copyOf(externalReferences);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      for (AccountEntity e : rows.list(" and e.externalReference in :refs", Rows.params("refs", chunk))) {
        Account a = rows.toDomain(e);
        found.put(a.externalReference().orElseThrow(), a);
      }
    }
    return found;
  }

  @Override
  public Page<Account> list(PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(page, "page");
    List<Account> found = rows.page("", Map.of(), page).stream().map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), a -> a.id().value());
  }

  @Override
  public Page<Account> byIndustry(Industry industry, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(industry, "industry");
    Objects.requireNonNull(page, "page");
    List<Account> found = rows.page(" and e.industry = :industry", Map.of("industry", industry.code()), page)
        .stream().map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), a -> a.id().value());
  }

  @Override
  public long countByIndustry(Industry industry) {
    uow.requireOpen();
    Objects.requireNonNull(industry, "industry");
    return rows.count(" and e.industry = :industry", Map.of("industry", industry.code()));
  }

  @Override
  public Account insert(Account account) {
    uow.requireOpen();
    return rows.toDomain(rows.insert(account));
  }

  @Override
  public Account update(Account account) {
    uow.requireOpen();
    rows.checkTenant(account);
    String before = rows.load(account.id().value()).map(e -> e.externalReference).orElse(null);
    AccountEntity e = rows.update(account);
    if (e != null && !Objects.equals(before, e.externalReference)) {
      // Write the change of a unique key at once, so that a reference this unit releases can
      // be taken by another account later in the same unit, whatever order the provider flushes in.
      uow.flush();
    }
    return rows.stored(e, account);
  }

  // ---- mapping

  static void domainToEntity(Account a, AccountEntity e) {
    e.customFields = FieldsJson.write(a.fields());
    e.id = a.id().value();
    e.tenantId = a.tenantId().value();
    e.name = a.name();
    e.nameKey = a.nameKey();
    e.matchName = MatchKeys.companyKey(a.name());
    dev.rapport.crm.search.SearchText search = dev.rapport.crm.search.SearchText.of(a);
    e.searchName = search.name().orElse(" "); // never null once indexed: see JpaSearch#index
    e.searchDomain = search.domain().orElse(null);
    e.searchReference = search.reference().orElse(null);
    e.domain = orNull(a.domain());
    e.externalReference = orNull(a.externalReference());
    e.industry = a.industry().map(Industry::code).orElse(null);
    e.owner = orNull(a.owner());
    e.createdAt = toColumn(a.createdAt());
    e.updatedAt = toColumn(a.updatedAt());
  }

  static Account entityToDomain(AccountEntity e, long version) {
    return new Account(AccountId.of(e.id), TenantId.of(e.tenantId), version, e.name,
        Optional.ofNullable(e.domain), Optional.ofNullable(e.externalReference),
        // free text before schema version 16: read as the code it reads as (Industry#stored)
        Optional.ofNullable(e.industry).map(Industry::stored), Optional.ofNullable(e.owner), fromColumn(e.createdAt),
        fromColumn(e.updatedAt),
        FieldsJson.read(e.customFields));
  }

  static List<Object> state(AccountEntity e) {
    return Arrays.asList(e.tenantId, e.name, e.nameKey, e.domain, e.externalReference,
        e.industry, e.owner, e.createdAt, e.updatedAt, e.matchName,
        e.searchName, e.searchDomain, e.searchReference, e.customFields);
  }

  /**
   * Deletes the account at its version (for a merge).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if the row is at another version
   * @throws dev.rapport.crm.exception.NotFoundException if there is no such account
   */
  @Override
  public void delete(Account account) {
    uow.requireOpen();
    rows.checkTenant(account);
    // its payer class is the account's own derived row
    uow.em().createQuery("delete from RapportPayerClass p where p.tenantId = :tenant and p.accountId = :id")
        .setParameter("tenant", uow.tenant().value()).setParameter("id", account.id().value()).executeUpdate();
    deleteRow(account);
  }

  /** Deletes the account's row alone (a merge moved its payer class to the survivor first). */
  void deleteRow(Account account) {
    uow.requireOpen();
    rows.checkTenant(account);
    UUID id = account.id().value();
    Account current = find(account.id())
        .orElseThrow(() -> new dev.rapport.crm.exception.NotFoundException("account", account.id()));
    if (current.version() != account.version()) {
      throw new dev.rapport.crm.exception.ConcurrentUpdateException("account", account.id(), account.version(),
          current.version());
    }
    uow.flush(); // the row must be at its version in the table before it goes
    AccountEntity e = rows.load(id).orElseThrow();
    int deleted = uow.em().createQuery("delete from RapportAccount e where e.tenantId = :tenant and e.id = :id"
            + " and e.version = :version")
        .setParameter("tenant", uow.tenant().value()).setParameter("id", id)
        .setParameter("version", e.version).executeUpdate();
    if (deleted != 1) {
      throw new dev.rapport.crm.exception.ConcurrentUpdateException("account", account.id(), account.version());
    }
    uow.em().detach(e);
    rows.forget(id);
  }
}
