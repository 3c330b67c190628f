package dev.rapport.crm.lead;

import dev.rapport.crm.spi.Pages;
import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.List;
import java.util.Optional;

/** The leads of one tenant, inside one {@link UnitOfWork}. */
public interface LeadRepository {

  /** The lead with this id, or empty if the tenant has none. */
  Optional<Lead> find(LeadId id);

  /** The tenant's leads with this e-mail address (compared normalised), in id order. */
  List<Lead> findByEmail(EmailAddress email);

  /**
   * The tenant's leads with any of these addresses, each once, in id order. The default asks
   * {@link #findByEmail} for each; an adapter should answer in one query per chunk.
   */
  default List<Lead> findByEmails(java.util.Collection<EmailAddress> emails) {
    java.util.TreeMap<LeadId, Lead> found = new java.util.TreeMap<>();
    for (EmailAddress e : emails) {
      for (Lead l : findByEmail(e)) {
        found.put(l.id(), l);
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The leads sharing a blocking key with {@code keys}, at most {@code limit} of them (1 to 500: a
   * larger limit reads 500): first those with the same {@link MatchKeys#email} or the same {@link MatchKeys#phone},
   * then those with a {@link MatchKeys#name} among {@link MatchKeys#nameLookups()} (a common name
   * may fill the limit; an address or number never waits behind it), each group in id order. The adapter stores each lead's keys
   * ({@link MatchKeys#of(dev.rapport.crm.common.PersonName, java.util.Optional, java.util.Optional)})
   * and answers with index look-ups, not a scan.
   */
  List<Lead> findByMatchKeys(MatchKeys keys, int limit);

  /**
   * The page of leads matching the query, in id (creation) order, after the request's cursor. The
   * next cursor is the last item's id, present only when more matching leads follow.
   */
  Page<Lead> query(LeadQuery query, PageRequest page);

  /**
   * How many leads match the query: as many as walking every page of {@link #query} returns. The
   * default walks the pages (one statement per 500 leads); an adapter should count in its store.
   */
  default long count(LeadQuery query) {
    return Pages.count(p -> query(query, p));
  }

  /**
   * Stores a new lead (its version must be 0) and returns it with version 1.
   *
   * @throws DuplicateException if the id is taken
   * @throws IllegalArgumentException if the version is not 0 or the tenant not this unit's
   */
  Lead insert(Lead lead);

  /**
   * Stores new leads (each at version 0) and returns them with version 1, in list order: what
   * {@link #insert} does for each, which the default calls. An adapter may write them in one
   * statement per table instead (the JPA adapter does on PostgreSQL); they are then readable
   * through this unit like any insert.
   *
   * @throws DuplicateException if an id is taken, or appears twice in the list
   * @throws IllegalArgumentException if a version is not 0 or a tenant not this unit's
   */
  default List<Lead> insertAll(List<Lead> leads) {
    List<Lead> stored = new java.util.ArrayList<>(leads.size());
    for (Lead lead : leads) {
      stored.add(insert(lead));
    }
    return stored;
  }

  /**
   * Stores a changed lead whose {@link Lead#version()} is the version it was read at, and returns
   * it with the version increased by one.
   *
   * @throws NotFoundException if the tenant has no lead with this id
   * @throws ConcurrentUpdateException if the stored version is not the lead's version (now or at commit)
   * @throws IllegalArgumentException if the tenant is not this unit's
   */
  Lead update(Lead lead);

  /**
   * Deletes the lead (a merge retires it; its record is kept by the merge for undo).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at the lead's
   *     version (checked at once or at commit)
   */
  void delete(Lead lead);
}
