package dev.rapport.crm.contact;

import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts of one tenant, inside one {@link UnitOfWork}. Insert and update follow the same
 * version rules as {@link LeadRepository#insert} and {@link LeadRepository#update}; both throw
 * {@link dev.rapport.crm.exception.DuplicateException} when the external reference is taken by another
 * account of the tenant (at the call or at commit).
 */
public interface AccountRepository {

  /** The account with this id, or empty. */
  Optional<Account> find(AccountId id);

  /** The accounts whose {@link Account#nameKey()} equals this key, in id order. */
  List<Account> findByNameKey(String nameKey);

  /** The accounts with this domain (lower case), in id order. */
  List<Account> findByDomain(String domain);

  /**
   * The account a converted lead joins: the first (in id order) whose {@link Account#nameKey()} is
   * {@code nameKey}, else the first whose domain is {@code domain}, else empty. The default asks
   * {@link #findByNameKey} and then {@link #findByDomain}; an adapter may answer in one query (the
   * JPA adapter does).
   */
  default Optional<Account> match(Optional<String> nameKey, Optional<String> domain) {
    Optional<Account> byName = nameKey.flatMap(k -> findByNameKey(k).stream().findFirst());
    return byName.isPresent() ? byName : domain.flatMap(d -> findByDomain(d).stream().findFirst());
  }

  /**
   * The accounts sharing a blocking key with an account of this name and domain: the same {@link
   * dev.rapport.crm.common.MatchKeys#companyKey(String) company key} (stored with each account), or
   * the same domain; in id order, at most {@code limit} (1 to 500: a larger limit reads 500), from an
   * index.
   */
  List<Account> findByMatchKeys(String companyKey, Optional<String> domain, int limit);

  /** The account with this external reference, or empty. */
  Optional<Account> findByExternalReference(String externalReference);

  /**
   * The accounts having one of these external references, by reference. The default finds each;
   * an adapter should answer in one query per chunk of references.
   */
  default java.util.Map<String, Account> findByExternalReferences(Collection<String> externalReferences) {
    java.util.Map<String, Account> found = new java.util.LinkedHashMap<>();
    for (String ref : externalReferences) {
      findByExternalReference(ref).ifPresent(a -> found.put(ref, a));
    }
    return found;
  }

  /** The page of all accounts, in id order. */
  Page<Account> list(PageRequest page);

  /** A page of the accounts of one industry, in id order (the order of {@link #list}). */
  Page<Account> byIndustry(dev.rapport.crm.common.Industry industry, PageRequest page);

  /** How many accounts are of one industry. */
  long countByIndustry(dev.rapport.crm.common.Industry industry);

  /** Stores a new account (version 0) and returns it with version 1. */
  Account insert(Account account);

  /** Stores a changed account read at its version; returns it with the next version. */
  Account update(Account account);

  /**
   * Deletes the account. What links to it goes first ({@code AccountService.delete}).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   *     (checked at once or at commit)
   */
  void delete(Account account);

  /**
   * Which of these ids name accounts of the unit's tenant: how the core checks what a host's
   * {@code SalesLedger} returns. The default finds each; an adapter may answer in one query per
   * chunk of ids.
   */
  default Set<AccountId> existing(Collection<AccountId> ids) {
    Set<AccountId> found = new HashSet<>();
    for (AccountId id : ids) {
      if (find(id).isPresent()) {
        found.add(id);
      }
    }
    return found;
  }
}
