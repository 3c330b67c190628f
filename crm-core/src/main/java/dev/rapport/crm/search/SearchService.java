package dev.rapport.crm.search;

import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.lead.Lead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds leads, contacts and accounts by part of a name, company, e-mail address, phone number,
 * domain or reference: typo-tolerant, ranked, paged. Reached through {@code crm.search()}.
 * Thread-safe.
 *
 * <p>Ranking: similarity descending; on a tie leads before contacts before accounts, then by id
 * (creation order). Every store ranks alike: PostgreSQL narrows with {@code pg_trgm} indexes, the
 * memory store with a trigram index of its own, H2 and MariaDB with {@code LIKE} patterns of the
 * query's trigrams; the similarity is computed the same way everywhere.
 */
public final class SearchService {
  /** The deepest a search pages: the first 10,000 hits. */
  public static final int MAX_HITS = 10_000;

  private final CrmContext ctx;

  /** Internal: obtain the service from {@code Crm.search()}. */
  SearchService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A page of the records the query finds, best first. The page's cursor is the position in the
   * ranking: a record written or changed while a caller pages may move.
   *
   * @throws ValidationException if the query or page is null, the cursor is not one a search page
   *     gave, or the page would reach past the first {@link #MAX_HITS} hits
   */
  public Page<SearchHit> search(SearchQuery query, PageRequest page) {
    Check.notNull(query, "query");
    Check.notNull(page, "page");
    int offset = page.after().map(SearchService::offsetOf).orElse(0);
    if (offset + page.size() > MAX_HITS) {
      throw new ValidationException("after", "must stay within the first " + MAX_HITS + " hits");
    }
    int limit = offset + page.size() + 1;
    List<Ranked> ranked = ctx.read(uow -> {
      SearchRepository repo = uow.port(SearchRepository.class);
      SearchQuery.Judge judge = query.judge();
      List<Ranked> out = new ArrayList<>();
      if (query.kinds().contains(SearchKind.LEAD)) {
        for (Lead l : repo.leads(query, limit)) {
          add(out, query, judge, SearchKind.LEAD, l.id().value(), l.name().fullName(), l.owner(), SearchText.of(l));
        }
      }
      if (query.kinds().contains(SearchKind.CONTACT)) {
        for (Contact c : repo.contacts(query, limit)) {
          add(out, query, judge, SearchKind.CONTACT, c.id().value(), c.name().fullName(), c.owner(), SearchText.of(c));
        }
      }
      if (query.kinds().contains(SearchKind.ACCOUNT)) {
        for (Account a : repo.accounts(query, limit)) {
          add(out, query, judge, SearchKind.ACCOUNT, a.id().value(), a.name(), a.owner(), SearchText.of(a));
        }
      }
      return out;
    });
    ranked.sort(ORDER);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = offset; i < Math.min(ranked.size(), offset + page.size()); i++) {
      hits.add(ranked.get(i).hit());
    }
    boolean more = ranked.size() > offset + page.size();
    return new Page<>(hits, more ? Optional.of(cursor(offset + page.size())) : Optional.empty());
  }

  /**
   * Gives up to {@code batchSize} records stored before this version of the store kept search text
   * (a database migrated to schema version 15) their search text, in one unit of work; returns how
   * many. A host runs it after the upgrade, until it returns 0, from a job of its own; records'
   * versions do not change. Records written since are indexed as they are written.
   *
   * @throws ValidationException if the batch size is not 1 to 500
   */
  public int indexStoredRecords(int batchSize) {
    Check.range(batchSize, "batchSize", 1, PageRequest.MAX_SIZE);
    return ctx.command(cmd -> cmd.uow().port(SearchRepository.class).indexUnindexed(batchSize));
  }

  private static void add(List<Ranked> out, SearchQuery query, SearchQuery.Judge judge, SearchKind kind, UUID id, String label,
      Optional<String> owner, SearchText text) {
    if (query.owner().isPresent() && !query.owner().equals(owner)) {
      return; // an adapter narrows by owner too; the core does not rely on it
    }
    judge.match(text).ifPresent(m -> out.add(
        new Ranked(m.similarity(), new SearchHit(kind, id, label, m.field(), m.similarity()))));
  }

  private record Ranked(float similarity, SearchHit hit) {}

  private static final Comparator<Ranked> ORDER = Comparator
      .comparingDouble((Ranked r) -> -r.similarity())
      .thenComparing(r -> r.hit().kind())
      .thenComparing((a, b) -> compareUnsigned(a.hit().id(), b.hit().id()));

  private static int compareUnsigned(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /** A search page's cursor: its offset in the ranking, as a UUID a {@link PageRequest} holds. */
  private static String cursor(int offset) {
    return new UUID(CURSOR_MARK, offset).toString();
  }

  private static int offsetOf(String cursor) {
    UUID u = UUID.fromString(cursor);
    if (u.getMostSignificantBits() != CURSOR_MARK || u.getLeastSignificantBits() < 0
        || u.getLeastSignificantBits() > MAX_HITS) {
      throw new ValidationException("after", "must be a cursor a search page gave");
    }
    return (int) u.getLeastSignificantBits();
  }

  /** The high bits of every search cursor: no record id has them (ids are time-ordered). */
  private static final long CURSOR_MARK = 0x5ea4c40000000000L;
}
