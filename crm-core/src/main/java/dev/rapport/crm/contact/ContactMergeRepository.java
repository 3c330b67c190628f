package dev.rapport.crm.contact;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.Optional;
import java.util.UUID;

/**
 * The merges of contacts of one tenant, inside one {@link UnitOfWork}: the links that move, the
 * merged contacts that go, and the record of each merge. Everything is written with the unit of
 * work, so a merge is stored whole or not at all.
 */
public interface ContactMergeRepository {

  /**
   * Points everything linked to the contact {@code from} at the contact {@code to}: activities,
   * tasks, campaign memberships, service cases, feedback, opportunities (their primary contact),
   * converted leads (the contact they became) and timeline entries. A record that carries a
   * version gets the next one. A campaign membership of {@code from} in a campaign {@code to}
   * already belongs to is removed instead. Remembers under {@code mergeId} what it moved and
   * removed, for {@link #moveBack}.
   */
  void moveLinks(UUID mergeId, ContactId from, ContactId to);

  /**
   * Undoes every {@link #moveLinks} of the merge: what moved points at its contact again (with the
   * next version), removed memberships return as they were. The contacts must exist again first.
   */
  void moveBack(UUID mergeId);

  /**
   * Deletes the contact and its addresses.
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at the
   *     contact's version (checked at once or at commit)
   */
  void delete(Contact contact);

  /** Stores a new merge, or the merge with this id again (as undone). */
  void save(ContactMerge merge);

  /** The merge with this id, or empty. */
  Optional<ContactMerge> find(UUID mergeId);

  /** The merge, not undone, that merged this contact into another, or empty. */
  Optional<ContactMerge> findByMerged(ContactId merged);
}
