package dev.rapport.crm.memory;

import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.search.SearchQuery;
import dev.rapport.crm.search.SearchRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Search in memory: each lead, contact and account is filed under the trigrams of its search text
 * (the {@link Kinds#GRAM} index); a search reads the records filed under enough of the query's
 * trigrams to reach its similarity ({@link Buffer#filedUnderAtLeast}). The core judges and ranks
 * them.
 */
final class MemorySearch implements SearchRepository {
  private final MemoryUnitOfWork uow;

  MemorySearch(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public List<Lead> leads(SearchQuery query, int limit) {
    return candidates(((MemoryLeads) uow.leads()).buffer(), query, Lead::owner);
  }

  @Override
  public List<Contact> contacts(SearchQuery query, int limit) {
    return candidates(((MemoryContacts) uow.contacts()).buffer(), query, Contact::owner);
  }

  @Override
  public List<Account> accounts(SearchQuery query, int limit) {
    return candidates(((MemoryAccounts) uow.accounts()).buffer(), query, Account::owner);
  }

  /** Every record is filed under its trigrams as it is written: none is left to index. */
  @Override
  public int indexUnindexed(int limit) {
    uow.requireOpen();
    return 0;
  }

  private static <I extends Comparable<I>, R> List<R> candidates(Buffer<I, R> buffer, SearchQuery query,
      Function<R, Optional<String>> owner) {
    Objects.requireNonNull(query, "query");
    List<String> text = query.grams();
    List<String> digits = query.digitGrams();
    java.util.Set<I> ids = new java.util.LinkedHashSet<>(
        buffer.filedUnderAtLeast(Kinds.GRAM, text, query.minimumShared(text.size())));
    if (!digits.isEmpty()) {
      ids.addAll(buffer.filedUnderAtLeast(Kinds.GRAM, digits, query.minimumShared(digits.size())));
    }
    List<R> out = new ArrayList<>(ids.size());
    for (R r : buffer.findAll(ids)) {
      if (query.owner().isEmpty() || query.owner().equals(owner.apply(r))) {
        out.add(r);
      }
    }
    return out;
  }
}
