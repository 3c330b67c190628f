package dev.rapport.crm.contact;

import dev.rapport.crm.spi.UnitOfWork;
import java.util.Optional;
import java.util.UUID;

/**
 * The merges of contacts and of accounts of one tenant, inside one {@link UnitOfWork}: the links
 * that move, the merged records that go (and come back on undo), and the record of each merge.
 * Everything is written with the unit of work, so a merge is stored whole or not at all.
 */
public interface MergeRepository {

  /**
   * Points everything linked to the record {@code from} at the record {@code to} (both of the
   * kind). For contacts: activities, tasks, campaign memberships, service cases, feedback,
   * opportunities (their primary contact), converted leads (the contact they became) and timeline
   * entries. For accounts: contacts, activities, tasks, service cases, feedback, opportunities,
   * converted leads, sales, payments, the payer class and timeline entries. For leads:
   * activities, tasks, campaign memberships, opportunities and contacts (the lead they came from)
   * and timeline entries. A record that carries a
   * version gets the next one. What {@code to} has already, {@code from} cannot give it twice: a
   * campaign membership in a campaign {@code to} belongs to, or a payer class where {@code to} has
   * one, is removed instead. Remembers under {@code mergeId} what it moved and removed, for
   * {@link #moveBack}.
   */
  void moveLinks(UUID mergeId, Merge.Kind kind, UUID from, UUID to);

  /**
   * How many records link to the record, per link {@link #moveLinks} moves, by its name
   * ({@code "contact.case"}, {@code "account.sale"}, ...); links with none are left out (campaign
   * memberships and the payer class are not counted). What a deletion must refuse or take along.
   */
  java.util.Map<String, Long> linksTo(Merge.Kind kind, UUID record);

  /**
   * Undoes every {@link #moveLinks} of the merge: what moved points at its record again (with the
   * next version), what was removed returns as it was. The records must exist again first.
   */
  void moveBack(UUID mergeId);

  /**
   * Deletes the contact and its addresses.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at the
   *     contact's version (checked at once or at commit)
   */
  void delete(Contact contact);

  /**
   * Deletes the account.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at the
   *     account's version (checked at once or at commit)
   */
  void delete(Account account);

  /**
   * Stores a deleted contact again, after everything the unit wrote before (the survivor giving
   * back an address first): as {@link ContactRepository#insert} does, at version 1.
   */
  Contact restore(Contact contact);

  /**
   * Stores a deleted account again, after everything the unit wrote before (the survivor giving
   * back its external reference first): as {@link AccountRepository#insert} does, at version 1.
   */
  Account restore(Account account);

  /** Stores a new merge, or the merge with this id again (as undone). */
  void save(Merge merge);

  /** The merge with this id, or empty. */
  Optional<Merge> find(UUID mergeId);

  /** The merge, not undone, that merged the record with this id into another, or empty. */
  Optional<Merge> findByMerged(UUID record);

  /**
   * The merges, not undone, of accounts that held these external references, by reference;
   * references no merged account held are left out. One query per chunk.
   */
  java.util.Map<String, Merge> findByMergedReferences(java.util.Collection<String> externalReferences);
}
