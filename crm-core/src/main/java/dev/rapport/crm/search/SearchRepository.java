package dev.rapport.crm.search;

import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import java.util.List;

/**
 * Port: the records a search may find, read from what the adapter stored for {@link SearchText}.
 * The core judges each record it is given ({@link SearchQuery}'s similarity) and ranks them; an
 * adapter narrows the tenant's records as its store allows (a trigram index, an index of its own,
 * {@code LIKE} patterns of the query's trigrams).
 *
 * <p>Each method returns records of one kind (only the query's owner's, if it names one) that
 * include, among the records whose similarity reaches the query's minimum, at least the first
 * {@code limit} in ranking order (similarity descending, then id), or all of them if there are
 * fewer. It may return other records too: the core drops those below the minimum.
 */
public interface SearchRepository {

  /** Leads the query may find. */
  List<Lead> leads(SearchQuery query, int limit);

  /** Contacts the query may find. */
  List<Contact> contacts(SearchQuery query, int limit);

  /** Accounts the query may find. */
  List<Account> accounts(SearchQuery query, int limit);

  /**
   * Gives up to {@code limit} stored leads, contacts and accounts that have no search text yet
   * (stored by a version of the adapter before it kept one) their search text, without changing
   * their versions; returns how many. 0 once every record has one (always, for an adapter that
   * keeps it from the first record on).
   */
  int indexUnindexed(int limit);
}
