package dev.rapport.crm.memory;

import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.search.SearchQuery;
import dev.rapport.crm.search.SearchRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Search in memory: each lead, contact and account is filed under the trigrams of its search text
 * (the {@link Kinds#GRAM} index); a search tallies the records filed under the query's trigrams
 * and reads those holding enough of them to reach the query's similarity. The core judges and
 * ranks them.
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

  private static <I extends Comparable<I>, R> List<R> candidates(Buffer<I, R> buffer, SearchQuery query,
      Function<R, Optional<String>> owner) {
    Objects.requireNonNull(query, "query");
    List<String> text = query.grams();
    List<String> digits = query.digitGrams();
    int needText = query.minimumShared(text.size());
    int needDigits = digits.isEmpty() ? Integer.MAX_VALUE : query.minimumShared(digits.size());
    Map<I, Integer> byText = buffer.tally(Kinds.GRAM, text);
    Map<I, Integer> byDigits = digits.isEmpty() ? Map.of() : buffer.tally(Kinds.GRAM, digits);
    List<I> ids = new ArrayList<>();
    byText.forEach((id, n) -> {
      if (n >= needText) {
        ids.add(id);
      }
    });
    byDigits.forEach((id, n) -> {
      if (n >= needDigits && byText.getOrDefault(id, 0) < needText) {
        ids.add(id);
      }
    });
    List<R> out = new ArrayList<>(ids.size());
    for (R r : buffer.findAll(ids)) {
      if (query.owner().isEmpty() || query.owner().equals(owner.apply(r))) {
        out.add(r);
      }
    }
    return out;
  }
}
