package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.AccountRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The accounts of one unit of work, in the tenant's accounts table. */
final class MemoryAccounts implements AccountRepository {
  static final Kind<AccountId, Account> KIND = new Kind<>("account", Account::id,
      Account::version, Versions.of(Account.class)::with, Account::tenantId, AccountId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.NAME_KEY, a -> List.of(a.nameKey())),
          new Kind.IndexDef<>(Kinds.MATCH, a -> List.of("c:" + MatchKeys.companyKey(a.name()))),
          new Kind.IndexDef<>(Kinds.GRAM, a -> dev.rapport.crm.search.SearchText.of(a).grams()),
          new Kind.IndexDef<>(Kinds.DOMAIN, a -> a.domain().stream().toList()),
          new Kind.IndexDef<>(Kinds.INDUSTRY, a -> a.industry().stream().toList()),
          new Kind.IndexDef<>(Kinds.EXTERNAL_REFERENCE, a -> a.externalReference().stream().toList())),
      Optional.of(new Kind.Unique(Kinds.EXTERNAL_REFERENCE, "externalReference")));

  private final MemoryUnitOfWork uow;
  private Buffer<AccountId, Account> buffer;

  MemoryAccounts(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  /** Made on first use: a unit that only reads other kinds needs none. */
  Buffer<AccountId, Account> buffer() {
  if (buffer == null) {
    buffer = uow.buffer(uow.store().accounts);
  }
  return buffer;
  }

  @Override
  public Optional<Account> find(AccountId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public List<Account> findByNameKey(String nameKey) {
    uow.requireOpen();
    return buffer().lookup(Kinds.NAME_KEY, Objects.requireNonNull(nameKey, "nameKey"));
  }

  @Override
  public List<Account> findByDomain(String domain) {
    uow.requireOpen();
    return buffer().lookup(Kinds.DOMAIN, Objects.requireNonNull(domain, "domain"));
  }

  @Override
  public List<Account> findByMatchKeys(String companyKey, Optional<String> domain, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(companyKey, "companyKey");
    Objects.requireNonNull(domain, "domain");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    java.util.TreeMap<AccountId, Account> found = new java.util.TreeMap<>();
    if (!companyKey.isEmpty()) { // a name with nothing left once folded is no key
      for (Account a : buffer().lookup(Kinds.MATCH, "c:" + companyKey)) {
        found.put(a.id(), a);
      }
    }
    domain.ifPresent(d -> buffer().lookup(Kinds.DOMAIN, d).forEach(a -> found.put(a.id(), a)));
    return found.values().stream().limit(Math.min(limit, dev.rapport.crm.common.PageRequest.MAX_SIZE)).toList();
  }

  @Override
  public Optional<Account> findByExternalReference(String externalReference) {
    uow.requireOpen();
    return buffer().lookup(Kinds.EXTERNAL_REFERENCE,
        Objects.requireNonNull(externalReference, "externalReference")).stream().findFirst();
  }

  @Override
  public Page<Account> list(PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(), a -> true, page);
  }

  @Override
  public Page<Account> byIndustry(dev.rapport.crm.common.Industry industry, PageRequest page) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(industry, "industry");
    return buffer().page(List.of(Buffer.keys(Kinds.INDUSTRY, List.of(industry))),
        a -> a.industry().equals(java.util.Optional.of(industry)), page);
  }

  @Override
  public long countByIndustry(dev.rapport.crm.common.Industry industry) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(industry, "industry");
    return buffer().count(List.of(Buffer.keys(Kinds.INDUSTRY, List.of(industry))),
        a -> a.industry().equals(java.util.Optional.of(industry)));
  }

  @Override
  public Account insert(Account account) {
    uow.requireOpen();
    return buffer().insert(account);
  }

  @Override
  public Account update(Account account) {
    uow.requireOpen();
    return buffer().update(account);
  }

  @Override
  public void delete(Account account) {
    uow.requireOpen();
    buffer().delete(java.util.Objects.requireNonNull(account, "account"));
    // its payer class is the account's own derived row (a merge moved it to the survivor first)
    Buffer<AccountId, MemorySales.Standing> classes = uow.buffer(uow.store().payerClasses);
    classes.find(account.id()).ifPresent(classes::delete);
  }
}
