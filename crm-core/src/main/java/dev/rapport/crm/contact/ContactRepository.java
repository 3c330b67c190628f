package dev.rapport.crm.contact;

import dev.rapport.crm.spi.Pages;
import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * The contacts of one tenant, inside one {@link UnitOfWork}. Insert and update follow the same
 * version rules as {@link LeadRepository#insert} and {@link LeadRepository#update}.
 */
public interface ContactRepository {

  /** The contact with this id, or empty. */
  Optional<Contact> find(ContactId id);

  /**
   * The contacts with these ids, each once, in id order; unknown ids are skipped. The default asks
   * {@link #find} for each; an adapter should answer in one query per chunk.
   */
  default List<Contact> findAll(java.util.Collection<ContactId> ids) {
    java.util.TreeMap<ContactId, Contact> found = new java.util.TreeMap<>();
    for (ContactId id : ids) {
      find(id).ifPresent(c -> found.put(c.id(), c));
    }
    return List.copyOf(found.values());
  }

  /** The contacts having this address among their e-mail addresses, in id order. */
  List<Contact> findByEmail(EmailAddress email);

  /**
   * The contacts having any of these addresses among theirs, each once, in id order. The default
   * asks {@link #findByEmail} for each; an adapter should answer in one query per chunk.
   */
  default List<Contact> findByEmails(java.util.Collection<EmailAddress> emails) {
    java.util.TreeMap<ContactId, Contact> found = new java.util.TreeMap<>();
    for (EmailAddress e : emails) {
      for (Contact c : findByEmail(e)) {
        found.put(c.id(), c);
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The contacts sharing a blocking key with {@code keys}, as {@link
   * LeadRepository#findByMatchKeys} for leads; a contact's keys are those of its name and its
   * primary (first) address and number ({@link MatchKeys#of(dev.rapport.crm.common.PersonName,
   * List, List)}).
   */
  List<Contact> findByMatchKeys(MatchKeys keys, int limit);

  /** The page of contacts of this account, in id order. */
  Page<Contact> findByAccount(AccountId account, PageRequest page);

  /**
   * How many contacts the account has: as many as walking every page of {@link #findByAccount}
   * returns. The default walks the pages; an adapter should count in its store.
   */
  default long countByAccount(AccountId account) {
    return Pages.count(p -> findByAccount(account, p));
  }

  /** The page of all contacts, in id order. */
  Page<Contact> list(PageRequest page);

  /** Stores a new contact (version 0) and returns it with version 1. */
  Contact insert(Contact contact);

  /** Stores a changed contact read at its version; returns it with the next version. */
  Contact update(Contact contact);

  /**
   * Deletes the contact and its addresses. What links to it goes first ({@code ContactService.delete}).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   *     (checked at once or at commit)
   */
  void delete(Contact contact);
}
